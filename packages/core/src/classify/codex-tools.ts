import type { Action } from '../action.js';
import { resolvePath } from '../paths/classify-path.js';
import { mcpActions } from './mcp-actions.js';
import { parseApplyPatch } from './parse-apply-patch.js';
import { asRecord, type ClassifyToolOptions, parseMcpToolName, stringField } from './tool-table.js';

// Tool names as Codex 0.169 reports them in hook inputs. Every shell path (`exec_command`,
// the older `shell`/`shell_command`, `local_shell`) arrives as `Bash` with `{command: string}`;
// the other names are kept for older builds and direct callers.
const SHELL_TOOLS = new Set(['Bash', 'exec_command', 'shell', 'shell_command', 'local_shell']);

/** Codex tools that only change the agent's own state: plans, goals, questions, tool discovery. */
const INTERNAL_TOOLS = new Set([
  'update_plan',
  'request_user_input',
  'request_permissions',
  'get_goal',
  'create_goal',
  'update_goal',
  'tool_search',
  'write_stdin',
  'sleep',
  // Managing subagents that already exist (spawning one is agent.spawn).
  'send_input',
  'resume_agent',
  'wait_agent',
  'close_agent',
  'list_agents',
]);

/** Codex's own MCP resource tools: their `server` argument names the MCP server. */
const MCP_RESOURCE_TOOLS = new Set([
  'list_mcp_resources',
  'list_mcp_resource_templates',
  'read_mcp_resource',
]);

// Codex intercepts `apply_patch <<'EOF' ... EOF` (optionally after `cd <dir> &&`) in a shell
// command and applies the patch itself; the hook still sees a `Bash` call. Any other shell use
// of the `apply_patch` helper binary writes files just the same.
const APPLY_PATCH_INVOCATION =
  /(?:^|[\s;&|()`])(?:[^\s;&|()`]*\/)?(?:apply_patch|applypatch)(?=$|[\s;&|()<>`])/;
const CD_BEFORE_APPLY_PATCH =
  /(?:^|[\s;&|()])cd\s+('[^']*'|"[^"]*"|[^\s;&|()]+)\s*(?:&&|;)\s*(?:[^\s;&|()`]*\/)?(?:apply_patch|applypatch)\b/;

function shellCommandText(input: Record<string, unknown>): string {
  // Older builds sent an argv array; 0.169 sends one command string.
  const command = input.command ?? input.cmd;
  if (Array.isArray(command)) return command.map(String).join(' ');
  return typeof command === 'string' ? command : '';
}

function patchActions(options: {
  tool: string;
  patch: string;
  directories: string[];
  home: string;
}): Action[] {
  const { tool, directories } = options;
  // Every directory the patch could be applied in gets its paths; the policy takes the strictest.
  const absolute = (value: string) => [
    ...new Set(directories.map((cwd) => resolvePath({ path: value, cwd, home: options.home }))),
  ];
  const actions: Action[] = [];
  for (const operation of parseApplyPatch(options.patch)) {
    if (operation.kind === 'delete') {
      actions.push({ kind: 'file.delete', tool, resources: { paths: absolute(operation.path) } });
      continue;
    }
    actions.push({
      kind: 'file.write',
      tool,
      resources: { paths: absolute(operation.path), text: operation.addedText },
    });
    if (operation.moveTo) {
      // A move deletes the old path and writes the new one.
      actions.push({ kind: 'file.delete', tool, resources: { paths: absolute(operation.path) } });
      actions.push({
        kind: 'file.write',
        tool,
        resources: { paths: absolute(operation.moveTo), text: operation.addedText },
      });
    }
  }
  return actions;
}

/** File actions of a patch applied from inside a shell command, if the command applies one. */
function embeddedPatchActions(options: { tool: string; command: string; cwd: string; home: string }) {
  const { command } = options;
  const begin = command.indexOf('*** Begin Patch');
  if (begin < 0 || !APPLY_PATCH_INVOCATION.test(command)) return [];
  const directories = [options.cwd];
  const cd = CD_BEFORE_APPLY_PATCH.exec(command);
  if (cd) {
    const target = cd[1]!.replace(/^(['"])(.*)\1$/, '$2');
    directories.push(resolvePath({ path: target, cwd: options.cwd, home: options.home }));
  }
  return patchActions({ tool: options.tool, patch: command.slice(begin), directories, home: options.home });
}

/** Codex's tool table: tool name and `tool_input` of a hook input -> Warden actions. */
export function classifyCodexTool(options: ClassifyToolOptions): Action[] {
  const tool = options.name;
  const input = asRecord(options.input);
  const absolute = (value: string) => resolvePath({ path: value, cwd: options.cwd, home: options.home });

  if (SHELL_TOOLS.has(tool)) {
    const command = shellCommandText(input);
    return [
      { kind: 'shell.exec', tool, resources: { command } },
      ...embeddedPatchActions({ tool, command, cwd: options.cwd, home: options.home }),
    ];
  }
  if (tool === 'apply_patch') {
    const patch =
      stringField(input, 'command') ?? stringField(input, 'patch') ?? stringField(input, 'input') ?? '';
    const actions = patchActions({ tool, patch, directories: [options.cwd], home: options.home });
    // A patch Warden cannot read is still a write: path rules cannot match it, content rules can.
    return actions.length > 0
      ? actions
      : [{ kind: 'file.write', tool, resources: { paths: [], text: patch } }];
  }
  if (tool === 'spawn_agent' || tool === 'Agent') {
    return [
      {
        kind: 'agent.spawn',
        tool,
        resources: {
          agentType: stringField(input, 'agent_type') ?? stringField(input, 'role'),
          text: stringField(input, 'message') ?? stringField(input, 'prompt'),
        },
      },
    ];
  }
  if (tool === 'view_image') {
    const imagePath = stringField(input, 'path');
    return [{ kind: 'file.read', tool, resources: { paths: imagePath ? [absolute(imagePath)] : [] } }];
  }
  if (tool === 'web_search') {
    // Hosted: Codex never sends it to hooks today, but a build that does gets a real action.
    return [{ kind: 'net.search', tool, resources: { query: stringField(input, 'query') ?? '' } }];
  }
  if (INTERNAL_TOOLS.has(tool)) return [{ kind: 'agent.internal', tool, resources: {} }];
  if (MCP_RESOURCE_TOOLS.has(tool)) {
    return [
      { kind: 'mcp.call', tool, resources: { mcpServer: stringField(input, 'server'), mcpTool: tool } },
    ];
  }
  const mcp = parseMcpToolName(tool);
  if (mcp)
    return mcpActions({
      tool,
      server: mcp.server,
      name: mcp.tool,
      input: options.input,
      cwd: options.cwd,
      home: options.home,
    });
  return [{ kind: 'tool.other', tool, resources: {} }];
}

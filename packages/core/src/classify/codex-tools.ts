import type { Action } from '../action.js';
import { resolvePath } from '../paths/classify-path.js';
import { parseApplyPatch } from './parse-apply-patch.js';
import { asRecord, type ClassifyToolOptions, parseMcpToolName, stringField } from './tool-table.js';

export function classifyCodexTool(options: ClassifyToolOptions): Action[] {
  const tool = options.name;
  const input = asRecord(options.input);
  const absolute = (value: string) => resolvePath({ path: value, cwd: options.cwd, home: options.home });

  if (tool === 'Bash' || tool === 'exec_command' || tool === 'shell' || tool === 'local_shell') {
    // Codex reports every shell path as Bash with `{command}`; older builds sent an argv array.
    const command = input.command ?? input.cmd;
    const text = Array.isArray(command)
      ? command.map(String).join(' ')
      : typeof command === 'string'
        ? command
        : '';
    return [{ kind: 'shell.exec', tool, resources: { command: text } }];
  }
  if (tool === 'apply_patch') {
    const patch =
      stringField(input, 'command') ?? stringField(input, 'patch') ?? stringField(input, 'input') ?? '';
    const operations = parseApplyPatch(patch);
    if (operations.length === 0) return [{ kind: 'file.write', tool, resources: { paths: [], text: patch } }];
    const actions: Action[] = [];
    for (const operation of operations) {
      if (operation.kind === 'delete') {
        actions.push({ kind: 'file.delete', tool, resources: { paths: [absolute(operation.path)] } });
        continue;
      }
      actions.push({
        kind: 'file.write',
        tool,
        resources: { paths: [absolute(operation.path)], text: operation.addedText },
      });
      if (operation.moveTo) {
        // A move deletes the old path and writes the new one.
        actions.push({ kind: 'file.delete', tool, resources: { paths: [absolute(operation.path)] } });
        actions.push({
          kind: 'file.write',
          tool,
          resources: { paths: [absolute(operation.moveTo)], text: operation.addedText },
        });
      }
    }
    return actions;
  }
  if (tool === 'spawn_agent') {
    return [
      {
        kind: 'agent.spawn',
        tool,
        resources: { agentType: stringField(input, 'agent_type'), text: stringField(input, 'message') },
      },
    ];
  }
  if (tool === 'view_image') {
    const imagePath = stringField(input, 'path');
    return [{ kind: 'file.read', tool, resources: { paths: imagePath ? [absolute(imagePath)] : [] } }];
  }
  if (tool === 'update_plan' || tool === 'write_stdin' || tool === 'tool_search') {
    return [{ kind: 'agent.internal', tool, resources: {} }];
  }
  const mcp = parseMcpToolName(tool);
  if (mcp) return [{ kind: 'mcp.call', tool, resources: { mcpServer: mcp.server, mcpTool: mcp.tool } }];
  return [{ kind: 'tool.other', tool, resources: {} }];
}

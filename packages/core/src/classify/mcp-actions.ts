import type { Action } from '../action.js';
import type { Finding } from '../finding.js';
import { resolvePath } from '../paths/classify-path.js';
import { asRecord, urlResources } from './tool-table.js';

/** Argument names under which MCP servers take files (filesystem, git, editors, office, image tools). */
const PATH_KEYS =
  /^(path|paths|file|files|file_?path|file_?paths|filename|source|source_?path|destination|destination_?path|dest|target|target_?path|dir|directory|directory_?path|repo_?path|notebook_?path|old_?path|new_?path|from|to)$/i;
/** Argument names under which they take a URL to open or fetch. */
const URL_KEYS = /^(url|uri|href|link|endpoint|page_?url)$/i;
/** Argument names under which shell and terminal servers take a command. */
const COMMAND_KEYS = /^(command|cmd|script|shell_?command|command_?line)$/i;
/** Tool names that run what they are given. */
const RUNS = /(^|[_-])(exec|execute|run|shell|terminal|bash|command|spawn|start_process)([_-]|$)/i;
const DELETES = /(^|[_-])(delete|remove|rm|unlink|trash|erase|purge|wipe|destroy)([_-]|$)/i;
const WRITES =
  /(^|[_-])(write|create|edit|update|modify|move|rename|copy|append|put|save|patch|replace|insert|set|mkdir|upload|overwrite|apply)([_-]|$)/i;

/** A string an MCP server would take for a file on this machine (not a URL, not prose). */
function looksLikePath(value: string): boolean {
  if (value.length === 0 || value.length > 4096 || /[\n\0]/.test(value)) return false;
  if (value.startsWith('file://')) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return false;
  return /^(\/|~(\/|$)|\.{1,2}(\/|$)|\$HOME(\/|$))/.test(value) || (value.includes('/') && !/\s/.test(value));
}

/**
 * The actions of an MCP tool call: the call itself (for rules on servers and tools), plus what its
 * arguments show it does on this machine, so the rules for files, fetches and commands apply to
 * a filesystem server's `write_file` on `~/.bashrc`, a browser server's `navigate` to the metadata
 * service or a terminal server's `execute_command` as they do to the agent's own tools. The
 * server may resolve relative paths against its own root; they are read against the cwd.
 */
export function mcpActions(options: {
  tool: string;
  server: string | undefined;
  name: string;
  input: unknown;
  cwd: string;
  home: string;
}): Action[] {
  const { tool, name } = options;
  const actions: Action[] = [
    { kind: 'mcp.call', tool, resources: { mcpServer: options.server, mcpTool: name } },
  ];
  const input = asRecord(options.input);
  const paths: string[] = [];
  for (const [key, value] of Object.entries(input)) {
    if (PATH_KEYS.test(key)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (typeof item !== 'string' || !looksLikePath(item)) continue;
        const file = item.startsWith('file://') ? decodeURIComponent(item.slice('file://'.length)) : item;
        paths.push(resolvePath({ path: file, cwd: options.cwd, home: options.home }));
      }
    } else if (URL_KEYS.test(key) && typeof value === 'string' && /^https?:\/\//i.test(value)) {
      actions.push({ kind: 'net.fetch', tool, resources: urlResources(value) });
    } else if (COMMAND_KEYS.test(key) && typeof value === 'string' && RUNS.test(name) && value.trim()) {
      actions.push({ kind: 'shell.exec', tool, resources: { command: value } });
    }
  }
  if (paths.length > 0) {
    const kind = DELETES.test(name) ? 'file.delete' : WRITES.test(name) ? 'file.write' : 'file.read';
    const content = typeof input.content === 'string' ? input.content : undefined;
    actions.push({
      kind,
      tool,
      resources: { paths, ...(kind === 'file.write' && content !== undefined ? { text: content } : {}) },
    });
  }
  return actions;
}

/** Tool names whose work cannot be taken back: `delete_repository`, `dropTable`, `terminate-instance`. */
const DESTRUCTIVE =
  /(?:^|[_-])(?:delete|remove|drop|destroy|purge|wipe|truncate|terminate|erase|revoke|force_?push)(?:[_-]|[A-Z]|$)|[a-z0-9](?:Delete|Remove|Drop|Destroy|Purge|Wipe|Truncate|Terminate|Erase|Revoke|ForcePush)(?:[_-]|[A-Z]|$)/;

/** A finding for an MCP tool whose name says it destroys something (rules ask about these). */
export function destructiveMcpFinding(tool: string | undefined): Finding | undefined {
  if (!tool || !DESTRUCTIVE.test(tool)) return undefined;
  return {
    id: 'mcp.destructive_tool',
    message: `the MCP tool ${tool} destroys what it names`,
    subject: tool,
  };
}

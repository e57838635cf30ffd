/**
 * What a tool call's `tool_input` must hold for Warden to judge it: an object, and for the tools
 * whose action depends on one field, that field as a string (a shell command, a file path, a URL).
 * A call without them would otherwise be classified as an empty command or a pathless write and
 * pass rules it should not; adapters turn the message into a parse failure, so the failure
 * policy (closed for tool calls by default) answers.
 */

type Requirement = readonly string[];

// Each requirement lists alternative field names; one of them must be a string.
const CLAUDE_CODE: Readonly<Record<string, readonly Requirement[]>> = {
  Bash: [['command']],
  PowerShell: [['command']],
  Read: [['file_path']],
  Write: [['file_path'], ['content']],
  Edit: [['file_path']],
  MultiEdit: [['file_path']],
  NotebookEdit: [['notebook_path']],
  WebFetch: [['url']],
  WebSearch: [['query']],
};

const CODEX_SHELL_TOOLS = new Set(['Bash', 'exec_command', 'shell', 'shell_command', 'local_shell']);
const CODEX: Readonly<Record<string, readonly Requirement[]>> = {
  apply_patch: [['command', 'patch', 'input']],
};

const TABLES: Readonly<Record<string, Readonly<Record<string, readonly Requirement[]>>>> = {
  'claude-code': CLAUDE_CODE,
  'agent-sdk': CLAUDE_CODE,
  codex: CODEX,
};

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/** Why a tool call's input cannot be judged, or undefined when it can. */
export function checkToolInput(options: { agent: string; tool: string; input: unknown }): string | undefined {
  const { agent, tool, input } = options;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return `tool_input of ${tool} must be an object, but it is ${describe(input)}`;
  }
  const record = input as Record<string, unknown>;
  if (agent === 'codex' && CODEX_SHELL_TOOLS.has(tool)) {
    // Older Codex builds sent an argv array; 0.169 sends one string.
    const command = Object.hasOwn(record, 'command') ? record.command : record.cmd;
    const valid =
      typeof command === 'string' ||
      (Array.isArray(command) && command.length > 0 && command.every((part) => typeof part === 'string'));
    return valid
      ? undefined
      : `tool_input.command of ${tool} must be a string, but it is ${describe(command)}`;
  }
  const table = TABLES[agent];
  const requirements = table && Object.hasOwn(table, tool) ? table[tool]! : [];
  for (const names of requirements) {
    const found = names.some((name) => Object.hasOwn(record, name) && typeof record[name] === 'string');
    if (!found) {
      const value = Object.hasOwn(record, names[0]!) ? record[names[0]!] : undefined;
      return `tool_input.${names.join(' or ')} of ${tool} must be a string, but it is ${describe(value)}`;
    }
  }
  return undefined;
}

import type { Action } from '../action.js';
import type { GuardEvent } from '../guard-event.js';
import { classifyClaudeCodeTool } from './claude-code-tools.js';
import { classifyCodexTool } from './codex-tools.js';
import type { ToolTable } from './tool-table.js';

/** The tool tables, by adapter id. The Agent SDK runs Claude Code, so it shares its table. */
export const TOOL_TABLES: Record<string, ToolTable> = {
  'claude-code': classifyClaudeCodeTool,
  'agent-sdk': classifyClaudeCodeTool,
  codex: classifyCodexTool,
};

function stringify(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** Turns an event into the actions it performs. Tool results carry the tool's actions plus its output as text. */
export function classifyEvent(options: { event: GuardEvent; home: string }): Action[] {
  const { event } = options;
  switch (event.phase) {
    case 'prompt':
      return [{ kind: 'prompt.submit', resources: { text: event.prompt ?? '' } }];
    case 'response':
      return [{ kind: 'response.final', resources: { text: event.output ?? '' } }];
    case 'session':
      return [{ kind: 'session.event', resources: {} }];
    default: {
      if (!event.tool) return [{ kind: 'tool.other', resources: {} }];
      const table = TOOL_TABLES[event.agent] ?? classifyClaudeCodeTool;
      const actions = table({
        name: event.tool.name,
        input: event.tool.input,
        cwd: event.cwd,
        home: options.home,
      });
      if (event.phase === 'tool_result') {
        const text = stringify(event.tool.response);
        return actions.map((action) => ({ ...action, resources: { ...action.resources, text } }));
      }
      return actions;
    }
  }
}

import path from 'node:path';
import type { Action } from '../action.js';
import { resolvePath } from '../paths/classify-path.js';
import { mcpActions } from './mcp-actions.js';
import {
  asRecord,
  type ClassifyToolOptions,
  parseMcpToolName,
  stringField,
  urlResources,
} from './tool-table.js';

/** Claude Code tools that only change the agent's own state (plans, task lists, questions to the user). */
const INTERNAL_TOOLS = new Set([
  'AskUserQuestion',
  'CronList',
  'EnterPlanMode',
  'ExitPlanMode',
  'EnterWorktree',
  'ExitWorktree',
  'ListAgents',
  'ListMcpResourcesTool',
  'Monitor',
  'ReadNotifications',
  'ReportFindings',
  'SetGoal',
  'SubagentHandback',
  'TaskCreate',
  'TaskGet',
  'TaskList',
  'TaskStop',
  'TaskUpdate',
  'TodoWrite',
  'ToolSearch',
  'WaitForMcpServers',
  'LSP',
]);

/** Old tool names still seen from older Claude Code versions. */
const LEGACY_ALIASES: Record<string, string> = {
  Task: 'Agent',
  KillShell: 'TaskStop',
  KillBash: 'TaskStop',
  ListPeers: 'ListAgents',
  ProposeGoal: 'SetGoal',
  MultiEdit: 'Edit',
};

export function classifyClaudeCodeTool(options: ClassifyToolOptions): Action[] {
  const tool = options.name;
  const name = LEGACY_ALIASES[tool] ?? tool;
  const input = asRecord(options.input);
  const absolute = (value: string | undefined): string[] =>
    value ? [resolvePath({ path: value, cwd: options.cwd, home: options.home })] : [];

  switch (name) {
    case 'Bash':
    case 'PowerShell':
      return [{ kind: 'shell.exec', tool, resources: { command: stringField(input, 'command') ?? '' } }];
    case 'Read':
      return [{ kind: 'file.read', tool, resources: { paths: absolute(stringField(input, 'file_path')) } }];
    case 'Write':
      return [
        {
          kind: 'file.write',
          tool,
          resources: {
            paths: absolute(stringField(input, 'file_path')),
            text: stringField(input, 'content'),
          },
        },
      ];
    case 'Edit': {
      const edits = Array.isArray(input.edits) ? input.edits.map(asRecord) : [];
      const text = [stringField(input, 'new_string'), ...edits.map((edit) => stringField(edit, 'new_string'))]
        .filter((value) => value !== undefined)
        .join('\n');
      return [
        { kind: 'file.write', tool, resources: { paths: absolute(stringField(input, 'file_path')), text } },
      ];
    }
    case 'NotebookEdit':
      return [
        {
          kind: 'file.write',
          tool,
          resources: {
            paths: absolute(stringField(input, 'notebook_path')),
            text: stringField(input, 'new_source'),
          },
        },
      ];
    case 'Glob':
    case 'Grep': {
      const searchPath = stringField(input, 'path');
      const pattern = stringField(input, 'pattern');
      const paths = absolute(searchPath ?? options.cwd);
      // A Glob pattern may itself carry a directory (`/etc/**` or `~/.ssh/*`): record its fixed prefix too.
      if (name === 'Glob' && pattern && /^(\/|~)/.test(pattern)) {
        const fixed = pattern.split(/[*?[{]/)[0] ?? '';
        paths.push(...absolute(fixed.endsWith('/') ? fixed : path.dirname(fixed)));
      }
      return [{ kind: 'file.read', tool, resources: { paths, ...(pattern ? { pattern } : {}) } }];
    }
    case 'WebFetch':
      return [{ kind: 'net.fetch', tool, resources: urlResources(stringField(input, 'url')) }];
    case 'WebSearch':
      return [{ kind: 'net.search', tool, resources: { query: stringField(input, 'query') ?? '' } }];
    case 'Agent':
      return [
        {
          kind: 'agent.spawn',
          tool,
          resources: {
            agentType: stringField(input, 'subagent_type') ?? 'general-purpose',
            text: stringField(input, 'prompt'),
          },
        },
      ];
    case 'Skill':
      return [
        {
          kind: 'agent.internal',
          tool,
          resources: { agentType: stringField(input, 'skill') ?? stringField(input, 'command') },
        },
      ];
    case 'ReadMcpResourceTool':
    case 'ReadMcpResourceDirTool':
      return [
        { kind: 'mcp.call', tool, resources: { mcpServer: stringField(input, 'server'), mcpTool: name } },
      ];
    default: {
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
      if (INTERNAL_TOOLS.has(name)) return [{ kind: 'agent.internal', tool, resources: {} }];
      return [{ kind: 'tool.other', tool, resources: {} }];
    }
  }
}

import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('agents/other-agents', () => {
  it("raises shell.nested_agent_unguarded for gemini --yolo -p 'x'", () => {
    const result = describeLine("gemini --yolo -p 'x'");
    expect(result.findings).toEqual(['shell.nested_agent_unguarded']);
  });
  it('raises shell.nested_agent_unguarded for aider --yes-always --message x', () => {
    const result = describeLine('aider --yes-always --message x');
    expect(result.findings).toEqual(['shell.nested_agent_unguarded']);
  });
  it("raises nothing for gemini -p 'explain'", () => {
    const result = describeLine("gemini -p 'explain'");
    expect(result.findings).toEqual([]);
  });
});

describe('agents/other-agents through the engine', () => {
  itDecides([
    { command: "gemini -p 'explain this'", effect: 'allow' },
    { command: 'gemini --yolo', effect: 'deny', findings: ['shell.nested_agent_unguarded'] },
    { command: 'qwen --yolo', effect: 'deny', findings: ['shell.nested_agent_unguarded'] },
    { command: 'aider --yes-always', effect: 'deny', findings: ['shell.nested_agent_unguarded'] },
    { command: 'cursor-agent -p fix --force', effect: 'deny', findings: ['shell.nested_agent_unguarded'] },
    { command: 'amp --dangerously-allow-all', effect: 'deny', findings: ['shell.nested_agent_unguarded'] },
    { command: 'copilot --allow-all-tools', effect: 'deny', findings: ['shell.nested_agent_unguarded'] },
    { command: 'opencode run fix', effect: 'allow' },
    { command: 'goose run', effect: 'allow' },
    { command: 'crush --yolo', effect: 'deny', findings: ['shell.nested_agent_unguarded'] },
    {
      command: 'goose postgres "user=app dbname=prod" reset',
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    {
      command: 'goose -dir db/migrations mysql "$DSN" down-to 0',
      effect: 'ask',
      findings: ['shell.database_destructive'],
    },
    { command: 'goose -dir db/migrations postgres "$DSN" up', effect: 'allow' },
  ]);
});

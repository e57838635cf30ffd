import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('agents/claude', () => {
  it("raises shell.nested_agent_unguarded for claude --dangerously-skip-permissions -p 'fix it'", () => {
    const result = describeLine("claude --dangerously-skip-permissions -p 'fix it'");
    expect(result.findings).toEqual(['shell.nested_agent_unguarded']);
  });
  it('raises shell.nested_agent_unguarded for claude --permission-mode bypassPermissions -p x', () => {
    const result = describeLine('claude --permission-mode bypassPermissions -p x');
    expect(result.findings).toEqual(['shell.nested_agent_unguarded']);
  });
  it('raises shell.nested_agent_unguarded for claude --settings \'{"disableAllHooks": true}\' -p x', () => {
    const result = describeLine('claude --settings \'{"disableAllHooks": true}\' -p x');
    expect(result.findings).toEqual(['shell.nested_agent_unguarded']);
  });
  it("raises nothing for claude -p 'summarise the diff'", () => {
    const result = describeLine("claude -p 'summarise the diff'");
    expect(result.findings).toEqual([]);
  });
});

describe('agents/claude through the engine', () => {
  itDecides([
    { command: "claude -p 'fix the test'", effect: 'allow' },
    {
      command: 'claude --dangerously-skip-permissions -p x',
      effect: 'deny',
      findings: ['shell.nested_agent_unguarded'],
    },
    { command: 'claude-code --version', effect: 'allow' },
  ]);
});

import { describe, expect, it } from 'vitest';
import { describeLine, itDecides } from '../program-test.js';

describe('agents/codex', () => {
  it("raises shell.nested_agent_unguarded for codex exec --dangerously-bypass-approvals-and-sandbox 'x'", () => {
    const result = describeLine("codex exec --dangerously-bypass-approvals-and-sandbox 'x'");
    expect(result.findings).toEqual(['shell.nested_agent_unguarded']);
  });
  it("raises shell.nested_agent_unguarded for codex exec -s danger-full-access -a never 'x'", () => {
    const result = describeLine("codex exec -s danger-full-access -a never 'x'");
    expect(result.findings).toEqual(['shell.nested_agent_unguarded']);
  });
  it("raises nothing for codex exec --full-auto 'run tests'", () => {
    const result = describeLine("codex exec --full-auto 'run tests'");
    expect(result.findings).toEqual([]);
  });
});

describe('agents/codex through the engine', () => {
  itDecides([
    { command: "codex exec 'fix tests'", effect: 'allow' },
    {
      command: 'codex --dangerously-bypass-approvals-and-sandbox',
      effect: 'deny',
      findings: ['shell.nested_agent_unguarded'],
    },
  ]);
});

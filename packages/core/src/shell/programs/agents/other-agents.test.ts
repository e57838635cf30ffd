import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

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

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CanUseTool } from '@anthropic-ai/claude-agent-sdk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import preToolUseSample from './__fixtures__/agent-sdk-PreToolUse.json' with { type: 'json' };
import { readAuditRecords } from './test-helpers.js';
import { wardenCanUseTool } from './warden-can-use-tool.js';

const CONTEXT = { userId: 'user-42', clientIp: '203.0.113.7', tenant: 'acme' };

let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-agent-sdk-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

const auditRecords = () => readAuditRecords(path.join(home, 'audit'));

// The options the SDK 0.3.330 passes, as observed in a real run (default permission mode).
const callOptions = (toolUseID: string): Parameters<CanUseTool>[2] => ({
  signal: new AbortController().signal,
  suggestions: [],
  toolUseID,
  requestId: 'request-1',
  title: 'Claude wants to run a command',
});

describe('wardenCanUseTool', () => {
  it('allows a harmless call and hands the input back unchanged', async () => {
    const canUseTool = wardenCanUseTool({ home, cwd: preToolUseSample.cwd });
    const input = preToolUseSample.tool_input;
    expect(await canUseTool('Bash', input, callOptions(preToolUseSample.tool_use_id))).toEqual({
      behavior: 'allow',
      updatedInput: input,
    });
  });

  it('denies a destructive call with the reason as the message', async () => {
    const canUseTool = wardenCanUseTool({ home, cwd: preToolUseSample.cwd });
    expect(await canUseTool('Bash', { command: 'rm -rf ~/' }, callOptions('toolu_2'))).toEqual({
      behavior: 'deny',
      message: expect.stringMatching(/^Warden \(shell\.recursive-delete-outside-project\) /),
    });
  });

  it('judges paths against the session directory it is given', async () => {
    const inProject = wardenCanUseTool({ home, cwd: '/home/dev/project' });
    expect(await inProject('Bash', { command: 'rm -rf build' }, callOptions('toolu_3'))).toMatchObject({
      behavior: 'allow',
    });
    const elsewhere = wardenCanUseTool({ home, cwd: '/home/dev/other' });
    expect(
      await elsewhere('Bash', { command: 'rm -rf /home/dev/project/build' }, callOptions('toolu_4')),
    ).toMatchObject({
      behavior: 'deny',
    });
  });

  it('denies what the policy asks about when the app has no prompt of its own', async () => {
    const canUseTool = wardenCanUseTool({ home });
    expect(await canUseTool('SomeNewTool', {}, callOptions('toolu_5'))).toEqual({
      behavior: 'deny',
      message: expect.stringMatching(/^Warden \(tools\.unknown\) needs approval: /),
    });
  });

  it("hands what the policy asks about to the app's own prompt, and only that", async () => {
    const onAsk = vi.fn<CanUseTool>(async () => ({ behavior: 'allow', updatedInput: { approved: true } }));
    const canUseTool = wardenCanUseTool({ home, onAsk });
    expect(await canUseTool('SomeNewTool', {}, callOptions('toolu_6'))).toEqual({
      behavior: 'allow',
      updatedInput: { approved: true },
    });
    expect(onAsk).toHaveBeenCalledWith('SomeNewTool', {}, expect.objectContaining({ toolUseID: 'toolu_6' }));
    await canUseTool('Bash', { command: 'rm -rf ~/' }, callOptions('toolu_7'));
    await canUseTool('Bash', { command: 'ls' }, callOptions('toolu_8'));
    expect(onAsk).toHaveBeenCalledTimes(1);
  });

  it('records every decision with the request context, the session and the MCP server', async () => {
    const canUseTool = wardenCanUseTool({
      home,
      context: CONTEXT,
      sessionId: 'session-9',
      cwd: '/home/dev/project',
    });
    await canUseTool('Bash', { command: 'ls' }, callOptions('toolu_9'));
    await canUseTool(
      'mcp__github__create_issue',
      { title: 'x' },
      {
        ...callOptions('toolu_10'),
        mcpServer: { name: 'github', source: 'user' },
        agentID: 'agent-1',
      },
    );
    expect(auditRecords()).toMatchObject([
      {
        hookEvent: 'canUseTool',
        agent: 'agent-sdk',
        session: 'session-9',
        cwd: '/home/dev/project',
        context: CONTEXT,
      },
      {
        hookEvent: 'canUseTool',
        tool: 'mcp__github__create_issue',
        actions: [{ kind: 'mcp.call', resources: { mcpServer: 'github', mcpTool: 'create_issue' } }],
        context: CONTEXT,
        meta: { agent_id: 'agent-1' },
      },
    ]);
  });

  it('applies the failure policy when the call cannot be read', async () => {
    const closed = wardenCanUseTool({ home });
    const broken = 'not an object' as unknown as Record<string, unknown>;
    expect(await closed('Bash', broken, callOptions('toolu_11'))).toEqual({
      behavior: 'deny',
      message: expect.stringContaining('failure policy is "closed"'),
    });
    const open = wardenCanUseTool({ home, failure: 'open' });
    expect(await open('Bash', broken, callOptions('toolu_12'))).toEqual({ behavior: 'allow' });
  });
});

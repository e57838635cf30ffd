import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CanUseTool, HookCallback, HookInput, Options } from '@anthropic-ai/claude-agent-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import preToolUseSample from './__fixtures__/agent-sdk-PreToolUse.json' with { type: 'json' };
import { wardenCanUseTool, wardenHooks } from './index.js';
import { readAuditRecords } from './test-helpers.js';

// The examples of README.md, run as written (with a throwaway home for the audit log).
let home: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-agent-sdk-readme-'));
});
afterEach(() => {
  rmSync(home, { recursive: true, force: true });
});

const signal = new AbortController().signal;
const preToolUse = (hooks: Options['hooks'], command: string) =>
  Promise.all(
    (hooks?.PreToolUse ?? []).flatMap((matcher) =>
      matcher.hooks.map((callback) =>
        callback({ ...preToolUseSample, tool_input: { command } } as HookInput, 'toolu_1', { signal }),
      ),
    ),
  );

describe('README examples', () => {
  it('quick start: the recommended pack denies a recursive delete in the home directory', async () => {
    const [output] = await preToolUse(wardenHooks({ home }), 'rm -rf ~/important');
    expect(output).toMatchObject({
      hookSpecificOutput: {
        permissionDecisionReason: expect.stringContaining(
          'Warden (shell.recursive-delete-outside-project): Recursive deletion outside the project',
        ),
      },
    });
  });

  it('in a server: the context of the request is in the audit record, and onDecision sees each decision', async () => {
    const counted: string[] = [];
    const metrics = { count: (name: string) => counted.push(name) };
    const request = { user: { id: 'u1', org: 'acme' }, socket: { remoteAddress: '198.51.100.4' } };
    const hooks = wardenHooks({
      home,
      policy: 'recommended',
      context: {
        userId: request.user.id,
        clientIp: request.socket.remoteAddress,
        tenant: request.user.org,
        labels: { route: '/agent' },
      },
      onDecision: ({ decision }) => metrics.count(`warden.${decision.effect}`),
    });
    await preToolUse(hooks, 'ls');
    expect(counted).toEqual(['warden.allow']);
    expect(readAuditRecords(path.join(home, 'audit'))[0]).toMatchObject({
      context: { userId: 'u1', clientIp: '198.51.100.4', tenant: 'acme', labels: { route: '/agent' } },
    });
  });

  it('next to your own hooks: both run, and the strictest answer is Warden’s deny', async () => {
    const seen: string[] = [];
    const myBashHook: HookCallback = async (input) => {
      seen.push(input.hook_event_name);
      return {};
    };
    const warden = wardenHooks({ home });
    const hooks: Options['hooks'] = {
      ...warden,
      PreToolUse: [...(warden.PreToolUse ?? []), { matcher: 'Bash', hooks: [myBashHook] }],
    };
    const outputs = await preToolUse(hooks, 'rm -rf /');
    expect(outputs).toEqual([
      expect.objectContaining({
        hookSpecificOutput: expect.objectContaining({ permissionDecision: 'deny' }),
      }),
      {},
    ]);
    expect(seen).toEqual(['PreToolUse']);
    expect(hooks.Stop).toBe(warden.Stop);
  });

  it('canUseTool: asks go to the app, denials come back with the reason', async () => {
    const askTheUserInTheUi: CanUseTool = async () => ({ behavior: 'deny', message: 'The user said no.' });
    const canUseTool = wardenCanUseTool({
      home,
      cwd: '/home/dev/project',
      context: { userId: 'u1' },
      onAsk: askTheUserInTheUi,
    });
    const options = { signal, toolUseID: 'toolu_1', requestId: 'r1' };
    expect(await canUseTool('SomeNewTool', {}, options)).toEqual({
      behavior: 'deny',
      message: 'The user said no.',
    });
    expect(await canUseTool('Bash', { command: 'rm -rf /' }, options)).toMatchObject({ behavior: 'deny' });
    expect(await canUseTool('Bash', { command: 'npm test' }, options)).toEqual({
      behavior: 'allow',
      updatedInput: { command: 'npm test' },
    });
  });

  it('a policy object extending the recommended pack', async () => {
    const hooks = wardenHooks({
      home,
      policy: {
        extends: 'recommended',
        rules: [
          {
            id: 'ops.no-drop',
            effect: 'deny',
            actions: ['mcp.call'],
            when: { mcpServers: ['ops'], mcpTools: ['drop_*'] },
            reason: 'Dropping databases is for humans. Ask the on-call engineer.',
          },
        ],
      },
    });
    const callback = hooks.PreToolUse![0]!.hooks[0]!;
    const input = {
      ...preToolUseSample,
      tool_name: 'mcp__ops__drop_database',
      tool_input: { name: 'customers' },
    };
    expect(await callback(input as HookInput, 'toolu_2', { signal })).toMatchObject({
      hookSpecificOutput: {
        permissionDecision: 'deny',
        permissionDecisionReason: expect.stringContaining('ops.no-drop'),
      },
    });
  });
});

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { warmResidentDecider } from './warm-resident-decider.js';

describe('warmResidentDecider', () => {
  it('decides one harmless input, idle, with a home that does not exist and an audit that records nothing', async () => {
    const seen: { env: NodeJS.ProcessEnv; input: unknown; anchor: unknown }[] = [];
    warmResidentDecider({
      createDecider: ({ env, writeAudit }) => ({
        decide: async (input) => {
          seen.push({ env, input, anchor: writeAudit({} as never) });
          return {};
        },
      }),
      input: (cwd) => ({ hook_event_name: 'PreToolUse', cwd }),
    });
    expect(seen).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toHaveLength(1);
    const [{ env, input, anchor }] = seen as [(typeof seen)[number]];
    expect(env.WARDEN_RESIDENT).toBe('0');
    expect(env.WARDEN_HOME).toBe(env.HOME);
    expect(existsSync(env.WARDEN_HOME!)).toBe(false);
    expect(input).toEqual({ hook_event_name: 'PreToolUse', cwd: env.WARDEN_HOME });
    expect(anchor).toEqual({ file: '', seq: 0, hash: '' });
    expect(Object.keys(env).some((name) => /^(WARDEN_(SERVER_URL|TOKEN|POLICY)|AKTO_)/.test(name))).toBe(
      false,
    );
  });

  it('survives a decider that throws', async () => {
    warmResidentDecider({
      createDecider: () => {
        throw new Error('boom');
      },
      input: () => ({}),
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
  });
});

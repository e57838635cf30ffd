import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decide } from '../decide.js';
import type { OrgPolicyCache } from '../ingest/warden-protocol.js';
import { bash, configFor, toolEvent } from '../test-helpers.js';
import { applyOrgPolicy, ORG_SUSPENDED_RULE_ID } from './apply-org-policy.js';
import { writeOrgPolicyCache } from './org-policy-cache.js';

const SERVER = 'http://127.0.0.1:8787';
let home: string;

beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-org-apply-'));
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

function cache(overrides: Partial<OrgPolicyCache> = {}): OrgPolicyCache {
  return {
    v: 1,
    etag: 'etag-1',
    policy: {
      rules: [
        {
          id: 'no-curl',
          effect: 'deny',
          actions: ['shell.exec'],
          when: { programs: ['curl'] },
          reason: 'Use the approved proxy.',
        },
        {
          id: 'ask-terraform',
          effect: 'ask',
          actions: ['shell.exec'],
          when: { programs: ['terraform'] },
          reason: 'Infrastructure changes need a second look.',
        },
      ],
    },
    suspended: null,
    fetchedAt: new Date().toISOString(),
    serverUrl: SERVER,
    ...overrides,
  };
}

function setup(options: { cache?: OrgPolicyCache; mode?: 'enforce' | 'observe' } = {}) {
  const config = { ...configFor({ extends: 'recommended' }, options.mode ?? 'enforce'), home };
  if (options.cache) writeOrgPolicyCache({ home, cache: options.cache });
  return config;
}

async function run(config: ReturnType<typeof setup>, event = bash('curl https://example.com')) {
  return applyOrgPolicy({ event, decision: decide(event, config), config, serverUrl: SERVER });
}

describe('applyOrgPolicy', () => {
  it('changes nothing when the device has no org policy copy', async () => {
    const config = setup();
    const event = bash('curl https://example.com');
    const local = decide(event, config);
    const applied = await applyOrgPolicy({ event, decision: local, config, serverUrl: SERVER });
    expect(applied).toEqual({ decision: local });
  });

  it('lets an org deny win over a local allow, with the org rule in the trace', async () => {
    const config = setup({ cache: cache() });
    const applied = await run(config);
    expect(applied.etag).toBe('etag-1');
    expect(applied.decision).toMatchObject({
      effect: 'deny',
      policyEffect: 'deny',
      ruleId: 'org:no-curl',
      reason: 'Use the approved proxy.',
      isDefault: false,
    });
    expect(applied.decision.trace.map((entry) => entry.ruleId)).toContain('org:no-curl');
  });

  it('keeps a local deny when the org policy allows, and an org ask does not soften it', async () => {
    const config = setup({ cache: cache() });
    const event = bash('rm -rf /');
    const local = decide(event, config);
    expect(local.effect).toBe('deny');
    const applied = await applyOrgPolicy({ event, decision: local, config, serverUrl: SERVER });
    expect(applied.decision.ruleId).toBe(local.ruleId);
    expect(applied.decision.effect).toBe('deny');
  });

  it('turns a local allow into the org ask', async () => {
    const config = setup({ cache: cache() });
    const applied = await run(config, bash('terraform plan'));
    expect(applied.decision).toMatchObject({ effect: 'ask', ruleId: 'org:ask-terraform' });
  });

  it('enforces an org policy that says mode enforce on a device in observe mode', async () => {
    const enforcing = cache({ policy: { ...(cache().policy as object), mode: 'enforce' } });
    const config = setup({ cache: enforcing, mode: 'observe' });
    expect((await run(config)).decision).toMatchObject({ effect: 'deny', mode: 'enforce' });

    writeOrgPolicyCache({ home, cache: cache({ etag: 'etag-2' }) });
    expect((await run(config)).decision).toMatchObject({
      effect: 'allow',
      policyEffect: 'deny',
      mode: 'observe',
    });
  });

  it('denies every tool call and prompt while suspended, with the reason, whatever the mode', async () => {
    const suspended = cache({
      policy: null,
      suspended: { scope: 'device', reason: 'laptop reported stolen', since: '2026-12-07T00:00:00.000Z' },
    });
    const config = setup({ cache: suspended, mode: 'observe' });
    const harmless = await run(config, bash('ls'));
    expect(harmless.decision).toMatchObject({
      effect: 'deny',
      policyEffect: 'deny',
      ruleId: ORG_SUSPENDED_RULE_ID,
    });
    expect(harmless.decision.reason).toContain('laptop reported stolen');
    expect(harmless.decision.reason).toContain('this device is suspended');

    const prompt = await run(
      config,
      toolEvent('x', {}, { phase: 'prompt', hookEvent: 'UserPromptSubmit', tool: undefined, prompt: 'hi' }),
    );
    expect(prompt.decision.effect).toBe('deny');

    const result = await run(config, bash('ls', { phase: 'tool_result', hookEvent: 'PostToolUse' }));
    expect(result.decision.effect).toBe('allow');
  });

  it('ignores an invalid org policy with a warning instead of bricking the device, but keeps a suspension', async () => {
    const broken = cache({
      policy: { rules: [{ id: 'x', effect: 'explode' }] },
      suspended: { scope: 'tenant', reason: 'incident 42', since: '2026-12-07T00:00:00.000Z' },
    });
    const config = setup({ cache: broken });
    const allowed = await run(
      config,
      bash('curl https://example.com', { phase: 'tool_result', hookEvent: 'PostToolUse' }),
    );
    expect(allowed.decision.effect).toBe('allow');
    expect(allowed.warning).toMatch(/org policy \(ETag etag-1\) is invalid and ignored: .*rules\.0/);
    const denied = await run(config, bash('ls'));
    expect(denied.decision).toMatchObject({ effect: 'deny', ruleId: ORG_SUSPENDED_RULE_ID });
    expect(denied.decision.reason).toContain('this organisation is suspended');
  });

  it('ignores a cache file that is not JSON or not a v1 answer, with a warning', async () => {
    const config = setup();
    mkdirSync(home, { recursive: true });
    writeFileSync(path.join(home, 'org-policy.json'), '{"v":1,');
    const garbage = await run(config);
    expect(garbage.decision.effect).toBe('allow');
    expect(garbage.warning).toMatch(/cached org policy is ignored: .*not JSON/);

    writeFileSync(path.join(home, 'org-policy.json'), JSON.stringify({ v: 2, etag: 'x' }));
    const wrong = await run(config);
    expect(wrong.decision.effect).toBe('allow');
    expect(wrong.warning).toMatch(/cached org policy is ignored/);
  });

  it('does not apply a copy fetched from another server', async () => {
    const config = setup({ cache: cache({ serverUrl: 'https://old.example.com' }) });
    const applied = await run(config);
    expect(applied.decision.effect).toBe('allow');
    expect(applied.etag).toBeUndefined();
  });

  it('picks up a new upload by its ETag in a long-lived process', async () => {
    const config = setup({ cache: cache() });
    expect((await run(config)).decision.effect).toBe('deny');
    writeOrgPolicyCache({ home, cache: cache({ etag: 'etag-2', policy: { rules: [] } }) });
    const after = await run(config);
    expect(after.decision.effect).toBe('allow');
    expect(after.etag).toBe('etag-2');
  });
});

import { describe, expect, it } from 'vitest';
import { createConfig, decide, type GuardEvent } from './index.js';

// The example of README.md, run as written.
describe('README example', () => {
  it('denies a wrapped recursive delete of a folder in the home directory', () => {
    const config = createConfig({ policy: 'recommended', userHome: '/home/dev', home: '/home/dev/.warden' });
    const event: GuardEvent = {
      id: 'e1',
      agent: 'claude-code',
      hookEvent: 'PreToolUse',
      phase: 'tool_call',
      session: 's1',
      cwd: '/home/dev/project',
      timestamp: new Date().toISOString(),
      tool: { name: 'Bash', input: { command: "sudo bash -c 'rm -fr ~/work'" } },
    };
    const decision = decide(event, config);
    expect(decision).toMatchObject({ effect: 'deny', ruleId: 'shell.recursive-delete-outside-project' });
    expect(decision.reason).toContain('Delete only paths inside the project');
    expect(decision.trace[0]?.matched).toContain('/home/dev/work');
  });
});

describe('README detectors example', () => {
  it('is a valid policy whose detector settings take effect', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const { policySchema } = await import('./policy/policy-schema.js');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = [...readme.matchAll(/```yaml\n([\s\S]*?)```/g)]
      .map((match) => match[1]!)
      .find((text) => text.includes('detectors:'));
    const parsed = policySchema.safeParse(parse(block!));
    expect(parsed.success).toBe(true);
    const config = createConfig({ policy: parsed.data!, userHome: '/home/dev', home: '/home/dev/.warden' });
    expect(config.policy.detectors?.pii).toMatchObject({
      kinds: ['card', 'iban', 'national_id', 'email'],
      defaultCountry: 'DE',
    });
    expect(config.policy.detectors?.injection.taintCalls).toBe(5);
  });
});

import { RE2JS } from 're2js';
import { DEFAULT_FAILURE } from './config/load-config.js';
import type { DecideConfig } from './decide.js';
import type { GuardEvent } from './guard-event.js';
import { resolveProtectedPaths } from './paths/resolve-protected-paths.js';
import { compilePolicy } from './policy/compile-policy.js';
import { provideRegexEngine } from './policy/linear-regex.js';
import type { Policy } from './policy/policy-schema.js';
import { resolvePolicy } from './policy/resolve-policy.js';

export const TEST_HOME = '/home/dev';
export const TEST_PROJECT = '/home/dev/project';

/** A DecideConfig for a policy object, as loadConfig would build it. */
export function configFor(
  policy: Policy = { extends: 'recommended' },
  mode: 'enforce' | 'observe' = 'enforce',
  userHome: string = TEST_HOME,
): DecideConfig {
  provideRegexEngine(RE2JS);
  const resolved = resolvePolicy({
    policy,
    source: 'test-policy.yaml',
    loadFile: () => {
      throw new Error('no files in tests');
    },
  });
  return {
    policy: compilePolicy({
      rules: resolved.rules,
      mode,
      failure: 'closed',
      defaultEffect: resolved.defaultEffect ?? 'allow',
      sources: resolved.sources,
      detectors: resolved.detectors,
      home: userHome,
    }),
    mode,
    failure: { ...DEFAULT_FAILURE },
    home: `${userHome}/.warden`,
    userHome,
    // Learned from a fixed environment, not the test process's: where this machine keeps its Node
    // or what its PATH holds (a checkout under /tmp) must not change a decision the corpus asserts.
    protectedPaths: resolveProtectedPaths({
      wardenHome: `${userHome}/.warden`,
      userHome,
      env: { PATH: '/usr/local/bin:/usr/bin:/bin' },
      // Inside Warden's home, which is protected anyway: its directories add nothing to judge.
      nodePath: `${userHome}/.warden/node/bin/node`,
    }),
  };
}

let counter = 0;

/** A Claude Code tool_call event. */
export function toolEvent(name: string, input: unknown, overrides: Partial<GuardEvent> = {}): GuardEvent {
  counter += 1;
  return {
    id: `event-${counter}`,
    agent: 'claude-code',
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    session: 'session-1',
    cwd: TEST_PROJECT,
    timestamp: '2026-11-21T10:00:00.000Z',
    tool: { name, input },
    ...overrides,
  };
}

export function bash(command: string, overrides: Partial<GuardEvent> = {}): GuardEvent {
  return toolEvent('Bash', { command }, overrides);
}

import { describe, expect, it } from 'vitest';
import type { Decision } from './decision.js';
import { postToolUseOutput } from './post-tool-use-output.js';

const decision = (overrides: Partial<Decision>): Decision =>
  ({ effect: 'allow', ruleId: 'default', reason: '', trace: [], ...overrides }) as Decision;

describe('postToolUseOutput', () => {
  it('says nothing for a plain allow', () => {
    expect(
      postToolUseOutput({ hookEvent: 'PostToolUse', decision: decision({}), reason: '' }),
    ).toBeUndefined();
  });

  it('blocks a deny with the reason, and replaces a redacted output before the model reads it', () => {
    const output = postToolUseOutput({
      hookEvent: 'PostToolUse',
      decision: decision({
        effect: 'deny',
        redaction: { output: 'key=[REDACTED:aws]', findings: ['secret.aws'] },
      }),
      reason: 'no keys',
    });
    expect(output).toEqual({
      decision: 'block',
      reason: 'no keys',
      hookSpecificOutput: {
        hookEventName: 'PostToolUse',
        additionalContext: 'Warden replaced secret.aws in this output with [REDACTED:…] markers.',
        updatedToolOutput: 'key=[REDACTED:aws]',
      },
    });
  });

  it('turns an ask and warnings into context, and never redacts a failure output', () => {
    const output = postToolUseOutput({
      hookEvent: 'PostToolUseFailure',
      decision: decision({
        effect: 'ask',
        warnings: ['an e-mail address'],
        redaction: { output: 'x', findings: ['pii.email'] },
      }),
      reason: 'check this',
    });
    expect(output).toEqual({
      hookSpecificOutput: {
        hookEventName: 'PostToolUseFailure',
        additionalContext: 'check this\nWarden: an e-mail address',
      },
    });
  });
});

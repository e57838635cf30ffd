import { describe, expect, it } from 'vitest';
import { decideSafely, MAX_ANALYZED_COMMAND_CHARS, MAX_SCANNED_TEXT_CHARS } from './decide.js';
import { bash, configFor, toolEvent } from './test-helpers.js';

describe('decideSafely within limits', () => {
  it('answers a 10 MB command by the failure policy with an input.oversized finding, without analysing it', () => {
    const command = `ls ${'a '.repeat(5 * 1024 * 1024)}`;
    const decision = decideSafely(bash(command), configFor());
    expect(decision.effect).toBe('deny');
    expect(decision.ruleId).toBe('warden.failure');
    expect(decision.failure?.policy).toBe('closed');
    expect(decision.findings).toEqual([
      expect.objectContaining({ id: 'input.oversized', subject: 'command' }),
    ]);
    expect(decision.reason).toContain(String(MAX_ANALYZED_COMMAND_CHARS));
  });

  it('still analyses a command just under the limit', () => {
    const command = `echo ${'a'.repeat(MAX_ANALYZED_COMMAND_CHARS - 10)}`;
    expect(decideSafely(bash(command), configFor()).ruleId).not.toBe('warden.failure');
  });

  it('abandons analysis at the deadline and answers by the failure policy, saying so', () => {
    const decision = decideSafely(bash('rm -rf ./build'), configFor(), { deadline: Date.now() - 1 });
    expect(decision.effect).toBe('deny');
    expect(decision.failure?.error).toContain('deadline');
    expect(decision.findings.map((finding) => finding.id)).toEqual(['analysis.deadline']);
  });

  it('abandons the classification of many path operands once the deadline passes', () => {
    // 9,000 operands (under the size limit): each is classified with a file system call; the deadline cuts it off.
    const command = `ls ${Array.from({ length: 9_000 }, (_, index) => `f${index}`).join(' ')}`;
    const decision = decideSafely(bash(command), configFor(), { deadline: Date.now() + 2 });
    expect(decision.findings.map((finding) => finding.id)).toContain('analysis.deadline');
  });

  it('scans only the first part of a huge file write for secrets and records that it did', () => {
    const content = `AKIAIOSFODNN7EXAMPLE\n${'x'.repeat(MAX_SCANNED_TEXT_CHARS + 10)}`;
    const decision = decideSafely(
      toolEvent('Write', { file_path: '/home/dev/project/big.txt', content }),
      configFor(),
    );
    expect(decision.findings.map((finding) => finding.id)).toContain('input.oversized');
    expect(decision.ruleId).not.toBe('warden.failure');
  });
});

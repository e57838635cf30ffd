import { describe, expect, it } from 'vitest';
import { makeEvent } from '../testing/make-event.js';
import { draftException } from './draft-exception.js';

const rmEvent = makeEvent({
  tool: { name: 'Bash', input: { command: 'rm -rf build/' } },
  actions: [{ kind: 'shell.exec', tool: 'Bash', resources: { command: 'rm -rf build/' } }],
});

describe('draftException', () => {
  it('adds an unless with the exact command to an org rule, keeping the rest of the file', () => {
    const orgYaml =
      '# team policy\nrules:\n  - id: no-rm\n    effect: deny\n    when:\n      programs: [rm]\n    reason: no rm\n';
    const draft = draftException({ orgYaml, ruleId: 'org:no-rm', event: rmEvent });
    expect(draft.kind).toBe('diff');
    if (draft.kind !== 'diff') return;
    expect(draft.after).toContain('# team policy');
    expect(draft.after).toContain('unless:');
    expect(draft.after).toContain('^rm -rf build/$');
    expect(draft.before).toBe(orgYaml);
    // Only the exception is new: the rest of the text is unchanged, so the diff shows just that.
    expect(draft.after.startsWith(orgYaml)).toBe(true);
  });

  it('copies a pack rule the org policy extends, with the exception, so it replaces the rule in place', () => {
    const draft = draftException({
      orgYaml: 'extends: recommended\n',
      ruleId: 'org:shell.git-reset-hard',
      event: makeEvent({ actions: [{ kind: 'shell.exec', resources: { command: 'git reset --hard' } }] }),
    });
    expect(draft.kind).toBe('diff');
    if (draft.kind === 'diff')
      expect(draft.after).toMatch(/rules:\n\s+- id: shell\.git-reset-hard[\s\S]*unless:/);
  });

  it('says why a local rule cannot be excepted from the org policy', () => {
    const draft = draftException({
      orgYaml: undefined,
      ruleId: 'shell.recursive-delete-outside-project',
      event: rmEvent,
    });
    expect(draft).toMatchObject({ kind: 'not-possible' });
    if (draft.kind === 'not-possible') expect(draft.message).toContain('most restrictive');
  });
});

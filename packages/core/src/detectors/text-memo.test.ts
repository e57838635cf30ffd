import { describe, expect, it } from 'vitest';
import { redactSecrets } from './detect-secrets.js';
import { loadDetectorRules } from './load-detector-rules.js';
import { scanSecrets } from './secrets/scan-secrets.js';
import { createTextMemo } from './text-memo.js';

const SLACK_WEBHOOK = `https://hooks.slack.com/services/T${'0'.repeat(8)}A/B${'1'.repeat(8)}C/${'aB3dE5fG7hJ9kL1mN3pQ5rS7'}`;

describe('createTextMemo', () => {
  it('keeps at most its entries and characters, dropping the oldest, and never a text over the limit', () => {
    const memo = createTextMemo<number>({ maxEntries: 2, maxText: 4, maxTotal: 6 });
    memo.set('aa', 1);
    memo.set('bb', 2);
    memo.set('cc', 3);
    expect([memo.get('aa'), memo.get('bb'), memo.get('cc')]).toEqual([undefined, 2, 3]);
    memo.set('dddd', 4);
    expect([memo.get('bb'), memo.get('cc'), memo.get('dddd')]).toEqual([undefined, 3, 4]);
    memo.set('eeeee', 5);
    expect(memo.get('eeeee')).toBeUndefined();
    memo.clear();
    expect(memo.get('dddd')).toBeUndefined();
  });
});

describe('scanSecrets and redactSecrets on texts seen before', () => {
  it("answer afresh once gitleaks' rules are loaded, and hand out copies the caller may change", async () => {
    const text = `curl -X POST ${SLACK_WEBHOOK}`;
    // This file runs in a worker of its own: only Warden's own patterns are loaded yet.
    expect(scanSecrets({ text })).toEqual([]);
    expect(redactSecrets(text)).toBe(text);
    await loadDetectorRules({ families: ['secrets'] });
    const first = scanSecrets({ text });
    expect(first.map((match) => match.id)).toEqual(['secret.slack_webhook_url']);
    expect(redactSecrets(text)).toBe('curl -X POST [REDACTED:secret.slack_webhook_url]');
    first[0]!.start = 0;
    first.push({ ...first[0]!, id: 'changed' });
    expect(scanSecrets({ text })).toEqual([{ ...first[0]!, start: text.indexOf('https'), id: first[0]!.id }]);
  });
});

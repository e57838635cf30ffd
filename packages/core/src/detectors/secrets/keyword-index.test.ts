import { describe, expect, it } from 'vitest';
import { GITLEAKS_KEYWORDS } from './gitleaks-keywords.generated.js';
import { createKeywordIndex } from './keyword-index.js';
import { WARDEN_SECRET_RULES } from './warden-secret-rules.js';

/** What the scanner did before the index: one `indexOf` walk per keyword. */
function hitsByIndexOf(text: string, keywords: readonly string[], maxHits: number) {
  const hits = new Map<string, number[] | undefined>();
  for (const keyword of new Set(keywords)) {
    let index = text.indexOf(keyword);
    if (index < 0) continue;
    const positions: number[] = [];
    while (index >= 0 && positions.length < maxHits) {
      positions.push(index);
      index = text.indexOf(keyword, index + keyword.length);
    }
    hits.set(keyword, index >= 0 ? undefined : positions);
  }
  return hits;
}

const sorted = (hits: Map<string, number[] | undefined>) =>
  [...hits].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

describe('createKeywordIndex', () => {
  const keywords = [...GITLEAKS_KEYWORDS, ...WARDEN_SECRET_RULES.flatMap((rule) => rule.keywords)];
  const index = createKeywordIndex({ keywords });

  it('finds the same occurrences as one indexOf walk per keyword, on texts built from the keywords', () => {
    const next = random(15);
    const fillers = [' ', 'x', '-', '_', '.', 'é', '\u0130', 'a', 's', 'k', '\n', '🔑'];
    for (let round = 0; round < 400; round++) {
      let text = '';
      const parts = 1 + Math.floor(next() * 30);
      for (let part = 0; part < parts; part++) {
        text +=
          next() < 0.5
            ? keywords[Math.floor(next() * keywords.length)]!
            : fillers[Math.floor(next() * fillers.length)]!;
      }
      expect(sorted(index.hits(text, 3))).toEqual(sorted(hitsByIndexOf(text, keywords, 3)));
    }
  });

  it('counts overlapping repeats of one keyword as indexOf does, and gives up past the limit', () => {
    const repeats = createKeywordIndex({ keywords: ['aa', 'aaa', 'b'] });
    expect(sorted(repeats.hits('aaaaa', 10))).toEqual([
      ['aa', [0, 2]],
      ['aaa', [0]],
    ]);
    expect(repeats.hits('bbbb', 3).get('b')).toBeUndefined();
    expect(repeats.hits('bbbb', 3).has('b')).toBe(true);
    expect(repeats.hits('bbb', 3).get('b')).toEqual([0, 1, 2]);
  });

  it('tells whether a wanted keyword occurs and stops at the first one', () => {
    const seen: string[] = [];
    const found = index.some('curl -H "authorization: token akia"', (keyword) => {
      seen.push(keyword);
      return keyword === 'akia';
    });
    expect(found).toBe(true);
    expect(seen.at(-1)).toBe('akia');
    expect(index.some('ls -la', () => true)).toBe(false);
    expect(index.some('', () => true)).toBe(false);
  });
});

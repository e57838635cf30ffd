/**
 * A 64-bit FNV-style hash of a short string (a path, a file identity, a cache payload): cheap
 * enough for every hook start, and no `node:crypto` (loading it costs a hook several ms). Not a
 * security measure: it names cache files and detects corruption; whatever must not be forged is
 * compared byte for byte.
 */
export function shortHash(text: string): string {
  let a = 0x811c9dc5 | 0;
  let b = 0x01000193 ^ text.length;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

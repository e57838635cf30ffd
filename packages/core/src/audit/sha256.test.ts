import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from './sha256.js';

const reference = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto on every length around the block and padding boundaries, and on UTF-8 text', () => {
    const bytes = new Uint8Array(300).map((_, index) => (index * 31 + 7) & 0xff);
    for (let length = 0; length <= 300; length++) {
      expect(sha256Hex(bytes.subarray(0, length)), `length ${length}`).toBe(
        reference(bytes.subarray(0, length)),
      );
    }
    const text = '{"reason":"Löschen außerhalb des Projekts — 禁止","emoji":"🔒"}';
    expect(sha256Hex(text)).toBe(reference(text));
  });
});

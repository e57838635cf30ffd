import { describe, expect, it } from 'vitest';
import { describeLine } from '../program-test.js';

describe('network/http-servers', () => {
  it('raises nothing and names read:. for python3 -m http.server 8000', () => {
    const result = describeLine('python3 -m http.server 8000');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:.']));
  });
  it('raises nothing and names read:/ for python3 -m http.server --directory /', () => {
    const result = describeLine('python3 -m http.server --directory /');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:/']));
  });
  it('raises nothing and names read:~ for http-server ~ -p 8080', () => {
    const result = describeLine('http-server ~ -p 8080');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:~']));
  });
  it('raises nothing and names read:public for php -S 0.0.0.0:8000 -t public', () => {
    const result = describeLine('php -S 0.0.0.0:8000 -t public');
    expect(result.findings).toEqual([]);
    expect(result.targets).toEqual(expect.arrayContaining(['read:public']));
  });
  it('raises nothing for python3 -m pytest', () => {
    const result = describeLine('python3 -m pytest');
    expect(result.findings).toEqual([]);
  });
});

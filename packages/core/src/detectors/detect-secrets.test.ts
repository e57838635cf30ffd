import { describe, expect, it } from 'vitest';
import { redactSecrets } from './detect-secrets.js';

describe('redactSecrets', () => {
  it('keeps secrets and checksum-confirmed personal data out of what is recorded', () => {
    const key = ['AKIA', 'Q3ZP7RWT', 'XK5M2NVB'].join('');
    expect(redactSecrets(`charge card 4111 1111 1111 1111 with key ${key}, order 1234 5678`)).toBe(
      'charge card [REDACTED:pii.card] with key [REDACTED:secret.aws_access_key], order 1234 5678',
    );
    expect(redactSecrets('IBAN DE89 3704 0044 0532 0130 00, ticket 4111 1111 1111 1112')).toBe(
      'IBAN [REDACTED:pii.iban], ticket 4111 1111 1111 1112',
    );
  });
});

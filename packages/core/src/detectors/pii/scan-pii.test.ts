import { describe, expect, it } from 'vitest';
import { aadhaarValid, cpfValid, ibanValid, luhnValid, spanishIdValid } from './checksums.js';
import { loadPhoneFinder } from './phone-finder.js';
import { scanPii } from './scan-pii.js';

const ids = (text: string, kinds?: Parameters<typeof scanPii>[0]['kinds']) =>
  scanPii({ text, ...(kinds ? { kinds } : {}) }).map((match) => match.id);

describe('scanPii', () => {
  it('finds a payment card only when its issuer prefix and Luhn digit hold', () => {
    expect(ids('card 4111 1111 1111 1111 exp 12/29')).toEqual(['pii.card']);
    expect(ids('card 4111-1111-1111-1112')).toEqual([]);
    expect(ids('order id 1234567890123456')).toEqual([]);
  });

  it('finds an IBAN only with its country length and mod-97 check', () => {
    expect(ids('pay to DE89 3704 0044 0532 0130 00 today')).toEqual(['pii.iban']);
    expect(ids('pay to GB82WEST12345698765432')).toEqual(['pii.iban']);
    expect(ids('pay to DE89 3704 0044 0532 0130 01 today')).toEqual([]);
  });

  it('finds national ids with check digits, and an SSN only beside its name', () => {
    expect(ids('CPF 111.444.777-35')).toEqual(['pii.national_id']);
    expect(ids('DNI 12345678Z')).toEqual(['pii.national_id']);
    expect(ids('SSN: 123-45-6789')).toEqual(['pii.national_id']);
    expect(ids('part number 123-45-6789')).toEqual([]);
  });

  it('finds emails and public IP addresses but not documentation or private ones', () => {
    expect(ids('mail jane.doe@acme-corp.de or ops@example.com', ['email'])).toEqual(['pii.email']);
    expect(ids('from 185.220.101.45 via 10.0.0.1 and 192.0.2.4, version v1.2.3.4', ['ip'])).toEqual([
      'pii.ip',
    ]);
    const text =
      'peer 2606:4700:4700::1111 and 2001:4860:4860:0:0:0:0:8888 at 12:34:56, not ::1, fe80::1, fd00::2, mac 00:1a:2b:3c:4d:5e, std::vector, 2001:db8::7';
    expect(scanPii({ text, kinds: ['ip'] }).map((match) => text.slice(match.start, match.end))).toEqual([
      '2606:4700:4700::1111',
      '2001:4860:4860:0:0:0:0:8888',
    ]);
  });

  it('finds international phone numbers without the library, national ones with it', async () => {
    expect(ids('call +49 30 901820 or 030 901820', ['phone'])).toEqual(['pii.phone']);
    expect(await loadPhoneFinder()).toBe(true);
    const found = scanPii({ text: 'call (213) 373-4253 today', kinds: ['phone'], defaultCountry: 'US' });
    expect(found.map((match) => match.id)).toEqual(['pii.phone']);
  });

  it('checks the checksums against known values', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(ibanValid('NL91ABNA0417164300')).toBe(true);
    expect(cpfValid('11144477735')).toBe(true);
    expect(spanishIdValid('X1234567L')).toBe(true);
    expect(aadhaarValid('234123412346')).toBe(true);
    expect(aadhaarValid('234123412347')).toBe(false);
  });

  it('stays quiet and bounded on text full of digits', () => {
    const digits = Array.from({ length: 20_000 }, (_, index) => String(index * 7919)).join(' ');
    expect(() => scanPii({ text: digits })).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../detect-secrets.js';
import { hasNestedUnboundedQuantifier } from '../regex-safety.js';
import { bsnValid, ninoPrefixValid, tfnValid } from './checksums.js';
import { KEYWORD_IDS } from './keyword-ids.js';
import { scanPii } from './scan-pii.js';

const ids = (text: string) => scanPii({ text, kinds: ['national_id'] });
const values = (text: string) => ids(text).map((match) => text.slice(match.start, match.end));

describe('KEYWORD_IDS', () => {
  it('finds national ids written beside their name, in several spellings', () => {
    const cases: Array<[string, string]> = [
      ['Traveller: Jane Smith, passport number X12345678, expires 2031', 'X12345678'],
      ['Passport No.: 533380006 (United States)', '533380006'],
      ['passport#: C03005988', 'C03005988'],
      ['| name | Maria Garcia | passport | PAA123456 |', 'PAA123456'],
      ['National Insurance number: QQ 12 34 56 C', 'QQ 12 34 56 C'],
      ['employee NI number AB123456C, tax code 1257L', 'AB123456C'],
      ['NINO: JG 10 37 21 A', 'JG 10 37 21 A'],
      ['SSN 078051120 on file', '078051120'],
      ['Social Security Number: 219-09-9999', '219-09-9999'],
      ['Canadian SIN: 046 454 286', '046 454 286'],
      ['PAN: ABCPE1234F (income tax)', 'ABCPE1234F'],
      ['BSN 111222333 van de klant', '111222333'],
      ['TFN 123 456 782', '123 456 782'],
      ["driver's license number D1234-56789-01234", 'D1234-56789-01234'],
    ];
    for (const [text, id] of cases) expect(values(text), text).toEqual([id]);
  });

  it('finds a UK NI number in its spaced form without its name, when the prefix is issued', () => {
    expect(values('ref JG 10 37 21 A')).toEqual(['JG 10 37 21 A']);
    expect(values('ref QQ 12 34 56 C')).toEqual([]);
  });

  it('stays quiet on the same shapes without a name, and on names without an id', () => {
    for (const text of [
      "import passport from 'passport'; passport.use(strategy); passport 123",
      '"passport": "^0.6.0", "passport-local": "1.0.0"',
      'SKU AB123456C restocked',
      'Order 123456789 shipped',
      'SIN(x) = 0.841470984 and Math.sin(123456789)',
      'PAN: 120 deg, TILT: 30',
      'BSN 123456789 fails the eleven test',
      'SSN field is masked as ***-**-1234 in the UI.',
      'ssn: 000-12-3456',
      'driver license expires 2029-01-01',
      'Section 4.2.1 describes the NI numbering scheme.',
    ])
      expect(ids(text), text).toEqual([]);
  });

  it('checks the checksums and prefixes against known values', () => {
    expect(bsnValid('111222333')).toBe(true);
    expect(bsnValid('123456789')).toBe(false);
    expect(tfnValid('123456782')).toBe(true);
    expect(tfnValid('123456789')).toBe(false);
    expect(ninoPrefixValid('AB')).toBe(true);
    expect(ninoPrefixValid('QQ')).toBe(false);
    expect(ninoPrefixValid('GB')).toBe(false);
  });

  it('redacts the id, not its name, in what the audit log stores', () => {
    expect(redactSecrets('passport number X12345678, NI number AB123456C')).toBe(
      'passport number [REDACTED:pii.national_id], NI number [REDACTED:pii.national_id]',
    );
  });

  it('uses patterns that cannot backtrack catastrophically', () => {
    for (const id of KEYWORD_IDS)
      expect(hasNestedUnboundedQuantifier(id.pattern.source), id.name).toBe(false);
    expect(() => ids(`passport ${'# '.repeat(50_000)}`)).not.toThrow();
  });
});

describe('scanPii addresses', () => {
  const ips = (text: string) =>
    scanPii({ text, kinds: ['ip'] }).map((match) => text.slice(match.start, match.end));

  it('does not take a dotted version for an IP address', () => {
    for (const text of [
      'Version 1.2.3.4 released',
      'version: 2.0.1.7',
      '"version": "4.1.0.2",',
      '[assembly: AssemblyVersion("1.0.0.0")]',
      'Bumped to v3.2.1.0',
      'release 3.4.5.6 is out',
      'zlib@1.2.13.1-motley',
      'see rfc2616#section-8.1.2.2',
      'tag 5.1.2.3-rc.1',
    ])
      expect(ips(text), text).toEqual([]);
  });

  it('does not report public resolvers every tutorial names, and still reports other public addresses', () => {
    expect(ips('nameserver 8.8.8.8\nnameserver 1.1.1.1')).toEqual([]);
    expect(ips('Failed password for root from 185.220.101.45 port 52344 ssh2')).toEqual(['185.220.101.45']);
    expect(ips('upstream 52.14.200.7:443')).toEqual(['52.14.200.7']);
  });

  it('does not take an SSH remote or a URI password for an email address', () => {
    const emails = (text: string) => scanPii({ text, kinds: ['email'] }).map((match) => match.id);
    expect(emails('git clone git@github.com:acme/widgets.git')).toEqual([]);
    expect(emails('https://username:password@github.com/owner/repo.git')).toEqual([]);
    expect(emails('mail maria.garcia@telefonica.es')).toEqual(['pii.email']);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import { loadDetectorRules } from '../load-detector-rules.js';
import { redactText } from '../redact-text.js';
import { hasNestedUnboundedQuantifier } from '../regex-safety.js';
import { gitleaksData } from './gitleaks-rules.generated.js';
import { scanSecrets, shannonEntropy } from './scan-secrets.js';

beforeAll(async () => {
  await loadDetectorRules();
});

// Assembled at run time so this file does not itself look like it holds secrets.
const AWS_KEY = ['AKIA', 'IOSFODNN7', 'EXAMPLQ'].join('');
const GITHUB_TOKEN = ['ghp_', 'R7vQ2mZx8LkP4nWb', 'T1yHc6JdF3sGa9Ue', 'Xo5Y'].join('');
const SLACK_WEBHOOK = `https://hooks.slack.com/services/T${'0'.repeat(8)}A/B${'1'.repeat(8)}C/${'aB3dE5fG7hJ9kL1mN3pQ5rS7'}`;

describe('scanSecrets', () => {
  it("finds Warden's own patterns and names them by kind", () => {
    const text = `export AWS_ACCESS_KEY_ID=${AWS_KEY}\ntoken: ${GITHUB_TOKEN}`;
    const ids = scanSecrets({ text }).map((match) => match.id);
    expect(ids).toEqual(['secret.aws_access_key', 'secret.github_token']);
  });

  it("finds secrets only gitleaks' rule set knows", () => {
    const ids = scanSecrets({ text: `curl -X POST ${SLACK_WEBHOOK}` }).map((match) => match.id);
    expect(ids).toEqual(['secret.slack_webhook_url']);
  });

  it('finds a keyword-anchored high-entropy value and ignores a low-entropy one', () => {
    expect(scanSecrets({ text: 'api_token = "q8Zr2Lp0Xv7Nw4Ks9Tb1"' }).map((match) => match.id)).toEqual([
      'secret.generic_api_key',
    ]);
    expect(scanSecrets({ text: 'db_password = "aaaaaaaaaaaaaaaaaaaa"' })).toEqual([]);
  });

  it('redacts only the secret, keeping the assignment readable', () => {
    const text = `key=${AWS_KEY} rest`;
    expect(redactText({ text, matches: scanSecrets({ text }) })).toBe(
      'key=[REDACTED:secret.aws_access_key] rest',
    );
  });

  it('redacts a whole private key block, not just its header', () => {
    const text =
      'before\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA1x9\nabcDEF\n-----END RSA PRIVATE KEY-----\nafter';
    expect(redactText({ text, matches: scanSecrets({ text }) })).toBe(
      'before\n[REDACTED:secret.private_key]\nafter',
    );
  });

  it('finds a secret inside base64 and inside URL-encoding, marking the encoded run', () => {
    const base64 = Buffer.from(`aws_access_key_id = ${AWS_KEY}\n`).toString('base64');
    const [inBase64] = scanSecrets({ text: `data: ${base64}` });
    expect(inBase64).toMatchObject({ id: 'secret.aws_access_key', encoding: 'base64' });
    const url = `https://example.com/?next=${encodeURIComponent(SLACK_WEBHOOK)}`;
    const [inUrl] = scanSecrets({ text: url });
    expect(inUrl).toMatchObject({ id: 'secret.slack_webhook_url', encoding: 'url' });
  });

  it('finds a secret split into concatenated or continued pieces, covering every piece', () => {
    const [head, tail] = [AWS_KEY.slice(0, 4), AWS_KEY.slice(4)];
    for (const text of [
      `const key = "${head}" + "${tail}";`,
      `key = ("${head}"\n       "${tail}")`,
      `$key = '${head}' . '${tail}';`,
      `export KEY=${head}\\\n${tail}`,
    ]) {
      const [match] = scanSecrets({ text });
      expect(match?.id).toBe('secret.aws_access_key');
      const redacted = redactText({ text, matches: scanSecrets({ text }) });
      expect(redacted).not.toContain(head);
      expect(redacted).not.toContain(tail);
    }
  });

  it('finds a secret inside hex, marking the encoded run', () => {
    const hex = Buffer.from(`aws_access_key_id = ${AWS_KEY}`).toString('hex');
    expect(scanSecrets({ text: `blob ${hex}` })[0]).toMatchObject({
      id: 'secret.aws_access_key',
      encoding: 'hex',
    });
    // A checksum decodes to binary: no finding.
    expect(
      scanSecrets({ text: `sha256 ${'9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'}` }),
    ).toEqual([]);
  });

  it('takes stand-ins, masked values, typed sequences and checksums beside a keyword for what they are', () => {
    for (const text of [
      'api_key = "YOUR_API_KEY_GOES_HERE_1234"',
      'export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiaHR0cHM6...',
      '"token": "xoxp-572370529330-573807301142-572331691188-####################"',
      'DATABRICKS_TOKEN=dapi123456789012345678a9bc01234defg5',
      '"token": "xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d"',
      'api_key: acdeFf05b1a6d4c890237bf08c5e6e8d2b4d0f2e',
      'curl -H "Authorization: Basic eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJjb25maWRlbmNlIjowLjh9.kvRPfjAhLhtRTczoRgctVGp7KY1QVH3UBZM-gM0x8ec"',
    ])
      expect(scanSecrets({ text }).map((match) => match.id)).toEqual([]);
    // The same shapes with generated values are found.
    expect(scanSecrets({ text: 'api_key = "q8Zr2Lp0Xv7Nw4Ks9Tb1Hm6Jd"' })).toHaveLength(1);
    const jwt = [
      Buffer.from('{"alg":"HS256"}').toString('base64url'),
      Buffer.from('{"sub":"u-42","exp":1893456000}').toString('base64url'),
      'kvRPfjAhLhtRTczoRgctVGp7KY1QVH3UBZM-gM0x8ec',
    ].join('.');
    expect(scanSecrets({ text: `Authorization: Bearer ${jwt}` }).map((match) => match.id)).toEqual([
      'secret.jwt',
    ]);
  });

  it('takes documentation placeholders for what they are', () => {
    expect(scanSecrets({ text: 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE' })).toEqual([]);
    expect(scanSecrets({ text: `token: ghp_${'x'.repeat(36)}` })).toEqual([]);
    expect(scanSecrets({ text: '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----' })).toEqual([]);
  });

  it('finds nothing in ordinary source code and prose', () => {
    const text = [
      'const token = await getToken({ audience: options.audience });',
      'function authenticate(password: string): boolean { return compare(password, hash); }',
      'The API key is read from the environment variable OPENAI_API_KEY.',
      'apiVersion: apps/v1',
      'secretName: my-tls-secret',
    ].join('\n');
    expect(scanSecrets({ text })).toEqual([]);
  });

  it('survives binary data, invalid UTF-8 and pathological runs without a finding', () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 131) % 256)).toString(
      'latin1',
    );
    const invalid = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]).toString('utf8');
    const pathological = `${'key='.repeat(5000)}${'a'.repeat(50_000)}${'-'.repeat(10_000)}`;
    expect(() => scanSecrets({ text: binary + invalid + pathological })).not.toThrow();
    expect(scanSecrets({ text: `${'='.repeat(100_000)}%` })).toEqual([]);
    // Thousands of joints and continuations, and a megabyte of hex: decoded and joined within the budgets.
    const pieces = `${'"ab" + '.repeat(40_000)}${'x \\\n'.repeat(20_000)}${'0f'.repeat(500_000)}`;
    expect(scanSecrets({ text: pieces })).toEqual([]);
  });

  it('measures entropy in bits per character', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
  });
});

describe('the gitleaks rule set', () => {
  const GITLEAKS_RULES = gitleaksData().rules;
  it('has no pattern with nested unbounded quantifiers (no catastrophic backtracking)', () => {
    const nested = GITLEAKS_RULES.flatMap((rule) => [
      ...(hasNestedUnboundedQuantifier(rule.pattern) ? [rule.id] : []),
      ...(rule.allow ?? [])
        .filter((entry) => hasNestedUnboundedQuantifier(entry.pattern))
        .map(() => `${rule.id} allowlist`),
    ]);
    expect(nested).toEqual([]);
    expect(hasNestedUnboundedQuantifier('(?:a+b)+')).toBe(true);
    expect(hasNestedUnboundedQuantifier('[a-z]{0,5}(?:x|y)+')).toBe(false);
  });

  it('gives every rule at least one prefilter keyword', () => {
    expect(GITLEAKS_RULES.filter((rule) => rule.keywords.length === 0)).toEqual([]);
    expect(GITLEAKS_RULES.length).toBeGreaterThan(200);
  });
});

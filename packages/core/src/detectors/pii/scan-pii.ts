import type { DetectorMatch } from '../detector-match.js';
import { aadhaarValid, cpfValid, ibanValid, luhnValid, spanishIdValid } from './checksums.js';
import { KEYWORD_IDS, type KeywordId } from './keyword-ids.js';
import { phoneFinder } from './phone-finder.js';

export const PII_KINDS = ['email', 'phone', 'card', 'iban', 'national_id', 'ip'] as const;
export type PiiKind = (typeof PII_KINDS)[number];

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b/g;
// Addresses reserved for documentation and tests (RFC 2606, 6761) are nobody's.
const RESERVED_EMAIL_DOMAIN =
  /@(?:[\w-]+\.)*(?:example\.(?:com|org|net)|[\w-]+\.(?:test|example|invalid|localhost))$/i;
const CARD = /\b(?:\d[ -]?){12,18}\d\b/g;
// Issuer prefixes: Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay.
const CARD_ISSUER = /^(?:4|5[1-5]|2[2-7]|3[47]|6(?:011|5|4[4-9]|2)|35|3(?:0[0-5]|[68]))/;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g;
const CPF = /\b\d{3}\.\d{3}\.\d{3}-\d{2}\b/g;
const SPANISH_ID = /\b[XYZ0-9]\d{7}[A-Z]\b/g;
const AADHAAR = /\b[2-9]\d{3} \d{4} \d{4}\b/g;
const IPV4 = /\b(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}\b/g;
/** An IPv6 candidate: hex groups and colons, not inside a longer word (checked by isPublicIpv6). */
const IPV6 = /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])/g;
/** Words before a dotted number that make it a version (`Version 1.2.3.4`, `AssemblyVersion("1.0.0.0")`, `v1.2.3.4`, `pkg@1.2.3.4`). */
const VERSION_BEFORE =
  /(?:version|\bver|\brev(?:ision)?|\brelease[sd]?|\bbuild|\bfirmware|\bfw|\bbump(?:ed)?\s+to|\bupgraded?\s+to|\bv)[\s"'`:=(]{0,6}$|[@-]$|[A-Za-z]\/$|#section-$/i;
/** Anycast resolvers and the address every tutorial uses: public, but nobody's. */
const WELL_KNOWN_IPV4 = new Set([
  '1.1.1.1',
  '1.0.0.1',
  '8.8.8.8',
  '8.8.4.4',
  '9.9.9.9',
  '149.112.112.112',
  '208.67.222.222',
  '208.67.220.220',
  '4.2.2.1',
  '4.2.2.2',
  '1.2.3.4',
]);
const INTERNATIONAL_PHONE = /\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}\b/g;

const MAX_SPANS = 2000;
/** Past this many names of ids, the rest of the text is not searched for keyword-anchored ids. */
const MAX_KEYWORD_TRIES = 20_000;

const LABELS: Record<PiiKind, string> = {
  email: 'an email address',
  phone: 'a phone number',
  card: 'a payment card number',
  iban: 'an IBAN',
  national_id: 'a national identity number',
  ip: 'a public IP address',
};

/**
 * A well-formed IPv6 address in the global unicast range (2000::/3) and outside documentation
 * (2001:db8::/32): loopback, link-local, unique-local, multicast and mapped addresses identify nobody.
 */
export function isPublicIpv6(address: string): boolean {
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (groups.some((list) => list.some((group) => !/^[0-9A-Fa-f]{1,4}$/.test(group)))) return false;
  const count = groups.reduce((sum, list) => sum + list.length, 0);
  if (halves.length === 1 ? count !== 8 : count > 7) return false;
  const first = Number.parseInt(groups[0]?.[0] ?? '0', 16);
  const second = Number.parseInt(groups[0]?.[1] ?? '0', 16);
  if ((first & 0xe000) !== 0x2000) return false;
  return !(first === 0x2001 && second === 0x0db8);
}

/** Private, loopback, link-local, documentation and reserved ranges identify nobody. */
function isPublicIpv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number];
  if (a === 0 || a === 10 || a === 127 || a >= 224) return false;
  if (a === 169 && b === 254) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 100 && b >= 64 && b <= 127) return false;
  if (/^(?:192\.0\.2|198\.51\.100|203\.0\.113)\./.test(address)) return false;
  return true;
}

let keywordFinder: { names: RegExp; ids: Map<string, KeywordId[]> } | undefined;

/** One case-insensitive search for the names of all keyword-anchored ids (no lower-cased copy of the text). */
function keywordNames() {
  if (keywordFinder) return keywordFinder;
  const ids = new Map<string, KeywordId[]>();
  for (const id of KEYWORD_IDS) for (const word of id.keywords) ids.set(word, [...(ids.get(word) ?? []), id]);
  // Longest first, so `national insurance` is not cut to a shorter name.
  const words = [...ids.keys()].sort((a, b) => b.length - a.length);
  const names = new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  keywordFinder = { names, ids };
  return keywordFinder;
}

function each(
  regex: RegExp,
  text: string,
  visit: (match: RegExpExecArray) => [number, number] | undefined,
  out: Array<[number, number]>,
): void {
  regex.lastIndex = 0;
  // Past this many the text is known to hold personal data; more spans only cost time.
  for (let match = regex.exec(text); match && out.length < MAX_SPANS; match = regex.exec(text)) {
    const span = visit(match);
    if (span) out.push(span);
  }
}

function spansOf(kind: PiiKind, text: string, defaultCountry: string | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const whole = (match: RegExpExecArray): [number, number] => [match.index, match.index + match[0].length];
  switch (kind) {
    case 'email':
      if (!text.includes('@')) return out;
      each(
        EMAIL,
        text,
        (match) => {
          if (RESERVED_EMAIL_DOMAIN.test(match[0])) return undefined;
          // `git@github.com:org/repo` is an SSH remote; `scheme://user:pw@host` is a URI's userinfo.
          if (/^git@/i.test(match[0])) return undefined;
          if (
            /[a-z][a-z0-9+.-]*:\/\/[^\s/@]*$/i.test(text.slice(Math.max(0, match.index - 200), match.index))
          )
            return undefined;
          return whole(match);
        },
        out,
      );
      return out;
    case 'card':
      each(
        CARD,
        text,
        (match) => {
          const digits = match[0].replace(/[ -]/g, '');
          // Separators must be consistent (4-4-4-4 style or none) to count as a card number.
          const separated = /[ -]/.test(match[0]);
          if (separated && !/^\d{4}(?:[ -]\d{4}){2}[ -]\d{1,7}$|^\d{4}[ -]\d{6}[ -]\d{5}$/.test(match[0]))
            return undefined;
          return CARD_ISSUER.test(digits) && luhnValid(digits) ? whole(match) : undefined;
        },
        out,
      );
      return out;
    case 'iban':
      each(IBAN, text, (match) => (ibanValid(match[0].replaceAll(' ', '')) ? whole(match) : undefined), out);
      return out;
    case 'national_id': {
      each(CPF, text, (match) => (cpfValid(match[0].replace(/\D/g, '')) ? whole(match) : undefined), out);
      each(SPANISH_ID, text, (match) => (spanishIdValid(match[0]) ? whole(match) : undefined), out);
      each(
        AADHAAR,
        text,
        (match) => (aadhaarValid(match[0].replaceAll(' ', '')) ? whole(match) : undefined),
        out,
      );
      const visit =
        (id: KeywordId) =>
        (match: RegExpExecArray): [number, number] | undefined => {
          if (!id.valid(match[1]!)) return undefined;
          const start = match.index + match[0].length - match[1]!.length;
          return [start, start + match[1]!.length];
        };
      for (const id of KEYWORD_IDS) if (id.keywords.length === 0) each(id.pattern, text, visit(id), out);
      // Each other pattern starts with its name: tried only where a name is (sticky), not at every position.
      const { names, ids } = keywordNames();
      names.lastIndex = 0;
      for (
        let name = names.exec(text), tries = 0;
        name && tries < MAX_KEYWORD_TRIES && out.length < MAX_SPANS;
        name = names.exec(text), tries++
      ) {
        for (const id of ids.get(name[0].toLowerCase()) ?? []) {
          id.pattern.lastIndex = name.index;
          const match = id.pattern.exec(text);
          const span = match && visit(id)(match);
          if (span && !out.some(([start, end]) => start < span[1] && span[0] < end)) out.push(span);
        }
      }
      return out;
    }
    case 'ip':
      if (!text.includes('.') && !text.includes(':')) return out;
      each(
        IPV4,
        text,
        (match) => {
          // A version number (v1.2.3.4, 1.2.3.4.5, Version 1.2.3.4, pkg@1.2.3.4, 1.2.3.4-rc.1) is not an address.
          const before = text[match.index - 1] ?? '';
          const after = text.slice(match.index + match[0].length, match.index + match[0].length + 2);
          if (/[vV.\d]/.test(before) || /^(?:\.\d|-[A-Za-z]|\+[A-Za-z0-9])/.test(after)) return undefined;
          if (VERSION_BEFORE.test(text.slice(Math.max(0, match.index - 24), match.index))) return undefined;
          if (WELL_KNOWN_IPV4.has(match[0])) return undefined;
          return isPublicIpv4(match[0]) ? whole(match) : undefined;
        },
        out,
      );
      if (text.includes(':'))
        each(IPV6, text, (match) => (isPublicIpv6(match[0]) ? whole(match) : undefined), out);
      return out;
    case 'phone': {
      const finder = phoneFinder();
      if (finder) {
        if (!/\d{3}/.test(text)) return out;
        return finder({ text, ...(defaultCountry ? { defaultCountry } : {}) }).map(({ start, end }) => [
          start,
          end,
        ]);
      }
      if (!text.includes('+')) return out;
      each(
        INTERNATIONAL_PHONE,
        text,
        (match) => {
          const digits = match[0].replace(/\D/g, '').length;
          return digits >= 10 && digits <= 15 ? whole(match) : undefined;
        },
        out,
      );
      return out;
    }
  }
}

/**
 * Finds personal data: email addresses, phone numbers (libphonenumber-js when loaded, else the
 * international `+` form), payment cards (issuer prefix and Luhn), IBANs (country length and
 * mod 97), national ids with a check (Brazilian CPF, Spanish DNI/NIE, Indian Aadhaar), national ids
 * beside their name (US SSN, passport, UK NI, Canadian SIN, Indian PAN, Dutch BSN, Australian TFN,
 * driver's licence: see keyword-ids.ts), and public IPv4 and IPv6 addresses (not versions, not
 * well-known resolvers). Findings are `pii.<kind>`.
 */
export function scanPii(options: {
  text: string;
  kinds?: readonly PiiKind[];
  /** ISO country for numbers written without a country code (`US`, `DE`). */
  defaultCountry?: string;
}): DetectorMatch[] {
  const out: DetectorMatch[] = [];
  if (!/[\d@]/.test(options.text)) return out;
  for (const kind of options.kinds ?? PII_KINDS) {
    for (const [start, end] of spansOf(kind, options.text, options.defaultCountry)) {
      if (out.some((other) => start < other.end && other.start < end)) continue;
      out.push({ id: `pii.${kind}`, label: LABELS[kind], start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

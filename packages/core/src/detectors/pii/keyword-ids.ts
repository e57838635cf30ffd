import { bsnValid, luhnValid, ninoPrefixValid, ssnPlausible, tfnValid } from './checksums.js';

/**
 * A national id that is only worth reporting with its name beside it: its shape alone (nine digits,
 * two letters and six digits) is also an order number, a SKU or a build id. The first capture group
 * of `pattern` is the id; `valid` checks its checksum or issuing rules where it has them.
 */
export interface KeywordId {
  name: string;
  pattern: RegExp;
  /**
   * Words the pattern starts with (any case): it is tried only where one of them is (sticky, so a
   * text without them costs one search). Empty: the pattern (global) runs over the whole text.
   */
  keywords: readonly string[];
  valid: (id: string) => boolean;
}

const digitsOf = (id: string) => id.replace(/\D/g, '');
/** Between a name and its value: `: `, ` # `, ` is `, a table's ` | `. Bounded, single line. */
const GAP = String.raw`(?:\s*(?:[Nn][Uu][Mm](?:[Bb][Ee][Rr])?|[Nn][Oo]|[Nn][Rr]|#|[Ii][Dd])\b\.?)?[\s:#|=.-]{0,6}(?:is\s+)?`;

export const KEYWORD_IDS: readonly KeywordId[] = [
  {
    name: 'US social security number',
    // Also without dashes or with spaces (`SSN 078051120`).
    pattern:
      /\b(?:ssn|social\s+security(?:\s+(?:number|no\.?|#))?)\b[^\d\n]{0,20}(\d{3}-\d{2}-\d{4}|\d{3} \d{2} \d{4}|\d{9})\b/iy,
    keywords: ['ssn', 'social security'],
    valid: (id) => ssnPlausible(digitsOf(id)),
  },
  {
    name: 'passport number',
    // Passport numbers are 6–9 letters and digits (US 9 digits, UK 9, DE `C01X00T47`, IN `J8369854`).
    pattern: new RegExp(String.raw`\b(?:passport|PASSPORT|Passport)${GAP}\b([A-Z0-9]{6,9})\b`, 'y'),
    keywords: ['passport'],
    valid: (id) => digitsOf(id).length >= 5 && !/^(\d)\1+$/.test(id),
  },
  {
    name: 'UK National Insurance number',
    pattern: new RegExp(
      String.raw`(?:\b[Nn]ational\s+[Ii]nsurance|\bNI|\bNINO)\b${GAP}\b([A-Z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-D])\b`,
      'y',
    ),
    keywords: ['national insurance', 'ni'],
    valid: () => true,
  },
  {
    name: 'UK National Insurance number',
    // Written with its usual spaces and a prefix that is issued, it needs no name beside it.
    pattern: /\b([A-Z]{2} \d{2} \d{2} \d{2} [A-D])\b/g,
    keywords: [],
    valid: (id) => ninoPrefixValid(id.slice(0, 2)),
  },
  {
    name: 'Canadian social insurance number',
    pattern: new RegExp(
      String.raw`(?:\bSIN|\b[Ss]ocial\s+[Ii]nsurance)\b${GAP}\b(\d{3}[ -]?\d{3}[ -]?\d{3})\b`,
      'y',
    ),
    keywords: ['sin', 'social insurance'],
    valid: (id) => luhnValid(digitsOf(id)),
  },
  {
    name: 'Indian PAN',
    // Five letters (the fourth the holder type), four digits, a letter.
    pattern: new RegExp(
      String.raw`(?:\bPAN|\bPermanent\s+Account\s+Number)\b(?:\s*card)?${GAP}\b([A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z])\b`,
      'y',
    ),
    keywords: ['pan', 'permanent account'],
    valid: () => true,
  },
  {
    name: 'Dutch BSN',
    pattern: new RegExp(
      String.raw`(?:\bBSN|\b[Bb]urgerservicenummer)\b${GAP}\b(\d{9}|\d{4}\.\d{2}\.\d{3})\b`,
      'y',
    ),
    keywords: ['bsn', 'burgerservicenummer'],
    valid: (id) => bsnValid(digitsOf(id)),
  },
  {
    name: 'Australian tax file number',
    pattern: new RegExp(
      String.raw`(?:\bTFN|\b[Tt]ax\s+[Ff]ile\s+[Nn]umber)\b${GAP}\b(\d{3} ?\d{3} ?\d{3})\b`,
      'y',
    ),
    keywords: ['tfn', 'tax file'],
    valid: (id) => tfnValid(digitsOf(id)),
  },
  {
    name: "driver's licence number",
    pattern: new RegExp(
      String.raw`\b(?:[Dd]river'?s?\s+[Ll]icen[cs]e|DRIVER'?S?\s+LICEN[CS]E)\b${GAP}\b([A-Z0-9][A-Z0-9-]{4,16}[A-Z0-9])\b`,
      'y',
    ),
    keywords: ['driver'],
    valid: (id) => digitsOf(id).length >= 4 && !/^\d{4}-\d{2}-\d{2}$/.test(id),
  },
];

import type { ParameterPart, Script, Word, WordPart } from './shell-syntax.js';

/**
 * What the analysis knows when it expands a word. `lookup` returns a variable's value, `null`
 * when the variable is known to be unset, and `undefined` when its value is only known at run
 * time (the environment, a loop over unknown input, the output of a command).
 */
export interface ExpansionContext {
  lookup(name: string): string | null | undefined;
  home: string;
  /** The output of `$(...)` when it can be known without running anything (`$(echo rm)`). */
  evaluateSubstitution(script: Script): string | undefined;
}

/** One argument after expansion, as the program would receive it. */
export interface Field {
  value: string;
  /** Part of the value is only known at run time; `value` then holds the unexpanded text there. */
  dynamic: boolean;
  /** Holds unquoted `*`, `?` or `[`: the shell would replace it with matching file names. */
  glob: boolean;
}

interface Unit {
  text: string;
  quoted: boolean;
  dynamic: boolean;
  /** From an expansion: split into fields on whitespace when unquoted. */
  splittable: boolean;
  /** A single unquoted literal character: it can take part in brace and tilde expansion. */
  syntax: boolean;
}

// Brace expansion multiplies words; past this many the rest are dropped (and the word is dynamic).
const MAX_FIELDS = 64;
const DEFAULT_IFS = ' \t\n';

function parameterValue(part: ParameterPart, context: ExpansionContext): string | null | undefined {
  const value = context.lookup(part.name);
  if (part.prefix === '#') return value === undefined ? undefined : String((value ?? '').length);
  if (part.prefix === '!') return undefined;
  const operator = part.operator;
  if (operator === undefined) return value;
  const argument = part.argument
    ? expandToString({ word: part.argument, context })
    : { value: '', dynamic: false };
  const known = (text: string) => (argument.dynamic ? undefined : text);
  switch (operator) {
    case ':-':
    case ':=':
      if (value === undefined) return undefined;
      return value ? value : known(argument.value);
    case '-':
    case '=':
      if (value === undefined) return undefined;
      return value !== null ? value : known(argument.value);
    case ':+':
      if (value === undefined) return undefined;
      return value ? known(argument.value) : '';
    case '+':
      if (value === undefined) return undefined;
      return value !== null ? known(argument.value) : '';
    case ':?':
    case '?':
      return value;
  }
  if (value === undefined || value === null || argument.dynamic) return value === null ? '' : undefined;
  const pattern = argument.value;
  // Only literal patterns are evaluated; a glob pattern makes the result unknown.
  const literal = !/[*?[]/.test(pattern);
  switch (operator) {
    case '#':
    case '##':
      return literal ? (value.startsWith(pattern) ? value.slice(pattern.length) : value) : undefined;
    case '%':
    case '%%':
      return literal
        ? value.endsWith(pattern)
          ? value.slice(0, value.length - pattern.length)
          : value
        : undefined;
    case '/':
    case '//': {
      const slash = pattern.indexOf('/');
      const search = slash < 0 ? pattern : pattern.slice(0, slash);
      const replacement = slash < 0 ? '' : pattern.slice(slash + 1);
      if (/[*?[]/.test(search) || search === '') return undefined;
      return operator === '//'
        ? value.split(search).join(replacement)
        : value.replace(search, () => replacement);
    }
    case '^^':
      return pattern === '' ? value.toUpperCase() : undefined;
    case ',,':
      return pattern === '' ? value.toLowerCase() : undefined;
    case ':': {
      const match = /^\s*(-?\d+)\s*(?::\s*(-?\d+)\s*)?$/.exec(pattern);
      if (!match) return undefined;
      const offset = Number(match[1]);
      const start = offset < 0 ? Math.max(0, value.length + offset) : offset;
      if (match[2] === undefined) return value.slice(start);
      const length = Number(match[2]);
      return length < 0 ? value.slice(start, value.length + length) : value.slice(start, start + length);
    }
    default:
      return undefined;
  }
}

function unitsOf(parts: readonly WordPart[], context: ExpansionContext): Unit[] {
  const units: Unit[] = [];
  for (const part of parts) {
    switch (part.type) {
      case 'literal':
        if (part.quoted)
          units.push({ text: part.value, quoted: true, dynamic: false, splittable: false, syntax: false });
        else
          for (const char of part.value)
            units.push({ text: char, quoted: false, dynamic: false, splittable: false, syntax: true });
        break;
      case 'parameter': {
        const value = parameterValue(part, context);
        if (value === undefined)
          units.push({
            text: part.raw,
            quoted: part.quoted,
            dynamic: true,
            splittable: false,
            syntax: false,
          });
        else
          units.push({
            text: value ?? '',
            quoted: part.quoted,
            dynamic: false,
            // "$@" is one field per positional parameter (approximated as the words of their join).
            splittable: !part.quoted || (part.name === '@' && part.prefix === undefined),
            syntax: false,
          });
        break;
      }
      case 'command_substitution': {
        const output = context.evaluateSubstitution(part.script);
        if (output === undefined)
          units.push({
            text: part.raw,
            quoted: part.quoted,
            dynamic: true,
            splittable: false,
            syntax: false,
          });
        else
          units.push({
            text: output.replace(/\n+$/, ''),
            quoted: part.quoted,
            dynamic: false,
            splittable: !part.quoted,
            syntax: false,
          });
        break;
      }
      case 'process_substitution':
        units.push({ text: '/dev/fd/63', quoted: true, dynamic: false, splittable: false, syntax: false });
        break;
      case 'arithmetic':
        units.push({ text: part.raw, quoted: part.quoted, dynamic: true, splittable: false, syntax: false });
        break;
    }
  }
  return units;
}

function literalUnits(text: string): Unit[] {
  return [...text].map((char) => ({
    text: char,
    quoted: true,
    dynamic: false,
    splittable: false,
    syntax: false,
  }));
}

function sequence(text: string): string[] | undefined {
  const match = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, from, to, stepText] = match;
  const numeric = /\d/.test(from!) && /\d/.test(to!);
  if (!numeric && (/\d/.test(from!) || /\d/.test(to!))) return undefined;
  const start = numeric ? Number(from) : from!.charCodeAt(0);
  const end = numeric ? Number(to) : to!.charCodeAt(0);
  const step = Math.max(1, Math.abs(Number(stepText ?? 1)));
  const values: string[] = [];
  for (let value = start; start <= end ? value <= end : value >= end; value += start <= end ? step : -step) {
    values.push(numeric ? String(value) : String.fromCharCode(value));
    if (values.length > MAX_FIELDS) break;
  }
  return values;
}

/** Bash brace expansion (`{a,b}`, `{1..3}`) on unquoted text; quoted and expanded text is opaque. */
function expandBraces(units: Unit[], budget: { left: number }): Unit[][] {
  for (let open = 0; open < units.length; open++) {
    const unit = units[open]!;
    if (!unit.syntax || unit.text !== '{') continue;
    let depth = 0;
    const commas: number[] = [];
    let close = -1;
    for (let index = open; index < units.length; index++) {
      const current = units[index]!;
      if (!current.syntax) continue;
      if (current.text === '{') depth++;
      else if (current.text === '}') {
        depth--;
        if (depth === 0) {
          close = index;
          break;
        }
      } else if (current.text === ',' && depth === 1) commas.push(index);
    }
    if (close < 0) return [units];
    let alternatives: Unit[][];
    if (commas.length > 0) {
      const bounds = [open, ...commas, close];
      alternatives = bounds.slice(0, -1).map((start, index) => units.slice(start + 1, bounds[index + 1]));
    } else {
      const inner = units.slice(open + 1, close);
      const values = inner.every((item) => item.syntax)
        ? sequence(inner.map((item) => item.text).join(''))
        : undefined;
      if (!values) continue;
      alternatives = values.map(literalUnits);
    }
    const prefix = units.slice(0, open);
    const suffix = units.slice(close + 1);
    const results: Unit[][] = [];
    for (const alternative of alternatives) {
      if (budget.left <= 0) break;
      for (const expanded of expandBraces([...prefix, ...alternative, ...suffix], budget)) {
        if (budget.left <= 0) break;
        results.push(expanded);
      }
    }
    if (results.length === 0) budget.left--;
    return results;
  }
  budget.left--;
  return [units];
}

function splitFields(units: Unit[], ifs: string): Field[] {
  const fields: Field[] = [];
  let value = '';
  let dynamic = false;
  let glob = false;
  let started = false;
  const finish = () => {
    if (started) fields.push({ value, dynamic, glob });
    value = '';
    dynamic = false;
    glob = false;
    started = false;
  };
  for (const unit of units) {
    if (unit.splittable) {
      for (const char of unit.text) {
        if (ifs.includes(char)) finish();
        else {
          value += char;
          started = true;
          if (char === '*' || char === '?' || char === '[') glob = true;
        }
      }
      continue;
    }
    value += unit.text;
    if (unit.quoted || unit.text !== '') started = true;
    if (unit.dynamic) dynamic = true;
    if (!unit.quoted && !unit.dynamic && /[*?[]/.test(unit.text)) glob = true;
  }
  finish();
  return fields;
}

/** Expands `~` at the start of a word (and, for assignments, after `:` too). */
function expandTilde(units: Unit[], home: string): Unit[] {
  const first = units[0];
  if (!first?.syntax || first.text !== '~') return units;
  // `~name` is that user's home; it is taken to sit beside ours (/home/name, /Users/name).
  let end = 1;
  while (end < units.length && units[end]!.syntax && /^[A-Za-z0-9._-]$/.test(units[end]!.text)) end++;
  const next = units[end];
  if (next && !(next.syntax && next.text === '/')) return units;
  const user = units
    .slice(1, end)
    .map((unit) => unit.text)
    .join('');
  const parent = home.slice(0, home.lastIndexOf('/')) || '/';
  const text = user === '' ? home : `${parent === '/' ? '' : parent}/${user}`;
  return [{ text, quoted: true, dynamic: false, splittable: false, syntax: false }, ...units.slice(end)];
}

/**
 * Expands a word into the fields a program would receive: brace expansion, tilde expansion,
 * parameter and command substitution (where the value can be known), field splitting and
 * quote removal. Globs are left in place and flagged.
 */
export function expandWord(options: { word: Word; context: ExpansionContext }): Field[] {
  const { context } = options;
  const units = unitsOf(options.word.parts, context);
  const ifs = context.lookup('IFS') ?? DEFAULT_IFS;
  const budget = { left: MAX_FIELDS };
  const fields: Field[] = [];
  for (const expanded of expandBraces(units, budget))
    fields.push(...splitFields(expandTilde(expanded, context.home), ifs));
  if (budget.left <= 0 && fields.length > 0) fields[fields.length - 1]!.dynamic = true;
  return fields;
}

/** Expands a word where the shell does not split or glob it: assignment values, here-documents, `case` subjects. */
export function expandToString(options: { word: Word; context: ExpansionContext }): {
  value: string;
  dynamic: boolean;
} {
  const units = expandTilde(unitsOf(options.word.parts, options.context), options.context.home);
  let value = '';
  let dynamic = false;
  for (const unit of units) {
    value += unit.text;
    if (unit.dynamic) dynamic = true;
  }
  return { value, dynamic };
}

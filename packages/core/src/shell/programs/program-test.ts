import { describeCommand } from '../command-semantics.js';

/** Findings and targets of one command line of a single program, for the modules' tests. */
export function describeLine(line: string): { findings: string[]; targets: string[]; subcommand?: string } {
  const [program, ...args] = splitWords(line);
  const description = describeCommand({ program: program!.slice(program!.lastIndexOf('/') + 1), args });
  return {
    findings: description.findings.map((finding) => finding.id),
    targets: description.targets.map((target) => `${target.access}:${target.path}`),
    ...(description.subcommand !== undefined ? { subcommand: description.subcommand } : {}),
  };
}

/** Splits a test line into words, with single and double quotes (no expansions). */
function splitWords(line: string): string[] {
  const words: string[] = [];
  let current = '';
  let quote: string | undefined;
  let started = false;
  for (const char of line) {
    if (quote) {
      if (char === quote) quote = undefined;
      else current += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      started = true;
    } else if (/\s/.test(char)) {
      if (started) words.push(current);
      current = '';
      started = false;
    } else {
      current += char;
      started = true;
    }
  }
  if (started) words.push(current);
  return words;
}

import type { RE2JS } from 're2js';
import { PolicyError } from '../errors.js';

type Engine = typeof RE2JS;

let engine: Engine | undefined;

/** A compiled `matches` expression: tested in time linear in the text, whatever the pattern. */
export interface LinearRegex {
  readonly source: string;
  test(text: string): boolean;
}

/**
 * Hands the engine over to embedders that build policies synchronously (createConfig, tests).
 * Hooks never call this: they load it with `loadRegexEngine` only when a policy has `matches`.
 */
export function provideRegexEngine(value: Engine): void {
  engine ??= value;
}

/**
 * Loads the RE2-class engine (re2js, pure JavaScript) used for policy regular expressions. Loaded
 * on demand because most policies have no `matches`, and a hook pays for every module it reads.
 */
export async function loadRegexEngine(): Promise<void> {
  if (engine) return;
  const module = await import('re2js');
  engine ??= module.RE2JS;
}

/**
 * Compiles a policy expression for a linear-time engine (RE2 semantics: no backreferences, no
 * look-around), case-insensitive as `matches` has always been. A backtracking engine can take
 * minutes on a short command with an expression such as `(a+)+$`; this one cannot.
 * Throws a PolicyError naming what the engine cannot run.
 */
export function compileLinearRegex(source: string): LinearRegex {
  if (!engine) {
    throw new PolicyError({
      message: `the regular expression engine is not loaded (call loadRegexEngine() before compiling "${source}")`,
    });
  }
  let compiled: RE2JS;
  try {
    compiled = engine.compile(source, engine.CASE_INSENSITIVE);
  } catch (error) {
    throw new PolicyError({
      message: `matches "${source}" cannot run in linear time (${(error as Error).message.replace(/^error parsing regexp: /, '')}); rewrite it without backreferences or look-around`,
      cause: error,
    });
  }
  return { source, test: (text) => compiled.test(text) };
}

/** Whether any rule has a `matches` condition (only then is the engine loaded). */
export function rulesUseRegex(
  rules: readonly { rule: { when?: { matches?: unknown }; unless?: { matches?: unknown } } }[],
): boolean {
  return rules.some(({ rule }) => rule.when?.matches !== undefined || rule.unless?.matches !== undefined);
}

import { BUILTIN_PACKS, conditionsSchema, PolicyError, policySchema, ruleSchema } from '@warden/core';
import { didYouMean } from './did-you-mean.js';

export interface PolicyProblem {
  file?: string;
  line?: number;
  ruleId?: string;
  message: string;
  suggestion?: string;
}

const keysOf = (schema: { shape: object }) => Object.keys(schema.shape);

function builtinRuleIds(): string[] {
  return [
    ...new Set(Object.values(BUILTIN_PACKS).flatMap((pack) => (pack.rules ?? []).map((rule) => rule.id))),
  ];
}

/** A policy error as file, line, rule and message, with a "did you mean" for misspelt keys, rule ids and packs. */
export function describePolicyProblem(error: unknown, knownRuleIds: readonly string[] = []): PolicyProblem {
  if (!PolicyError.isInstance(error))
    return { message: error instanceof Error ? error.message : String(error) };
  const policyError = error as PolicyError;
  let message = policyError.message;
  const where = [
    policyError.file ? `${policyError.file}${policyError.line ? `:${policyError.line}` : ''}` : undefined,
    policyError.ruleId ? `rule "${policyError.ruleId}"` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  if (where && message.startsWith(`${where}: `)) message = message.slice(where.length + 2);
  let suggestion: string | undefined;
  const unknownKey = /^(?:(.*): )?unknown keys? "([^"]+)"/.exec(message);
  if (unknownKey) {
    const at = unknownKey[1] ?? '';
    const candidates = /(^|\.)(when|unless)$/.test(at)
      ? keysOf(conditionsSchema)
      : /^rules\.\d+$/.test(at)
        ? keysOf(ruleSchema)
        : keysOf(policySchema);
    const guess = didYouMean(unknownKey[2]!, candidates);
    suggestion = guess ? `did you mean "${guess}"?` : `allowed keys: ${candidates.join(', ')}`;
  }
  const unknownRule = /names rule "([^"]+)"/.exec(message);
  if (unknownRule) {
    const guess = didYouMean(unknownRule[1]!, [...knownRuleIds, ...builtinRuleIds()]);
    if (guess) suggestion = `did you mean "${guess}"?`;
  }
  const unknownPack = /unknown pack "([^"]+)"/.exec(message);
  if (unknownPack) {
    const guess = didYouMean(unknownPack[1]!, Object.keys(BUILTIN_PACKS));
    if (guess) suggestion = `did you mean "${guess}"?`;
  }
  return {
    ...(policyError.file ? { file: policyError.file } : {}),
    ...(policyError.line ? { line: policyError.line } : {}),
    ...(policyError.ruleId ? { ruleId: policyError.ruleId } : {}),
    message,
    ...(suggestion ? { suggestion } : {}),
  };
}

export function formatPolicyProblem(problem: PolicyProblem): string {
  const where = [
    problem.file ? `${problem.file}${problem.line ? `:${problem.line}` : ''}` : undefined,
    problem.ruleId ? `rule "${problem.ruleId}"` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return `${where ? `${where}: ` : ''}${problem.message}${problem.suggestion ? ` (${problem.suggestion})` : ''}`;
}

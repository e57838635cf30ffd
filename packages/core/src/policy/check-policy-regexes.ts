import { readFileSync } from 'node:fs';
import { PolicyError } from '../errors.js';
import type { ResolvedRule } from './compile-policy.js';
import { compileLinearRegex } from './linear-regex.js';

type Yaml = typeof import('yaml');

/** The line of `rules[id].<part>.matches[index]` in a policy file, when it can be found. */
function lineOf(options: {
  file: string;
  ruleId: string;
  path: (string | number)[];
  yaml: Yaml;
}): number | undefined {
  try {
    const { yaml } = options;
    const lineCounter = new yaml.LineCounter();
    const document = yaml.parseDocument(readFileSync(options.file, 'utf8'), { lineCounter });
    const rules = document.toJS()?.rules as { id?: unknown }[] | undefined;
    const index = rules?.findIndex((rule) => rule?.id === options.ruleId) ?? -1;
    if (index < 0) return undefined;
    const node = document.getIn(['rules', index, ...options.path], true) as
      | { range?: [number, number, number] }
      | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Compiles every `matches` expression of a resolved policy with the linear-time engine, so an
 * expression it cannot run is refused when the policy loads (naming file, line and rule), not
 * discovered on some later tool call. The engine must be loaded (`loadRegexEngine`).
 */
export function checkPolicyRegexes(options: { rules: readonly ResolvedRule[]; yaml?: Yaml }): void {
  for (const { rule, source } of options.rules) {
    for (const part of ['when', 'unless'] as const) {
      const matches = rule[part]?.matches ?? [];
      matches.forEach((expression, index) => {
        try {
          compileLinearRegex(expression);
        } catch (error) {
          const isFile = !source.startsWith('pack:') && source !== 'inline policy';
          const line =
            isFile && options.yaml
              ? lineOf({ file: source, ruleId: rule.id, path: [part, 'matches', index], yaml: options.yaml })
              : undefined;
          throw new PolicyError({
            message: `${part}.matches[${index}]: ${(error as Error).message}`,
            file: source,
            ...(line ? { line } : {}),
            ruleId: rule.id,
            cause: error,
          });
        }
      });
    }
  }
}

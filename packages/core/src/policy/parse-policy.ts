import { PolicyError } from '../errors.js';
import { formatIssue } from '../format-issue.js';
import { type Policy, policySchema } from './policy-schema.js';

type Yaml = typeof import('yaml');

/**
 * Parses a YAML or JSON policy (JSON is read by the YAML parser, so both report lines) and
 * validates it. Errors name the file, the line and the rule.
 */
export function parsePolicy(options: { text: string; file: string; yaml: Yaml }): Policy {
  const { yaml, file } = options;
  const lineCounter = new yaml.LineCounter();
  const document = yaml.parseDocument(options.text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
    throw new PolicyError({
      message: `not valid YAML/JSON: ${error.message.split('\n')[0]}`,
      file,
      line,
      cause: error,
    });
  }
  const value: unknown = document.toJS() ?? {};
  const result = policySchema.safeParse(value);
  if (result.success) return result.data;

  const issue = result.error.issues[0]!;
  // Walk up the issue path until a node exists (a missing key has no node of its own).
  let line: number | undefined;
  for (let depth = issue.path.length; depth >= 0 && line === undefined; depth--) {
    const node = document.getIn(issue.path.slice(0, depth) as (string | number)[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node && typeof node === 'object' && node.range) line = lineCounter.linePos(node.range[0]).line;
  }
  let ruleId: string | undefined;
  if (issue.path[0] === 'rules' && typeof issue.path[1] === 'number') {
    const rule = (value as { rules?: unknown[] }).rules?.[issue.path[1]];
    const id = typeof rule === 'object' && rule !== null ? (rule as { id?: unknown }).id : undefined;
    ruleId = typeof id === 'string' ? id : `#${issue.path[1] + 1}`;
  }
  throw new PolicyError({ message: formatIssue(issue), file, line, ruleId, cause: result.error });
}

import path from 'node:path';
import type { Effect, FailurePolicy, Mode } from '../decision.js';
import type { DetectorsPolicy } from '../detectors/detectors-settings.js';
import { PolicyError } from '../errors.js';
import { BUILTIN_PACKS } from '../packs/index.js';
import type { ResolvedRule } from './compile-policy.js';
import type { Policy } from './policy-schema.js';

/** `extends: none`: nothing is extended, on purpose. */
export const NO_PARENT = 'none';

export interface ResolvedPolicy {
  rules: ResolvedRule[];
  mode?: Mode;
  failure?: FailurePolicy;
  defaultEffect?: Effect;
  sources: string[];
  /** Detector settings of every layer, extended policies first (merged by resolveDetectorSettings). */
  detectors?: DetectorsPolicy[];
  /** What the user must be told about the policy (it has no protections), see keepProtections. */
  warnings?: string[];
}

/**
 * Flattens `extends` chains into one ordered rule list. Extended policies come first; a rule
 * whose id is already present replaces it in place (so overriding a pack rule keeps its
 * position); `disable` removes rule ids inherited so far.
 */
export function resolvePolicy(options: {
  policy: Policy;
  source: string;
  loadFile: (file: string) => Policy;
  seen?: readonly string[];
}): ResolvedPolicy {
  const { policy, source } = options;
  const seen = [...(options.seen ?? []), source];
  const result: ResolvedPolicy = { rules: [], sources: [] };
  // Rule id -> position in result.rules: a pack has a hundred rules, and each one's upsert would
  // otherwise search the list (quadratic, milliseconds of every hook run).
  let positions = new Map<string, number>();
  const upsert = (entry: ResolvedRule) => {
    const index = positions.get(entry.rule.id);
    if (index !== undefined) result.rules[index] = entry;
    else {
      positions.set(entry.rule.id, result.rules.length);
      result.rules.push(entry);
    }
  };
  const parents =
    policy.extends === undefined ? [] : Array.isArray(policy.extends) ? policy.extends : [policy.extends];

  if (parents.includes(NO_PARENT) && parents.length > 1) {
    throw new PolicyError({
      message: `extends: ${NO_PARENT} means nothing is extended; it cannot be listed with ${parents.filter((parent) => parent !== NO_PARENT).join(', ')}`,
      file: source,
    });
  }
  for (const parent of parents) {
    if (parent === NO_PARENT) continue;
    const pack = BUILTIN_PACKS[parent];
    let parentSource: string;
    let parentPolicy: Policy;
    if (pack) {
      parentSource = `pack:${parent}`;
      parentPolicy = pack;
    } else if (/[/\\.]/.test(parent)) {
      parentSource = path.resolve(path.dirname(source.startsWith('pack:') ? process.cwd() : source), parent);
      if (seen.includes(parentSource)) {
        throw new PolicyError({
          message: `extends itself through ${[...seen, parentSource].join(' -> ')}`,
          file: source,
        });
      }
      parentPolicy = options.loadFile(parentSource);
    } else {
      throw new PolicyError({
        message: `extends unknown pack "${parent}" (built-in packs: ${Object.keys(BUILTIN_PACKS).join(', ')}, or ${NO_PARENT}; use a path such as ./base.yaml for a file)`,
        file: source,
      });
    }
    const resolved = resolvePolicy({
      policy: parentPolicy,
      source: parentSource,
      loadFile: options.loadFile,
      seen,
    });
    for (const entry of resolved.rules) upsert(entry);
    result.sources.push(...resolved.sources);
    result.mode = resolved.mode ?? result.mode;
    result.failure = resolved.failure ?? result.failure;
    result.defaultEffect = resolved.defaultEffect ?? result.defaultEffect;
    if (resolved.detectors) result.detectors = [...(result.detectors ?? []), ...resolved.detectors];
  }

  if (policy.disable) {
    const known = new Set(result.rules.map(({ rule }) => rule.id));
    for (const id of policy.disable) {
      if (!known.has(id)) {
        throw new PolicyError({
          message: `disable names rule "${id}", which no extended policy defines`,
          file: source,
          ruleId: id,
        });
      }
    }
    result.rules = result.rules.filter(({ rule }) => !policy.disable!.includes(rule.id));
    positions = new Map(result.rules.map(({ rule }, index) => [rule.id, index]));
  }
  const ownIds = new Set<string>();
  for (const rule of policy.rules ?? []) {
    if (ownIds.has(rule.id))
      throw new PolicyError({
        message: 'duplicate rule id in the same policy',
        file: source,
        ruleId: rule.id,
      });
    ownIds.add(rule.id);
    upsert({ rule, source });
  }
  result.sources.push(source);
  result.mode = policy.mode ?? result.mode;
  result.failure = policy.failure ?? result.failure;
  result.defaultEffect = policy.defaultEffect ?? result.defaultEffect;
  if (policy.detectors) result.detectors = [...(result.detectors ?? []), policy.detectors];
  return result;
}

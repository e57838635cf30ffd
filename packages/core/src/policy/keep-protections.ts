import type { Policy } from './policy-schema.js';
import { type ResolvedPolicy, resolvePolicy } from './resolve-policy.js';

/** The pack whose protections stay in force under a policy that has none. */
export const FALLBACK_PACK = 'recommended';

/** Whether a resolved policy can stop anything: a rule that denies or asks, or a default that does. */
export function hasProtections(resolved: Pick<ResolvedPolicy, 'rules' | 'defaultEffect'>): boolean {
  if (resolved.defaultEffect !== undefined && resolved.defaultEffect !== 'allow') return true;
  return resolved.rules.some(({ rule }) => rule.effect !== 'allow' && rule.enabled !== false);
}

/**
 * A policy with no protections (an empty file, `rules: []`, every pack rule disabled, `extends`
 * nothing) is far more often a mistake than a wish, and would switch the guard off without a word.
 * Unless the policy says `acknowledge: no-protections`, the recommended pack's rules stay in force
 * under it (the policy's own rules, all allows, are kept beside them where their ids are free) and
 * a warning says so. Acknowledged, nothing changes but the warning, which stays: a guard that
 * blocks nothing should be said out loud.
 */
export function keepProtections(options: {
  resolved: ResolvedPolicy;
  policy: Policy;
  /** The policy file, for the messages. */
  source: string;
}): ResolvedPolicy {
  const { resolved, policy, source } = options;
  if (hasProtections(resolved)) return resolved;
  if (policy.acknowledge === 'no-protections') {
    return {
      ...resolved,
      warnings: [
        ...(resolved.warnings ?? []),
        `the policy ${source} has no rule that denies or asks, and says so (acknowledge: no-protections): Warden records every action but blocks nothing.`,
      ],
    };
  }
  const pack = resolvePolicy({
    policy: { extends: FALLBACK_PACK },
    source: `pack:${FALLBACK_PACK}`,
    loadFile: () => {
      throw new Error('built-in packs extend only built-in packs');
    },
  });
  const packIds = new Set(pack.rules.map(({ rule }) => rule.id));
  return {
    ...resolved,
    rules: [...pack.rules, ...resolved.rules.filter(({ rule }) => !packIds.has(rule.id))],
    sources: [...pack.sources.filter((entry) => !resolved.sources.includes(entry)), ...resolved.sources],
    warnings: [
      ...(resolved.warnings ?? []),
      `the policy ${source} has no rule that denies or asks (an empty file, rules: [], every pack rule disabled, or extends nothing), so Warden keeps the ${FALLBACK_PACK} pack's protections in force. To run without protections on purpose, write "extends: none" and "acknowledge: no-protections" in it.`,
    ],
  };
}

import type { Mode } from '../decision.js';
import { PolicyError } from '../errors.js';
import { formatIssue } from '../format-issue.js';
import type { OrgPolicyCache } from '../ingest/warden-protocol.js';
import { type CompiledPolicy, compilePolicy } from '../policy/compile-policy.js';
import { policySchema } from '../policy/policy-schema.js';
import { resolvePolicy } from '../policy/resolve-policy.js';

export interface CompiledOrgPolicy {
  key: string;
  policy: CompiledPolicy | undefined;
  mode: Mode | undefined;
  error?: string;
}

// In long-lived processes (the Agent SDK, the session server) the org policy compiles once per ETag.
let compiled: CompiledOrgPolicy | undefined;

/**
 * Validates and compiles the org policy of a cached answer. An invalid one comes back with
 * `error` and no policy (the device ignores it); never throws.
 */
export function compileOrgPolicy(options: { cache: OrgPolicyCache; userHome: string }): CompiledOrgPolicy {
  const { cache, userHome } = options;
  // fetchedAt too: a server that reuses an ETag for new content costs a compile, not a stale policy.
  const key = `${cache.serverUrl}\n${cache.etag}\n${cache.fetchedAt}\n${userHome}`;
  if (compiled?.key === key) return compiled;
  if (cache.policy === null || cache.policy === undefined) {
    compiled = { key, policy: undefined, mode: undefined };
    return compiled;
  }
  try {
    const parsed = policySchema.safeParse(cache.policy);
    if (!parsed.success)
      throw new PolicyError({ message: formatIssue(parsed.error.issues[0]!), file: 'org policy' });
    const resolved = resolvePolicy({
      policy: parsed.data,
      source: 'org',
      loadFile: () => {
        throw new PolicyError({ message: 'an org policy extends only built-in packs', file: 'org policy' });
      },
    });
    const mode = resolved.mode;
    compiled = {
      key,
      mode,
      policy: compilePolicy({
        rules: resolved.rules,
        mode: mode ?? 'enforce',
        failure: resolved.failure ?? 'closed',
        defaultEffect: resolved.defaultEffect ?? 'allow',
        sources: resolved.sources.map((source) => `org:${source}`),
        home: userHome,
      }),
    };
  } catch (error) {
    compiled = { key, policy: undefined, mode: undefined, error: (error as Error).message };
  }
  return compiled;
}

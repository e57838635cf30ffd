import { sha256Hex } from '../audit/sha256.js';
import type { CompiledPolicy } from '../policy/compile-policy.js';

const hashes = new WeakMap<CompiledPolicy, string>();

/**
 * SHA-256 of the effective policy: the local rules as written (packs and files, in order), the
 * mode, failure and default effect, and the org policy by its ETag. Two devices with the same
 * hash decide alike; the fleet view uses it to spot drift. Computed once per compiled policy
 * and only when a server is configured, so a hook pays for it at most once.
 */
export function policyHash(options: { policy: CompiledPolicy; orgEtag?: string | undefined }): string {
  const { policy } = options;
  let local = hashes.get(policy);
  if (local === undefined) {
    local = sha256Hex(
      JSON.stringify({
        rules: (policy.definition ?? policy.rules).map((entry) =>
          'rule' in entry ? { ...entry.rule, source: entry.source } : { id: entry.id, effect: entry.effect },
        ),
        mode: policy.mode,
        failure: policy.failure,
        defaultEffect: policy.defaultEffect,
      }),
    );
    hashes.set(policy, local);
  }
  return options.orgEtag === undefined ? local : sha256Hex(`${local}\norg:${options.orgEtag}`);
}

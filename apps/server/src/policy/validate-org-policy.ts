import {
  compilePolicy,
  DEFAULT_FAILURE,
  type DecideConfig,
  type Policy,
  PolicyError,
  parsePolicy,
  resolvePolicy,
} from '@warden/core';
import * as yaml from 'yaml';

/** Where the server pretends a device's homes are: the device applies the org policy with its real ones. */
const DEVICE_HOME = '/home/warden-device';

export type ValidateOrgPolicyResult =
  | { ok: true; policy: Policy; config: DecideConfig }
  | { ok: false; message: string };

/**
 * Validates an uploaded org policy (YAML or JSON) with core's own parser and compiler. Errors
 * name the line and the rule. An org policy may extend the built-in packs, not files.
 */
export function validateOrgPolicy(options: { text: string }): ValidateOrgPolicyResult {
  try {
    const policy = parsePolicy({ text: options.text, file: 'org-policy', yaml });
    return { ok: true, policy, config: compileOrgPolicy({ policy }) };
  } catch (error) {
    if (PolicyError.isInstance(error)) return { ok: false, message: error.message };
    return { ok: false, message: `org-policy: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** The decide configuration of a stored (already validated) org policy. */
export function compileOrgPolicy(options: { policy: Policy }): DecideConfig {
  const resolved = resolvePolicy({
    policy: options.policy,
    source: 'org-policy',
    loadFile: (file) => {
      throw new PolicyError({
        message: `an org policy can extend the built-in packs only, not the file ${file}`,
        file: 'org-policy',
      });
    },
  });
  const mode = resolved.mode ?? 'enforce';
  const failure = {
    ...DEFAULT_FAILURE,
    ...(resolved.failure ? { tool_call: resolved.failure, prompt: resolved.failure } : {}),
  };
  return {
    policy: compilePolicy({
      rules: resolved.rules,
      mode,
      failure: failure.tool_call,
      defaultEffect: resolved.defaultEffect ?? 'allow',
      sources: resolved.sources,
      home: DEVICE_HOME,
    }),
    mode,
    failure,
    home: `${DEVICE_HOME}/.warden`,
    userHome: DEVICE_HOME,
  };
}

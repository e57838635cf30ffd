import type { CompiledPolicy, ResolvedRule } from './compile-policy.js';

/**
 * One source of policy in force. Layers are decided separately and the most restrictive effect
 * wins, so a layer that cannot weaken (`canWeaken: false`: an untrusted repository's policy) can
 * only add restrictions. The org layer slots in the same way (`source: 'org'`).
 */
export interface PolicyLayer {
  /** `user` ($WARDEN_HOME/policy.yaml, the config's policy or a pack), `org`, `project`. */
  source: 'user' | 'org' | 'project' | (string & {});
  /** The policy file, when the layer was read from one. */
  file?: string;
  compiled: CompiledPolicy;
  /** Whether the layer's allows and `disable` may undo what other layers restrict. */
  canWeaken: boolean;
  /** The rules before compiling, so a trusted project can be merged onto the user's layer. */
  resolved?: { rules: ResolvedRule[] };
  /** For a project layer: the repository root it applies to. */
  root?: string;
  /** For a project layer: whether the user trusts it (`warden trust`). */
  trusted?: boolean;
}

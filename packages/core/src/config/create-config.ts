import os from 'node:os';
import path from 'node:path';
import { RE2JS } from 're2js';
import type { FailurePolicy, Mode } from '../decision.js';
import { ConfigError, PolicyError } from '../errors.js';
import type { Phase } from '../guard-event.js';
import { BUILTIN_PACKS } from '../packs/index.js';
import { checkPolicyRegexes } from '../policy/check-policy-regexes.js';
import { type CompiledPolicy, compilePolicy } from '../policy/compile-policy.js';
import { keepProtections } from '../policy/keep-protections.js';
import { provideRegexEngine } from '../policy/linear-regex.js';
import { type Policy, policySchema } from '../policy/policy-schema.js';
import { resolvePolicy } from '../policy/resolve-policy.js';
import { DEFAULT_FAILURE, resolveWardenHome, type WardenConfig } from './load-config.js';
import { Secret } from './secret.js';
import {
  type AktoSettings,
  type BackendId,
  DEFAULT_DECIDE_TIMEOUT_MS,
  defaultDeviceId,
  type IngestSettings,
  resolveIngestSettings,
} from './server-settings.js';

export interface CreateConfigOptions {
  /** A policy object (validated here) or the name of a built-in pack. Default: `recommended`. */
  policy?: Policy | string;
  /** Where the policy object came from (a file path), for errors and for relative `extends`. */
  source?: string;
  /** Reads a policy file named in `extends`. Without it, extending a file is a PolicyError. */
  loadFile?: (file: string) => Policy;
  /** Overrides the policy's own mode. */
  mode?: Mode;
  /** Overrides the policy's failure policy, for every phase or per phase. */
  failure?: FailurePolicy | Partial<Record<Phase, FailurePolicy>>;
  /** Warden's home (audit log, protected files). Default: `$WARDEN_HOME`, else `~/.warden`. */
  home?: string;
  /** The user's home directory, for `~` in policies. Default: `os.homedir()`. */
  userHome?: string;
  audit?: { enabled?: boolean; dir?: string };
  /** A server to send events to and (with `decide`) ask for verdicts. Nothing is sent without it. */
  server?: {
    url: string;
    token?: string;
    backend?: BackendId;
    decide?: boolean;
    decideTimeoutMs?: number;
    caFile?: string;
    akto?: Partial<AktoSettings>;
  };
  /** Overrides of the ingestion defaults (spool under `home`, batch size, limits, budgets). */
  ingest?: Partial<Omit<IngestSettings, 'spoolDir'>>;
}

function applyFailure(
  base: Record<Phase, FailurePolicy>,
  setting: FailurePolicy | Partial<Record<Phase, FailurePolicy>> | undefined,
): Record<Phase, FailurePolicy> {
  if (setting === undefined) return base;
  if (typeof setting === 'string') {
    return { prompt: setting, tool_call: setting, tool_result: setting, response: setting, session: setting };
  }
  return { ...base, ...setting };
}

/**
 * Builds a configuration in memory, for in-process embedders (the Agent SDK adapter) that hold
 * their policy in code: no config file or environment is read, so what the code says is what runs.
 * Synchronous, so a bad policy fails where the embedder builds it, not on the first tool call.
 * Throws a PolicyError for an invalid policy or an unknown pack.
 */
export function createConfig(options: CreateConfigOptions = {}): WardenConfig {
  const given = options.policy ?? 'recommended';
  let policy: Policy;
  let source: string;
  if (typeof given === 'string') {
    const pack = BUILTIN_PACKS[given];
    if (!pack) {
      throw new PolicyError({
        message: `unknown pack "${given}" (built-in packs: ${Object.keys(BUILTIN_PACKS).join(', ')})`,
      });
    }
    policy = pack;
    source = `pack:${given}`;
  } else {
    source = options.source ?? 'inline policy';
    // An object policy is typed, but JavaScript callers and spread mistakes reach here unchecked.
    const parsed = policySchema.safeParse(given);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new PolicyError({ message: `${where}${issue.message}`, file: source, cause: parsed.error });
    }
    policy = parsed.data;
  }

  const fromPolicy = resolvePolicy({
    policy,
    source,
    loadFile:
      options.loadFile ??
      ((file) => {
        throw new PolicyError({
          message: `extends the file ${file}, but this policy was given in memory with no way to read files`,
          file: source,
        });
      }),
  });

  // A policy in code with no protections keeps the pack's, as a policy file does (a built-in pack
  // is taken as named: `observe` is meant to block nothing).
  const resolved =
    typeof given === 'string' ? fromPolicy : keepProtections({ resolved: fromPolicy, policy, source });

  // In-process embedders build synchronously, so they get the regex engine up front; a policy
  // expression it cannot run (backreferences, look-around) is refused here.
  provideRegexEngine(RE2JS);
  checkPolicyRegexes({ rules: resolved.rules });

  const userHome = path.resolve(options.userHome ?? os.homedir());
  const home = path.resolve(options.home ?? resolveWardenHome({ userHome }));
  const mode: Mode = options.mode ?? resolved.mode ?? 'enforce';
  const failure = applyFailure(applyFailure({ ...DEFAULT_FAILURE }, resolved.failure), options.failure);
  let compiled: CompiledPolicy;
  try {
    compiled = compilePolicy({
      rules: resolved.rules,
      mode,
      failure: failure.tool_call,
      defaultEffect: resolved.defaultEffect ?? 'allow',
      sources: resolved.sources,
      detectors: resolved.detectors,
      home: userHome,
    });
  } catch (error) {
    // A `matches` entry that is no valid regular expression surfaces here as a SyntaxError.
    throw new PolicyError({ message: (error as Error).message, file: source, cause: error });
  }
  return {
    policy: compiled,
    mode,
    failure,
    home,
    userHome,
    ...(resolved.warnings?.length ? { policyWarnings: resolved.warnings } : {}),
    auditEnabled: options.audit?.enabled ?? true,
    auditDir: path.resolve(options.audit?.dir ?? path.join(home, 'audit')),
    configFile: undefined,
    ...(options.server ? serverSettings(options.server, options.ingest, home) : {}),
  };
}

function serverSettings(
  server: NonNullable<CreateConfigOptions['server']>,
  ingest: CreateConfigOptions['ingest'],
  home: string,
): Pick<WardenConfig, 'server' | 'ingest'> {
  let url: URL;
  try {
    url = new URL(server.url);
  } catch {
    throw new ConfigError({ source: 'createConfig', message: `server.url is not a URL: "${server.url}"` });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError({ source: 'createConfig', message: `server.url must be http(s): "${server.url}"` });
  }
  const backend = server.backend ?? 'warden';
  return {
    server: {
      backend,
      url: url.toString().replace(/\/+$/, ''),
      token: server.token ? new Secret(server.token) : undefined,
      decide: server.decide ?? backend === 'akto',
      decideTimeoutMs: server.decideTimeoutMs ?? (backend === 'akto' ? 5000 : DEFAULT_DECIDE_TIMEOUT_MS),
      caFile: server.caFile,
      akto:
        backend === 'akto'
          ? {
              connector: undefined,
              connectorValue: undefined,
              contextSource: 'ENDPOINT',
              deviceId: defaultDeviceId(),
              mcpIngestPath: '/mcp',
              nonMcpToolPathPrefix: '/tool',
              nonMcpIngestPath: undefined,
              ...server.akto,
            }
          : undefined,
      source: 'createConfig',
      notes: [],
    },
    ingest: { ...resolveIngestSettings({ env: {}, home }), ...ingest },
  };
}

import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as z from 'zod/mini';
import type { DecideConfig } from '../decide.js';
import type { FailurePolicy, Mode } from '../decision.js';
import { ConfigError, WardenError } from '../errors.js';
import { formatIssue } from '../format-issue.js';
import { assertPrivatePath } from '../fs/check-private-path.js';
import type { Phase } from '../guard-event.js';
import { compilePolicy } from '../policy/compile-policy.js';
import { failurePolicySchema, modeSchema } from '../policy/enums.js';
import { loadPolicy } from '../policy/load-policy.js';
import type { ConfigFile, FailureSetting } from './config-file-schema.js';
import { parsedFileCacheDir, readParsedFile, writeParsedFile } from './parsed-file-cache.js';
import {
  type IngestSettings,
  resolveIngestSettings,
  resolveServerSettings,
  type ServerSettings,
} from './server-settings.js';
import { readSuspension } from './suspension.js';

/** The user's policy in Warden's home, loaded when present (unless config.yaml or WARDEN_POLICY name another). */
export const USER_POLICY_FILE = 'policy.yaml';

/**
 * Defaults: a failure blocks where blocking is safe (tool calls and prompts) and lets the
 * agent go on where blocking could loop or strand it (results, answers, session events).
 */
export const DEFAULT_FAILURE: Readonly<Record<Phase, FailurePolicy>> = {
  prompt: 'closed',
  tool_call: 'closed',
  tool_result: 'open',
  response: 'open',
  session: 'open',
};

export interface WardenConfig extends DecideConfig {
  auditEnabled: boolean;
  auditDir: string;
  /** The config file read, if any. */
  configFile: string | undefined;
  /** Segment size of the audit log (default 16 MiB). */
  auditMaxFileBytes?: number;
  /** The server events go to and verdicts come from; undefined when none is configured. */
  server?: ServerSettings;
  /** How events reach the server (spool, batches, budgets). Only used when `server` is set. */
  ingest?: IngestSettings;
  /** What the user must be told about the policy (it has no protections); see keepProtections. */
  policyWarnings?: string[];
}

export interface LoadConfigOptions {
  env?: NodeJS.ProcessEnv;
  /** The user's home directory; defaults to `os.homedir()`. */
  userHome?: string;
}

function failureRecord(setting: FailureSetting | undefined, base: Record<Phase, FailurePolicy>) {
  if (setting === undefined) return base;
  if (typeof setting === 'string') {
    return { prompt: setting, tool_call: setting, tool_result: setting, response: setting, session: setting };
  }
  return { ...base, ...setting };
}

function envValue<T>(
  env: NodeJS.ProcessEnv,
  name: string,
  schema: z.ZodMiniType<T>,
  expected: string,
): T | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const result = schema.safeParse(raw.trim().toLowerCase());
  if (!result.success) throw new ConfigError({ source: name, message: `expected ${expected}, got "${raw}"` });
  return result.data;
}

/** Warden's home: `$WARDEN_HOME`, else `~/.warden`. */
export function resolveWardenHome(options: LoadConfigOptions = {}): string {
  const env = options.env ?? process.env;
  const userHome = options.userHome ?? env.HOME ?? os.homedir();
  return path.resolve(env.WARDEN_HOME || path.join(userHome, '.warden'));
}

/**
 * Reads the configuration: defaults, then `$WARDEN_HOME/config.yaml`, then the environment
 * (`WARDEN_POLICY`, `WARDEN_MODE`, `WARDEN_FAILURE`; the server: `WARDEN_SERVER_URL`,
 * `WARDEN_TOKEN`, or Akto's `AKTO_DATA_INGESTION_URL` and friends). With nothing configured, the
 * `recommended` pack is in force in enforce mode.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<WardenConfig> {
  const env = options.env ?? process.env;
  const userHome = path.resolve(options.userHome ?? env.HOME ?? os.homedir());
  const home = resolveWardenHome({ env, userHome });
  // ssh's rule: a home, config or policy another user can write is not obeyed.
  assertPrivatePath({ path: home, role: "Warden's home" });
  const configPath = path.join(home, 'config.yaml');
  // Parsed and validated config and policy files are kept there, keyed by their content.
  const cacheDir = parsedFileCacheDir(home);

  let file: ConfigFile = {};
  let configFile: string | undefined;
  if (existsSync(configPath)) {
    assertPrivatePath({ path: configPath, role: 'the config file' });
    configFile = configPath;
    let text: string;
    try {
      text = readFileSync(configPath, 'utf8');
    } catch (error) {
      throw new ConfigError({
        source: configPath,
        message: `cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
        cause: error,
      });
    }
    const cached = readParsedFile<ConfigFile>({ cacheDir, kind: 'config', file: configPath, text });
    if (cached) file = cached;
    else {
      // Only a configured machine whose config changed pays for the YAML parser and the schema.
      const [yaml, { configFileSchema }] = await Promise.all([
        import('yaml'),
        import('./config-file-schema.js'),
      ]);
      let value: unknown;
      try {
        value = yaml.parse(text) ?? {};
      } catch (error) {
        throw new ConfigError({
          source: configPath,
          message: `not valid YAML: ${(error as Error).message.split('\n')[0]}`,
          cause: error,
        });
      }
      const result = configFileSchema.safeParse(value);
      if (!result.success) {
        const issue = result.error.issues[0]!;
        throw new ConfigError({
          source: configPath,
          message: formatIssue(issue),
          cause: result.error,
        });
      }
      file = result.data;
      writeParsedFile({ cacheDir, kind: 'config', file: configPath, text, value: file });
    }
  }

  const envMode = envValue<Mode>(env, 'WARDEN_MODE', modeSchema, '"enforce" or "observe"');
  const envFailure = envValue<FailurePolicy>(
    env,
    'WARDEN_FAILURE',
    failurePolicySchema,
    '"open" or "closed"',
  );

  let policyFile: string | undefined;
  let pack: string | undefined;
  if (env.WARDEN_POLICY) {
    policyFile = path.resolve(env.WARDEN_POLICY);
    if (!existsSync(policyFile))
      throw new ConfigError({ source: 'WARDEN_POLICY', message: `no policy file at ${policyFile}` });
  } else if (file.policy) {
    if (/[/\\]|\.(ya?ml|json)$/.test(file.policy)) {
      policyFile = path.resolve(home, file.policy);
      if (!existsSync(policyFile))
        throw new ConfigError({ source: configPath, message: `policy: no policy file at ${policyFile}` });
    } else pack = file.policy;
  } else if (existsSync(path.join(home, USER_POLICY_FILE))) {
    // The user's policy in its documented place is read without a config.yaml pointing at it.
    policyFile = path.join(home, USER_POLICY_FILE);
  }

  if (policyFile) assertPrivatePath({ path: policyFile, role: 'the policy file' });
  let resolved: Awaited<ReturnType<typeof loadPolicy>>;
  try {
    resolved = await loadPolicy(policyFile ? { file: policyFile, cacheDir } : { pack });
  } catch (error) {
    if (WardenError.isInstance(error)) throw error;
    throw new ConfigError({ source: policyFile ?? `pack ${pack}`, message: String(error), cause: error });
  }

  const mode: Mode = envMode ?? file.mode ?? resolved.mode ?? 'enforce';
  let failure = failureRecord(resolved.failure, { ...DEFAULT_FAILURE });
  failure = failureRecord(file.failure, failure);
  failure = failureRecord(envFailure, failure);

  const policy = compilePolicy({
    rules: resolved.rules,
    mode,
    failure: failure.tool_call,
    defaultEffect: resolved.defaultEffect ?? 'allow',
    sources: resolved.sources,
    home: userHome,
    detectors: resolved.detectors,
  });
  return {
    policy,
    layers: [
      {
        source: 'user',
        ...(policyFile ? { file: policyFile } : {}),
        compiled: policy,
        canWeaken: true,
        resolved,
      },
    ],
    ...readSuspension(home),
    mode,
    failure,
    home,
    userHome,
    auditEnabled: file.audit?.enabled ?? true,
    auditDir: path.join(home, 'audit'),
    configFile,
    ...(file.audit?.maxFileMb ? { auditMaxFileBytes: Math.round(file.audit.maxFileMb * 1024 * 1024) } : {}),
    ...serverAndIngest({ env, file, home, configFile }),
    ...(resolved.warnings?.length ? { policyWarnings: resolved.warnings } : {}),
  };
}

function serverAndIngest(options: {
  env: NodeJS.ProcessEnv;
  file: ConfigFile;
  home: string;
  configFile: string | undefined;
}): { server?: ServerSettings; ingest?: IngestSettings } {
  const server = resolveServerSettings({
    env: options.env,
    file: options.file.server,
    home: options.home,
    configFile: options.configFile,
  });
  if (!server) return {};
  return {
    server,
    ingest: resolveIngestSettings({ env: options.env, file: options.file.ingest, home: options.home }),
  };
}

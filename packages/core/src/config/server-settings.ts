import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import type { ConfigFile } from './config-file-schema.js';
import { Secret } from './secret.js';

export type BackendId = 'warden' | 'akto';

/** Settings of the Akto-compatible backend, read from the variables Akto's own hooks use. */
export interface AktoSettings {
  /** `akto_connector`; when unset, derived from the agent (`claude_code_cli`, `codex_cli`, `claude_agent_sdk`). */
  connector: string | undefined;
  /** The short connector name in hosts and tags (`claudecli`); derived from the connector when unset. */
  connectorValue: string | undefined;
  /** `contextSource`: which server-side policy set applies (`ENDPOINT`, `AGENTIC`). */
  contextSource: string;
  /** The device label in hosts and `akto_vxlan_id`. */
  deviceId: string;
  mcpIngestPath: string;
  nonMcpToolPathPrefix: string;
  nonMcpIngestPath: string | undefined;
}

/** A configured server: where events are sent and, if `decide`, who is asked for verdicts. */
export interface ServerSettings {
  backend: BackendId;
  /** Base URL, without a trailing slash. */
  url: string;
  token: Secret | undefined;
  /** Ask for a remote verdict on each event. */
  decide: boolean;
  decideTimeoutMs: number;
  /** Extra CA certificates (PEM file). TLS verification itself cannot be switched off. */
  caFile: string | undefined;
  akto: AktoSettings | undefined;
  /** Where the setting came from, for `warden status` and messages. */
  source: string;
  /** Settings that were present but not honoured, with why. */
  notes: string[];
}

export interface IngestSettings {
  enabled: boolean;
  spoolDir: string;
  batchSize: number;
  maxSpoolEvents: number;
  minFreeDiskBytes: number;
  /** Budget of a send done inside a hook process (when no background sender can be started). */
  hookBudgetMs: number;
  /** How long a background sender runs at most. */
  workerTimeoutMs: number;
  /** How long a background sender waits for more events before it exits (keeps its connection warm). */
  workerLingerMs: number;
  /** Exponential backoff between failed sends, shared by all processes through the spool's state. */
  backoffBaseMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_DECIDE_TIMEOUT_MS = 1500;

const TRUE = new Set(['1', 'true', 'yes', 'on']);
const FALSE = new Set(['0', 'false', 'no', 'off']);

function envFlag(env: NodeJS.ProcessEnv, name: string): boolean | undefined {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return undefined;
  if (TRUE.has(raw)) return true;
  if (FALSE.has(raw)) return false;
  throw new ConfigError({ source: name, message: `expected true or false, got "${env[name]}"` });
}

function envNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  options: { min: number; max: number },
): number | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < options.min || value > options.max) {
    throw new ConfigError({
      source: name,
      message: `expected a number from ${options.min} to ${options.max}, got "${env[name]}"`,
    });
  }
  return value;
}

function envString(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  // An installer placeholder left in place (`{{DEVICE_ID (optional)}}`) is not a value.
  return value && !/^\{\{.*\}\}$/.test(value) ? value : undefined;
}

function baseUrl(raw: string, source: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError({ source, message: `not a URL: "${raw}"` });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError({ source, message: `expected an http(s) URL, got "${raw}"` });
  }
  if (url.username || url.password) {
    throw new ConfigError({
      source,
      message: 'credentials in the URL are not allowed: use the token setting',
    });
  }
  if (url.search || url.hash)
    throw new ConfigError({ source, message: 'the URL must not have a query or fragment' });
  return url.toString().replace(/\/+$/, '');
}

function readTokenFile(file: string, source: string): Secret {
  try {
    const token = readFileSync(file, 'utf8').trim();
    if (!token) throw new Error('the file is empty');
    return new Secret(token);
  } catch (error) {
    throw new ConfigError({
      source,
      message: `tokenFile ${file}: ${(error as Error).message}`,
      cause: error,
    });
  }
}

/** The machine's label for Akto, as their installer would pick it: the host name, normalised. */
export function defaultDeviceId(): string {
  return (os.hostname().replace(/\.local$/, '') || 'unknown').replace(/[^a-zA-Z0-9]/g, '-').toLowerCase();
}

function aktoSettings(env: NodeJS.ProcessEnv, file: NonNullable<ConfigFile['server']>['akto']): AktoSettings {
  return {
    connector: envString(env, 'AKTO_CONNECTOR') ?? file?.connector,
    connectorValue: envString(env, 'AKTO_CONNECTOR_VALUE'),
    contextSource: envString(env, 'CONTEXT_SOURCE') ?? file?.contextSource ?? 'ENDPOINT',
    deviceId: envString(env, 'DEVICE_ID') ?? file?.deviceId ?? defaultDeviceId(),
    mcpIngestPath: envString(env, 'MCP_INGEST_PATH') ?? '/mcp',
    nonMcpToolPathPrefix: envString(env, 'NON_MCP_TOOL_PATH_PREFIX') ?? '/tool',
    nonMcpIngestPath: envString(env, 'NON_MCP_INGEST_PATH'),
  };
}

/**
 * The server to talk to, if any: `WARDEN_SERVER_URL` (Warden protocol), else `server:` in
 * config.yaml, else `AKTO_DATA_INGESTION_URL` (Akto-compatible, with Akto's variables).
 * Reading the environment costs nothing, so a machine with no server pays nothing here.
 */
export function resolveServerSettings(options: {
  env: NodeJS.ProcessEnv;
  file?: ConfigFile['server'];
  home: string;
  configFile?: string;
}): ServerSettings | undefined {
  const { env, file, home } = options;
  const notes: string[] = [];
  const configSource = options.configFile ?? 'config.yaml';
  const resolveFile = (value: string) => path.resolve(home, value.replace(/^~(?=$|\/)/, os.homedir()));

  let backend: BackendId;
  let url: string;
  let source: string;
  const wardenUrl = envString(env, 'WARDEN_SERVER_URL');
  const aktoUrl = envString(env, 'AKTO_DATA_INGESTION_URL');
  if (wardenUrl) {
    backend = 'warden';
    url = baseUrl(wardenUrl, 'WARDEN_SERVER_URL');
    source = 'WARDEN_SERVER_URL';
  } else if (file) {
    backend = file.backend ?? 'warden';
    url = baseUrl(file.url, `${configSource}: server.url`);
    source = configSource;
  } else if (aktoUrl) {
    backend = 'akto';
    url = baseUrl(aktoUrl, 'AKTO_DATA_INGESTION_URL');
    source = 'AKTO_DATA_INGESTION_URL';
  } else {
    return undefined;
  }

  let token: Secret | undefined;
  const envToken =
    backend === 'warden'
      ? env.WARDEN_TOKEN?.trim()
      : // AKTO_TOKEN is the name their docs still use; their code reads only AKTO_API_TOKEN.
        env.AKTO_API_TOKEN?.trim() || env.AKTO_TOKEN?.trim();
  if (envToken) token = new Secret(envToken);
  else if (file?.tokenFile)
    token = readTokenFile(resolveFile(file.tokenFile), `${configSource}: server.tokenFile`);

  let decide: boolean;
  let decideTimeoutMs: number;
  if (backend === 'akto') {
    // AKTO_SYNC_MODE=true (their default) means: validate inline and block.
    decide = envFlag(env, 'WARDEN_REMOTE_DECIDE') ?? envFlag(env, 'AKTO_SYNC_MODE') ?? file?.decide ?? true;
    const seconds = envNumber(env, 'AKTO_TIMEOUT', { min: 0.05, max: 60 });
    decideTimeoutMs =
      envNumber(env, 'WARDEN_DECIDE_TIMEOUT_MS', { min: 1, max: 60_000 }) ??
      file?.decideTimeoutMs ??
      (seconds !== undefined ? Math.round(seconds * 1000) : 5000);
  } else {
    decide = envFlag(env, 'WARDEN_REMOTE_DECIDE') ?? file?.decide ?? false;
    decideTimeoutMs =
      envNumber(env, 'WARDEN_DECIDE_TIMEOUT_MS', { min: 1, max: 60_000 }) ??
      file?.decideTimeoutMs ??
      DEFAULT_DECIDE_TIMEOUT_MS;
  }

  const caSetting = envString(env, 'WARDEN_CA_FILE') ?? file?.caFile ?? envString(env, 'SSL_CERT_PATH');
  const caFile = caSetting ? resolveFile(caSetting) : undefined;
  if (env.SSL_VERIFY !== undefined && FALSE.has(env.SSL_VERIFY.trim().toLowerCase())) {
    notes.push(
      'SSL_VERIFY=false is ignored: Warden always verifies TLS (use SSL_CERT_PATH or WARDEN_CA_FILE for a private CA).',
    );
  }
  if (url.startsWith('http:') && !/^http:\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$)/.test(url)) {
    notes.push(`${url} is plain HTTP: events${token ? ' and the token' : ''} travel unencrypted.`);
  }

  return {
    backend,
    url,
    token,
    decide,
    decideTimeoutMs,
    caFile,
    akto: backend === 'akto' ? aktoSettings(env, file?.akto) : undefined,
    source,
    notes,
  };
}

/** Ingestion settings: defaults, then config.yaml, then the environment. */
export function resolveIngestSettings(options: {
  env: NodeJS.ProcessEnv;
  file?: ConfigFile['ingest'];
  home: string;
}): IngestSettings {
  const { env, file } = options;
  return {
    enabled: envFlag(env, 'WARDEN_INGEST') ?? file?.enabled ?? true,
    spoolDir: path.join(options.home, 'spool'),
    batchSize: envNumber(env, 'WARDEN_INGEST_BATCH_SIZE', { min: 1, max: 1000 }) ?? file?.batchSize ?? 100,
    maxSpoolEvents:
      envNumber(env, 'WARDEN_SPOOL_MAX_EVENTS', { min: 1, max: 10_000_000 }) ??
      file?.maxSpoolEvents ??
      50_000,
    minFreeDiskBytes: Math.round(
      (envNumber(env, 'WARDEN_SPOOL_MIN_FREE_MB', { min: 0, max: 1e9 }) ?? file?.minFreeDiskMb ?? 256) *
        1024 *
        1024,
    ),
    hookBudgetMs:
      envNumber(env, 'WARDEN_INGEST_BUDGET_MS', { min: 0, max: 10_000 }) ?? file?.hookBudgetMs ?? 250,
    workerTimeoutMs: envNumber(env, 'WARDEN_FLUSH_TIMEOUT_MS', { min: 100, max: 600_000 }) ?? 30_000,
    workerLingerMs: envNumber(env, 'WARDEN_FLUSH_LINGER_MS', { min: 0, max: 60_000 }) ?? 3000,
    backoffBaseMs: envNumber(env, 'WARDEN_BACKOFF_BASE_MS', { min: 1, max: 600_000 }) ?? 1000,
    backoffMaxMs: envNumber(env, 'WARDEN_BACKOFF_MAX_MS', { min: 1, max: 3_600_000 }) ?? 5 * 60_000,
  };
}

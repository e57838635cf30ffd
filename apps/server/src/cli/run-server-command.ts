import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES } from '../auth/roles.js';
import { generateToken } from '../auth/token.js';
import { isPostgresUrl, openDatabase } from '../db/open-database.js';
import { validateOrgPolicy } from '../policy/validate-org-policy.js';
import { startServer } from '../start-server.js';
import { createStore } from '../store/create-store.js';
import type { Role, Store, Tenant } from '../store/store.js';

export interface RunServerCommandOptions {
  /** The arguments after `warden`: `serve …` or `server …` (the leading `server` is optional). */
  argv: string[];
  env?: NodeJS.ProcessEnv;
  stdout?: { write(text: string): unknown };
  stderr?: { write(text: string): unknown };
  /** Resolves when the server should stop (default: SIGINT or SIGTERM). */
  untilStopped?: (running: { url: string }) => Promise<void>;
}

class UsageError extends Error {}

/** `--rate-limit 200` or `--rate-limit 200:800`: sustained requests per second per token, and the burst. */
function parseRateLimit(value: string | undefined): { perSecond: number; burst: number } | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d+)(?::(\d+))?$/.exec(value.trim());
  const perSecond = match ? Number(match[1]) : Number.NaN;
  const burst = match?.[2] !== undefined ? Number(match[2]) : perSecond * 4;
  if (!match || perSecond < 1 || burst < 1)
    throw new UsageError(
      `--rate-limit must be PER_SECOND or PER_SECOND:BURST with whole numbers of at least 1 (e.g. 200:800), not "${value}"`,
    );
  return { perSecond, burst };
}

const USAGE = `Usage:
  warden serve [--host 127.0.0.1] [--port 8787] [--data DIR | --database postgres://…] [--tls-cert FILE --tls-key FILE]
               [--sqlite-sync normal|full]   (full: an fsync per batch, acknowledged events survive power loss)
               [--rate-limit PER_SECOND[:BURST]]   (requests per token and server instance; default 50:200)
  warden server token create --tenant NAME [--role device|viewer|admin] [--name NAME] [--device ID] [--json]
  warden server token list [--tenant NAME] [--json]
  warden server token revoke ID_OR_PREFIX [--tenant NAME] [--json]
  warden server suspend --tenant NAME [--device ID] [--reason TEXT] [--json]
  warden server resume --tenant NAME [--device ID] [--json]
  warden server policy put FILE --tenant NAME [--json]
  warden server retention --tenant NAME --days N [--json]     (0 keeps events forever)
Every command takes --data DIR or --database URL (default: WARDEN_DATABASE_URL, else $WARDEN_HOME/server/warden.db).
`;

const COMMON = {
  data: { type: 'string' },
  database: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies FlagSpec;

function resolveDatabase(
  values: { data?: string | undefined; database?: string | undefined },
  env: NodeJS.ProcessEnv,
): string {
  if (values.data && values.database) throw new UsageError('pass --data or --database, not both');
  if (values.database) {
    if (!isPostgresUrl(values.database))
      throw new UsageError('--database takes a postgres:// URL (use --data DIR for SQLite)');
    return values.database;
  }
  if (values.data) return path.join(path.resolve(values.data), 'warden.db');
  if (env.WARDEN_DATABASE_URL) {
    if (!isPostgresUrl(env.WARDEN_DATABASE_URL))
      throw new UsageError('WARDEN_DATABASE_URL must be a postgres:// URL');
    return env.WARDEN_DATABASE_URL;
  }
  const home = env.WARDEN_HOME ? path.resolve(env.WARDEN_HOME) : path.join(os.homedir(), '.warden');
  return path.join(home, 'server', 'warden.db');
}

interface Flags {
  data?: string;
  database?: string;
  json?: boolean;
  help?: boolean;
  host?: string;
  port?: string;
  'tls-cert'?: string;
  'tls-key'?: string;
  'sqlite-sync'?: string;
  'rate-limit'?: string;
  tenant?: string;
  role?: string;
  name?: string;
  device?: string;
  reason?: string;
  days?: string;
}

type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parse(args: string[], options: FlagSpec, positionals = 0): { values: Flags; positionals: string[] } {
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (parsed.positionals.length > positionals)
    throw new UsageError(`unexpected argument "${parsed.positionals[positionals]}"`);
  return { values: parsed.values as Flags, positionals: parsed.positionals };
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 8787;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number (0-65535), not "${value}"`);
  return port;
}

async function withStore<T>(database: string, work: (store: Store) => Promise<T>): Promise<T> {
  const opened = await openDatabase({ database });
  const store = createStore({ database: opened });
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

async function requireTenant(store: Store, name: string | undefined): Promise<Tenant> {
  if (!name) throw new UsageError('--tenant NAME is required');
  const tenant = await store.findTenant({ name });
  if (!tenant)
    throw new CommandError(
      `no tenant "${name}" (tenants are created by \`warden server token create --tenant ${name}\`)`,
    );
  return tenant;
}

class CommandError extends Error {}

/**
 * `warden serve` and `warden server …`. Returns the exit code: 0 done, 1 failed, 2 bad usage.
 * Tokens are printed once, on stdout, when created; never logged anywhere else.
 */
export async function runServerCommand(options: RunServerCommandOptions): Promise<number> {
  const env = options.env ?? process.env;
  const stdout = options.stdout ?? process.stdout;
  const stderr = options.stderr ?? process.stderr;
  const args = options.argv[0] === 'server' ? options.argv.slice(1) : options.argv;
  const [command, sub] = args;
  const jsonRequested = args.includes('--json');
  const print = (value: unknown, text: string) =>
    stdout.write(jsonRequested ? `${JSON.stringify(value)}\n` : `${text}\n`);

  try {
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      stdout.write(USAGE);
      return command ? 0 : 2;
    }
    if (command === 'serve') {
      const { values } = parse(args.slice(1), {
        ...COMMON,
        host: { type: 'string' },
        port: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'sqlite-sync': { type: 'string' },
        'rate-limit': { type: 'string' },
      });
      if (values.help) {
        stdout.write(USAGE);
        return 0;
      }
      if (Boolean(values['tls-cert']) !== Boolean(values['tls-key']))
        throw new UsageError('--tls-cert and --tls-key go together');
      const database = resolveDatabase(values, env);
      const sync = values['sqlite-sync'];
      if (sync !== undefined && sync !== 'normal' && sync !== 'full')
        throw new UsageError(`--sqlite-sync must be normal or full, not "${sync}"`);
      const rateLimit = parseRateLimit(values['rate-limit']);
      const running = await startServer({
        database,
        ...(sync ? { sqliteSynchronous: sync } : {}),
        ...(rateLimit ? { options: { rateLimit } } : {}),
        host: values.host ?? '127.0.0.1',
        port: parsePort(values.port),
        ...(values['tls-cert'] && values['tls-key']
          ? { tls: { certFile: values['tls-cert'], keyFile: values['tls-key'] } }
          : {}),
        ...(env.WARDEN_ADMIN_TOKEN ? { adminToken: env.WARDEN_ADMIN_TOKEN.trim() } : {}),
        stderr,
      });
      const where = isPostgresUrl(database) ? new URL(database).host + new URL(database).pathname : database;
      print(
        { url: running.url, database: where },
        `warden-server listening on ${running.url} (database: ${where})`,
      );
      await (options.untilStopped ?? waitForSignal)({ url: running.url });
      await running.close();
      return 0;
    }

    if (command === 'token' && sub === 'create') {
      const { values } = parse(args.slice(2), {
        ...COMMON,
        tenant: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        device: { type: 'string' },
      });
      if (!values.tenant) throw new UsageError('--tenant NAME is required');
      const role = (values.role ?? 'device') as Role;
      if (!ROLES.includes(role))
        throw new UsageError(`--role must be one of ${ROLES.join(', ')}, not "${values.role}"`);
      const device = values.device?.trim();
      if (values.device !== undefined && (role !== 'device' || !device))
        throw new UsageError(
          '--device ID binds a device token (--role device) to one device; give a non-empty id',
        );
      return await withStore(resolveDatabase(values, env), async (store) => {
        const tenant = await store.ensureTenant({ name: values.tenant as string });
        const token = generateToken();
        const record = await store.createToken({
          tenantId: tenant.id,
          role,
          name: values.name ?? `${role} token`,
          prefix: token.prefix,
          hash: token.hash,
          ...(device ? { device } : {}),
        });
        print(
          {
            token: token.token,
            id: record.id,
            tenant: tenant.name,
            role,
            name: record.name,
            prefix: record.prefix,
            device: record.device,
          },
          `${token.token}\n\nA ${role} token for tenant "${tenant.name}"${record.device ? ` bound to device "${record.device}"` : ''} (id ${record.id}). It is shown once; the server keeps only its hash.`,
        );
        return 0;
      });
    }
    if (command === 'token' && sub === 'list') {
      const { values } = parse(args.slice(2), { ...COMMON, tenant: { type: 'string' } });
      return await withStore(resolveDatabase(values, env), async (store) => {
        const tenant = values.tenant ? await requireTenant(store, values.tenant) : undefined;
        const tokens = await store.listTokens(tenant ? { tenantId: tenant.id } : {});
        const rows = tokens.map((token) => ({
          id: token.id,
          prefix: token.prefix,
          tenant: token.tenantName,
          role: token.role,
          name: token.name,
          createdAt: token.createdAt,
          lastUsedAt: token.lastUsedAt,
          revokedAt: token.revokedAt,
          device: token.device,
        }));
        print(
          { tokens: rows },
          rows.length
            ? rows
                .map(
                  (row) =>
                    `${row.id}  ${row.prefix}…  ${row.tenant}  ${row.role}  ${row.name}${row.revokedAt ? '  (revoked)' : ''}`,
                )
                .join('\n')
            : 'No tokens.',
        );
        return 0;
      });
    }
    if (command === 'token' && sub === 'revoke') {
      const { values, positionals } = parse(args.slice(2), { ...COMMON, tenant: { type: 'string' } }, 1);
      const target = positionals[0];
      if (!target)
        throw new UsageError(
          'name the token to revoke: its id or its listed prefix (see `warden server token list`)',
        );
      return await withStore(resolveDatabase(values, env), async (store) => {
        const tenant = values.tenant ? await requireTenant(store, values.tenant) : undefined;
        const revoked = await store.revokeToken({
          idOrPrefix: target,
          ...(tenant ? { tenantId: tenant.id } : {}),
        });
        if (revoked === 0) throw new CommandError(`no active token has the id or prefix "${target}"`);
        print({ revoked }, `Revoked ${revoked} token${revoked === 1 ? '' : 's'}.`);
        return 0;
      });
    }
    if (command === 'suspend' || command === 'resume') {
      const { values } = parse(args.slice(1), {
        ...COMMON,
        tenant: { type: 'string' },
        device: { type: 'string' },
        reason: { type: 'string' },
      });
      if (command === 'resume' && values.reason) throw new UsageError('resume takes no --reason');
      return await withStore(resolveDatabase(values, env), async (store) => {
        const tenant = await requireTenant(store, values.tenant);
        const scope = values.device
          ? `device "${values.device}" of tenant "${tenant.name}"`
          : `every device of tenant "${tenant.name}"`;
        if (command === 'suspend') {
          const reason = values.reason ?? 'Suspended by an administrator.';
          await store.suspend({
            tenantId: tenant.id,
            ...(values.device ? { device: values.device } : {}),
            reason,
            by: `cli:${os.userInfo().username}`,
            at: new Date().toISOString(),
          });
          print(
            { suspended: true, tenant: tenant.name, device: values.device ?? null, reason },
            `Suspended ${scope}: every decision is a deny from the devices' next policy refresh.`,
          );
        } else {
          const resumed = await store.resume({
            tenantId: tenant.id,
            ...(values.device ? { device: values.device } : {}),
          });
          if (!resumed) throw new CommandError(`${scope} is not suspended`);
          print({ resumed: true, tenant: tenant.name, device: values.device ?? null }, `Resumed ${scope}.`);
        }
        return 0;
      });
    }
    if (command === 'policy' && sub === 'put') {
      const { values, positionals } = parse(args.slice(2), { ...COMMON, tenant: { type: 'string' } }, 1);
      const file = positionals[0];
      if (!file) throw new UsageError('name the policy file: warden server policy put FILE --tenant NAME');
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (error) {
        throw new CommandError(`cannot read ${file}: ${(error as Error).message}`);
      }
      const result = validateOrgPolicy({ text });
      if (!result.ok) throw new CommandError(result.message.replace(/^org-policy/, file));
      return await withStore(resolveDatabase(values, env), async (store) => {
        const tenant = await requireTenant(store, values.tenant);
        const etag = createHash('sha256').update(text).digest('hex').slice(0, 16);
        await store.putOrgPolicy({
          tenantId: tenant.id,
          yaml: text,
          policy: result.policy,
          etag,
          updatedBy: `cli:${os.userInfo().username}`,
          at: new Date().toISOString(),
        });
        print(
          { tenant: tenant.name, etag, rules: result.config.policy.rules.length },
          `Org policy of tenant "${tenant.name}" set (etag ${etag}); devices pick it up at their next refresh.`,
        );
        return 0;
      });
    }
    if (command === 'retention') {
      const { values } = parse(args.slice(1), {
        ...COMMON,
        tenant: { type: 'string' },
        days: { type: 'string' },
      });
      const days = Number(values.days);
      if (values.days === undefined || !Number.isInteger(days) || days < 0 || days > 36_500)
        throw new UsageError('--days N is required: a whole number of days (0 keeps events forever)');
      return await withStore(resolveDatabase(values, env), async (store) => {
        const tenant = await requireTenant(store, values.tenant);
        await store.putSettings({ tenantId: tenant.id, retentionDays: days === 0 ? null : days });
        print(
          { tenant: tenant.name, retentionDays: days === 0 ? null : days },
          days === 0
            ? `Events of tenant "${tenant.name}" are kept forever.`
            : `Events of tenant "${tenant.name}" older than ${days} days are deleted (hourly; aggregates stay).`,
        );
        return 0;
      });
    }
    throw new UsageError(`unknown command "${[command, sub].filter(Boolean).join(' ')}"`);
  } catch (error) {
    if (error instanceof UsageError) {
      if (jsonRequested)
        stdout.write(`${JSON.stringify({ error: { code: 'usage', message: error.message } })}\n`);
      else stderr.write(`warden server: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (jsonRequested) stdout.write(`${JSON.stringify({ error: { code: 'failed', message } })}\n`);
    else stderr.write(`warden server: ${message}\n`);
    return 1;
  }
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

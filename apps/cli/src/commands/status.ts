import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  createBackend,
  findProjectPolicy,
  listSegments,
  loadConfig,
  loadProjectLayer,
  projectTrust,
  readHead,
  resolveWardenHome,
  spoolStatus,
  type WardenConfig,
} from '@warden/core';
import { type CliResponse, formatBytes, plural } from '../cli-response.js';
import type { CommandContext } from '../command-context.js';

export interface StatusOptions {
  /** Budget of the reachability check. */
  timeoutMs: number;
}

interface SourceReport {
  source: string;
  file: string | null;
  policies: string[];
  canWeaken: boolean;
  trusted?: boolean;
  rules: number;
}

interface Reachability {
  ok: boolean;
  message: string;
  latencyMs: number;
}

async function checkServer(config: WardenConfig, timeoutMs: number): Promise<Reachability> {
  const started = Date.now();
  const backend = await createBackend({ server: config.server! });
  try {
    const result = await backend.health({ signal: AbortSignal.timeout(timeoutMs) });
    return { ok: result.ok, message: result.message, latencyMs: Date.now() - started };
  } catch (error) {
    return { ok: false, message: (error as Error).message, latencyMs: Date.now() - started };
  } finally {
    await backend.close().catch(() => undefined);
  }
}

function senderPid(spoolDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(spoolDir, 'flush.lock'), 'utf8').split(' ')[0]);
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/** `warden status`: configuration, policy sources, audit log, server and its reachability, spool. */
export async function statusCommand(options: StatusOptions, context: CommandContext): Promise<CliResponse> {
  const home = resolveWardenHome({ env: context.env });
  let config: WardenConfig | undefined;
  let configError: string | undefined;
  try {
    config = await loadConfig({ env: context.env });
  } catch (error) {
    configError = (error as Error).message;
  }
  // The repository policy that applies here, and whether the user trusts it.
  const project = findProjectPolicy({
    cwd: context.cwd,
    wardenHome: home,
    userHome: config?.userHome ?? context.env.HOME ?? home,
  });
  let projectError: string | undefined;
  if (config && project) {
    try {
      config = await loadProjectLayer({ config, cwd: context.cwd });
    } catch (error) {
      projectError = (error as Error).message;
    }
  }
  let projectTrustState: string | undefined;
  if (project) {
    try {
      projectTrustState = projectTrust({
        wardenHome: home,
        root: project.root,
        text: readFileSync(project.file, 'utf8'),
      });
    } catch {
      projectTrustState = 'unreadable';
    }
  }
  const sources: SourceReport[] = (config?.layers ?? []).map((layer) => ({
    source: layer.source,
    file: layer.file ?? null,
    policies: layer.compiled.sources,
    canWeaken: layer.canWeaken,
    ...(layer.trusted !== undefined ? { trusted: layer.trusted } : {}),
    rules: layer.compiled.rules.length,
  }));
  const auditDir = config?.auditDir ?? path.join(home, 'audit');
  const segments = listSegments(auditDir);
  const head = readHead(auditDir);
  const spoolDir = config?.ingest?.spoolDir ?? path.join(home, 'spool');
  const spool = spoolStatus(spoolDir);
  const sender = senderPid(spoolDir);
  const reachability = config?.server ? await checkServer(config, options.timeoutMs) : undefined;

  if (context.json) {
    const report = {
      home,
      configFile: config?.configFile ?? null,
      configError: configError ?? null,
      mode: config?.mode ?? null,
      suspended: config?.suspended ?? null,
      policySources: config?.policy.sources ?? [],
      sources,
      project: project
        ? { root: project.root, file: project.file, trust: projectTrustState, error: projectError ?? null }
        : null,
      failure: config?.failure ?? null,
      audit: {
        dir: auditDir,
        enabled: config?.auditEnabled ?? true,
        files: segments.length,
        lastSeq: head?.seq ?? 0,
      },
      server: config?.server
        ? {
            backend: config.server.backend,
            url: config.server.url,
            source: config.server.source,
            token: config.server.token !== undefined,
            decide: config.server.decide,
            decideTimeoutMs: config.server.decideTimeoutMs,
            notes: config.server.notes,
            reachability,
          }
        : null,
      spool: { dir: spoolDir, ...spool, senderPid: sender ?? null, ingest: config?.ingest?.enabled ?? false },
    };
    return {
      stdout: `${JSON.stringify(report, null, 2)}\n`,
      stderr: '',
      exitCode: configError || projectError ? 1 : 0,
    };
  }

  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`${`${label}:`.padEnd(10)}${value}`);
  row('Home', home);
  if (configError)
    row('Config', `INVALID: ${configError} (hooks apply the failure policy until it is fixed)`);
  else row('Config', config?.configFile ?? 'no config.yaml (defaults and environment)');
  if (config?.suspended)
    lines.push(
      `SUSPENDED since ${config.suspended.since}${config.suspended.reason ? ` (${config.suspended.reason})` : ''}: every action is denied until \`warden resume\``,
    );
  if (config) {
    row('Mode', config.mode);
    row('Policy', config.policy.sources.join(', ') || '(none)');
    for (const source of sources) {
      lines.push(
        `${''.padEnd(10)}${source.source}: ${source.file ?? source.policies.join(', ')} (${plural(source.rules, 'rule')}${source.source === 'project' ? (source.trusted ? ', trusted: may weaken your policy' : ', untrusted: can only add restrictions') : ''})`,
      );
    }
  }
  if (project && projectError)
    row('Project', `INVALID ${projectError} (hooks here apply the failure policy)`);
  else if (project && projectTrustState === 'changed')
    lines.push(
      `${''.padEnd(10)}note: ${project.file} changed since you trusted it; \`warden trust\` to trust it again`,
    );
  if (config) {
    row(
      'Failure',
      Object.entries(config.failure)
        .map(([phase, policy]) => `${phase} ${policy}`)
        .join(', '),
    );
  }
  row(
    'Audit',
    `${auditDir}: ${config?.auditEnabled === false ? 'off' : 'on'}, ${plural(segments.length, 'file')}, ${head ? `last seq ${head.seq}` : 'no records yet'} (\`warden audit verify\` checks the chain)`,
  );
  if (config?.server) {
    const server = config.server;
    row(
      'Server',
      `${server.url} (${server.backend === 'akto' ? 'Akto-compatible' : 'Warden protocol v1'}, from ${server.source}), ${server.token ? 'token set' : 'no token'}`,
    );
    lines.push(
      `${''.padEnd(10)}remote verdicts: ${server.decide ? `on, ${server.decideTimeoutMs} ms budget` : 'off'}; events: ${config.ingest?.enabled ? 'sent' : 'not sent (ingestion off)'}`,
    );
    lines.push(
      `${''.padEnd(10)}${reachability?.ok ? `reachable: ${reachability.message} (${reachability.latencyMs} ms)` : `UNREACHABLE: ${reachability?.message}`}`,
    );
    for (const note of server.notes) lines.push(`${''.padEnd(10)}note: ${note}`);
  } else {
    row('Server', 'none (set WARDEN_SERVER_URL, or AKTO_DATA_INGESTION_URL for Akto); events stay local');
  }
  const waiting = `${plural(spool.queued, 'event')} waiting${spool.queued ? ` (${formatBytes(spool.queuedBytes)}, oldest ${spool.oldestQueuedAt})` : ''}`;
  row(
    'Spool',
    `${spoolDir}: ${waiting}, ${spool.dead} set aside, ${spool.overflow} refused for lack of room`,
  );
  if (sender) lines.push(`${''.padEnd(10)}a background sender is running (pid ${sender})`);
  if (spool.state.lastError) {
    lines.push(`${''.padEnd(10)}last error (${spool.state.lastErrorAt}): ${spool.state.lastError}`);
    if (spool.state.nextAttemptAt > Date.now()) {
      lines.push(
        `${''.padEnd(10)}hooks retry after ${new Date(spool.state.nextAttemptAt).toISOString()}; \`warden flush\` tries now`,
      );
    }
  }
  return { stdout: `${lines.join('\n')}\n`, stderr: '', exitCode: configError || projectError ? 1 : 0 };
}

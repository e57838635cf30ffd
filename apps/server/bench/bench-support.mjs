// What both server benches need: the server as a child process, percentiles, a throwaway
// PostgreSQL database.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const bin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'bin.js');

/** `warden-server serve` on an ephemeral loopback port, answered once it listens (`serverBin`: another build, e.g. a baseline). */
export async function startServer({ args, adminToken, serverBin = bin }) {
  const child = spawn(
    process.execPath,
    ['--no-warnings', serverBin, 'serve', '--port', '0', '--json', ...args],
    {
      env: { ...process.env, WARDEN_ADMIN_TOKEN: adminToken },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]).url);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGTERM');
      }),
  };
}

export function percentile(values, fraction) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * fraction) - 1))];
}

/** A new database next to WARDEN_TEST_DATABASE_URL's (undefined without it), dropped by `drop()`. */
export async function createPgDatabase({ prefix }) {
  const adminUrl = process.env.WARDEN_TEST_DATABASE_URL;
  if (!adminUrl) return undefined;
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      // FORCE cannot end an autovacuum worker without superuser rights: wait for it, then drop plainly.
      for (let attempt = 0; attempt < 10; attempt++) {
        const admin = new pg.Client({ connectionString: adminUrl });
        await admin.connect();
        try {
          await admin.query(`DROP DATABASE IF EXISTS ${name}${attempt === 0 ? ' WITH (FORCE)' : ''}`);
          return;
        } catch (error) {
          if (attempt === 9) console.error(`could not drop ${name}: ${error.message}`);
        } finally {
          await admin.end();
        }
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    },
  };
}

const AGENTS = ['claude-code', 'codex', 'agent-sdk'];
const TOOLS = ['Bash', 'Read', 'Write', 'Edit', 'WebFetch', 'mcp__github__create_issue'];
const RULES = ['default', 'default', 'default', 'default', 'no-rm-rf', 'no-secrets', 'ask-network'];

/** The synthetic event both ingest benches send: index decides agent, tool, rule, device. */
export function makeBenchEvent(index, base, prefix) {
  const rule = RULES[index % RULES.length];
  const effect = rule === 'default' ? 'allow' : rule === 'ask-network' ? 'ask' : 'deny';
  const tool = TOOLS[index % TOOLS.length];
  return {
    id: `${prefix}-${index}`,
    ts: new Date(base + index * 50).toISOString(),
    agent: AGENTS[index % AGENTS.length],
    session: `${prefix}-session-${Math.floor(index / 200)}`,
    hookEvent: 'PreToolUse',
    phase: 'tool_call',
    cwd: '/home/dev/project',
    host: { name: `laptop-${index % 50}`, user: `dev${index % 50}` },
    tool: { name: tool, input: { command: `ls -la /tmp/${index}` } },
    actions: [{ kind: 'shell.exec', tool, resources: { command: `ls -la /tmp/${index}` } }],
    decision: {
      effect,
      policyEffect: effect,
      ruleId: rule,
      reason: effect === 'allow' ? 'No rule matched.' : `Rule ${rule}.`,
      mode: 'enforce',
      findings: [],
    },
    audit: { seq: index, hash: createHash('sha256').update(String(index)).digest('hex') },
    client: {
      device: `laptop-${index % 50}`,
      adapter: '@warden/claude-code@0.1.0',
      policyHash: 'abc123',
      latencyMs: 5 + (index % 40),
    },
  };
}

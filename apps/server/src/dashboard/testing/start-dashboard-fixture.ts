import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateToken } from '../../auth/token.js';
import { DEFAULT_TENANT, type RunningServer, startServer } from '../../start-server.js';

export interface DashboardFixture {
  server: RunningServer;
  url: string;
  tenantId: string;
  tokens: { admin: string; viewer: string; device: string };
  dir: string;
  close(): Promise<void>;
}

/** A real `startServer` on an ephemeral loopback port with a temp SQLite database (or `database`), and one token per role. */
export async function startDashboardFixture(options: { database?: string } = {}): Promise<DashboardFixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warden-dashboard-'));
  const admin = generateToken().token;
  const server = await startServer({
    database: options.database ?? path.join(dir, 'warden.db'),
    port: 0,
    adminToken: admin,
    retentionIntervalMs: 0,
    stderr: { write: () => true },
  });
  const tenant = await server.store.ensureTenant({ name: DEFAULT_TENANT });
  const tokens = { admin, viewer: '', device: '' };
  for (const role of ['viewer', 'device'] as const) {
    const generated = generateToken();
    await server.store.createToken({
      tenantId: tenant.id,
      role,
      name: `${role}-token`,
      prefix: generated.prefix,
      hash: generated.hash,
    });
    tokens[role] = generated.token;
  }
  return {
    server,
    url: server.url,
    tenantId: tenant.id,
    tokens,
    dir,
    close: async () => {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

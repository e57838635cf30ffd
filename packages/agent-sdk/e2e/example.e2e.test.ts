import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { claudeEnvironment, createAgentWorkspace, startScriptedAnthropicServer } from '@warden/test-utils';
import { describe, expect, it } from 'vitest';
import { type AgentRun, startGuardedAgentServer } from '../examples/guarded-agent-server.js';
import { readAuditRecords } from '../src/test-helpers.js';

// The example app, run as written, against the real SDK and a scripted model on loopback.
describe('examples/guarded-agent-server', () => {
  it("refuses a destructive command for one user and runs a harmless one for another, recording each user's context", async () => {
    await using workspace = await createAgentWorkspace({ prefix: 'warden-sdk-example-' });
    const victim = path.join(workspace.home, 'important');
    mkdirSync(victim);
    writeFileSync(path.join(victim, 'thesis.txt'), 'four years of work\n');
    const wardenHome = path.join(workspace.root, 'warden');
    const model = await startScriptedAnthropicServer({
      script: [
        { toolUse: { name: 'Bash', input: { command: `rm -rf ${victim}` } } },
        { text: 'Cleaned up.' },
      ],
    });
    const harmless = await startScriptedAnthropicServer({
      script: [
        { toolUse: { name: 'Bash', input: { command: 'touch marker.txt' } } },
        { text: 'Created it.' },
      ],
    });
    const servers: Server[] = [];
    try {
      const post = async (options: {
        agentModel: string;
        userId: string;
        tenant: string;
      }): Promise<AgentRun> => {
        const app = await startGuardedAgentServer({
          cwd: workspace.project,
          env: claudeEnvironment({ baseUrl: options.agentModel, home: workspace.home }),
          wardenHome,
          agentHome: workspace.home,
        });
        servers.push(app);
        const response = await fetch(`http://127.0.0.1:${(app.address() as AddressInfo).port}/run`, {
          method: 'POST',
          headers: { 'x-user-id': options.userId, 'x-tenant': options.tenant },
          body: 'Tidy up my home directory.',
          signal: AbortSignal.timeout(90_000),
        });
        expect(response.status).toBe(200);
        return (await response.json()) as AgentRun;
      };

      const refused = await post({ agentModel: model.url, userId: 'alice', tenant: 'acme' });
      expect(refused).toEqual({ answer: 'Cleaned up.', denied: ['Bash'] });
      expect(existsSync(path.join(victim, 'thesis.txt'))).toBe(true);

      const allowed = await post({ agentModel: harmless.url, userId: 'bob', tenant: 'globex' });
      expect(allowed).toEqual({ answer: 'Created it.', denied: [] });
      expect(existsSync(path.join(workspace.project, 'marker.txt'))).toBe(true);

      const records = readAuditRecords(path.join(wardenHome, 'audit'));
      const toolCalls = records.filter((record) => record.hookEvent === 'PreToolUse');
      expect(toolCalls).toMatchObject([
        { effect: 'deny', context: { userId: 'alice', tenant: 'acme', clientIp: '127.0.0.1' } },
        { effect: 'allow', context: { userId: 'bob', tenant: 'globex', clientIp: '127.0.0.1' } },
      ]);
      expect(records.every((record) => record.context?.labels?.route === '/run')).toBe(true);
    } finally {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
      await model.close();
      await harmless.close();
    }
  });
});

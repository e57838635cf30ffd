import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toAuditEntry, writeAuditRecord } from '../audit/write-audit-record.js';
import { loadConfig } from '../config/load-config.js';
import { decide } from '../decide.js';
import type { GuardEvent } from '../guard-event.js';
import { createSessionTools, type SessionProbes } from './create-session-tools.js';

let home: string;
let project: string;
beforeEach(() => {
  home = mkdtempSync(path.join(os.tmpdir(), 'warden-session-tools-'));
  project = path.join(home, 'project');
  mkdirSync(project);
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const probes: SessionProbes = {
  command: (command) => ({ name: 'Bash', input: { command } }),
  read: (file) => ({ name: 'Read', input: { file_path: file } }),
  write: (file) => ({ name: 'Write', input: { file_path: file, content: '' } }),
  fetch: (url) => ({ name: 'WebFetch', input: { url, prompt: '' } }),
};

async function tools(sessionId?: string) {
  const config = await loadConfig({ env: { HOME: home } });
  const [policyTest, auditQuery] = createSessionTools({
    agent: 'claude-code',
    config: async () => config,
    probes,
    cwd: project,
    ...(sessionId ? { sessionId } : {}),
  });
  return { policyTest: policyTest!, auditQuery: auditQuery!, config };
}

const signal = new AbortController().signal;
const listing = (directory: string) => {
  try {
    return readdirSync(directory, { recursive: true }).sort();
  } catch {
    return [];
  }
};

describe('createSessionTools', () => {
  it('policy_test says what Warden would decide, and by which rule, without recording anything', async () => {
    const { policyTest } = await tools('s1');
    const before = listing(path.join(home, '.warden'));
    const denied = JSON.parse(await policyTest.call({ command: 'rm -rf ~' }, { signal }));
    expect(denied).toMatchObject({
      command: 'rm -rf ~',
      effect: 'deny',
      ruleId: 'shell.recursive-delete-outside-project',
    });
    const several = JSON.parse(
      await policyTest.call({ command: 'ls', read: path.join(home, '.ssh', 'id_rsa') }, { signal }),
    ) as Array<Record<string, unknown>>;
    expect(several.map((answer) => answer.effect)).toEqual(['allow', 'deny']);
    expect(listing(path.join(home, '.warden'))).toEqual(before);
  });

  it('policy_test refuses what it cannot test, with a clear message', async () => {
    const { policyTest } = await tools('s1');
    await expect(policyTest.call({}, { signal })).rejects.toThrow('give one of: command, read, write, url');
    await expect(policyTest.call({ command: 42 }, { signal })).rejects.toThrow('command must be a string');
    await expect(policyTest.call({ command: 'x'.repeat(5000) }, { signal })).rejects.toThrow('longer than');
  });

  it("audit_query lists this session's or this project's recent decisions, newest first, and changes nothing", async () => {
    const { auditQuery, config } = await tools('s1');
    const record = (session: string, cwd: string, command: string) => {
      const event: GuardEvent = {
        id: command,
        agent: 'claude-code',
        hookEvent: 'PreToolUse',
        phase: 'tool_call',
        session,
        cwd,
        timestamp: new Date().toISOString(),
        tool: { name: 'Bash', input: { command } },
      };
      writeAuditRecord({
        auditDir: config.auditDir,
        entry: toAuditEntry({ event, decision: decide(event, config) }),
      });
    };
    record('s1', project, 'ls');
    record('s1', project, 'rm -rf ~');
    record('s2', path.join(project, 'sub'), 'pwd');
    record('s3', path.join(home, 'elsewhere'), 'whoami');
    const files = listing(config.auditDir).map((file) =>
      readFileSync(path.join(config.auditDir, String(file)), 'utf8'),
    );

    const session = JSON.parse(await auditQuery.call({}, { signal }));
    expect(session.scope).toBe('session');
    expect(session.decisions.map((decision: { effect: string }) => decision.effect)).toEqual([
      'deny',
      'allow',
    ]);
    const project_ = JSON.parse(await auditQuery.call({ scope: 'project', limit: 2 }, { signal }));
    expect(project_.decisions.map((decision: { session: string }) => decision.session)).toEqual(['s2', 's1']);
    const denials = JSON.parse(await auditQuery.call({ scope: 'project', effect: 'deny' }, { signal }));
    expect(denials.decisions).toHaveLength(1);
    await expect(auditQuery.call({ limit: 500 }, { signal })).rejects.toThrow('limit must be');
    await expect(auditQuery.call({ scope: 'everything' }, { signal })).rejects.toThrow('scope must be');
    expect(
      listing(config.auditDir).map((file) => readFileSync(path.join(config.auditDir, String(file)), 'utf8')),
    ).toEqual(files);
  });
});

import path from 'node:path';
import type { WardenConfig } from '../config/load-config.js';
import { createId } from '../create-id.js';
import { decideSafely } from '../decide.js';
import type { GuardEvent } from '../guard-event.js';
import type { SessionExtraTool } from './run-session-server.js';

/** How the agent would call the tool that `policy_test` asks about. */
export interface SessionProbes {
  command: (command: string) => { name: string; input: Record<string, unknown> };
  read: (file: string) => { name: string; input: Record<string, unknown> };
  write: (file: string) => { name: string; input: Record<string, unknown> };
  fetch: (url: string) => { name: string; input: Record<string, unknown> };
}

export interface CreateSessionToolsOptions {
  /** The agent id the probes are for (`claude-code`, `codex`). */
  agent: string;
  /** The config in force (the session's warm config). */
  config: () => Promise<WardenConfig>;
  probes: SessionProbes;
  /** The project the session works in (default: the server's cwd, which the agents set to it). */
  cwd?: string;
  /** The session's id, for `audit_query` with `scope: "session"`. */
  sessionId?: string;
}

const MAX_TEXT = 4096;
const MAX_RECORDS = 50;
/** How far back `audit_query` reads: the last records of the log, not the whole history. */
const SCAN_RECORDS = 5000;

function text(value: unknown, name: string): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`${name} must be a string`);
  if (value.length > MAX_TEXT) throw new Error(`${name} is longer than ${MAX_TEXT} characters`);
  return value;
}

/**
 * The read-only tools a session server offers the model when the user enables them:
 * `policy_test` (what would Warden decide for a command, a file read or write, or a URL, and by
 * which rule) and `audit_query` (recent decisions of this session or project). Neither writes
 * anything: `policy_test` decides without recording, `audit_query` only reads the log.
 */
export function createSessionTools(options: CreateSessionToolsOptions): SessionExtraTool[] {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const policyTest: SessionExtraTool = {
    name: 'policy_test',
    description:
      'Ask Warden, the guard on this session, what it would decide for a shell command, a file read or write, or a URL fetch, and which rule decides. Read-only: it runs and records nothing.',
    inputSchema: {
      type: 'object',
      properties: {
        command: { type: 'string', description: 'A shell command, e.g. "rm -rf build"' },
        read: { type: 'string', description: 'A file path to read' },
        write: { type: 'string', description: 'A file path to write' },
        url: { type: 'string', description: 'A URL to fetch' },
      },
      additionalProperties: false,
    },
    async call(args) {
      const asks = [
        ['command', text(args.command, 'command')],
        ['read', text(args.read, 'read')],
        ['write', text(args.write, 'write')],
        ['url', text(args.url, 'url')],
      ].filter((entry): entry is [keyof SessionProbes, string] => entry[1] !== undefined);
      if (asks.length === 0) throw new Error('give one of: command, read, write, url');
      let config = await options.config();
      const { loadProjectLayer } = await import('../policy/load-project-layer.js');
      config = await loadProjectLayer({ config, cwd });
      const answers = asks.map(([kind, value]) => {
        const tool = options.probes[kind](value);
        const event: GuardEvent = {
          id: createId(),
          agent: options.agent,
          hookEvent: 'PreToolUse',
          phase: 'tool_call',
          session: options.sessionId ?? 'policy_test',
          cwd,
          timestamp: new Date().toISOString(),
          tool,
        };
        const decision = decideSafely(event, config);
        return {
          [kind]: value,
          effect: decision.effect,
          ruleId: decision.ruleId,
          reason: decision.reason,
          mode: decision.mode,
          ...(decision.findings.length ? { findings: decision.findings.map((finding) => finding.id) } : {}),
        };
      });
      return JSON.stringify(answers.length === 1 ? answers[0] : answers, null, 2);
    },
  };

  const auditQuery: SessionExtraTool = {
    name: 'audit_query',
    description:
      "Read Warden's recent decisions (newest first) for this session or this project: event, tool, effect, rule and reason. Read-only.",
    inputSchema: {
      type: 'object',
      properties: {
        scope: { type: 'string', enum: ['session', 'project'], description: 'Default: session' },
        limit: {
          type: 'integer',
          minimum: 1,
          maximum: MAX_RECORDS,
          description: `Default 20, at most ${MAX_RECORDS}`,
        },
        effect: {
          type: 'string',
          enum: ['allow', 'deny', 'ask'],
          description: 'Only decisions with this effect',
        },
      },
      additionalProperties: false,
    },
    async call(args) {
      const scope = args.scope === undefined ? 'session' : args.scope;
      if (scope !== 'session' && scope !== 'project') throw new Error('scope must be "session" or "project"');
      const limit = args.limit === undefined ? 20 : args.limit;
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_RECORDS)
        throw new Error(`limit must be an integer from 1 to ${MAX_RECORDS}`);
      const effect = args.effect;
      if (effect !== undefined && effect !== 'allow' && effect !== 'deny' && effect !== 'ask')
        throw new Error('effect must be "allow", "deny" or "ask"');
      if (scope === 'session' && !options.sessionId)
        throw new Error('this server does not know its session id; use scope "project"');
      const config = await options.config();
      const [{ readAuditLog }, { readHead }] = await Promise.all([
        import('../audit/read-audit-log.js'),
        import('../audit/audit-files.js'),
      ]);
      const head = readHead(config.auditDir);
      const fromSeq = Math.max(1, (head?.seq ?? 0) - SCAN_RECORDS + 1);
      const inProject = (dir: string) => dir === cwd || dir.startsWith(`${cwd}${path.sep}`);
      const matches: Array<Record<string, unknown>> = [];
      for (const { record } of readAuditLog({ auditDir: config.auditDir, fromSeq })) {
        if (scope === 'session' ? record.session !== options.sessionId : !inProject(record.cwd)) continue;
        if (effect && record.effect !== effect) continue;
        matches.push({
          ts: record.ts,
          session: record.session,
          event: record.hookEvent,
          ...(record.tool ? { tool: record.tool } : {}),
          effect: record.effect,
          ruleId: record.ruleId,
          reason: record.reason,
        });
      }
      return JSON.stringify({ scope, decisions: matches.slice(-limit).reverse() }, null, 2);
    },
  };
  return [policyTest, auditQuery];
}

import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { sha256Hex } from '../audit/sha256.js';
import type { Decision } from '../decision.js';
import type { GuardEvent } from '../guard-event.js';
import { lazySchema } from '../lazy-schema.js';
import { createLookupCache } from '../paths/lookup-cache.js';
import type { DetectorSettings } from './detectors-settings.js';

export const taintStateSchema = lazySchema(() =>
  z.object({
    /** How many more risky tool calls are asked rather than allowed. */
    remaining: z.number(),
    /** What tainted the session (the tool and the finding ids), for the reason shown to the user. */
    source: z.string(),
    since: z.string(),
  }),
);

export type TaintState = z.infer<typeof taintStateSchema>;

/** Shell, network, write and MCP actions: what injected instructions would want to do next. */
const RISKY = new Set(['shell.exec', 'net.fetch', 'file.write', 'file.delete', 'mcp.call']);

/** Session ids hashed to file names (a long-lived process sees the same few sessions over and over). */
const stateFiles = new Map<string, string>();

function stateFile(home: string, session: string): string {
  const key = `${home}\0${session}`;
  let file = stateFiles.get(key);
  if (file === undefined) {
    file = path.join(home, 'sessions', `${sha256Hex(session).slice(0, 32)}.taint.json`);
    if (stateFiles.size >= 1024) stateFiles.clear();
    stateFiles.set(key, file);
  }
  return file;
}

/**
 * The state files as last read or written here, reused briefly: in a long-lived process most
 * risky calls would otherwise try to read a file that is not there. Changes made here update it;
 * one another process makes is seen within `LOOKUP_TTL_MS`.
 */
const knownStates = createLookupCache<TaintState | null>({ keepWhenToolsRun: true });

function writeState(file: string, state: TaintState): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
  knownStates.set(file, state);
}

function removeState(file: string): void {
  rmSync(file, { force: true });
  knownStates.set(file, null);
}

function readState(file: string): TaintState | undefined {
  const known = knownStates.get(file);
  if (known !== undefined) return known ?? undefined;
  const state = readStateFile(file);
  knownStates.set(file, state ?? null);
  return state;
}

function readStateFile(file: string): TaintState | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = taintStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Session taint for command hooks, kept in a small per-session file under Warden's home: after a
 * tool result with an injection finding, the session's next `taintCalls` shell, network, write and
 * MCP calls are asked instead of allowed (a deny stays a deny). Returns the decision, changed or
 * not; a state file that cannot be read or written never changes a decision, it only warns.
 */
export function applySessionTaint(options: {
  event: GuardEvent;
  decision: Decision;
  home: string;
  settings: DetectorSettings;
}): { decision: Decision; warning?: string } {
  const { event, settings } = options;
  let decision = options.decision;
  const limit = settings.injection.enabled ? settings.injection.taintCalls : 0;
  if (limit <= 0 || (event.phase !== 'tool_result' && event.phase !== 'tool_call')) return { decision };
  const file = stateFile(options.home, event.session);
  try {
    if (event.phase === 'tool_result') {
      const ids = decision.findings.filter((finding) => finding.id.startsWith('injection.')).map((f) => f.id);
      if (ids.length === 0) return { decision };
      writeState(file, {
        remaining: limit,
        source: `${event.tool?.name ?? 'a tool'} returned ${[...new Set(ids)].join(', ')}`,
        since: new Date().toISOString(),
      });
      return { decision };
    }
    if (!decision.actions.some((action) => RISKY.has(action.kind))) return { decision };
    const state = readState(file);
    if (!state || state.remaining <= 0) return { decision };
    if (state.remaining <= 1) removeState(file);
    else writeState(file, { ...state, remaining: state.remaining - 1 });
    if (decision.policyEffect !== 'allow') return { decision };
    const ruleId = 'detectors.injection-taint';
    decision = {
      ...decision,
      effect: decision.mode === 'observe' ? 'allow' : 'ask',
      policyEffect: 'ask',
      ruleId,
      reason: `This session read content with prompt-injection findings (${state.source}), so its next shell, network and write actions need the user's approval (${state.remaining - 1} more after this one).`,
      isDefault: false,
      trace: [...decision.trace, { ruleId, effect: 'ask', matched: `session tainted: ${state.source}` }],
    };
    return { decision };
  } catch (error) {
    return { decision, warning: `warden: could not use the session taint file: ${(error as Error).message}` };
  }
}

import { createHash } from 'node:crypto';
import type { HookHandler } from './hooks-file.js';

// Codex trusts a hook by a hash of its normalised definition, stored in config.toml as
// `[hooks.state."<hooks.json path>:<event label>:<group index>:<handler index>"] trusted_hash`.
// This re-implements Codex 0.169's recipe (hooks/src/engine/discovery.rs + config fingerprint):
// sha256 over the key-sorted, compact JSON of
// `{event_name: <snake_case event>, matcher?, hooks: [{type, command, timeout, async, statusMessage?}]}`.
// `mcp_tool` handlers hash `{type, server, tool, input, timeout}` instead, with no `async` field
// (session-hooks.md §8, where adding `async: false` made Codex skip the hook).
// The e2e tests prove both against the real binary: hooks trusted this way run without
// `--dangerously-bypass-hook-trust`.

/** Events whose matcher Codex ignores (it drops it before hashing too). */
const MATCHERLESS_EVENTS = new Set(['UserPromptSubmit', 'Stop', 'Interrupt']);
/** Events whose timeout Codex clamps to 1-3 s (default 1). */
const SHORT_TIMEOUT_EVENTS = new Set(['SessionEnd', 'Interrupt']);

/** `PreToolUse` -> `pre_tool_use`: the label Codex uses in trust keys and hashes. */
export function hookEventLabel(eventName: string): string {
  return eventName.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export function hookTrustKey(options: {
  hooksFile: string;
  eventName: string;
  groupIndex: number;
  handlerIndex: number;
}): string {
  return `${options.hooksFile}:${hookEventLabel(options.eventName)}:${options.groupIndex}:${options.handlerIndex}`;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .filter((key) => record[key] !== undefined && record[key] !== null)
        .map((key) => [key, canonical(record[key])]),
    );
  }
  return value;
}

function sha256(identity: unknown): string {
  return `sha256:${createHash('sha256')
    .update(JSON.stringify(canonical(identity)))
    .digest('hex')}`;
}

/** The `trusted_hash` Codex expects for one command or `mcp_tool` handler; undefined for other types. */
export function hookTrustHash(options: {
  eventName: string;
  matcher?: string;
  handler: HookHandler;
}): string | undefined {
  const { handler, eventName } = options;
  const matcher = MATCHERLESS_EVENTS.has(eventName) ? undefined : options.matcher;
  if (handler.type === 'mcp_tool') {
    if (typeof handler.server !== 'string' || typeof handler.tool !== 'string') return undefined;
    return sha256({
      event_name: hookEventLabel(eventName),
      matcher,
      hooks: [
        {
          type: 'mcp_tool',
          server: handler.server,
          tool: handler.tool,
          input: handler.input,
          // Verified with an explicit timeout only; Warden always writes one.
          timeout: handler.timeout === undefined ? undefined : Math.trunc(handler.timeout),
        },
      ],
    });
  }
  if (handler.type !== 'command' || typeof handler.command !== 'string') return undefined;
  const configured = handler.timeout === undefined ? undefined : Math.trunc(handler.timeout);
  const timeout = SHORT_TIMEOUT_EVENTS.has(eventName)
    ? Math.min(3, Math.max(1, configured ?? 1))
    : Math.max(1, configured ?? 600);
  const identity = {
    event_name: hookEventLabel(eventName),
    matcher,
    hooks: [
      {
        type: 'command',
        command: handler.command,
        timeout,
        async: handler.async ?? false,
        statusMessage: handler.statusMessage,
      },
    ],
  };
  return sha256(identity);
}

import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where the launchers live: `$WARDEN_HOME/bin` (protected like the rest of Warden's home). */
export const LAUNCHER_DIR = 'bin';
/** Created by `warden-off`: a launcher whose program is gone lets the agent go on instead of blocking. */
export const OFF_MARKER = 'off';
/** The script that switches Warden off without Node and without editing any JSON. */
export const OFF_SCRIPT = 'warden-off';

/** Quotes a word for POSIX sh. */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export interface LauncherOptions {
  wardenHome: string;
  /** The launcher's file name, e.g. `warden-claude-code`: the agents' settings run `<dir>/<name> hook`. */
  name: string;
  /** The Node that installed it, tried first. */
  nodePath: string;
  /** The adapter's bundled entry point (dist/bin.cjs). */
  hookScript: string;
  /** The hook events that block on exit 2 when Warden cannot run (the agent's blocking events). */
  blockingEvents: readonly string[];
  /** `closed`: those events are blocked while Warden's program is missing; `open`: they go on, with the message. */
  failure: 'open' | 'closed';
  /** The package to reinstall, named in the message. */
  packageName: string;
}

/**
 * A small POSIX sh launcher at a stable path in Warden's home. The agent's hook settings run it,
 * never a Node or package path, so removing the package (npm uninstall) or the Node it was
 * installed with (nvm uninstall) does not leave a hook that fails with "Cannot find module":
 * the launcher tries the recorded Node, then `node` on PATH, and when the program is gone it
 * tells the agent (on stderr, which Claude Code and Codex show) the one command that restores
 * Warden and the one that removes it, blocking tool calls and prompts by the failure policy so
 * a guard removed by npm does not silently leave the agent unguarded. `warden-off` is the way
 * out that needs neither Node nor JSON editing.
 */
export function writeLauncher(options: LauncherOptions): { file: string; offScript: string } {
  const directory = path.join(options.wardenHome, LAUNCHER_DIR);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = path.join(directory, options.name);
  const offScript = path.join(directory, OFF_SCRIPT);
  const home = quote(options.wardenHome);
  // Matched in the raw JSON with `case` (a built-in), with or without a space after the colon.
  const patterns =
    options.blockingEvents
      .flatMap((event) => [`*'"hook_event_name":"${event}"'*`, `*'"hook_event_name": "${event}"'*`])
      .join('|') || `'__none__'`;
  // A session server (`<launcher> serve-session`) whose program is gone still answers the agent's
  // MCP calls, from built-ins alone: blocking events get a deny that names the way back and the
  // way out (an MCP server that never starts would block them with no such message, and
  // `warden-off` could not let them go on), the others no decision; after `warden-off`, nothing.
  const sessionMessage = `Warden cannot run: its program or Node is missing. Restore it:  npm install -g ${options.packageName} @warden/cli && warden install. Or switch it off (no Node needed):  sh ${offScript}`;
  const denyFor = (event: string): string => {
    const output =
      event === 'PreToolUse'
        ? {
            hookSpecificOutput: {
              hookEventName: 'PreToolUse',
              permissionDecision: 'deny',
              permissionDecisionReason: sessionMessage,
            },
          }
        : event === 'PermissionRequest'
          ? {
              hookSpecificOutput: {
                hookEventName: 'PermissionRequest',
                decision: { behavior: 'deny', message: sessionMessage },
              },
            }
          : { decision: 'block', reason: sessionMessage };
    // The hook output as the JSON string a tool result's text carries.
    return JSON.stringify(JSON.stringify(output));
  };
  const sessionCases =
    options.failure === 'closed'
      ? options.blockingEvents
          .map(
            (event) =>
              `          *'"hook_event_name":"${event}"'*|*'"hook_event_name": "${event}"'*) text=${quote(denyFor(event))} ;;`,
          )
          .join('\n')
      : '';
  const script = `#!/bin/sh
# Warden's hook launcher for ${options.name}, written by \`warden install\`. Do not edit: it is
# rewritten on every install. It keeps working when the package or its Node is removed.
NODE=${quote(options.nodePath)}
SCRIPT=${quote(options.hookScript)}
WARDEN_HOME_DIR=${home}
if [ -f "$SCRIPT" ]; then
  if [ -x "$NODE" ]; then exec "$NODE" "$SCRIPT" "$@"; fi
  if command -v node >/dev/null 2>&1; then exec node "$SCRIPT" "$@"; fi
  missing="Node.js ($NODE, and no node on PATH)"
else
  missing="its program ($SCRIPT)"
fi
if [ "$1" = serve-session ]; then
  printf '%s\\n' "Warden cannot run: $missing is missing; its session server answers from this launcher." >&2
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in *'"id"'*) ;; *) continue ;; esac
    rest=\${line#*\\"id\\"}; rest=\${rest#*:}; rest=\${rest# }
    id=\${rest%%[,\\}]*}
    case "$line" in
      *'"method":"initialize"'*|*'"method": "initialize"'*)
        pv=2025-06-18
        case "$line" in *'"protocolVersion":"'*) pv=\${line#*\\"protocolVersion\\":\\"}; pv=\${pv%%\\"*} ;; esac
        printf '{"jsonrpc":"2.0","id":%s,"result":{"protocolVersion":"%s","capabilities":{"tools":{"listChanged":false}},"serverInfo":{"name":"warden","version":"missing"}}}\\n' "$id" "$pv" ;;
      *'"method":"tools/list"'*|*'"method": "tools/list"'*)
        printf '{"jsonrpc":"2.0","id":%s,"result":{"tools":[{"name":"decide","description":"Warden hook decision tool","inputSchema":{"type":"object","additionalProperties":true},"_meta":{"ui":{"visibility":["app"]}}}]}}\\n' "$id" ;;
      *'"method":"tools/call"'*|*'"method": "tools/call"'*)
        text='""'
        if [ ! -e "$WARDEN_HOME_DIR/${OFF_MARKER}" ]; then
          case "$line" in
${sessionCases}
            *) ;;
          esac
        fi
        printf '{"jsonrpc":"2.0","id":%s,"result":{"content":[{"type":"text","text":%s}]}}\\n' "$id" "$text" ;;
      *'"method"'*)
        printf '{"jsonrpc":"2.0","id":%s,"error":{"code":-32601,"message":"Method not found"}}\\n' "$id" ;;
    esac
  done
  exit 0
fi
# Only shell built-ins from here on: PATH may have nothing left on it.
input=''
while IFS= read -r line || [ -n "$line" ]; do input="$input$line"; done
if [ -e "$WARDEN_HOME_DIR/${OFF_MARKER}" ]; then exit 0; fi
printf '%s\n' "Warden cannot run: $missing is missing." \
  "Restore it:  npm install -g ${options.packageName} @warden/cli && warden install" \
  "Or switch it off (no Node needed):  sh ${quote(offScript).replace(/\$/g, '\\$')}   (then: npx @warden/cli uninstall, to clean the settings)" >&2
case "$input" in
  ${patterns}) ${options.failure === 'closed' ? 'exit 2' : 'exit 0'} ;;
esac
exit 0
`;
  writeFileSync(file, script, { mode: 0o755 });
  chmodSync(file, 0o755);
  const off = `#!/bin/sh
# Switches Warden off without Node or JSON editing: the launchers in this directory let the
# agents go on when Warden's program is missing. \`warden install\` switches it back on.
( : > ${quote(path.join(options.wardenHome, OFF_MARKER))} ) && echo "Warden is off: its hooks no longer block when its program is missing. Remove them with: npx @warden/cli uninstall"
`;
  writeFileSync(offScript, off, { mode: 0o755 });
  chmodSync(offScript, 0o755);
  // Installing again means the user wants the guard back.
  if (existsSync(path.join(options.wardenHome, OFF_MARKER)))
    rmSync(path.join(options.wardenHome, OFF_MARKER), { force: true });
  return { file, offScript };
}

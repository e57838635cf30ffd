#!/usr/bin/env bash
# The main job in one command: Warden guarding your Claude Code (and Codex, when installed) and
# reporting to a local `warden serve` with its embedded SQLite database, whose dashboard you open
# in a browser. Safe to run again: every step is idempotent.
#   bash scripts/start.sh [--port 8787]
# Stop the server with Ctrl-C; the agents stay guarded (events wait in the spool until it is back).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/env.sh"
port=8787
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="${2:?--port needs a number}"; shift 2 ;;
    *) echo "start.sh: unknown option $1 (allowed: --port N)" >&2; exit 2 ;;
  esac
done
warden() { node "$root/apps/cli/dist/warden.js" "$@"; }
home="${WARDEN_HOME:-$HOME/.warden}"
mkdir -p "$home" && chmod 700 "$home"

# 1. A device token for this machine, kept in a private file (the server stores only its hash).
token_file="$home/device-token"
if [ ! -s "$token_file" ]; then
  (umask 077 && warden server token create --tenant default --role device --name "$(hostname)" --json |
    node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(JSON.parse(s).token))' > "$token_file")
  echo "start: created a device token in $token_file"
fi

# 2. This machine reports to the local server (config.yaml gets a server: block unless it has one).
config="$home/config.yaml"
if ! grep -qs '^server:' "$config"; then
  (umask 077 && printf 'server:\n  url: http://127.0.0.1:%s\n  tokenFile: %s\n' "$port" "$token_file" >> "$config")
  echo "start: $config now sends events to http://127.0.0.1:$port"
fi

# 3. The agents' hooks (user scope), then proof that they enforce.
if command -v claude >/dev/null 2>&1 || [ -d "$HOME/.claude" ]; then warden install claude-code; fi
if command -v codex >/dev/null 2>&1 || [ -d "${CODEX_HOME:-$HOME/.codex}" ]; then warden install codex; fi
warden doctor || echo "start: doctor found something to fix (above); the server starts anyway"

# 4. The server, in the foreground. The first start prints the admin token for the dashboard.
echo "start: dashboard at http://127.0.0.1:$port/ (sign in with the admin token)"
exec node "$root/apps/cli/dist/warden.js" serve --port "$port"

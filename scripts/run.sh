#!/usr/bin/env bash
# Runs one of the workspace's commands with the repo's own Node (set up by scripts/setup.sh):
#   bash scripts/run.sh warden-claude-code install --scope user
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$root/scripts/env.sh"
command="${1:?usage: scripts/run.sh <warden-claude-code|warden-codex|warden> [arguments]}"
shift
case "$command" in
  warden-claude-code) exec node "$root/packages/claude-code/dist/bin.cjs" "$@" ;;
  warden-codex) exec node "$root/packages/codex/dist/bin.cjs" "$@" ;;
  warden) exec node "$root/apps/cli/dist/warden.js" "$@" ;;
  *) exec "$command" "$@" ;;
esac

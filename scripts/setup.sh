#!/usr/bin/env bash
# One-command set-up: brings Node 24 and the pinned pnpm from the npm registry when the
# machine's Node is older than 22, installs the workspace and builds every package.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
# shellcheck source=scripts/env.sh
source "$root/scripts/env.sh"

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ "$(node_major)" -lt 22 ] || ! pnpm --version 2>/dev/null | grep -qx "$WARDEN_PNPM_VERSION"; then
  echo "setup: installing node@$WARDEN_NODE_VERSION and pnpm@$WARDEN_PNPM_VERSION into .tools/ (from the npm registry)"
  mkdir -p .tools
  [ -f .tools/package.json ] || echo '{"private":true}' > .tools/package.json
  (cd .tools && npm install --no-audit --no-fund --loglevel=error \
    "node@$WARDEN_NODE_VERSION" "pnpm@$WARDEN_PNPM_VERSION")
  hash -r
fi
echo "setup: node $(node --version), pnpm $(pnpm --version)"
if [ -n "${CI:-}" ]; then pnpm install --frozen-lockfile; else pnpm install; fi
pnpm build
# PostgreSQL and Chromium for the server and dashboard tests (Debian packages).
bash "$root/scripts/services.sh"
echo "setup: done. Run the tests with: bash scripts/test.sh"

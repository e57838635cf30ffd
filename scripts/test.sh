#!/usr/bin/env bash
# The test command (the README's and CI's): lint, type-check and every test, end-to-end ones included.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/env.sh"
pnpm run check

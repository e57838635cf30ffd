#!/usr/bin/env bash
# The test command (the README's and CI's): lint, type-check and every test, end-to-end ones
# included, then one closing line with the totals of every package's test run.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
source "$root/scripts/env.sh"
# The tests use a real PostgreSQL and Chromium: make sure they are installed and running.
bash "$root/scripts/services.sh"
source "$root/scripts/env.sh"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
pnpm run check 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# vitest prints "Tests  12 passed | 1 failed (13)" per package; add them up.
sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  /Tests[[:space:]]+[0-9]/ {
    for (i = 1; i <= NF; i++) {
      if ($(i + 1) ~ /^passed/) passed += $i
      if ($(i + 1) ~ /^failed/) failed += $i
      if ($(i + 1) ~ /^skipped/) skipped += $i
    }
  }
  END { printf "%d passed, %d failed%s\n", passed, failed, (skipped ? sprintf(", %d skipped", skipped) : "") }'
exit "$status"

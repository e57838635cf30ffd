# Sourced by the scripts: puts the repo's own Node and pnpm (installed by setup.sh) first on PATH.
WARDEN_NODE_VERSION=24.9.0
WARDEN_PNPM_VERSION=10.34.9
_warden_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$_warden_root/.tools/node_modules/.bin:$PATH"
# pnpm must not try to switch itself to another version (that fails on registry signature checks here).
export npm_config_manage_package_manager_versions=false
export TURBO_TELEMETRY_DISABLED=1
export DO_NOT_TRACK=1
# The services' settings (PostgreSQL's URL, Chromium's path) once scripts/services.sh has run.
# shellcheck disable=SC1091
if [ -f "$_warden_root/.tools/services.env" ]; then source "$_warden_root/.tools/services.env"; fi

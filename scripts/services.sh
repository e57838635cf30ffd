#!/usr/bin/env bash
# The real services the tests need, from Debian's packages: PostgreSQL (started on loopback, with a
# role that may create the throwaway databases the storage tests use) and Chromium (for the
# dashboard's browser tests). Idempotent: installs only what is missing, starts only what is down.
# Writes the settings the tests read to .tools/services.env (sourced by scripts/env.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$root/.tools"

sudo_maybe() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "services: installing ${missing[*]} from Debian's packages"
  sudo_maybe apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_maybe apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PostgreSQL: the first cluster Debian made, started if down.
version="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  sudo_maybe pg_createcluster "$version" main >/dev/null
fi
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $4 }' | grep -q online; then
  sudo_maybe pg_ctlcluster "$version" main start
fi
for _ in $(seq 1 50); do
  as_postgres psql -p "$port" -qAtc 'select 1' >/dev/null 2>&1 && break
  sleep 0.2
done
password="warden-test"
as_postgres psql -p "$port" -qAt >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'warden_test') THEN
    CREATE ROLE warden_test LOGIN CREATEDB PASSWORD '$password';
  END IF;
END \$\$;
SQL
if ! as_postgres psql -p "$port" -qAtc "select 1 from pg_database where datname = 'warden_test'" | grep -q 1; then
  as_postgres createdb -p "$port" -O warden_test warden_test
fi

cat > "$root/.tools/services.env" <<ENV
# Written by scripts/services.sh: the services the tests use.
export WARDEN_TEST_DATABASE_URL='postgres://warden_test:$password@127.0.0.1:$port/warden_test'
export WARDEN_TEST_CHROMIUM='$(command -v chromium)'
ENV
echo "services: PostgreSQL $version on 127.0.0.1:$port, Chromium at $(command -v chromium)"

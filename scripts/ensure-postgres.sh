#!/usr/bin/env bash
# Makes sure a PostgreSQL server runs on this machine with the role and database Platform uses by default
# (role platform / password platform, database platform), installing the Debian package when none is
# installed. Idempotent, and quick when everything is up. Prints the connection string on its last line.
set -euo pipefail

role=platform
password=platform
database=platform

if [ "$(id -u)" -ne 0 ]; then
  if pg_isready -q -h localhost -p 5432 2>/dev/null; then
    echo "Host=localhost;Port=5432;Username=$role;Password=$password;Database=$database"
    exit 0
  fi
  echo "No PostgreSQL answers on localhost:5432. Run this script as root (it installs and starts the Debian" >&2
  echo "cluster), or point Platform at a server with Platform__Postgres__ConnectionString / PLATFORM_TEST_DB." >&2
  exit 1
fi

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "Installing PostgreSQL (Debian package postgresql) ..." >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
cluster() { pg_lsclusters -h | awk -v v="$version" -v column="$1" '$1 == v && $2 == "main" { print $column }'; }

[ -n "$(cluster 1)" ] || pg_createcluster "$version" main >/dev/null
[ "$(cluster 4)" = online ] || pg_ctlcluster "$version" main start
port=$(cluster 3)
for _ in $(seq 1 60); do
  pg_isready -q -h localhost -p "$port" && break
  sleep 0.5
done
pg_isready -q -h localhost -p "$port" || { echo "PostgreSQL $version did not start; see /var/log/postgresql/" >&2; exit 1; }

as_postgres() { runuser -u postgres -- "$@"; }
as_postgres psql -p "$port" -v ON_ERROR_STOP=1 -qAt >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
  END IF;
END \$\$;
SQL
if [ "$(as_postgres psql -p "$port" -qAt -c "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]; then
  as_postgres createdb -p "$port" -O "$role" "$database"
fi

echo "Host=localhost;Port=$port;Username=$role;Password=$password;Database=$database"

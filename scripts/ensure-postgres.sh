#!/usr/bin/env bash
# Makes sure a PostgreSQL server runs locally with the role and database Platform expects, then prints
# the connection string on its last line. Idempotent and quick when everything is up already.
#
#   ./scripts/ensure-postgres.sh            # as root (CI) or as a user who can start the cluster
#
# As root: installs Debian's postgresql package when no server is installed, creates and starts the
# newest cluster, and creates the role and database. Not as root, when no cluster can be started, it
# falls back to a private server in .platform/pgdata on port 5433 (needs the server binaries installed).
set -euo pipefail

readonly ROLE=platform
readonly PASSWORD=platform
readonly DATABASE=platform
readonly FALLBACK_PORT=5433
readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

say() { echo "ensure-postgres: $*" >&2; }
fail() { say "error: $*"; exit 1; }
is_root() { [[ "$(id -u)" == 0 ]]; }

connection_string() { echo "Host=localhost;Port=$1;Username=$ROLE;Password=$PASSWORD;Database=$DATABASE"; }

# True when the role can log in with its password, may create databases, owns the database, and may end
# other sessions in its databases (DROP DATABASE ... WITH (FORCE) must end an autovacuum worker, say).
platform_ready() {
    local port=$1
    [[ "$(PGPASSWORD=$PASSWORD PGCONNECT_TIMEOUT=3 psql -h localhost -p "$port" -U "$ROLE" -d "$DATABASE" \
        -XtAc "SELECT r.rolcreatedb AND d.datdba = r.oid AND pg_has_role(current_user, 'pg_signal_backend', 'member')
               FROM pg_roles r, pg_database d
               WHERE r.rolname = current_user AND d.datname = current_database()" 2>/dev/null)" == t ]]
}

newest_server_version() {
    local binaries=(/usr/lib/postgresql/*/bin/postgres)
    [[ -e "${binaries[0]}" ]] || return 0
    printf '%s\n' "${binaries[@]}" | sed -E 's#/usr/lib/postgresql/([^/]+)/bin/postgres#\1#' | sort -V | tail -1
}

install_server() {
    is_root || fail "no PostgreSQL server is installed; run this script as root, or: sudo apt-get install -y postgresql"
    say "no PostgreSQL server installed; installing Debian's postgresql package"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
}

# Prints "<port> <status>" of cluster <version>/main, or nothing when it does not exist.
cluster_state() { pg_lsclusters -h 2>/dev/null | awk -v v="$1" '$1 == v && $2 == "main" { print $3, $4 }'; }

wait_until_ready() {
    local port=$1
    for _ in $(seq 1 60); do
        pg_isready -q -h localhost -p "$port" && return 0
        sleep 0.5
    done
    fail "PostgreSQL on port $port did not accept connections within 30 s"
}

can_act_as_superuser() { is_root || [[ "$(id -un)" == postgres ]] || sudo -n -u postgres true 2>/dev/null; }

# Runs SQL as the server's superuser over the local socket.
run_as_superuser() {
    local port=$1 sql=$2
    if is_root; then
        runuser -u postgres -- psql -p "$port" -XtAq -v ON_ERROR_STOP=1 -c "$sql"
    elif [[ "$(id -un)" == postgres ]]; then
        psql -p "$port" -XtAq -v ON_ERROR_STOP=1 -c "$sql"
    else
        sudo -n -u postgres psql -p "$port" -XtAq -v ON_ERROR_STOP=1 -c "$sql"
    fi
}

ensure_role_and_database() {
    local port=$1
    say "creating role '$ROLE' and database '$DATABASE' on port $port"
    run_as_superuser "$port" "DO \$\$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
            CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
        ELSE
            ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
        END IF;
        GRANT pg_signal_backend TO $ROLE; END \$\$;" \
        || fail "could not create role '$ROLE' (run as root, or as a user who may sudo -u postgres)"
    if [[ "$(run_as_superuser "$port" "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != 1 ]]; then
        run_as_superuser "$port" "CREATE DATABASE $DATABASE OWNER $ROLE"
    else
        run_as_superuser "$port" "ALTER DATABASE $DATABASE OWNER TO $ROLE"
    fi
}

# Not root and no system cluster to use: a private server owned by the current user, in the repository.
start_private_server() {
    local version=$1
    local bin="/usr/lib/postgresql/$version/bin"
    local data="$REPO_ROOT/.platform/pgdata"
    local log="$REPO_ROOT/.platform/postgres.log"
    if [[ ! -f "$data/PG_VERSION" ]]; then
        say "initialising a private server in $data (port $FALLBACK_PORT)"
        mkdir -p "$data"
        local pwfile
        pwfile="$(mktemp)"
        echo "$PASSWORD" >"$pwfile"
        # The role is the superuser of its own server, so it may create databases.
        "$bin/initdb" -D "$data" -U "$ROLE" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
        rm -f "$pwfile"
    fi
    if ! "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
        say "starting the private server in $data on port $FALLBACK_PORT"
        "$bin/pg_ctl" -D "$data" -l "$log" -w -o "-p $FALLBACK_PORT -k $data -c listen_addresses=localhost" start >/dev/null \
            || fail "the private server did not start; see $log"
    fi
    wait_until_ready "$FALLBACK_PORT"
    if ! platform_ready "$FALLBACK_PORT"; then
        PGPASSWORD=$PASSWORD psql -h localhost -p "$FALLBACK_PORT" -U "$ROLE" -d postgres -XtAq -v ON_ERROR_STOP=1 \
            -c "CREATE DATABASE $DATABASE OWNER $ROLE"
    fi
    say "tests default to port 5432; point them here with:"
    say "  export PLATFORM_TEST_DB='Host=localhost;Port=$FALLBACK_PORT;Username=$ROLE;Password=$PASSWORD;Database=postgres'"
    connection_string "$FALLBACK_PORT"
}

main() {
    # The quick path: whatever runs on 5432 already serves us.
    if platform_ready 5432; then
        connection_string 5432
        return
    fi
    if [[ -f "$REPO_ROOT/.platform/pgdata/PG_VERSION" ]] && platform_ready "$FALLBACK_PORT"; then
        connection_string "$FALLBACK_PORT"
        return
    fi

    local version
    version="$(newest_server_version)"
    if [[ -z "$version" ]]; then
        install_server
        version="$(newest_server_version)"
        [[ -n "$version" ]] || fail "postgresql was installed but no server binary was found under /usr/lib/postgresql"
    fi

    local state
    state="$(cluster_state "$version")"
    if [[ -z "$state" ]]; then
        if ! is_root; then
            say "no cluster $version/main and not root; falling back to a private server"
            start_private_server "$version"
            return
        fi
        say "creating cluster $version/main"
        pg_createcluster "$version" main >/dev/null
        state="$(cluster_state "$version")"
    fi

    local port=${state%% *} status=${state#* }
    if [[ "$status" != online* ]]; then
        say "starting cluster $version/main on port $port"
        if ! pg_ctlcluster "$version" main start 2>/dev/null; then
            is_root && fail "pg_ctlcluster $version main start failed; see /var/log/postgresql/postgresql-$version-main.log"
            say "cannot start cluster $version/main as $(id -un); falling back to a private server"
            start_private_server "$version"
            return
        fi
    fi
    wait_until_ready "$port"

    if ! platform_ready "$port"; then
        if ! can_act_as_superuser; then
            say "cannot create role '$ROLE' on port $port as $(id -un); falling back to a private server"
            start_private_server "$version"
            return
        fi
        ensure_role_and_database "$port"
        platform_ready "$port" || fail "role '$ROLE' still cannot log in to '$DATABASE' on port $port (check pg_hba.conf allows password logins over TCP)"
    fi
    say "PostgreSQL $version is ready on port $port"
    connection_string "$port"
}

main "$@"

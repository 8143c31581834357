#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests and the benchmark, on a local port, with a password
# (scram-sha-256) so that credentials are exercised. Installs PostgreSQL from Debian if missing.
#
#   scripts/postgres.sh start DIR PORT   starts it; DIR/env then holds QUIRE_TEST_POSTGRES (the
#                                        URL, no password) and PGPASSWORD, to source
#   scripts/postgres.sh stop DIR         stops it and removes DIR
set -euo pipefail

command=${1:?start or stop}
dir=${2:?a folder for the server}

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }
as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$command" in
start)
    port=${3:?a port}
    bin=$(find_bin)
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        bin=$(find_bin)
    fi
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    mkdir -p "$dir"
    password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
    printf '%s\n' "$password" > "$dir/password"
    if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U quire --auth=scram-sha-256 --pwfile="$dir/password" -E UTF8 \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log"; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=60 -c fsync=off" start >/dev/null \
        || { cat "$dir/server.log"; exit 1; }
    {
        echo "export QUIRE_TEST_POSTGRES=postgres://quire@127.0.0.1:$port/postgres?sslmode=disable"
        echo "export PGPASSWORD=$password"
        echo "export QUIRE_TEST_POSTGRES_BIN=$bin"
    } > "$dir/env"
    rm -f "$dir/password"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
    ;;
stop)
    bin=$(find_bin)
    if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start DIR PORT | stop DIR" >&2
    exit 64
    ;;
esac

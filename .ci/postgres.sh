#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests: created with initdb in a temporary directory, started with pg_ctl on
# 127.0.0.1 at a free port (its socket in the same directory), password authentication over TCP.
#
#   eval "$(bash .ci/postgres.sh start)"          # exports CHAINBOT_TEST_POSTGRES and CHAINBOT_TEST_POSTGRES_DIR
#   dotnet test ChainBot.sln -c Release
#   bash .ci/postgres.sh stop "$CHAINBOT_TEST_POSTGRES_DIR"
#
# `start` prints only the two export lines on stdout (the test fixture reads them too); everything else goes to
# stderr. initdb refuses to run as root: as root, the cluster belongs to the `postgres` user (Debian's packages create
# it). `stop` stops the cluster and deletes its directory; stopping one that is gone is not an error.
set -euo pipefail

die() { echo "postgres.sh: $*" >&2; exit 1; }

# initdb and pg_ctl: on the PATH, or in Debian's versioned directory (the newest one), which is not on the PATH.
find_bin() {
  if command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] || die "initdb not found: install PostgreSQL (Debian: apt-get install postgresql)"
  echo "$dir"
}

# Runs a command as the cluster's owner: the postgres user when we are root, ourselves otherwise.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start() {
  local bin dir port password attempt
  bin=$(find_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/chainbot-postgres.XXXXXX")
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || die "running as root needs the postgres user (Debian's postgresql package creates it)"
    chown postgres: "$dir"
  fi
  chmod 700 "$dir"
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  # The password reaches initdb through a file only its owner can read, never through the command line.
  (umask 077; printf '%s\n' "$password" >"$dir/pwfile")
  [ "$(id -u)" = 0 ] && chown postgres: "$dir/pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" -A scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; die "initdb failed"; }
  rm -f "$dir/pwfile"

  # A free port: a random one that nothing answers on; pg_ctl fails if another process took it meanwhile, so try
  # again with another, a bounded number of times.
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" && continue
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c fsync=on -c synchronous_commit=on" \
        start >&2; then
      echo "export CHAINBOT_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres'"
      echo "export CHAINBOT_TEST_POSTGRES_DIR='$dir'"
      return
    fi
  done
  cat "$dir/server.log" >&2 || true
  rm -rf "$dir"
  die "the cluster did not start after 5 attempts"
}

stop() {
  local dir=${1:-${CHAINBOT_TEST_POSTGRES_DIR:-}} bin
  [ -n "$dir" ] || die "usage: postgres.sh stop DIR (the CHAINBOT_TEST_POSTGRES_DIR that start printed)"
  case "$dir" in */chainbot-postgres.*) ;; *) die "$dir is not a cluster this script made";; esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    bin=$(find_bin)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >&2 || echo "postgres.sh: pg_ctl stop failed" >&2
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) die "usage: postgres.sh start | stop DIR" ;;
esac

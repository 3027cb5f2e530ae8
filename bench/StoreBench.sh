#!/usr/bin/env bash
# SQLite vs PostgreSQL on this machine: CasesBench (cases/s, updates/s, list and stats at N cases) once on the data
# folder's SQLite file and once on a throw-away local PostgreSQL cluster (Debian's binaries, default durability:
# fsync and synchronous_commit on). Usage: bench/StoreBench.sh [N=100000]. Needs `mvn -o -q -DskipTests package`.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-100000}"
BIN="${FIVESTAR_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)}"
CP="target/fivestar-bot.jar:target/test-classes"
work="$(mktemp -d /tmp/fivestar-storebench.XXXXXX)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$work"
port=$((20000 + RANDOM % 20000))
as_pg "$BIN/initdb" -D "$work/pg" -U fivestar --auth=trust -E UTF8 --locale=C >/dev/null
as_pg "$BIN/pg_ctl" -D "$work/pg" -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c shared_buffers=256MB" \
  -l "$work/pg.log" -w start >/dev/null
trap 'as_pg "$BIN/pg_ctl" -D "$work/pg" -m fast stop >/dev/null; rm -rf "$work"' EXIT
as_pg "$BIN/createdb" -h 127.0.0.1 -p "$port" -U fivestar bench

echo "== SQLite"
mkdir -p "$work/sqlite"
java -cp "$CP" cn.fivestar.cases.bench.CasesBench "$N" "$work/sqlite" 2>/dev/null
echo "== PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') (local socket-less TCP, fsync on)"
FIVESTAR_DB_URL="jdbc:postgresql://127.0.0.1:$port/bench" FIVESTAR_DB_USER=fivestar \
  java -cp "$CP" cn.fivestar.cases.bench.CasesBench "$N" "$work/pgdata" 2>/dev/null

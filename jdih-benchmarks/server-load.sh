#!/usr/bin/env bash
# Server under load (issue 21, item 2; BENCHMARKS.md, "Server under load"): jdih-server and Flowable over HTTP, one
# server after the other, each on a fresh PostgreSQL database on the same server, each driven by the load generator
# (id.go.kpu.jdih.benchmarks.server.ServerLoad, its own JVM): CLIENTS clients, each working its own new cases through
# activities 1 and 2, WARMUP seconds of warm-up, then DURATION seconds measured. The sides, in this order:
#   jdih       jdih-examples/jdih-server (database jdih_load)
#   flowable   Flowable 8.0.0's engine behind the REST calls of Flowable's API (flowable-rest; database flowable_load)
#   flowable7  Flowable 7.2.0's own REST application (flowable-rest-7; database flowable_load, created afresh)
#
#   jdih-benchmarks/server-load.sh                 # 50 clients, 20 s warm-up, 60 s measured, per side
#   CLIENTS=4 WARMUP=5 DURATION=10 SIDES="jdih flowable" jdih-benchmarks/server-load.sh      # a small trial
#
# From a fresh clone it builds what is missing, without running tests and without installing anything in ~/.m2:
#   mvn -B -q -Pbenchmarks -pl jdih-benchmarks,jdih-examples/jdih-server -am package -DskipTests   (repository root)
#   mvn -B -q -f jdih-benchmarks/flowable-rest/pom.xml package -DskipTests       (and flowable-rest-7 the same way)
# (REBUILD=1 builds again even if the jars are there.) Needs psql, curl and a PostgreSQL server: PGHOST (127.0.0.1),
# PGPORT (5432), PGUSER (postgres), trust or PGPASSWORD. The databases are dropped first if left over and at the end
# unless KEEP_DB=1. Every server gets the same JVM flags (SERVER_JVM) and the same HikariCP pool size (POOL), on
# 127.0.0.1:PORT. Writes jdih-benchmarks/target/results/server-load-*: the generator's reports (.txt) and summaries
# (.properties), the servers' logs, the comparison (server-load-summary.txt), the load average before and after each
# step (server-load-log.txt) and the machine (server-load-machine.txt).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
CLIENTS="${CLIENTS:-50}"
WARMUP="${WARMUP:-20}"
DURATION="${DURATION:-60}"
POOL="${POOL:-10}"
SERVER_JVM="${SERVER_JVM:--Xms1g -Xmx1g -XX:+UseG1GC}"
LOAD_JVM="${LOAD_JVM:--Xms512m -Xmx512m -XX:+UseG1GC}"
PORT="${PORT:-18480}"
SIDES="${SIDES:-jdih flowable flowable7}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
OUT="$here/target/results"
BENCH_JAR="$here/target/benchmarks.jar"
FLOWABLE_JAR="$here/flowable-rest/target/jdih-benchmarks-flowable-rest-0.1.0-SNAPSHOT.jar"
FLOWABLE7_JAR="$here/flowable-rest-7/target/jdih-benchmarks-flowable-rest-7-0.1.0-SNAPSHOT.jar"
BASE="http://127.0.0.1:$PORT"
jdih_jar() { ls "$root"/jdih-examples/jdih-server/target/jdih-server-*.jar 2>/dev/null | grep -v -- '-plain\|original' | head -n 1 || true; }

command -v psql >/dev/null || { echo "server-load.sh: needs psql (apt-get install -y postgresql-client)" >&2; exit 1; }
command -v curl >/dev/null || { echo "server-load.sh: needs curl" >&2; exit 1; }
mkdir -p "$OUT"
rm -f "$OUT"/server-load-*
log() { echo "== $(date -u +%FT%TZ) $* (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/server-load-log.txt"; }

if [[ "${REBUILD:-0}" == 1 || ! -f "$BENCH_JAR" || -z "$(jdih_jar)" ]]; then
  log "building jdih-benchmarks and jdih-server"
  (cd "$root" && mvn -B -q -Pbenchmarks -pl jdih-benchmarks,jdih-examples/jdih-server -am package -DskipTests)
fi
for p in flowable-rest flowable-rest-7; do
  jar="$FLOWABLE_JAR"; [[ "$p" == flowable-rest-7 ]] && jar="$FLOWABLE7_JAR"
  if [[ "${REBUILD:-0}" == 1 || ! -f "$jar" ]]; then
    log "building $p"
    (cd "$root" && mvn -B -q -f "jdih-benchmarks/$p/pom.xml" package -DskipTests)
  fi
done
JDIH_JAR="$(jdih_jar)"

{
  echo "nproc: $(nproc)"
  free -h
  java -version 2>&1
  uname -srm
  psql -Atc 'select version()' postgres
  echo "commit: $(git -C "$root" log -1 --format='%h %cs %s' | cut -c1-100)"
  echo "SIDES='$SIDES' CLIENTS=$CLIENTS WARMUP=$WARMUP DURATION=$DURATION POOL=$POOL SERVER_JVM='$SERVER_JVM' LOAD_JVM='$LOAD_JVM'"
} > "$OUT/server-load-machine.txt"

if curl -s -o /dev/null "$BASE/"; then
  echo "server-load.sh: something already listens on 127.0.0.1:$PORT (set PORT)" >&2
  exit 1
fi

scratch="$(mktemp -d)"
server_pid=""
drop_databases() { psql -q -c 'DROP DATABASE IF EXISTS jdih_load' -c 'DROP DATABASE IF EXISTS flowable_load' postgres; }
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ "${KEEP_DB:-0}" != 1 ]]; then drop_databases || true; fi
  rm -rf "$scratch"
}
trap cleanup EXIT

# Starts java -jar $2 (the rest: its arguments) in a folder of its own, the log in server-load-$1-server.log.
start() {
  local side="$1" jar="$2"
  shift 2
  log "$side: starting $(basename "$jar")"
  mkdir -p "$scratch/$side"
  # shellcheck disable=SC2086 # SERVER_JVM holds several flags
  (cd "$scratch/$side" && exec java $SERVER_JVM -jar "$jar" --server.port="$PORT" --server.address=127.0.0.1 \
    --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}" \
    --spring.datasource.hikari.maximum-pool-size="$POOL" "$@") > "$OUT/server-load-$side-server.log" 2>&1 &
  server_pid=$!
}

# Waits until $2 answers 200, at most 180 s; fails if the server died.
await() {
  local side="$1" url="$2"
  for _ in $(seq 1 360); do
    if curl -fs -o /dev/null "$url"; then return 0; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "server-load.sh: $side exited during start-up; see $OUT/server-load-$side-server.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "server-load.sh: $side not ready after 180 s" >&2
  exit 1
}

stop() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# One side's load: the generator's report in server-load-$1.txt, its summary in server-load-$1.properties.
measure() {
  local side="$1" database="$2" status=0 before after cpu0 cpu1
  before="$(counters "$database")"
  cpu0="$(cpu_ticks)"
  log "$side: $CLIENTS clients, warm-up $WARMUP s, measured $DURATION s, starts"
  # shellcheck disable=SC2086 # LOAD_JVM holds several flags
  java $LOAD_JVM -cp "$BENCH_JAR" id.go.kpu.jdih.benchmarks.server.ServerLoad "$side" "$BASE" \
    --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" --summary "$OUT/server-load-$side.properties" \
    > "$OUT/server-load-$side.txt" 2> "$OUT/server-load-$side.err" || status=$?
  log "$side: done (generator exit status $status)"
  cpu1="$(cpu_ticks)"
  cat "$OUT/server-load-$side.txt"
  echo "$side: server CPU (user + system) during the load: $(awk -v a="$cpu0" -v b="$cpu1" -v t="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.1f s", (b - a) / t }')" | tee -a "$OUT/server-load-log.txt"
  after="$(counters "$database")"
  # The database's own counters over the whole load (warm-up included; the generator's report gives the activities
  # of the whole run): transactions committed, rows inserted, updated, deleted, and rows returned by scans.
  echo "$side: $database commits, rows inserted, updated, deleted, fetched during the load: $(paste -d' ' \
    <(echo "$before" | tr '|' '\n') <(echo "$after" | tr '|' '\n') | awk '{printf "%d ", $2 - $1}')" \
    | tee -a "$OUT/server-load-log.txt"
  echo "$side: database $database after the run: $(psql -Atc "select pg_size_pretty(pg_database_size('$database'))" postgres)" \
    | tee -a "$OUT/server-load-log.txt"
}

# The server JVM's CPU time so far, user + system, in clock ticks (/proc/PID/stat, fields 14 and 15).
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$server_pid/stat"; }
counters() {
  # pg_stat_database is updated when a backend reports (at most every 500 ms in PostgreSQL 15): wait for that first.
  sleep 1
  psql -Atc "select xact_commit, tup_inserted, tup_updated, tup_deleted, tup_fetched from pg_stat_database where datname = '$1'" postgres
}
fresh() { psql -q -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" postgres; }
url() { echo "jdbc:postgresql://$PGHOST:$PGPORT/$1"; }

for side in $SIDES; do
  case "$side" in
    jdih)
      fresh jdih_load
      start jdih "$JDIH_JAR" --spring.datasource.url="$(url jdih_load)" --jdih.media-dir="$scratch/jdih/media"
      await jdih "$BASE/actuator/health/readiness"
      password="$(sed -n 's/.*one-time password: *//p' "$OUT/server-load-jdih-server.log" | head -n 1)"
      [[ -n "$password" ]] || { echo "server-load.sh: no one-time password in the jdih-server log" >&2; exit 1; }
      JDIH_LOAD_ADMIN_PASSWORD="$password" measure jdih jdih_load
      ;;
    flowable | flowable7)
      jar="$FLOWABLE_JAR"; [[ "$side" == flowable7 ]] && jar="$FLOWABLE7_JAR"
      fresh flowable_load
      start "$side" "$jar" --spring.datasource.url="$(url flowable_load)"
      await "$side" "$BASE/process-api/repository/process-definitions"
      measure "$side" flowable_load
      ;;
    *) echo "server-load.sh: unknown side $side" >&2; exit 1 ;;
  esac
  stop
done

rm -f "$OUT/server-load-summary.txt"
for peer in flowable flowable7; do
  if [[ -f "$OUT/server-load-jdih.properties" && -f "$OUT/server-load-$peer.properties" ]]; then
    log "comparison: jdih and $peer"
    java -cp "$BENCH_JAR" id.go.kpu.jdih.benchmarks.server.ServerLoad compare "$OUT/server-load-jdih.properties" \
      "$OUT/server-load-$peer.properties" | tee -a "$OUT/server-load-summary.txt" || true
    echo | tee -a "$OUT/server-load-summary.txt"
  fi
done

#!/usr/bin/env bash
# Server under load (issue 21, item 2; BENCHMARKS.md, "Server under load"): jdih-server and Flowable 8's REST
# application, one after the other, each on a fresh PostgreSQL database of its own on the same server, each driven by
# the load generator (id.go.kpu.jdih.benchmarks.server.ServerLoad, its own JVM): CLIENTS clients, each working its own
# new cases through activities 1 and 2, WARMUP seconds of warm-up, then DURATION seconds measured.
#
#   jdih-benchmarks/server-load.sh                 # 50 clients, 20 s warm-up, 60 s measured, per server
#   CLIENTS=4 WARMUP=5 DURATION=10 jdih-benchmarks/server-load.sh      # a small trial
#
# From a fresh clone it builds what is missing, without running tests and without installing anything in ~/.m2:
#   mvn -B -q -Pbenchmarks -pl jdih-benchmarks,jdih-examples/jdih-server -am package -DskipTests   (repository root)
#   mvn -B -q -f jdih-benchmarks/flowable-rest/pom.xml package -DskipTests
# (REBUILD=1 builds again even if the jars are there.) Needs psql, curl and a PostgreSQL server: PGHOST (127.0.0.1),
# PGPORT (5432), PGUSER (postgres), trust or PGPASSWORD. It creates the databases jdih_load and flowable_load (dropped
# first if left over, dropped at the end unless KEEP_DB=1). Both servers get the same JVM flags (SERVER_JVM) and the
# same HikariCP pool size (POOL); ports JDIH_PORT and FLOWABLE_PORT on 127.0.0.1. Writes
# jdih-benchmarks/target/results/server-load-*: the generator's reports, the servers' logs, the comparison, the load
# average before and after each step (server-load-log.txt) and the machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
CLIENTS="${CLIENTS:-50}"
WARMUP="${WARMUP:-20}"
DURATION="${DURATION:-60}"
POOL="${POOL:-10}"
SERVER_JVM="${SERVER_JVM:--Xms1g -Xmx1g -XX:+UseG1GC}"
LOAD_JVM="${LOAD_JVM:--Xms512m -Xmx512m -XX:+UseG1GC}"
JDIH_PORT="${JDIH_PORT:-18480}"
FLOWABLE_PORT="${FLOWABLE_PORT:-18481}"
SIDES="${SIDES:-jdih flowable}"   # for a trial of one side only
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
OUT="$here/target/results"
BENCH_JAR="$here/target/benchmarks.jar"
FLOWABLE_JAR="$here/flowable-rest/target/jdih-benchmarks-flowable-rest-0.1.0-SNAPSHOT.jar"
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
if [[ "${REBUILD:-0}" == 1 || ! -f "$FLOWABLE_JAR" ]]; then
  log "building the Flowable REST application"
  (cd "$root" && mvn -B -q -f jdih-benchmarks/flowable-rest/pom.xml package -DskipTests)
fi
JDIH_JAR="$(jdih_jar)"

{
  echo "nproc: $(nproc)"
  free -h
  java -version 2>&1
  uname -srm
  psql -Atc 'select version()' postgres
  echo "commit: $(git -C "$root" log -1 --format='%h %cs %s' | cut -c1-100)"
  echo "CLIENTS=$CLIENTS WARMUP=$WARMUP DURATION=$DURATION POOL=$POOL SERVER_JVM='$SERVER_JVM' LOAD_JVM='$LOAD_JVM'"
} > "$OUT/server-load-machine.txt"

for port in "$JDIH_PORT" "$FLOWABLE_PORT"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "server-load.sh: something already listens on 127.0.0.1:$port (set JDIH_PORT / FLOWABLE_PORT)" >&2
    exit 1
  fi
done

scratch="$(mktemp -d)"
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [[ "${KEEP_DB:-0}" != 1 ]]; then
    psql -q -c 'DROP DATABASE IF EXISTS jdih_load' -c 'DROP DATABASE IF EXISTS flowable_load' postgres || true
  fi
  rm -rf "$scratch"
}
trap cleanup EXIT

psql -q -v ON_ERROR_STOP=1 -c 'DROP DATABASE IF EXISTS jdih_load' -c 'DROP DATABASE IF EXISTS flowable_load' \
  -c 'CREATE DATABASE jdih_load' -c 'CREATE DATABASE flowable_load' postgres
DS=(--spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}"
  --spring.datasource.hikari.maximum-pool-size="$POOL" --server.address=127.0.0.1)

# Waits until $2 answers 200, at most 180 s; fails if the server ($server_pid) died.
await() {
  local name="$1" url="$2"
  for _ in $(seq 1 360); do
    if curl -fs -o /dev/null "$url"; then return 0; fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      echo "server-load.sh: $name exited during start-up; see its log" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "server-load.sh: $name not ready after 180 s" >&2
  exit 1
}

stop() {
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# One server's run: the generator's report in server-load-$1.txt, its summary in server-load-$1.properties.
measure() {
  local side="$1" base="$2" status=0
  log "$side: $CLIENTS clients, warm-up $WARMUP s, measured $DURATION s, starts"
  # shellcheck disable=SC2086 # LOAD_JVM holds several flags
  java $LOAD_JVM -cp "$BENCH_JAR" id.go.kpu.jdih.benchmarks.server.ServerLoad "$side" "$base" \
    --clients "$CLIENTS" --warmup "$WARMUP" --duration "$DURATION" --summary "$OUT/server-load-$side.properties" \
    > "$OUT/server-load-$side.txt" 2> "$OUT/server-load-$side.err" || status=$?
  log "$side: done (generator exit status $status)"
  cat "$OUT/server-load-$side.txt"
}

if [[ " $SIDES " == *" jdih "* ]]; then
log "jdih-server: starting ($JDIH_JAR)"
mkdir -p "$scratch/jdih"
# shellcheck disable=SC2086 # SERVER_JVM holds several flags
(cd "$scratch/jdih" && exec java $SERVER_JVM -jar "$JDIH_JAR" --server.port="$JDIH_PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/jdih_load" "${DS[@]}" \
  --jdih.media-dir="$scratch/jdih/media") > "$OUT/server-load-jdih-server.log" 2>&1 &
server_pid=$!
await jdih-server "http://127.0.0.1:$JDIH_PORT/actuator/health/readiness"
password="$(sed -n 's/.*one-time password: *//p' "$OUT/server-load-jdih-server.log" | head -n 1)"
[[ -n "$password" ]] || { echo "server-load.sh: no one-time password in the jdih-server log" >&2; exit 1; }
JDIH_LOAD_ADMIN_PASSWORD="$password" measure jdih "http://127.0.0.1:$JDIH_PORT"
echo "jdih_load size after the run: $(psql -Atc "select pg_size_pretty(pg_database_size('jdih_load'))" postgres)" \
  | tee -a "$OUT/server-load-log.txt"
stop
fi

if [[ " $SIDES " == *" flowable "* ]]; then
log "Flowable REST: starting ($FLOWABLE_JAR)"
mkdir -p "$scratch/flowable"
# shellcheck disable=SC2086
(cd "$scratch/flowable" && exec java $SERVER_JVM -jar "$FLOWABLE_JAR" --server.port="$FLOWABLE_PORT" \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/flowable_load" "${DS[@]}") \
  > "$OUT/server-load-flowable-server.log" 2>&1 &
server_pid=$!
await "Flowable REST" "http://127.0.0.1:$FLOWABLE_PORT/process-api/repository/process-definitions"
measure flowable "http://127.0.0.1:$FLOWABLE_PORT"
echo "flowable_load size after the run: $(psql -Atc "select pg_size_pretty(pg_database_size('flowable_load'))" postgres)" \
  | tee -a "$OUT/server-load-log.txt"
stop
fi

if [[ -f "$OUT/server-load-jdih.properties" && -f "$OUT/server-load-flowable.properties" ]]; then
log "comparison"
java -cp "$BENCH_JAR" id.go.kpu.jdih.benchmarks.server.ServerLoad compare "$OUT/server-load-jdih.properties" \
  "$OUT/server-load-flowable.properties" | tee "$OUT/server-load-summary.txt" || true
fi

#!/usr/bin/env bash
# Runs every benchmark and one-off measurement of jdih-benchmarks, one JVM at a time, and writes the results to
# jdih-benchmarks/target/results/. See BENCHMARKS.md at the repository root for the method.
#
# From a fresh clone this one command does everything: when target/benchmarks.jar is missing it first builds this
# module and the modules it uses, without running tests and without installing anything in ~/.m2, i.e.
#   mvn -B -q -Pbenchmarks -pl jdih-benchmarks -am package -DskipTests        (from the repository root)
# The module is not part of the default build (mvn -B verify): the profile "benchmarks" of the root pom adds it.
# To measure a change, rebuild the same way (or delete the jar) and run this script again.
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
OUT=target/results
if [[ ! -f "$JAR" ]]; then
  echo "== $(date -u +%FT%TZ) building the project (no $JAR yet)"
  (cd .. && mvn -B -q -Pbenchmarks -pl jdih-benchmarks -am package -DskipTests)
fi
rm -rf "$OUT"
mkdir -p "$OUT"

log() { echo "== $(date -u +%FT%TZ) $* (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/log.txt"; }

{
  echo "nproc: $(nproc)"
  free -h
  java -version 2>&1
  uname -srm
} > "$OUT/machine.txt"

JMH=(-f 1 -t 1 -rf csv)
QUIET=-Dorg.jboss.logging.provider=slf4j

log "1. in-memory lifecycle (JMH)"
java -jar "$JAR" 'lifecycle\.LifecycleBenchmark' "${JMH[@]}" -wi 5 -w 5s -i 10 -r 5s -rff "$OUT/lifecycle.csv" \
  > "$OUT/lifecycle.txt"

# jdih on jdih-store-jdbc (H2) and, for orientation, on the file store; Flowable on H2. Flowable warms up slowly,
# hence the longer warm-up; 8 iterations rather than 10 keep the whole script under 15 minutes with three runs.
log "2. durable lifecycle (JMH)"
java -jar "$JAR" 'durable\.DurableLifecycleBenchmark' "${JMH[@]}" -wi 6 -w 10s -i 8 -r 5s -rff "$OUT/durable.csv" \
  > "$OUT/durable.txt"
RATIO_CSVS=("$OUT/lifecycle.csv" "$OUT/durable.csv")

# PostgreSQL: $JDIH_BENCH_POSTGRES_URL or the local server (see BenchPostgres); the step is skipped if it is down.
if java -cp "$JAR" id.go.kpu.jdih.benchmarks.postgres.BenchPostgres > "$OUT/postgres.txt" 2>&1; then
  log "2b. PostgreSQL appends (JMH): jdih-store-jdbc vs one raw single-row INSERT per transaction"
  if java -jar "$JAR" 'postgres\.PostgresAppendBenchmark' "${JMH[@]}" -wi 3 -w 3s -i 5 -r 3s \
    -rff "$OUT/postgres.csv" >> "$OUT/postgres.txt" && [[ -s "$OUT/postgres.csv" ]]; then
    RATIO_CSVS+=("$OUT/postgres.csv")
  else
    log "2b. PostgreSQL appends FAILED: see $OUT/postgres.txt"
  fi
else
  log "2b. PostgreSQL appends SKIPPED: $(tail -n 1 "$OUT/postgres.txt")"
fi

log "2c. file store appends (JMH): one writer, and four writers on a case each, every append synced"
# Not "${JMH[@]}": its -t 1 would override fourWriters' four threads.
java -jar "$JAR" 'file\.FileAppendBenchmark' -f 1 -rf csv -rff "$OUT/file-append.csv" > "$OUT/file-append.txt"

MEM=(-Xms6g -Xmx6g -XX:+UseG1GC -Djdk.attach.allowAttachSelf=true -Djol.magicFieldOffset=true "$QUIET")
FOOTPRINT=id.go.kpu.jdih.benchmarks.memory.Footprint
log "3. retained heap per case: jdih, 1,000,000 cases, distinct payloads"
java "${MEM[@]}" -cp "$JAR" "$FOOTPRINT" jdih 1000000 distinct 2> "$OUT/footprint-jdih-distinct.err" > "$OUT/footprint-jdih-distinct.txt"
log "3. retained heap per case: jdih, 1,000,000 cases, shared payloads"
java "${MEM[@]}" -cp "$JAR" "$FOOTPRINT" jdih 1000000 shared 2> "$OUT/footprint-jdih-shared.err" > "$OUT/footprint-jdih-shared.txt"
log "3. retained heap per case: Spring Statemachine, 20,000 machines"
java "${MEM[@]}" -cp "$JAR" "$FOOTPRINT" spring 20000 > "$OUT/footprint-spring.txt"
log "3. retained heap per case: squirrel-foundation, 100,000 machines"
java "${MEM[@]}" -cp "$JAR" "$FOOTPRINT" squirrel 100000 > "$OUT/footprint-squirrel.txt"

log "4. compliance report over 1,000,000 generated cases in a 256 MiB heap"
java -Xms256m -Xmx256m -XX:+UseG1GC "-Xlog:gc:file=$OUT/compliance-gc.log" "$QUIET" -cp "$JAR" \
  id.go.kpu.jdih.benchmarks.compliance.ComplianceStream 1000000 > "$OUT/compliance.txt"

java -cp "$JAR" id.go.kpu.jdih.benchmarks.report.Ratios "${RATIO_CSVS[@]}" > "$OUT/ratios.md"
log "done"

cat "$OUT/ratios.md"
grep -h -E "bytes/case|^JOL" "$OUT"/footprint-*.txt
grep -h -E "^pass|^checker|^heap|^report" "$OUT/compliance.txt"

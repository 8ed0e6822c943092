#!/usr/bin/env bash
# Issue 21, item 3: the national data set on PostgreSQL. Generates OFFICES x CASES hash-chained reference-SOP cases
# (552 x 1,000 by default) with COPY into schema jdih_national (created by jdih-store-jdbc's own migrations), checks a
# random sample against the store, measures the server's office queries and the compliance reports, and writes
# jdih-benchmarks/target/results/national-*.txt. See BENCHMARKS.md, "A national data set".
#
#   jdih-benchmarks/national.sh                 # full scale; drops the schema at the end
#   KEEP=1 jdih-benchmarks/national.sh          # keep the data (schema jdih_national) for more runs
#   REUSE=1 jdih-benchmarks/national.sh         # measure the kept data again, without generating it
#   OFFICES=10 CASES=100 SAMPLES=200 jdih-benchmarks/national.sh   # a small trial
#   BEFORE=1 ...                                # also measure the server's former (unscoped) overdue list/report
#
# The server is $JDIH_BENCH_POSTGRES_URL or jdbc:postgresql://127.0.0.1:5432/test?user=postgres. When
# target/benchmarks.jar is missing it builds this module and the modules it uses (package, no tests, nothing
# installed in ~/.m2), as run.sh does.
set -euo pipefail
cd "$(dirname "$0")"
JAR=target/benchmarks.jar
OUT=target/results
OFFICES=${OFFICES:-552}
CASES=${CASES:-1000}
SAMPLES=${SAMPLES:-1000}
WARMUP=${WARMUP:-200}
VERIFY=${VERIFY:-500}
REPORTS=${REPORTS:-30}
HEAP=${HEAP:-256m}
if [[ ! -f "$JAR" ]]; then
  echo "== $(date -u +%FT%TZ) building the project (no $JAR yet)"
  (cd .. && mvn -B -q -Pbenchmarks -pl jdih-benchmarks -am package -DskipTests)
fi
mkdir -p "$OUT"
LOG="$OUT/national-log.txt"
: > "$LOG"
log() { echo "== $(date -u +%FT%TZ) $* (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$LOG"; }
{
  echo "nproc: $(nproc)"
  free -h
  java -version 2>&1
  uname -srm
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
  echo "OFFICES=$OFFICES CASES=$CASES SAMPLES=$SAMPLES WARMUP=$WARMUP VERIFY=$VERIFY REPORTS=$REPORTS HEAP=$HEAP"
} > "$OUT/national-machine.txt"
BEFORE_ARG=()
[[ -n "${BEFORE:-}" ]] && BEFORE_ARG=(before)
QUIET=-Dorg.jboss.logging.provider=slf4j
MAIN=id.go.kpu.jdih.benchmarks.national

java -cp "$JAR" id.go.kpu.jdih.benchmarks.postgres.BenchPostgres | tee -a "$LOG"
if [[ -z "${REUSE:-}" ]]; then
  log "generate $OFFICES x $CASES (COPY into jdih_national)"
  java -Xmx1g "$QUIET" -cp "$JAR" $MAIN.NationalData generate "$OFFICES" "$CASES" > "$OUT/national-generate.txt"
fi
log "verify $VERIFY random cases"
java "$QUIET" -cp "$JAR" $MAIN.NationalData verify "$OFFICES" "$CASES" "$VERIFY" > "$OUT/national-verify.txt"
java -cp "$JAR" $MAIN.NationalData sizes > "$OUT/national-sizes.txt"
java -cp "$JAR" $MAIN.NationalData plans > "$OUT/national-plans.txt"
log "my tasks, board, overdue list: $WARMUP warm-up, $SAMPLES samples each"
java -Xmx1g "$QUIET" -cp "$JAR" $MAIN.NationalQueries queries "$OFFICES" "$WARMUP" "$SAMPLES" "${BEFORE_ARG[@]}" \
  > "$OUT/national-queries.txt"
log "one office's compliance report, $REPORTS samples"
java -Xmx$HEAP "$QUIET" -cp "$JAR" $MAIN.NationalQueries office-report "$OFFICES" 5 "$REPORTS" "${BEFORE_ARG[@]}" \
  > "$OUT/national-office-report.txt"
log "every office's compliance report, -Xmx$HEAP"
java -Xms$HEAP -Xmx$HEAP -XX:+UseG1GC "-Xlog:gc:file=$OUT/national-all-reports-gc.log" "$QUIET" -cp "$JAR" \
  $MAIN.NationalQueries all-reports "$OFFICES" > "$OUT/national-all-reports.txt"
if [[ -z "${KEEP:-}" ]]; then
  java -cp "$JAR" $MAIN.NationalData drop | tee -a "$LOG"
fi
log "done"
cat "$OUT"/national-generate.txt 2>/dev/null || true
cat "$OUT"/national-verify.txt "$OUT"/national-sizes.txt "$OUT"/national-plans.txt "$OUT"/national-queries.txt \
  "$OUT"/national-office-report.txt "$OUT"/national-all-reports.txt

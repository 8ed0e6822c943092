#!/usr/bin/env bash
# Command line: wall and CPU time of "./jdih case show ID", "case list" and "case approve ID" on the embedded
# default (H2), the release's launcher and jar (the baseline) side by side with this checkout's, in one run.
# See BENCHMARKS.md, "Command line". Needs hyperfine (Debian package), GNU time (/usr/bin/time), python3, Maven.
#
#   jdih-benchmarks/cli.sh                     # builds both, prepares two homes, measures, prints the summary
#
# The baseline is commit $JDIH_CLI_BASELINE (default 7b2263b), checked out in a temporary git worktree (removed at
# the end) and built there with "mvn -B -o -q -DskipTests package -pl jdih-examples/jdih-cli -am" (package, never
# install); JDIH_CLI_BASELINE_DIR=/some/checkout takes an existing checkout of it instead (built if its jar is
# missing). This checkout's CLI is built the same way when its jar is missing or older than the sources. Both are
# run through their own ./jdih launcher, as a user runs them. RUNS (default 10) measured runs per command and
# version, after WARMUP (default 2); CASES (default 5) cases proposed in each home. Results in target/cli/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
OUT="$here/target/cli"
RUNS="${RUNS:-10}"
WARMUP="${WARMUP:-2}"
CASES="${CASES:-5}"
BASE_COMMIT="${JDIH_CLI_BASELINE:-7b2263b}"
KASUBAG=198001012006042001
BUILD=(mvn -B -o -q -DskipTests package -pl jdih-examples/jdih-cli -am)

command -v hyperfine >/dev/null || { echo "cli.sh: needs hyperfine (apt-get install -y hyperfine)" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT"
log() { echo "== $(date -u +%FT%TZ) $* (load average $(cut -d' ' -f1-3 /proc/loadavg))" | tee -a "$OUT/log.txt"; }
{
  echo "nproc: $(nproc)"
  free -h
  java -version 2>&1
  uname -srm
  hyperfine --version
} > "$OUT/machine.txt"

cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c"; done' EXIT

cli_jar() { ls "$1"/jdih-examples/jdih-cli/target/jdih-cli-*-all.jar 2>/dev/null | head -n 1 || true; }
stale() { # the ./jdih launcher's own test: no jar, or a source or pom newer than it
  local jar; jar="$(cli_jar "$1")"
  [ -z "$jar" ] && return 0
  [ -n "$(find "$1" -path '*/src/main/*' -newer "$jar" -type f -print -quit 2>/dev/null)" ] && return 0
  [ -n "$(find "$1" -name pom.xml -newer "$jar" -print -quit 2>/dev/null)" ] && return 0
  return 1
}

if [ -n "${JDIH_CLI_BASELINE_DIR:-}" ]; then
  base="$(cd "$JDIH_CLI_BASELINE_DIR" && pwd)"
else
  scratch="$(mktemp -d)"
  base="$scratch/baseline"
  git -C "$root" worktree add -q --detach "$base" "$BASE_COMMIT"
  cleanup+=("git -C '$root' worktree remove --force '$base'; rm -rf '$scratch'")
fi
echo "baseline: $(git -C "$base" log -1 --format='%h %cs %s' | cut -c1-100) ($base)" >> "$OUT/machine.txt"
echo "current:  $(git -C "$root" log -1 --format='%h %cs %s' | cut -c1-100) ($root)" >> "$OUT/machine.txt"
if stale "$base"; then
  log "building the baseline: ${BUILD[*]} (in $base)"
  (cd "$base" && "${BUILD[@]}")
fi
if stale "$root"; then
  log "building the current CLI: ${BUILD[*]}"
  (cd "$root" && "${BUILD[@]}")
fi
B="$base/jdih"
C="$root/jdih"

# The first command after a build: the current launcher makes its class archive then (once per jar).
log "first run of the current launcher after the build (makes the class archive)"
rm -f "$(cli_jar "$root" | sed 's/\.jar$/.jsa/')"
/usr/bin/time -f "first run: %e s wall, %U s user, %S s sys" -o "$OUT/first-run.txt" "$C" --help >/dev/null
cat "$OUT/first-run.txt" | tee -a "$OUT/log.txt"

# A home with three people and $CASES proposed cases; prints the first case's id and the last's.
prepare() {
  local jdih="$1" home="$2" first="" id=""
  "$jdih" --home "$home" init >/dev/null
  "$jdih" --home "$home" person add --nip "19800101 200604 2 001" --name Rina --role kasubag-hukum >/dev/null
  "$jdih" --home "$home" person add --nip 198502022010011002 --name Budi --role tim-pembina-teknis >/dev/null
  "$jdih" --home "$home" person add --nip 199003032015032003 --name Sari --role staf >/dev/null
  for i in $(seq 1 "$CASES"); do
    id="$("$jdih" --home "$home" case propose --as "$KASUBAG" --title "Kasus $i" --category informasi-hukum \
      --material "Materi $i" --platform instagram --platform telegram | tail -n 1)"
    first="${first:-$id}"
  done
  echo "$first $id"
}
log "preparing the homes (init, person add x3, case propose x$CASES, each version its own)"
read -r B_SHOW B_APPROVE < <(prepare "$B" "$OUT/home-baseline")
read -r C_SHOW C_APPROVE < <(prepare "$C" "$OUT/home-current")
echo "baseline: show $B_SHOW, approve $B_APPROVE; current: show $C_SHOW, approve $C_APPROVE" | tee -a "$OUT/log.txt"

# approve changes the case: every run approves the same proposed case in a fresh copy of the prepared home.
RESET="rm -rf '$OUT/run-baseline' '$OUT/run-current' && cp -a '$OUT/home-baseline' '$OUT/run-baseline' \
&& cp -a '$OUT/home-current' '$OUT/run-current'"
declare -A CMD_B CMD_C
CMD_B[show]="$B --home $OUT/home-baseline case show $B_SHOW"
CMD_C[show]="$C --home $OUT/home-current case show $C_SHOW"
CMD_B[list]="$B --home $OUT/home-baseline case list"
CMD_C[list]="$C --home $OUT/home-current case list"
CMD_B[approve]="$B --home $OUT/run-baseline case approve $B_APPROVE --as $KASUBAG"
CMD_C[approve]="$C --home $OUT/run-current case approve $C_APPROVE --as $KASUBAG"
eval "$RESET"

for cmd in show list approve; do
  prep=()
  [ "$cmd" = approve ] && prep=(--prepare "$RESET")
  log "hyperfine: case $cmd, baseline and current, $WARMUP warm-up and $RUNS runs each"
  hyperfine --style basic --warmup "$WARMUP" --runs "$RUNS" "${prep[@]}" --export-json "$OUT/$cmd.json" \
    -n "baseline case $cmd" "${CMD_B[$cmd]}" -n "current case $cmd" "${CMD_C[$cmd]}" > "$OUT/$cmd.txt"
done

# hyperfine 1.15 reports only the mean of user and system time; for their median, GNU time, the two versions
# interleaved run by run (so that both see the same load).
log "GNU time: $RUNS interleaved runs of each command and version, for the median CPU time"
printf 'command\tversion\twall_s\tuser_s\tsys_s\n' > "$OUT/time.tsv"
for i in $(seq 1 "$RUNS"); do
  for cmd in show list approve; do
    [ "$cmd" = approve ] && eval "$RESET"
    for v in baseline current; do
      if [ "$v" = baseline ]; then c="${CMD_B[$cmd]}"; else c="${CMD_C[$cmd]}"; fi
      /usr/bin/time -f "$cmd	$v	%e	%U	%S" -a -o "$OUT/time.tsv" $c >/dev/null 2>&1
    done
  done
done
log "done"

python3 - "$OUT" <<'EOF' | tee "$OUT/summary.md"
import json, statistics, sys
out = sys.argv[1]
rows = [l.rstrip("\n").split("\t") for l in open(f"{out}/time.tsv")][1:]
print("| command | version | median wall (hyperfine) | mean user+sys (hyperfine) | median wall (time) "
      "| median user+sys (time) | wall vs 0.6 s | CPU vs 0.8 s |")
print("|---|---|---|---|---|---|---|---|")
med = {}
for cmd in ("show", "list", "approve"):
    for r in json.load(open(f"{out}/{cmd}.json"))["results"]:
        v = r["command"].split()[0]
        t = [x for x in rows if x[0] == cmd and x[1] == v]
        wall = statistics.median(float(x[2]) for x in t)
        cpu = statistics.median(float(x[3]) + float(x[4]) for x in t)
        med[(cmd, v)] = (r["median"], cpu)
        print(f"| case {cmd} | {v} | {r['median']:.2f} s | {r['user'] + r['system']:.2f} s | {wall:.2f} s "
              f"| {cpu:.2f} s | {r['median'] / 0.6:.1f}x | {cpu / 0.8:.1f}x |")
print()
for cmd in ("show", "list", "approve"):
    (bw, bc), (cw, cc) = med[(cmd, "baseline")], med[(cmd, "current")]
    print(f"case {cmd}: current/baseline median wall {cw / bw:.2f}, median CPU {cc / bc:.2f}")
EOF

#!/usr/bin/env bash
# Builds the benchmarks module and runs the three benchmarks, writing results to
# benchmarks/results/<date-time>/ (one .txt summary and one -samples.tsv per benchmark).
#
#   benchmarks/run.sh                 build, then startup + latency + scale
#   benchmarks/run.sh startup|latency|scale ...   only those
#   SKIP_BUILD=1 benchmarks/run.sh    use the last build
#   MVN_FLAGS=-o benchmarks/run.sh    build offline
#
# The startup benchmark needs an X display: without DISPLAY it starts its own Xvfb (and stops it).
# The latency and scale benchmarks run JavaFX headless (Monocle). See docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${SKIP_BUILD:-}" != 1 ]]; then
  # shellcheck disable=SC2086
  ./mvnw -B -q ${MVN_FLAGS:-} -Pbench -DskipTests install
fi

CP="$(ls benchmarks/target/benchmarks-*.jar):$(cat benchmarks/target/classpath.txt)"
OUT="benchmarks/results/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$OUT"
JAVA=(java -Dbench.results="$OUT" -cp "$CP")
echo "results: $OUT"
{ echo "host: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"; java -version 2>&1 | head -1
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"; } > "$OUT/machine.txt"

XVFB_PID=
cleanup() { if [[ -n "$XVFB_PID" ]]; then kill "$XVFB_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

startup() {
  if [[ -z "${DISPLAY:-}" ]]; then
    local n=97
    while [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
    XVFB_PID=$!
    export DISPLAY=":$n"
    sleep 1
  fi
  # >= 10 alternating pairs after 2 warm-up pairs
  "${JAVA[@]}" dev.backstack.panel.bench.startup.StartupBench --runs 12 --warmup 2
}

latency() {
  # the app's settings (FleetConnector: coalesce 100 ms; PanelApp: pump 100 ms), then a tight one
  "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.latency.LatencyBench --coalesce 100 --pump 100 --repeat 3 \
    --label "app settings: coalesce 100 ms, pump 100 ms"
  "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.latency.LatencyBench --coalesce 10 --pump 0 --repeat 3 \
    --label "tight: coalesce 10 ms, pump every pulse"
}

scale() {
  # the mock hub and its load generator run in a child JVM (-Xmx2g); the panel JVM is fixed at -Xmx1g
  "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.scale.ScaleBench --seconds 60 --rate 200
  "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.scale.ScaleBench --seconds 60 --rate 200 --with-view
}

which=("$@")
[[ ${#which[@]} -eq 0 ]] && which=(startup latency scale)
for b in "${which[@]}"; do
  case "$b" in
    startup|latency|scale) "$b" 2>>"$OUT/stderr.log" ;;
    *) echo "unknown benchmark: $b (startup, latency, scale)" >&2; exit 2 ;;
  esac
done
echo "results: $OUT"

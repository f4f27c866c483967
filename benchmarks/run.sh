#!/usr/bin/env bash
# Builds the benchmarks module and runs the three benchmarks, writing results to
# benchmarks/results/<date-time>/ (one .txt summary and one -samples.tsv per benchmark).
#
#   benchmarks/run.sh                 build, then startup + latency + scale
#   benchmarks/run.sh startup|latency|scale ...   only those (scale-fabric8, compliance, lineage, addons,
#                                     startup-image: opt-in, see below)
#   SKIP_BUILD=1 benchmarks/run.sh    use the last build
#   MVN_FLAGS=-o benchmarks/run.sh    build offline
#   NICE=-10 benchmarks/run.sh        run the JVMs at a higher priority than other work on the machine
#                                     (negative values need root); the figures then say less about a
#                                     busy desktop and more about the panel itself
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
if [[ -n "${NICE:-}" ]]; then JAVA=(nice -n "$NICE" "${JAVA[@]}"); fi
echo "results: $OUT"
{ echo "host: $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2-)"; java -version 2>&1 | head -1
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"; echo "nice: ${NICE:-0}"
  echo "code: $(git rev-parse --short HEAD 2>/dev/null)$(git diff --quiet HEAD -- . ':!benchmarks' ':!docs' 2>/dev/null || echo ' + uncommitted changes')"
} > "$OUT/machine.txt"

XVFB_PID=
cleanup() { if [[ -n "$XVFB_PID" ]]; then kill "$XVFB_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

startup_display() {
  if [[ -z "${DISPLAY:-}" ]]; then
    local n=97
    while [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]]; do n=$((n + 1)); done
    Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
    XVFB_PID=$!
    export DISPLAY=":$n"
    sleep 1
  fi
}

startup() {
  startup_display
  # >= 10 alternating pairs after 2 warm-up pairs; then where the time goes (class-load log, 5 runs each)
  "${JAVA[@]}" dev.backstack.panel.bench.startup.StartupBench --runs 12 --warmup 2
  "${JAVA[@]}" dev.backstack.panel.bench.startup.StartupPhases --runs 5
}

startup-image() {
  # opt-in: the same ratio for the native app image (./mvnw -Ppackage, docs/packaging.md) against a bare
  # window in an app image of its own: same jlink runtime, same JVM options, each with its own AppCDS archive
  if [[ "${SKIP_BUILD:-}" != 1 ]]; then
    # shellcheck disable=SC2086
    ./mvnw -B -q ${MVN_FLAGS:-} -Ppackage -Dpackage.type=app-image -DskipTests package -pl app -am >&2
  fi
  local panel=app/target/jpackage/image/backstack-panel
  rm -rf benchmarks/target/bare-lib && mkdir -p benchmarks/target/bare-lib
  cp benchmarks/target/lib/javafx-*.jar benchmarks/target/bare-lib/
  java app/src/package/Package.java --jar="$(ls benchmarks/target/benchmarks-*.jar)" --lib=benchmarks/target/bare-lib \
    --out=benchmarks/target/bare-image --runtime=app/target/jpackage/runtime --name=bare-window \
    --main-class=dev.backstack.panel.bench.startup.BareWindowLauncher --type=app-image --java-options-file=app/src/package/jvm.options >&2
  startup_display
  "${JAVA[@]}" dev.backstack.panel.bench.startup.StartupBench --runs 12 --warmup 2 \
    --images "$panel/bin/backstack-panel" benchmarks/target/bare-image/image/bare-window/bin/bare-window
}

latency() {
  # the app's settings (FleetConnector: coalesce 50 ms, first change at once; PanelApp: the pump on the
  # next pulse; the benchmark's defaults), then while 50 other changes/s keep the store busy
  "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.latency.LatencyBench --repeat 3 \
    --label "app settings: coalesce 50 ms, pump every pulse"
  "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.latency.LatencyBench --repeat 3 --churn 50 \
    --label "app settings + 50 other changes/s"
}

scale() {
  # the hub server and its load generator run in a child JVM (-Xmx2g); the panel JVM is fixed at -Xmx1g.
  # 3 runs with the view-model only (the issue's set-up), 2 with the real DashboardView on a headless stage
  for i in 1 2 3; do
    "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.scale.ScaleBench --seconds 60 --rate 200
  done
  for i in 1 2; do
    "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.scale.ScaleBench --seconds 60 --rate 200 --with-view
  done
}

compliance() {
  # the compliance tab with 300 spokes of reports, a snapshot 5 times a second; target: no FX stall over 50 ms
  "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.compliance.ComplianceBench --seconds 30 --spokes 300
}

lineage() {
  # the lineage view's build time for one spoke in a 300-spoke hub: the model build, then the view on a headless stage
  "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.lineage.LineageBench --spokes 300 --runs 2000
}

addons() {
  # the add-on matrix: 300 spokes x 10 add-ons, 50 Application changes/s; target: no FX stall over 50 ms
  "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.addons.AddonMatrixBench --seconds 30 --spokes 300 --addons 10 --rate 50
}

scale-fabric8() {
  # opt-in: the same on fabric8's KubernetesMockServer (seeding 20,000 objects takes minutes; it cannot
  # sustain 200 changes/s at this size, which is why the default uses ListWatchServer)
  "${JAVA[@]}" -Xmx1g dev.backstack.panel.bench.scale.ScaleBench --seconds 30 --rate 200 --server fabric8
}

which=("$@")
[[ ${#which[@]} -eq 0 ]] && which=(startup latency scale)
for b in "${which[@]}"; do
  case "$b" in
    startup|startup-image|latency|scale|scale-fabric8|compliance|lineage|addons) "$b" 2>>"$OUT/stderr.log" ;;
    *) echo "unknown benchmark: $b (startup, startup-image, latency, scale, scale-fabric8, compliance, lineage, addons)" >&2; exit 2 ;;
  esac
done
echo "results: $OUT"

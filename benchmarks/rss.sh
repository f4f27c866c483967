#!/usr/bin/env bash
# Resident memory of the panel on the demo fleet: starts the given command under Xvfb (its own,
# when DISPLAY is unset) with no kubeconfig at all (KUBECONFIG unset, user.home an empty temporary
# directory, so the panel shows the simulated demo fleet), waits, prints the RSS, stops it.
#
#   benchmarks/rss.sh [--seconds 60] COMMAND...
#   benchmarks/rss.sh java -Xmx160m -XX:+UseSerialGC -jar app/target/backstack-panel.jar
#   benchmarks/rss.sh app/target/jpackage/image/backstack-panel/bin/backstack-panel
#
# Prints one line: "rss_kb=N rss_mb=N [heap_committed_mb=N] after Ns: COMMAND". RSS is `ps -o rss=` of the started process
# (the java launcher, or the app image's native launcher, which runs the JVM in its own process).
# The user.home of the JVM is set through JAVA_TOOL_OPTIONS (the JVM prints "Picked up ..." once).
set -euo pipefail
seconds=60
if [[ "${1:-}" == --seconds ]]; then seconds="$2"; shift 2; fi
[[ $# -gt 0 ]] || { sed -n '2,13p' "$0" >&2; exit 2; }

home="$(mktemp -d)"
XVFB_PID=
APP_PID=
cleanup() {
  if [[ -n "$APP_PID" ]]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi
  if [[ -n "$XVFB_PID" ]]; then kill "$XVFB_PID" 2>/dev/null || true; fi
  rm -rf "$home"
}
trap cleanup EXIT

if [[ -z "${DISPLAY:-}" ]]; then
  n=95
  while [[ -e /tmp/.X11-unix/X$n || -e /tmp/.X$n-lock ]]; do n=$((n + 1)); done
  Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  sleep 1
fi

env -u KUBECONFIG HOME="$home" JAVA_TOOL_OPTIONS="-Duser.home=$home ${JAVA_TOOL_OPTIONS:-}" "$@" \
  >"$home/stdout.log" 2>"$home/stderr.log" &
APP_PID=$!
sleep "$seconds"
if ! kill -0 "$APP_PID" 2>/dev/null; then
  echo "the panel exited before ${seconds}s; its stderr:" >&2
  cat "$home/stderr.log" >&2
  exit 1
fi
grep -q "First frame" "$home/stderr.log" || echo "warning: no first frame logged yet" >&2
rss="$(ps -o rss= -p "$APP_PID" | tr -d ' ')"
heap=""
if command -v jcmd >/dev/null 2>&1; then
  # the heap's committed size: with Serial GC it grows towards -Xmx until a full collection, which is
  # most of the spread between runs
  heap="$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | awk 'match($0, /total [0-9]+K/) {kb += substr($0, RSTART + 6, RLENGTH - 7)} END {if (kb) printf " heap_committed_mb=%d", kb / 1024}')"
fi
echo "rss_kb=$rss rss_mb=$((rss / 1024))$heap after ${seconds}s: $*"

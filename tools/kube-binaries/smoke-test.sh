#!/usr/bin/env bash
# Smoke test for the binaries built by build.sh: start etcd and kube-apiserver on
# loopback only, wait until the API server is ready, check /version and a few real
# API-server behaviours with kubectl, then stop both.
#
# Usage: tools/kube-binaries/smoke-test.sh [BIN_DIR]   (default: output of build.sh)
# Set KEEP=1 to keep the temp dir (logs, certs) for inspection.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
BIN="${1:-$("$here/build.sh")}"
log() { printf '[smoke] %s\n' "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

KUBE_VERSION="$(sed -n 's/^KUBE_VERSION=//p' "$BIN/VERSIONS")"

T="$(mktemp -d "${TMPDIR:-/tmp}/kube-smoke.XXXXXX")"
pids=()
# stop PID: SIGTERM, up to 30 s for a graceful exit, then SIGKILL.
stop() {
  local i
  kill "$1" 2>/dev/null || return 0
  for i in $(seq 1 60); do kill -0 "$1" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}
# Stop in reverse start order: kube-apiserver before etcd. An API server whose etcd is
# already gone spends minutes in its shutdown hooks retrying etcd.
cleanup() {
  local i t0
  t0=$SECONDS
  for (( i=${#pids[@]}-1; i>=0; i-- )); do stop "${pids[i]}"; done
  [[ ${#pids[@]} == 0 ]] || log "stopped in $((SECONDS - t0)) s"
  if [[ "${KEEP:-0}" == 1 ]]; then log "kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT

# A free TCP port on 127.0.0.1 (tiny race until the server binds it).
free_port() {
  if command -v python3 >/dev/null 2>&1; then   # let the kernel pick one
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local p
  while :; do                                   # else a random one that ss shows unused
    p=$(( 20000 + RANDOM % 40000 ))
    ss -Htln "sport = :$p" | grep -q . || { echo "$p"; return; }
  done
}
ETCD_CLIENT_PORT="$(free_port)"
ETCD_PEER_PORT="$(free_port)"
API_PORT="$(free_port)"

# --- etcd: client and peer URLs on loopback, data in the temp dir -------------------
etcd_args=(
  --name=smoke
  --data-dir="$T/etcd"
  --listen-client-urls="http://127.0.0.1:$ETCD_CLIENT_PORT"
  --advertise-client-urls="http://127.0.0.1:$ETCD_CLIENT_PORT"
  --listen-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT"
  --initial-advertise-peer-urls="http://127.0.0.1:$ETCD_PEER_PORT"
  --initial-cluster="smoke=http://127.0.0.1:$ETCD_PEER_PORT"
  --unsafe-no-fsync=true      # test data only; much faster on slow disks
  --log-level=warn
)

# --- kube-apiserver ----------------------------------------------------------------
openssl genrsa -out "$T/sa.key" 2048 2>/dev/null
openssl rsa -in "$T/sa.key" -pubout -out "$T/sa.pub" 2>/dev/null
TOKEN="$(openssl rand -hex 24)"
# token,user,uid,"group1,group2"
echo "$TOKEN,admin,admin-uid,\"system:masters\"" >"$T/tokens.csv"

api_args=(
  --bind-address=127.0.0.1
  --secure-port="$API_PORT"
  --etcd-servers="http://127.0.0.1:$ETCD_CLIENT_PORT"
  --cert-dir="$T/certs"
  --service-account-issuer=https://kubernetes.default.svc.cluster.local
  --service-account-key-file="$T/sa.pub"
  --service-account-signing-key-file="$T/sa.key"
  --service-cluster-ip-range=10.0.0.0/24
  --authorization-mode=RBAC
  --token-auth-file="$T/tokens.csv"
)

log "etcd ${etcd_args[*]}"
start_ms=$(( $(date +%s%N) / 1000000 ))
"$BIN/etcd" "${etcd_args[@]}" >"$T/etcd.log" 2>&1 &
pids+=($!)
log "kube-apiserver ${api_args[*]}"
"$BIN/kube-apiserver" "${api_args[@]}" >"$T/kube-apiserver.log" 2>&1 &
pids+=($!)

curl_api() { curl -sk --max-time 5 -H "Authorization: Bearer $TOKEN" "https://127.0.0.1:$API_PORT$1"; }

for _ in $(seq 1 240); do
  if [[ "$(curl_api /readyz 2>/dev/null || true)" == ok ]]; then break; fi
  for p in "${pids[@]}"; do
    kill -0 "$p" 2>/dev/null || { tail -n 30 "$T"/*.log >&2; die "a process exited early"; }
  done
  sleep 0.5
done
[[ "$(curl_api /readyz || true)" == ok ]] || { tail -n 30 "$T/kube-apiserver.log" >&2; die "not ready after 120 s"; }
log "ready after $(( $(date +%s%N) / 1000000 - start_ms )) ms"

version_json="$(curl_api /version)"
echo "$version_json" >&2
git_version="$(printf '%s' "$version_json" | sed -n 's/.*"gitVersion": *"\([^"]*\)".*/\1/p')"
[[ "$git_version" == "$KUBE_VERSION" ]] || die "/version gitVersion is '$git_version', want $KUBE_VERSION"
log "/version gitVersion=$git_version"
log "RSS after start: etcd $(( $(ps -o rss= -p "${pids[0]}") / 1024 )) MiB, kube-apiserver $(( $(ps -o rss= -p "${pids[1]}") / 1024 )) MiB"

# Listening sockets of our two processes must all be on loopback.
if command -v ss >/dev/null; then
  ss -Htlnp | grep -E "pid=($(IFS='|'; echo "${pids[*]}"))," >&2 || true
  if ss -Htlnp | grep -E "pid=($(IFS='|'; echo "${pids[*]}"))," | awk '{print $4}' | grep -vqE '^(127\.0\.0\.1|\[::1\]):'; then
    die "a process listens on a non-loopback address"
  fi
fi

if [[ -x "$BIN/kubectl" ]]; then
  k=("$BIN/kubectl" --server="https://127.0.0.1:$API_PORT" --token="$TOKEN" --insecure-skip-tls-verify=true)
  "${k[@]}" version >&2
  "${k[@]}" get namespaces >&2
  # Server-side apply with server dry-run: something a mock server cannot do faithfully.
  "${k[@]}" create configmap smoke --from-literal=a=b --dry-run=client -o yaml \
    | "${k[@]}" apply --server-side --dry-run=server -f - >&2
  # RBAC is enforced: an unknown token is rejected, a user outside system:masters is forbidden.
  code="$(curl -sk -o /dev/null -w '%{http_code}' -H 'Authorization: Bearer nope' "https://127.0.0.1:$API_PORT/api/v1/namespaces")"
  [[ "$code" == 401 ]] || die "unknown token got HTTP $code, want 401"
  "${k[@]}" get pods -A --as=nobody >/dev/null 2>&1 && die "impersonated user 'nobody' was allowed to list pods"
  log "kubectl checks ok"
fi
log "OK"

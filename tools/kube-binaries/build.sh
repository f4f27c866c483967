#!/usr/bin/env bash
# Build a real kube-apiserver, etcd and kubectl from Go modules with the local Go
# toolchain, and cache them per version so the build runs once per machine.
#
# Usage:
#   dir=$(tools/kube-binaries/build.sh)        # build if needed, print the directory
#   tools/kube-binaries/build.sh --force       # rebuild even if the cache is valid
#
# stdout carries exactly one line, the cache directory (on success). Progress goes to
# stderr. The directory holds kube-apiserver, etcd, kubectl (unless KUBE_BUILD_KUBECTL=0)
# and a VERSIONS file. See docs/real-apiserver-binaries.md.
#
# Environment (all optional):
#   KUBE_VERSION         Kubernetes release to build            (default below)
#   ETCD_VERSION         etcd release to build                  (default below)
#   KUBE_BUILD_KUBECTL   1 = also build kubectl, 0 = skip it    (default 1)
#   KUBE_BUILD_PARALLEL  go build -p and GOMAXPROCS             (default 1: leave cores free)
#   KUBE_BINARIES_CACHE  cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/backstack-panel/k8s)
#   GO                   go binary (default: `go` on PATH, else /usr/local/go/bin/go)
#   GOPROXY, GOMODCACHE, GOCACHE ... are honoured as usual.
#
# Exit codes: 0 ok; 1 build or verification failed; 2 usage error;
#             3 cannot build here: no Go, Go too old, or not Linux (callers may turn
#               this into "skip" on laptops; CI should treat it as a failure).
set -euo pipefail

# --- Pinned versions ---------------------------------------------------------------
# Kubernetes: newest patch of the newest minor whose go.mod `go` directive the local Go
# satisfies (v1.37.x needs go 1.26.0). etcd: newest 3.6 patch (Kubernetes 1.37 itself is
# tested with etcd 3.7.0 and supports >= 3.5.24, so 3.6 is within range).
KUBE_VERSION="${KUBE_VERSION:-v1.37.2}"
ETCD_VERSION="${ETCD_VERSION:-v3.6.16}"
KUBE_BUILD_KUBECTL="${KUBE_BUILD_KUBECTL:-1}"
KUBE_BUILD_PARALLEL="${KUBE_BUILD_PARALLEL:-1}"

log() { printf '[kube-binaries] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

force=0
case "${1:-}" in
  "") ;;
  --force) force=1 ;;
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" >&2; exit 0 ;;
  *) log "unknown argument: $1 (use --force or --help)"; exit 2 ;;
esac

# Accept versions with or without the leading "v".
KUBE_VERSION="v${KUBE_VERSION#v}"
ETCD_VERSION="v${ETCD_VERSION#v}"
[[ "$KUBE_VERSION" =~ ^v1\.([0-9]+)\.([0-9]+)(-[0-9A-Za-z.-]+)?$ ]] \
  || { log "KUBE_VERSION must look like v1.Y.Z, got $KUBE_VERSION"; exit 2; }
KUBE_MINOR="${BASH_REMATCH[1]}"
# Staging modules (k8s.io/api, k8s.io/apiserver, ...) are published as v0.Y.Z for v1.Y.Z.
STAGING_VERSION="v0.${KUBE_VERSION#v1.}"
[[ "$ETCD_VERSION" =~ ^v3\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$ ]] \
  || { log "ETCD_VERSION must look like v3.Y.Z, got $ETCD_VERSION"; exit 2; }
[[ "$KUBE_BUILD_PARALLEL" =~ ^[1-9][0-9]*$ ]] \
  || { log "KUBE_BUILD_PARALLEL must be a positive integer"; exit 2; }

# --- Platform (from uname, so a cache hit needs no Go at all) -----------------------
# Linux only (the script also relies on GNU mv -T); elsewhere exit 3 like "no Go".
[[ "$(uname -s)" == Linux ]] || { log "only Linux is supported, not $(uname -s)"; exit 3; }
GOOS=linux
case "$(uname -m)" in
  x86_64|amd64) GOARCH=amd64 ;;
  aarch64|arm64) GOARCH=arm64 ;;
  *) log "unsupported CPU $(uname -m)"; exit 3 ;;
esac

# --- Cache layout ------------------------------------------------------------------
CACHE_ROOT="${KUBE_BINARIES_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/backstack-panel/k8s}"
NAME="${KUBE_VERSION#v}-etcd${ETCD_VERSION#v}-${GOOS}-${GOARCH}"
OUT="$CACHE_ROOT/$NAME"
mkdir -p "$CACHE_ROOT"

# first_line CMD...: first line of CMD's stdout. (Not `CMD | head -n1`: under pipefail
# that fails at random when CMD gets SIGPIPE writing its later lines.)
first_line() {
  local out
  out="$("$@" 2>/dev/null)" || return 1
  printf '%s\n' "${out%%$'\n'*}"
}

# verify DIR: true if DIR holds working binaries of exactly the pinned versions.
verify() {
  local dir="$1" v
  [[ -f "$dir/VERSIONS" && -x "$dir/kube-apiserver" && -x "$dir/etcd" ]] || return 1
  grep -qx "KUBE_VERSION=$KUBE_VERSION" "$dir/VERSIONS" || return 1
  grep -qx "ETCD_VERSION=$ETCD_VERSION" "$dir/VERSIONS" || return 1
  v="$(first_line "$dir/kube-apiserver" --version)" || return 1
  [[ "$v" == "Kubernetes $KUBE_VERSION" ]] || { log "$dir/kube-apiserver --version: '$v'"; return 1; }
  v="$(first_line "$dir/etcd" --version)" || return 1
  [[ "$v" == "etcd Version: ${ETCD_VERSION#v}" ]] || { log "$dir/etcd --version: '$v'"; return 1; }
  if [[ "$KUBE_BUILD_KUBECTL" == 1 ]]; then
    [[ -x "$dir/kubectl" ]] || return 1
    v="$(first_line "$dir/kubectl" version --client)" || return 1
    [[ "$v" == "Client Version: $KUBE_VERSION" ]] || { log "$dir/kubectl version: '$v'"; return 1; }
  fi
  return 0
}

if [[ $force == 0 ]] && verify "$OUT"; then
  log "cached: $OUT"
  echo "$OUT"
  exit 0
fi

# Serialize concurrent builders (e.g. parallel CI jobs) on the same cache entry; the
# second one finds the finished cache after the first releases the lock.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$CACHE_ROOT/.$NAME.lock"
  if ! flock -n 9; then
    log "another build of $NAME is running; waiting for it"
    flock 9
  fi
  if [[ $force == 0 ]] && verify "$OUT"; then
    log "cached: $OUT"
    echo "$OUT"
    exit 0
  fi
fi

# --- Go toolchain (only needed from here on) -----------------------------------------
if [[ -z "${GO:-}" ]]; then
  GO="$(command -v go || true)"
  [[ -n "$GO" ]] || GO=/usr/local/go/bin/go
fi
[[ -x "$GO" ]] || { log "no Go toolchain found (set GO=/path/to/go or put go on PATH)"; exit 3; }

export GOOS GOARCH
export GO111MODULE=on
export GOWORK=off         # a user's go.work must not leak into the wrapper modules
export GOFLAGS=-mod=mod   # let `go build` fill in go.mod/go.sum of the wrapper modules
export CGO_ENABLED=0      # static binaries, as upstream releases them; no C compiler needed
GOVERSION="$("$GO" env GOVERSION)"

# version_ge A B: true if dotted version A >= B.
version_ge() { printf '%s\n%s\n' "$2" "$1" | sort -V -C; }

# --- Scratch space -----------------------------------------------------------------
# Binaries are built into a temp dir next to the cache entry and renamed into place at
# the end, so an interrupted build never leaves a half-filled cache directory.
STAGE="$(mktemp -d "$CACHE_ROOT/.$NAME.tmp.XXXXXX")"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/kube-binaries.XXXXXX")"
mkdir "$WORK/gotmp"
export GOTMPDIR="$WORK/gotmp"
go_pid=""
cleanup() {
  # go runs in its own process group (setsid below): stop the whole group, or its
  # compile/link children outlive it. Its work dir is under $WORK (GOTMPDIR), so no
  # go-build* directory is left behind either.
  if [[ -n "$go_pid" ]]; then
    kill -TERM -- "-$go_pid" 2>/dev/null || kill -TERM "$go_pid" 2>/dev/null || true
    wait "$go_pid" 2>/dev/null || true
  fi
  rm -rf "$STAGE" "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT   # make sure the EXIT trap also runs when interrupted
trap 'exit 143' TERM

# gocmd DIR ARGS...: run `go ARGS` in DIR with the configured parallelism, output to
# stderr. It runs as a background job plus `wait` so that a SIGTERM to this script
# takes effect at once (and stops go) instead of after a 15-minute compile.
gocmd() {
  local dir="$1"; shift
  local setsid=()
  command -v setsid >/dev/null 2>&1 && setsid=(setsid)
  GOMAXPROCS="$KUBE_BUILD_PARALLEL" "${setsid[@]}" "$GO" -C "$dir" "$@" >&2 &
  go_pid=$!
  wait "$go_pid"
  go_pid=""
}

# mod_info MODULE@VERSION FIELD: a field of the module's proxy metadata (downloads go.mod).
mod_info() { "$GO" -C "$WORK" list -m -f "$2" "$1"; }

# wrapper_gomod UPSTREAM_GOMOD MODULE_NAME: start a wrapper go.mod that copies the
# upstream `go` and `godebug` lines, so the binary gets the same GODEBUG defaults as an
# upstream build (only the main module's go/godebug lines count). `toolchain` is not
# copied: it would make Go try to download a newer toolchain.
wrapper_gomod() {
  echo "module $2"
  echo
  grep -E '^go [0-9]' "$1"
  grep -E '^godebug ' "$1" || true
  echo
}

# check_go UPSTREAM_GOMOD WHAT: fail early with a clear message if the local Go is too old.
check_go() {
  local need
  need="$(awk '$1 == "go" && NF == 2 {print $2; exit}' "$1")"
  if ! version_ge "${GOVERSION#go}" "$need"; then
    log "$2 needs Go >= $need, but $GO is $GOVERSION"
    exit 3
  fi
}

log "building $NAME with $GOVERSION (parallelism $KUBE_BUILD_PARALLEL) into $OUT"
total_start=$SECONDS

# --- kube-apiserver (and kubectl) ---------------------------------------------------
# `go install k8s.io/kubernetes/cmd/kube-apiserver@vX` cannot work: k8s.io/kubernetes
# requires its staging modules at v0.0.0 and replaces them with ./staging/src/... paths.
# A wrapper module requires k8s.io/kubernetes and points every staging module at its
# published v0.Y.Z instead; the replace list is generated from upstream's own go.mod.
step_start=$SECONDS
KUBE_GOMOD="$(mod_info "k8s.io/kubernetes@$KUBE_VERSION" '{{.GoMod}}')"
KUBE_TIME="$(mod_info "k8s.io/kubernetes@$KUBE_VERSION" '{{.Time.UTC.Format "2006-01-02T15:04:05Z"}}')"
check_go "$KUBE_GOMOD" "Kubernetes $KUBE_VERSION"
mkdir "$WORK/kube"
{
  wrapper_gomod "$KUBE_GOMOD" backstack-panel.local/kube-binaries/kube
  echo "require k8s.io/kubernetes $KUBE_VERSION"
  echo
  echo "replace ("
  # Lines like "k8s.io/api => ./staging/src/k8s.io/api" (inside a replace block or
  # after a single-line "replace").
  sed -nE 's#^[[:space:]]*(replace[[:space:]]+)?([^[:space:]]+)[[:space:]]+=>[[:space:]]+\./staging/.*$#\2#p' "$KUBE_GOMOD" \
    | while read -r m; do printf '\t%s => %s %s\n' "$m" "$m" "$STAGING_VERSION"; done
  echo ")"
} >"$WORK/kube/go.mod"
grep -q "=> k8s.io/api $STAGING_VERSION" "$WORK/kube/go.mod" \
  || die "could not derive the staging replace list from $KUBE_GOMOD"

# Version stamping, as hack/lib/version.sh does for release builds (both packages).
# Without it /version reports v0.0.0-master and version checks reject the server.
# buildDate is the release's publication time from the module proxy, which keeps the
# link flags (and so the Go build cache key) stable. gitCommit is unknown from a module
# zip and is left at its default.
kube_ldflags="-s -w"
for pkg in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
  kube_ldflags+=" -X $pkg.gitVersion=$KUBE_VERSION"
  kube_ldflags+=" -X $pkg.gitMajor=1 -X $pkg.gitMinor=$KUBE_MINOR"
  kube_ldflags+=" -X $pkg.gitTreeState=clean -X $pkg.buildDate=$KUBE_TIME"
done

log "kube-apiserver $KUBE_VERSION: building (staging modules at $STAGING_VERSION)"
gocmd "$WORK/kube" build -p "$KUBE_BUILD_PARALLEL" -trimpath -ldflags "$kube_ldflags" \
  -o "$STAGE/kube-apiserver" k8s.io/kubernetes/cmd/kube-apiserver
v="$(first_line "$STAGE/kube-apiserver" --version)" || true
[[ "$v" == "Kubernetes $KUBE_VERSION" ]] || die "kube-apiserver --version printed '$v'"
log "kube-apiserver: ok ($v) in $((SECONDS - step_start))s"

if [[ "$KUBE_BUILD_KUBECTL" == 1 ]]; then
  step_start=$SECONDS
  log "kubectl $KUBE_VERSION: building"
  gocmd "$WORK/kube" build -p "$KUBE_BUILD_PARALLEL" -trimpath -ldflags "$kube_ldflags" \
    -o "$STAGE/kubectl" k8s.io/kubernetes/cmd/kubectl
  v="$(first_line "$STAGE/kubectl" version --client)" || true
  [[ "$v" == "Client Version: $KUBE_VERSION" ]] || die "kubectl version --client printed '$v'"
  log "kubectl: ok ($v) in $((SECONDS - step_start))s"
fi

# --- etcd ----------------------------------------------------------------------------
# A separate wrapper module: Kubernetes pins the etcd client libraries (api/v3,
# client/v3) at its own etcd version, which must not drag etcd server's dependencies.
# The server module's root package is `main`; its version string is compiled in.
step_start=$SECONDS
ETCD_GOMOD="$(mod_info "go.etcd.io/etcd/server/v3@$ETCD_VERSION" '{{.GoMod}}')"
check_go "$ETCD_GOMOD" "etcd $ETCD_VERSION"
mkdir "$WORK/etcd"
{
  wrapper_gomod "$ETCD_GOMOD" backstack-panel.local/kube-binaries/etcd
  echo "require go.etcd.io/etcd/server/v3 $ETCD_VERSION"
} >"$WORK/etcd/go.mod"

log "etcd $ETCD_VERSION: building"
gocmd "$WORK/etcd" build -p "$KUBE_BUILD_PARALLEL" -trimpath -ldflags "-s -w" \
  -o "$STAGE/etcd" go.etcd.io/etcd/server/v3
v="$(first_line "$STAGE/etcd" --version)" || true
[[ "$v" == "etcd Version: ${ETCD_VERSION#v}" ]] || die "etcd --version printed '$v'"
log "etcd: ok ($v) in $((SECONDS - step_start))s"

# --- Publish -------------------------------------------------------------------------
cat >"$STAGE/VERSIONS" <<EOF
KUBE_VERSION=$KUBE_VERSION
ETCD_VERSION=$ETCD_VERSION
KUBECTL=$([[ "$KUBE_BUILD_KUBECTL" == 1 ]] && echo yes || echo no)
GO_VERSION=$GOVERSION
PLATFORM=$GOOS/$GOARCH
BUILT_AT=$(date -u +%Y-%m-%dT%H:%M:%SZ)
EOF
cp "$WORK/kube/go.mod" "$STAGE/kube.go.mod"   # the wrapper modules, for the record
cp "$WORK/etcd/go.mod" "$STAGE/etcd.go.mod"
chmod 755 "$STAGE"
verify "$STAGE" || die "verification of the freshly built binaries failed"

# Replace an invalid old entry (if any), then rename the finished stage into place.
if [[ -e "$OUT" ]]; then
  old="$(mktemp -d "$CACHE_ROOT/.$NAME.old.XXXXXX")"
  mv -T "$OUT" "$old/entry"
  rm -rf "$old"
fi
mv -T "$STAGE" "$OUT"

log "done in $((SECONDS - total_start))s: $OUT"
echo "$OUT"

#!/usr/bin/env bash
# Runs every test. On a fresh machine (as root) it first installs and starts what the tests need:
# the Docker engine, the sandbox image, bubblewrap, chromium, NVRTC. Idempotent. Ends with one line: N passed, N failed.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log() { printf 'test.sh: %s\n' "$*" >&2; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ "$(id -u)" -eq 0 ] && ! command -v bwrap >/dev/null 2>&1; then
  log "installing bubblewrap (for the local sandbox)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq bubblewrap) >/dev/null 2>&1 || log "bubblewrap could not be installed"
fi

# The HTML report's browser tests open it in headless Chromium (about 1.5 minutes and 0.9 GB the first time).
if [ "$(id -u)" -eq 0 ] && [ -z "${DGM_BROWSER:-}" ] && ! command -v chromium >/dev/null 2>&1 && ! command -v chromium-browser >/dev/null 2>&1; then
  log "installing chromium (for the HTML report's browser tests)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 || log "chromium could not be installed"
fi

# The CUDA binding's compiler tests and the cuda suite's static check compile kernels with NVRTC (no GPU needed).
scripts/lib/ensure-nvrtc.sh || log "no NVRTC: the NVRTC tests will say why they cannot run"

if scripts/lib/ensure-docker.sh; then
  scripts/build-sandbox-image.sh || { log "building the sandbox image failed"; echo "0 passed, 1 failed"; exit 1; }
else
  log "no Docker engine: the Docker integration tests will say why they are skipped"
fi

if ! dotnet build Dgm.sln -c Debug -nologo -clp:ErrorsOnly; then
  log "build failed"
  echo "0 passed, 1 failed"
  exit 1
fi

out=$(mktemp)
dotnet test --solution Dgm.sln --no-build "$@" 2>&1 | tee "$out"
status=${PIPESTATUS[0]}

# Microsoft.Testing.Platform prints a summary per run; add them up for the one closing line.
sum() { grep -E "^\s+$1: [0-9]+" "$out" | awk '{s+=$2} END {print s+0}'; }
passed=$(sum succeeded)
failed=$(sum failed)
skipped=$(sum skipped)
rm -f "$out"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1 # the run failed without a failing test (a crash, a timeout): never report it green
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]

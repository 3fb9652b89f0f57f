#!/usr/bin/env bash
# What the offline agent does on every task of a suite, as one line per task: task, stop reason, and the
# SHA-256 of its patch (empty patch: "-"). Two runs of the same agent give the same lines (up to a candidate
# that times out one run and not the other); a refactoring of the genome that must not change the seed's
# scores is checked by comparing the lines before and after (diff the two files).
#   ./scripts/seed-fingerprint.sh [AGENT_BUILD_DIR] [SUITE_DIR] > seed.tsv
# AGENT_BUILD_DIR defaults to agent/bin/Debug/net10.0 (build Dgm.sln first); runs two tasks at a time.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
agent=${1:-$root/agent/bin/Debug/net10.0}
suite=${2:-$root/benchmarks/suites/dgm-bugs}
[ -f "$agent/Dgm.Agent.dll" ] || { echo "seed-fingerprint: no Dgm.Agent.dll in $agent (build Dgm.sln first)" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NuGetAudit=false
export NUGET_PACKAGES=${NUGET_PACKAGES:-$HOME/.dgm/packages}
one() {
  local task=$1 work
  work=$(mktemp -d)
  cp -r "$suite/$task/repo" "$work/repo"
  (cd "$work/repo" && timeout 900 dotnet "$agent/Dgm.Agent.dll" solve --repo . --problem "$suite/$task/problem.md" \
    --out "$work/out.patch" --log "$work/t.json" >/dev/null 2>&1)
  local stop patch
  stop=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("stop_reason",""))' "$work/t.json" 2>/dev/null || echo "no-trajectory")
  if [ -s "$work/out.patch" ]; then patch=$(sha256sum < "$work/out.patch" | cut -c1-16); else patch=-; fi
  printf '%s\t%s\t%s\n' "$task" "$stop" "$patch"
  rm -rf "$work"
}
export -f one
export agent suite
ls "$suite" | while read -r t; do [ -f "$suite/$t/task.json" ] && echo "$t"; done | xargs -P 2 -I{} bash -c 'one {}' | sort

#!/usr/bin/env bash
# The full kill test: SIGKILL a small real evolution run at random moments (seeded), resume it after each
# kill, and check that nothing is lost (see tests/Dgm.Tests/Evolution/KillTests.cs); CI runs it with 5 kills.
# The figures go into docs/reliability.md between the kill markers.
#   ./scripts/kill-test.sh [--kills N] [--seed S]        defaults: 20 kills, seed 11 (about 20 minutes here)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
kills=20
seed=11
while [ $# -gt 0 ]; do
  case "$1" in
    --kills) kills=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    *) echo "kill-test.sh: unknown argument $1 (use --kills N, --seed S)" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
scripts/lib/ensure-docker.sh >/dev/null
scripts/build-sandbox-image.sh >/dev/null
dotnet build Dgm.sln -nologo -clp:ErrorsOnly -v q >/dev/null

log=$(mktemp)
echo "kill-test.sh: $kills kills, seed $seed" >&2
status=0
DGM_KILL_TEST_KILLS=$kills DGM_KILL_TEST_SEED=$seed DGM_KILL_TEST_LOG=$log \
  dotnet test --project tests/Dgm.Tests --no-build -- --filter "FullyQualifiedName~KillTests" >&2 || status=$?

result=$([ "$status" -eq 0 ] && echo "passed" || echo "FAILED")
{
  echo "<!-- kill:begin -->"
  echo "\`./scripts/kill-test.sh --kills $kills --seed $seed\` on $(date -u +%Y-%m-%d) ($(nproc) cores), commit $(git rev-parse --short HEAD): **$result**."
  echo "A run of 1 child an iteration (stage 1: 1 task, holdout: 1 task, offline agent, Docker), 3 iterations to begin with and"
  echo "5 more whenever it finishes before the kills are done, killed with SIGKILL at a random moment (1-75 s) of"
  echo "each process and resumed; after every kill and at the end the test checks: the"
  echo "archive opens, no valid node lost or changed, every valid node finished and committed, every node's commit"
  echo "is its lineage branch and every branch a node, and at the end one finished child per iteration, nothing in"
  echo "flight, no container left, summary.json counting every process."
  echo
  echo '```'
  cat "$log" 2>/dev/null || echo "(no log: the test stopped before writing it)"
  echo '```'
  echo "<!-- kill:end -->"
} > "$log.md"
python3 - "$log.md" <<'PY'
import re, sys
block = open(sys.argv[1]).read()
doc = open("docs/reliability.md").read()
doc = re.sub(r"<!-- kill:begin -->.*?<!-- kill:end -->\n?", block, doc, flags=re.S)
open("docs/reliability.md", "w").write(doc)
PY
rm -f "$log" "$log.md"
echo "kill-test.sh: $result; figures in docs/reliability.md" >&2
exit "$status"

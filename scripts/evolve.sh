#!/usr/bin/env bash
# The main job: a short offline evolution run on dgm-bugs, then the family tree and the seed-to-best
# improvement. Makes sure Docker and the sandbox image are there (as root it installs them); without
# Docker it falls back to the local sandbox and says so. Extra arguments go to `dgm evolve`, e.g.
#   ./scripts/evolve.sh --iterations 10 --children 2
#   OPENAI_API_KEY=... ./scripts/evolve.sh --model openai:gpt-4o-mini --endpoint https://api.openai.com/v1
# Environment: DGM_RUN (the run folder; default runs/<date-time>).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
log() { printf 'evolve.sh: %s\n' "$*" >&2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

sandbox=docker
if scripts/lib/ensure-docker.sh && scripts/build-sandbox-image.sh; then
  :
else
  sandbox=local
  log "no Docker engine here: falling back to the local sandbox, which isolates less (a temporary folder, bubblewrap when installed)"
fi

log "building"
dotnet build Dgm.sln -c Debug -nologo -clp:ErrorsOnly >/dev/null
dgm() { dotnet cli/bin/Debug/net10.0/dgm.dll "$@"; }

run=${DGM_RUN:-runs/$(date +%Y-%m-%d-%H%M%S)}
# A few iterations, two children each; small stages and a holdout sample keep it near ten minutes on
# two cores (each task: the agent in one sandbox, grading in another). Later arguments override these.
dgm evolve --run "$run" --sandbox "$sandbox" --iterations 3 --children 2 --stage1 3 --stage2 3 \
  --stage2-threshold 0.3 --holdout-tasks 4 --seed 1 "$@"

echo
dgm tree --run "$run"
echo
python3 - "$run/summary.json" <<'PY' 2>/dev/null || cat "$run/summary.json"
import json, sys
s = json.load(open(sys.argv[1]))
pct = lambda v: "-" if v is None else f"{v:.0%}"
print(f"seed → best (node {s['best_id']}): train {pct(s['seed_train'])} → {pct(s['best_train'])}, "
      f"holdout {pct(s['seed_holdout'])} → {pct(s['best_holdout'])}")
PY
echo "inspect: dgm show best --run $run | dgm diff best --run $run | dgm report --run $run"

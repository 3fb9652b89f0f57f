#!/usr/bin/env bash
# The paper's ablations, offline: the same budget and seeds for each method (a parent selection, or
# "frozen": dgm selection with the improver frozen at the seed's, the paper's fixed meta agent), then a
# table of every run and each method's mean and spread of the best node's holdout score, written into
# docs/experiments.md.
#   ./scripts/ablation.sh [--iterations N] [--seeds "1 2 3"] [--methods "dgm greedy latest hgm frozen"]
#                         [--stage1 N] [--stage2 N] [--threshold F] [-- extra dgm evolve args]
#   ./scripts/ablation.sh --report runs/ablation-DATE   # only the tables again, from an ablation's runs
# The defaults (4 iterations, stage 1 of 10 train tasks and no stage 2, seeds 1 2 3, every method) took
# 1 h 47 min on a 2-core machine (docs/experiments.md). Per seed, the seed agent is evaluated once and every
# method's run starts from that evaluation (`dgm evolve --from`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
iterations=4
stage1=10
stage2=0
threshold=0.3
seeds="1 2 3"
methods="dgm greedy latest hgm frozen"
report=""
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --iterations) iterations=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --methods) methods=$2; shift 2 ;;
    --stage1) stage1=$2; shift 2 ;;
    --stage2) stage2=$2; shift 2 ;;
    --threshold) threshold=$2; shift 2 ;;
    --report) report=$(realpath -m "$2"); shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "ablation.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if [ -n "$report" ]; then
  folder=$report # only the tables, from an ablation folder's runs
  [ -d "$folder" ] || { echo "ablation.sh: $folder is not a folder (pass runs/ablation-DATE)" >&2; exit 2; }
else
scripts/lib/ensure-docker.sh
scripts/build-sandbox-image.sh
dotnet build Dgm.sln -c Debug -nologo -clp:ErrorsOnly >/dev/null
dgm() { dotnet cli/bin/Debug/net10.0/dgm.dll "$@"; }

stamp=$(date +%Y-%m-%d-%H%M%S)
folder=runs/ablation-$stamp
mkdir -p "$folder"
echo "Measured $(date +%Y-%m-%d) on $(nproc) cores: ${iterations} iterations × 2 children, offline (\`--model heuristic\`), stages $stage1 + $stage2 train tasks (threshold $threshold), holdout: all, commit $(git rev-parse --short HEAD)." >"$folder/header.txt"
# Per seed, the seed agent is evaluated once (a run of 0 iterations: its stages and the whole holdout split);
# each method's run starts from that run's archive (`dgm evolve --from`), so every method sees the same seed
# evaluation, and its figures (wall time included) are the base's plus its own, as one run from scratch.
for seed in $seeds; do
  base="$folder/seed$seed-base"
  echo "== the seed agent, seed $seed → $base" >&2
  dgm evolve --run "$base" --seed "$seed" --iterations 0 --children 2 \
    --stage1 "$stage1" --stage2 "$stage2" --stage2-threshold "$threshold" "${extra[@]}" >"$base.log" 2>&1 || { echo "ablation.sh: the seed's run for seed $seed failed, see $base.log" >&2; continue; }
  for method in $methods; do
    run="$folder/$method-seed$seed"
    echo "== $method, seed $seed → $run" >&2
    if [ "$method" = frozen ]; then how=(--selection dgm --improver frozen); else how=(--selection "$method"); fi
    dgm evolve --run "$run" --from "$base" "${how[@]}" --iterations "$iterations" "${extra[@]}" >"$run.log" 2>&1 || { echo "ablation.sh: $method seed $seed failed, see $run.log" >&2; continue; }
  done
done
fi

table=$(python3 scripts/lib/ablation-table.py "$folder")
file=docs/experiments.md
[ -f "$file" ] || printf '# Experiments\n\n<!-- ablation:begin -->\n<!-- ablation:end -->\n' >"$file"
python3 - "$file" "$table" <<'PY'
import re, sys
path, table = sys.argv[1], sys.argv[2]
text = open(path).read()
block = "<!-- ablation:begin -->\n" + table + "\n<!-- ablation:end -->"
text = re.sub(r"<!-- ablation:begin -->.*?<!-- ablation:end -->", lambda _: block, text, flags=re.S) if "<!-- ablation:begin -->" in text else text + "\n" + block + "\n"
open(path, "w").write(text)
PY
echo "$table"
echo "written to $file"

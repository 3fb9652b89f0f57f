#!/usr/bin/env bash
# The paper's ablations, offline: the same budget and seeds for each method (a parent selection, or
# "frozen": dgm selection with the improver frozen at the seed's, the paper's fixed meta agent), then a
# table of every run and each method's mean and spread of the best node's holdout score, written into
# docs/experiments.md.
#   ./scripts/ablation.sh [--iterations N] [--seeds "1 2 3"] [--methods "dgm greedy latest hgm frozen"]
#                         [--stage1 N] [--stage2 N] [--threshold F] [-- extra dgm evolve args]
# The defaults fit one session on a 2-core machine (about half an hour per method and seed). Per seed, the
# seed agent is evaluated once and every method's run starts from that evaluation (`dgm evolve --from`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
iterations=4
stage1=3
stage2=3
threshold=0.3
seeds="1"
methods="dgm greedy latest hgm frozen"
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --iterations) iterations=$2; shift 2 ;;
    --seeds) seeds=$2; shift 2 ;;
    --methods) methods=$2; shift 2 ;;
    --stage1) stage1=$2; shift 2 ;;
    --stage2) stage2=$2; shift 2 ;;
    --threshold) threshold=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "ablation.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
scripts/lib/ensure-docker.sh
scripts/build-sandbox-image.sh
dotnet build Dgm.sln -c Debug -nologo -clp:ErrorsOnly >/dev/null
dgm() { dotnet cli/bin/Debug/net10.0/dgm.dll "$@"; }

stamp=$(date +%Y-%m-%d-%H%M%S)
rows=()
mkdir -p "runs/ablation-$stamp"
# Per seed, the seed agent is evaluated once (a run of 0 iterations: its stages and the whole holdout split);
# each method's run starts from that run's archive (`dgm evolve --from`), so every method sees the same seed
# evaluation, and its figures (wall time included) are the base's plus its own, as one run from scratch.
for seed in $seeds; do
  base="runs/ablation-$stamp/seed$seed-base"
  echo "== the seed agent, seed $seed → $base" >&2
  dgm evolve --run "$base" --seed "$seed" --iterations 0 --children 2 \
    --stage1 "$stage1" --stage2 "$stage2" --stage2-threshold "$threshold" "${extra[@]}" >"$base.log" 2>&1 || { echo "ablation.sh: the seed's run for seed $seed failed, see $base.log" >&2; continue; }
  for method in $methods; do
    run="runs/ablation-$stamp/$method-seed$seed"
    echo "== $method, seed $seed → $run" >&2
    if [ "$method" = frozen ]; then how=(--selection dgm --improver frozen); else how=(--selection "$method"); fi
    dgm evolve --run "$run" --from "$base" "${how[@]}" --iterations "$iterations" "${extra[@]}" >"$run.log" 2>&1 || { echo "ablation.sh: $method seed $seed failed, see $run.log" >&2; continue; }
    rows+=("$(python3 - "$method" "$seed" "$run/summary.json" <<'PY'
import json, sys
m, seed, path = sys.argv[1:]
s = json.load(open(path))
pct = lambda v: "-" if v is None else f"{v:.0%}"
print(f"| {m} | {seed} | {s['nodes']} | {s['valid']} | node {s['best_id']} | {pct(s['seed_train'])} → {pct(s['best_train'])} | {pct(s['seed_holdout'])} → {pct(s['best_holdout'])} | {s['wall_seconds']/60:.0f} min |")
PY
)")
    echo "$method $(python3 -c 'import json,sys; v=json.load(open(sys.argv[1])).get("best_holdout"); print("" if v is None else v)' "$run/summary.json")" >>"runs/ablation-$stamp/holdout.txt"
  done
done

table="Measured $(date +%Y-%m-%d) on $(nproc) cores: ${iterations} iterations × 2 children, offline (\`--model heuristic\`), stages $stage1 + $stage2 train tasks (threshold $threshold), holdout: all, commit $(git rev-parse --short HEAD).

| method | seed | nodes | valid | best | train: seed → best | holdout: seed → best | wall |
|---|---|---|---|---|---|---|---|
$(printf '%s\n' "${rows[@]}")

$(python3 - "runs/ablation-$stamp/holdout.txt" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    parts = line.split()
    if len(parts) == 2:
        runs.setdefault(parts[0], []).append(float(parts[1]))
print("| method | runs | best holdout: mean | spread (min–max) | sd |")
print("|---|---|---|---|---|")
for m, v in runs.items():
    sd = statistics.stdev(v) if len(v) > 1 else 0
    print(f"| {m} | {len(v)} | {statistics.mean(v):.1%} | {min(v):.0%}–{max(v):.0%} | {sd:.1%} |")
PY
)"
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

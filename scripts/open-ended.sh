#!/usr/bin/env bash
# How open the offline improvement space is: one lineage of N generations of `Dgm.Agent improve --model
# heuristic`, each child committed and improved again on the same evaluation logs, with no evaluation in
# between. Prints one line per generation (stop reason, what it changed) and a closing line: how many
# generations found a non-empty edit that builds (the improver's own build check), how many distinct
# edits, and whether the last child builds. The figures go into docs/experiments.md.
#   ./scripts/open-ended.sh EVALS_DIR [GENERATIONS]     (EVALS_DIR: a node's evals folder of a real run)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
evals=$(cd "${1:?usage: open-ended.sh EVALS_DIR [GENERATIONS]}" && pwd)
generations=${2:-50}
dll=$root/agent/bin/Debug/net10.0/Dgm.Agent.dll
[ -f "$dll" ] || { echo "open-ended: build Dgm.sln first" >&2; exit 2; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$root/agent" "$work/self"
cp -r "$root/runtime" "$work/runtime" # the agent's project references ../runtime
rm -rf "$work/runtime/bin" "$work/runtime/obj"
rm -rf "$work/self/bin" "$work/self/obj"
git -C "$work/self" init -q && git -C "$work/self" add -A && git -C "$work/self" -c user.name=dgm -c user.email=dgm@localhost commit -qm seed
improved=0
for g in $(seq 1 "$generations"); do
  parent=$(cd "$work/self" && find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' | sort | xargs cat | sha256sum)
  dotnet "$dll" improve --self "$work/self" --evals "$evals" --out "$work/out.patch" --log "$work/t.json" --model heuristic --seed "$g" >/dev/null 2>&1 || true
  line=$(python3 -c 'import json,sys; t=json.load(open(sys.argv[1])); print(t.get("stop_reason",""), "|", (t.get("diagnosis") or {}).get("implementation_suggestion","").split(". Files:")[0])' "$work/t.json")
  child=$(cd "$work/self" && find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' | sort | xargs cat | sha256sum)
  if [ -s "$work/out.patch" ] && [ "$child" != "$parent" ]; then improved=$((improved + 1)); fi
  echo "$g | $line" | tee -a "$work/edits"
  git -C "$work/self" add -A && git -C "$work/self" -c user.name=dgm -c user.email=dgm@localhost commit -qm "generation $g" --allow-empty
done
distinct=$(cut -d'|' -f3 "$work/edits" | sort -u | wc -l)
if (cd "$work/self" && dotnet build -nodeReuse:false -p:UseSharedCompilation=false >/dev/null 2>&1); then built=yes; else built=no; fi
lines=$(cd "$work/self" && find . -name '*.cs' -not -path './bin/*' -not -path './obj/*' | xargs cat | wc -l)
echo "open-ended: $improved of $generations generations made a non-empty edit that builds; $distinct distinct edits; the last child builds: $built; its source: $lines lines of C#"

#!/usr/bin/env bash
# Synthesizes the dgm-synth suite: `dgm bench synth` over the gold version of every dgm-bugs repository (its
# repo/ with the gold patch applied and its hidden tests overlaid, so every test passes), a few tasks each.
# Resumable: a repository already done is skipped (its log in ~/.dgm/synth-progress/SUITE/NAME.log, outside the suite).
# Figures go to docs/benchmarks.md.
#   ./scripts/synth-suite.sh [OUT]      PER=4 CANDIDATES=20 SEED=1 WORKERS=2
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-benchmarks/suites/dgm-synth}")
per=${PER:-4}
candidates=${CANDIDATES:-20}
seed=${SEED:-1}
workers=${WORKERS:-2}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
./scripts/lib/ensure-docker.sh >/dev/null
dotnet build Dgm.sln -v q -nologo >/dev/null
dgm=(dotnet cli/bin/Debug/net10.0/dgm.dll)
progress=${PROGRESS:-$HOME/.dgm/synth-progress/$(basename "$out")}
mkdir -p "$progress" "$out"
start=$(date +%s)
for task in benchmarks/suites/dgm-bugs/*/; do
  name=$(basename "$task")
  [ -f "$progress/$name" ] && continue
  gold=$(mktemp -d)
  cp -r "$task/repo/." "$gold/"
  fix=$(realpath "$task/gold.patch")
  (cd "$gold" && git apply --whitespace=nowarn "$fix")
  cp -r "$task/hidden/." "$gold/"
  echo "== $name"
  if "${dgm[@]}" bench synth --repo "$gold" --out "$out" --prefix "$name" --max "$per" --candidates "$candidates" \
      --seed "$seed" --workers "$workers" > "$progress/$name.log" 2>&1; then
    grep 'tasks written' "$progress/$name.log" || true
  else
    echo "   no tasks: $(tail -2 "$progress/$name.log" | head -1)"
  fi
  touch "$progress/$name"
  rm -rf "$gold"
done
echo "$(find "$out" -mindepth 1 -maxdepth 1 -type d | wc -l) tasks in $out after $(( $(date +%s) - start )) s"

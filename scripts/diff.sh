#!/usr/bin/env bash
# The diff of a node of the latest run (or DGM_RUN) against its parent: ./scripts/diff.sh [ID|best] [--against seed|ID]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f cli/bin/Debug/net10.0/dgm.dll ] || dotnet build cli -nologo -clp:ErrorsOnly >/dev/null
id=${1:-best}
shift || true
exec dotnet cli/bin/Debug/net10.0/dgm.dll diff "$id" ${DGM_RUN:+--run "$DGM_RUN"} "$@"

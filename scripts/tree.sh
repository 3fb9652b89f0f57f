#!/usr/bin/env bash
# The family tree of the latest run (or DGM_RUN); arguments go to `dgm tree` (e.g. --format dot).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[ -f cli/bin/Debug/net10.0/dgm.dll ] || dotnet build cli -nologo -clp:ErrorsOnly >/dev/null
exec dotnet cli/bin/Debug/net10.0/dgm.dll tree ${DGM_RUN:+--run "$DGM_RUN"} "$@"

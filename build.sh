#!/usr/bin/env bash
# The one entry point: ./build.sh run | test | migrate | reset | bench | build  (see README.md).
set -euo pipefail
cd "$(dirname "$0")"
target="${1:-run}"
shift || true
dotnet tool restore >/dev/null
exec dotnet cake build.cake --target="$target" "$@"

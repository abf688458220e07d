#!/usr/bin/env bash
# Serves the app on http://127.0.0.1:8080/ with live reload, after installing whatever
# build tool is missing (see scripts/lib/tools.sh). Extra arguments go to `trunk serve`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
cd "$PROJECT_ROOT"

ensure_build_tools
log "serving on http://127.0.0.1:8080/ (Ctrl-C stops it; edits under src/ and style/ reload the page)"
exec trunk serve --offline "$@"

#!/usr/bin/env bash
# Builds the release site into dist/ (relative links: host it under any path), after installing
# whatever build tool is missing (see scripts/lib/tools.sh). Prints the wasm size.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
cd "$PROJECT_ROOT"

ensure_build_tools
build_release_site

#!/usr/bin/env bash
# Profiles edits on a large plan (not part of the tests): builds the app keeping function names,
# serves it, and runs tests/e2e/profile-edit.mjs. Usage: scripts/profile-edit.sh [field-id] [section]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
cd "$PROJECT_ROOT"

field="${1:-field-taxonomy-25-name}"
section="${2:-Taxonomy}"
ensure_test_tools
build_release_site
site="target/profile-site"
rm -rf "$site" && mkdir -p "$site"
cp -r dist/. "$site/"
# The release wasm before wasm-opt, with its name section: profiles show Rust function names.
cargo build --release --target wasm32-unknown-unknown --bin support-ops-designer
stem="$(basename "$site"/support-ops-designer-*_bg.wasm _bg.wasm)"
rm -f "$site/$stem"*
wasm-bindgen --target web --keep-debug --no-typescript --out-dir "$site" --out-name "$stem" \
  "${CARGO_TARGET_DIR:-target}"/wasm32-unknown-unknown/release/support-ops-designer.wasm
# The page would refuse the rebuilt files under Trunk's integrity hashes; no service worker either.
sed -i 's/ integrity="[^"]*"//g' "$site/index.html"
rm -f "$site/sw.js"
mkdir -p bench-results
cargo run --quiet --release --bin support-ops -- generate 500 > bench-results/large-plan.json

url_file="$(mktemp)"
node tests/e2e/serve-dist.mjs --root "$site" --base /profile/ --port 0 --url-file "$url_file" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$url_file" ] && break; sleep 0.1; done
(cd tests/e2e && node profile-edit.mjs "$(head -n 1 "$url_file")" ../../bench-results/large-plan.json \
  "$field" "$section" ../../bench-results/edit.cpuprofile)

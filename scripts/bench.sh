#!/usr/bin/env bash
# The benchmark (not part of the tests): wasm/JS/CSS transfer sizes, load and edit latency in
# headless Chromium, native validate/render timings by plan size, and simulation speed.
# Prints a table and writes bench-results/results.json. Installs what is missing first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
cd "$PROJECT_ROOT"

ensure_test_tools
build_release_site
mkdir -p bench-results

log "yardstick: a small Leptos app (TodoMVC) built like ours, for scale"
# Kept as a site too: its first-usable time is measured interleaved with the app's loads.
rm -rf bench-results/yardstick-site
YARDSTICK_OUT="$PWD/bench-results/yardstick-site" bash bench/yardstick.sh > bench-results/yardstick.json
cat > bench-results/yardstick-site/index.html <<'HTML'
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TodoMVC yardstick</title>
<link rel="modulepreload" href="./leptos-todomvc-yardstick.js">
<link rel="preload" href="./leptos-todomvc-yardstick_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module">import init from './leptos-todomvc-yardstick.js'; init();</script>
</head><body></body></html>
HTML

log "native: validate and render by plan size (cargo bench, divan)"
cargo bench --no-default-features --features schema --bench core 2>&1 | tee bench-results/native.txt

# The benchmark anchors (PyPI), installed if missing; a row is skipped in words if one cannot be.
ensure_bench_anchors() {
  local package
  for package in duckdb pyworkforce; do
    python3 -c "import $package" 2>/dev/null && continue
    log "installing $package from PyPI (a benchmark anchor)"
    python3 -m pip install --quiet "$package" >&2 || log "could not install $package: its row is skipped"
  done
}
ensure_bench_anchors

log "the month-simulation plan: the 500-category plan at 100,000 tickets a month, native and browser alike"
cargo run --quiet --release --bin support-ops -- generate 500 > bench-results/large-plan.json
python3 - bench-results/large-plan.json bench-results/simulation-plan.json <<'PY'
import json, sys
plan = json.load(open(sys.argv[1]))
plan["header"]["monthly_volume"] = 100_000
plan["header"]["team_size"] = 10 + 100_000 // 150
json.dump(plan, open(sys.argv[2], "w"))
PY

log "native: month simulation speed (the same plan the browser simulates)"
SIMULATION_PLAN="$PWD/bench-results/simulation-plan.json" \
  cargo test --release --no-default-features --lib -- --ignored simulation_speed --nocapture 2>&1 \
  | tee bench-results/simulation.txt

log "browser: sizes, load time, edit latency (headless Chromium, loopback)"
url_file="$(mktemp)"
node tests/e2e/serve-dist.mjs --root dist --base /bench/ --port 0 --url-file "$url_file" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
yardstick_url_file="$(mktemp)"
node tests/e2e/serve-dist.mjs --root bench-results/yardstick-site --base /yardstick/ --port 0 \
  --url-file "$yardstick_url_file" &
yardstick_server=$!
trap 'kill $server $yardstick_server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$url_file" ] && [ -s "$yardstick_url_file" ] && break; sleep 0.1; done
(cd tests/e2e && \
  node bench.mjs "$(head -n 1 "$url_file")" ../../dist \
  ../../bench-results/large-plan.json "$(head -n 1 "$yardstick_url_file")" \
  ../../bench-results/simulation-plan.json) > bench-results/browser.json

log "native: ticket history of 1,000,000 tickets (support-ops history) beside DuckDB"
if [ ! -s bench-results/tickets-1m.csv ]; then
  python3 scripts/gen-tickets.py 1000000 bench-results/tickets-1m.csv
fi
cargo build --quiet --release --no-default-features --features schema --bin support-ops
cargo run --quiet --release --no-default-features --features schema --bin support-ops -- \
  template b2b-saas > bench-results/history-plan.json
{
  /usr/bin/time -f "support-ops history: %e s wall, %U s user, %M KB peak" \
    cargo run --quiet --release --no-default-features --features schema --bin support-ops -- \
    history bench-results/tickets-1m.csv \
    --plan bench-results/history-plan.json > bench-results/history.txt
  if python3 -c "import duckdb" 2>/dev/null; then
    python3 scripts/duckdb-history.py bench-results/tickets-1m.csv
  else
    echo "duckdb: not installed (pip install duckdb) - skipped"
  fi
} 2>&1 | tee bench-results/history-timing.txt

log "browser: the same 1,000,000 tickets read by the app, and by PapaParse in a browser worker"
if [ ! -s bench-results/papaparse/node_modules/papaparse/papaparse.min.js ]; then
  npm install --silent --no-audit --no-fund --prefix bench-results/papaparse papaparse@5 >&2 \
    || log "could not install papaparse: its row is skipped"
fi
rm -rf bench-results/papaparse-site && mkdir -p bench-results/papaparse-site
if [ -s bench-results/papaparse/node_modules/papaparse/papaparse.min.js ]; then
  cp bench-results/papaparse/node_modules/papaparse/papaparse.min.js bench-results/papaparse-site/
fi
cat > bench-results/papaparse-site/index.html <<'HTML'
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>PapaParse</title>
<script src="./papaparse.min.js"></script></head>
<body><input type="file" id="file" aria-label="CSV"></body></html>
HTML
papa_url_file="$(mktemp)"
node tests/e2e/serve-dist.mjs --root bench-results/papaparse-site --base /papaparse/ --port 0 \
  --url-file "$papa_url_file" &
papa_server=$!
trap 'kill $server $yardstick_server $papa_server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do [ -s "$papa_url_file" ] && break; sleep 0.1; done
(cd tests/e2e && node bench-history.mjs "$(head -n 1 "$url_file")" ../../bench-results/history-plan.json \
  ../../bench-results/tickets-1m.csv "$(head -n 1 "$papa_url_file")") > bench-results/browser-history.json \
  || log "the browser history benchmark failed: its rows are skipped"

log "native: the shift search on three sizes, and pyworkforce on the same hourly need"
{
  "${CARGO_TARGET_DIR:-target}/release/support-ops" shifts --bench
  if python3 -c "import pyworkforce" 2>/dev/null; then
    python3 scripts/compare-pyworkforce.py "${CARGO_TARGET_DIR:-target}/release/support-ops"
  else
    echo "pyworkforce: not installed (pip install pyworkforce) - skipped"
  fi
} 2>&1 | tee bench-results/shifts.txt

python3 bench/report.py bench-results

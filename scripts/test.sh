#!/usr/bin/env bash
# Runs every check and test of the project, after installing whatever is missing (Rust wasm
# target, Trunk, wasm-bindgen-cli, wasm-opt, Chromium and its driver, the e2e npm packages).
# Ends with a table of steps and their times, and exits non-zero if any step failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/tools.sh"
cd "$PROJECT_ROOT"

# Headless Chromium flags shared by the component tests and the end-to-end suite.
WEBDRIVER_JSON="$PROJECT_ROOT/scripts/webdriver.json"
# The sub-path the release build is served under for the end-to-end tests.
E2E_SUB_PATH="/support/ops/designer/"

STEP_NAMES=()
STEP_RESULTS=()
STEP_SECONDS=()

# Runs one named step, streaming its output, and records pass/fail and its time.
step() {
  local name="$1" started status
  shift
  printf '\n======== %s ========\n' "$name"
  started=$(date +%s)
  "$@"
  status=$?
  STEP_NAMES+=("$name")
  STEP_SECONDS+=($(($(date +%s) - started)))
  if [ "$status" = 0 ]; then STEP_RESULTS+=(pass); else STEP_RESULTS+=(FAIL); fi
  return "$status"
}

summary() {
  local passed=0 failed=0 i
  printf '\n%-44s %-6s %8s\n' "step" "result" "seconds"
  printf '%-44s %-6s %8s\n' "----" "------" "-------"
  for i in "${!STEP_NAMES[@]}"; do
    printf '%-44s %-6s %8s\n' "${STEP_NAMES[$i]}" "${STEP_RESULTS[$i]}" "${STEP_SECONDS[$i]}"
    if [ "${STEP_RESULTS[$i]}" = pass ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  done
  printf '%-44s %-6s %8s\n' "total" "" "$(($(date +%s) - SUITE_STARTED))"
  printf '\n%s passed, %s failed\n' "$passed" "$failed"
  [ "$failed" = 0 ]
}

install_tools() { (ensure_test_tools); }

wasm_component_tests() {
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    CHROMEDRIVER="$(command -v chromedriver)" \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$WEBDRIVER_JSON" \
    WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}" \
    cargo test --target wasm32-unknown-unknown --test web
}

SERVER_PID=""
stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
    SERVER_PID=""
  fi
}
trap stop_server EXIT

e2e_tests() {
  local url_file server status
  url_file="$(mktemp)"
  node tests/e2e/serve-dist.mjs --root dist --base "$E2E_SUB_PATH" --port 0 --url-file "$url_file" &
  server=$!
  SERVER_PID=$server
  for _ in $(seq 1 100); do
    [ -s "$url_file" ] && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  if [ ! -s "$url_file" ]; then
    echo "the static server for dist/ did not start" >&2
    stop_server
    rm -f "$url_file"
    return 1
  fi
  (cd tests/e2e && E2E_BASE_URL="$(head -n 1 "$url_file")" npx --no-install playwright test)
  status=$?
  stop_server
  rm -f "$url_file"
  return "$status"
}

SUITE_STARTED=$(date +%s)

if step "install tools (skips what is present)" install_tools; then
  step "cargo fmt --check" cargo fmt --check
  step "clippy (all features)" cargo clippy --all-targets -- -D warnings
  step "clippy (--no-default-features)" cargo clippy --all-targets --no-default-features -- -D warnings
  step "native tests (all features)" cargo test
  step "native tests (--no-default-features)" cargo test --no-default-features
  step "wasm component tests (headless Chromium)" wasm_component_tests
  if step "release build (trunk build --release)" build_release_site; then
    step "end-to-end tests (Playwright, sub-path)" e2e_tests
  fi
fi

summary

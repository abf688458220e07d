# Shared by scripts/serve.sh and scripts/test.sh (sourced, not run): installs the build and
# test tools the project needs, each only when it is missing or at the wrong version.
#
# Only the package registries are used (crates.io, npm, Debian): nothing is downloaded from
# anywhere else, and Trunk itself is always run offline so it never fetches tools on its own.

TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS_DIR="$PROJECT_ROOT/.tools"
BINARYEN_DIR="$TOOLS_DIR/binaryen"

# Tools installed by `cargo install` and the project-local wasm-opt come first on PATH, so a
# distribution's older binaryen (Debian's 108 produces a broken wasm) is never picked up.
export PATH="$BINARYEN_DIR/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
# @playwright/test downloads no browser itself; this keeps any helper package from trying.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# Prints the first line of `TOOL --version`, or nothing when the tool is missing or broken.
tool_version() {
  command -v "$1" >/dev/null 2>&1 || return 0
  "$1" --version 2>/dev/null | head -n 1 || true
}

# The wasm-bindgen version the app is built against, read from Cargo.lock.
wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' \
    "$PROJECT_ROOT/Cargo.lock"
}

# Another `cargo install CRATE` (say from a second terminal) holds cargo's locks and would make
# ours fail or race: wait for it to finish (at most 30 minutes) before looking again.
wait_for_other_cargo_install() {
  local crate="$1" waited=0
  while ps -eo args= 2>/dev/null | grep -E "^[^ ]*cargo install .*\b$crate\b" | grep -vq grep; do
    if [ "$waited" = 0 ]; then log "another 'cargo install $crate' is running; waiting for it"; fi
    sleep 10
    waited=$((waited + 10))
    [ "$waited" -lt 1800 ] || die "gave up waiting for another 'cargo install $crate' to finish"
  done
}

ensure_wasm_target() {
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "wasm32-unknown-unknown target: present, skipped"
    return
  fi
  command -v rustup >/dev/null 2>&1 \
    || die "the wasm32-unknown-unknown Rust target is missing and rustup is not available to add it"
  log "adding the wasm32-unknown-unknown Rust target"
  rustup target add wasm32-unknown-unknown
}

ensure_trunk() {
  local want="trunk $TRUNK_VERSION"
  if [ "$(tool_version trunk)" != "$want" ]; then wait_for_other_cargo_install trunk; fi
  if [ "$(tool_version trunk)" = "$want" ]; then
    log "$want: present, skipped"
    return
  fi
  log "installing $want (cargo install, takes about 10 minutes once)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
  [ "$(tool_version trunk)" = "$want" ] || die "trunk on PATH is not $TRUNK_VERSION after install"
}

ensure_wasm_bindgen() {
  local version want trunk_pin
  version="$(wasm_bindgen_version)"
  [ -n "$version" ] || die "could not read the wasm-bindgen version from Cargo.lock"
  trunk_pin="$(sed -n 's/^wasm_bindgen *= *"\(.*\)".*/\1/p' "$PROJECT_ROOT/Trunk.toml")"
  if [ -n "$trunk_pin" ] && [ "$trunk_pin" != "$version" ]; then
    die "Trunk.toml pins wasm_bindgen = \"$trunk_pin\" but Cargo.lock has wasm-bindgen $version: make them equal"
  fi
  want="wasm-bindgen $version"
  if [ "$(tool_version wasm-bindgen)" != "$want" ] \
    || [ "$(tool_version wasm-bindgen-test-runner)" != "wasm-bindgen-test-runner $version" ]; then
    wait_for_other_cargo_install wasm-bindgen-cli
  fi
  if [ "$(tool_version wasm-bindgen)" = "$want" ] \
    && [ "$(tool_version wasm-bindgen-test-runner)" = "wasm-bindgen-test-runner $version" ]; then
    log "wasm-bindgen-cli $version: present, skipped"
    return
  fi
  log "installing wasm-bindgen-cli $version (must equal Cargo.lock's wasm-bindgen)"
  cargo install wasm-bindgen-cli --version "$version"
  [ "$(tool_version wasm-bindgen)" = "$want" ] || die "wasm-bindgen on PATH is not $version after install"
}

ensure_wasm_opt() {
  local bin="$BINARYEN_DIR/node_modules/.bin/wasm-opt"
  if [ -x "$bin" ] && "$bin" --version 2>/dev/null | grep -q "version $BINARYEN_VERSION\b"; then
    log "wasm-opt (binaryen $BINARYEN_VERSION, .tools/): present, skipped"
    return
  fi
  command -v npm >/dev/null 2>&1 || die "npm is needed to install wasm-opt (binaryen $BINARYEN_VERSION)"
  log "installing wasm-opt from npm binaryen@$BINARYEN_VERSION into .tools/"
  mkdir -p "$BINARYEN_DIR"
  npm install --prefix "$BINARYEN_DIR" --no-audit --no-fund --no-save "binaryen@$BINARYEN_VERSION"
  "$bin" --version | grep -q "version $BINARYEN_VERSION\b" || die "wasm-opt in .tools/ is not binaryen $BINARYEN_VERSION"
}

# Crates for every target, so the offline builds that follow find them all.
fetch_crates() {
  log "cargo fetch"
  (cd "$PROJECT_ROOT" && cargo fetch)
}

# Everything `trunk serve` and `trunk build` need.
ensure_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_wasm_opt
  fetch_crates
}

# Debian's Chromium and its WebDriver, for the component and end-to-end tests.
ensure_chromium() {
  if [ -x /usr/bin/chromium ] && command -v chromedriver >/dev/null 2>&1; then
    log "chromium and chromedriver: present, skipped"
    return
  fi
  command -v apt-get >/dev/null 2>&1 || die "chromium and chromedriver are missing and apt-get is not available"
  log "installing chromium and chromium-driver (apt-get)"
  as_root apt-get update
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
}

# The end-to-end suite's npm packages, exactly as its lockfile says; redone only when it changes.
ensure_e2e_packages() {
  local dir="$PROJECT_ROOT/tests/e2e" stamp sum
  stamp="$dir/node_modules/.installed-lock.sha256"
  sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sum" ]; then
    log "end-to-end npm packages: present, skipped"
    return
  fi
  log "installing the end-to-end npm packages (npm ci)"
  (cd "$dir" && npm ci --no-audit --no-fund)
  printf '%s\n' "$sum" >"$stamp"
}

ensure_test_tools() {
  ensure_build_tools
  ensure_chromium
  ensure_e2e_packages
}

# `trunk build --release` into dist/, then the size of the wasm, raw and gzipped (budget: 250 KB).
build_release_site() {
  (cd "$PROJECT_ROOT" && trunk build --release --offline) || return
  local wasm
  for wasm in "$PROJECT_ROOT"/dist/*.wasm; do
    printf 'wasm: %s, %s bytes, %s bytes gzipped\n' \
      "dist/$(basename "$wasm")" "$(wc -c <"$wasm")" "$(gzip -9 -c "$wasm" | wc -c)"
  done
}

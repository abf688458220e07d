#!/usr/bin/env bash
# Wasm size of a small Leptos app (bench/yardstick, a TodoMVC) built exactly like ours: cargo
# release, wasm-bindgen --target web, wasm-opt -Oz. Prints {"raw","gzip","brotli"} bytes; logs to stderr.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
project="$here/yardstick"
# The same tools the app's build uses: project-local binaryen 132 and cargo-installed wasm-bindgen.
export PATH="$here/../.tools/binaryen/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
wasm_opt="${WASM_OPT:-wasm-opt}"
# The flags index.html gives Trunk's wasm-opt: the wasm features rustc emits by default.
wasm_opt_features=(--enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int
  --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue)

# YARDSTICK_OUT keeps the built app (wasm and JS glue) in that folder; by default it is thrown away.
if [ -n "${YARDSTICK_OUT:-}" ]; then
  out="$YARDSTICK_OUT"
  mkdir -p "$out"
else
  out="$(mktemp -d)"
  trap 'rm -rf "$out"' EXIT
fi

{
  echo "yardstick: $(wasm-bindgen --version), $("$wasm_opt" --version)"
  cd "$project"
  cargo fetch --locked
  cargo build --release --target wasm32-unknown-unknown --locked --offline
  # Honours CARGO_TARGET_DIR, as cargo does.
  built="${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/leptos-todomvc-yardstick.wasm"
  wasm-bindgen --target web --no-typescript --out-dir "$out" \
    "$built"
  "$wasm_opt" -Oz "${wasm_opt_features[@]}" -o "$out/leptos-todomvc-yardstick_bg.wasm" \
    "$out/leptos-todomvc-yardstick_bg.wasm"
} 1>&2

wasm="$out/leptos-todomvc-yardstick_bg.wasm"
raw=$(wc -c < "$wasm")
gzip=$(gzip -9 -c "$wasm" | wc -c)
if command -v brotli > /dev/null; then
  brotli=$(brotli -q 11 -c "$wasm" | wc -c)
else
  brotli=$(node -e '
    const zlib = require("zlib");
    const data = require("fs").readFileSync(process.argv[1]);
    const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.length };
    console.log(zlib.brotliCompressSync(data, { params }).length);' "$wasm")
fi
echo "{\"raw\": $raw, \"gzip\": $gzip, \"brotli\": $brotli}"

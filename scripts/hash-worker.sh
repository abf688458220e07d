#!/bin/sh
# Trunk post_build hook (Trunk.toml): names the worker's files by their content, as Trunk names the
# page's. Trunk leaves a worker's files unhashed (support-ops-worker.js, _bg.wasm, _loader.js), so a
# new build would reuse the old names: the service worker, which keeps a hashed file forever, would
# then serve an old worker with a new page. This renames the three files to
# support-ops-worker-HASH.js, support-ops-worker-HASH_bg.wasm and support-ops-worker-loader-HASH.js,
# points the loader at the new names, and writes them into index.html's boot tag (data-worker*),
# where the page finds the worker and the service worker finds the files it must cache.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk as a post_build hook}"
name=support-ops-worker
[ -f "$dir/${name}_bg.wasm" ] || { echo "hash-worker: no $name wasm in $dir" >&2; exit 1; }

if command -v sha256sum >/dev/null 2>&1; then
  hash=$(cat "$dir/$name.js" "$dir/${name}_bg.wasm" | sha256sum | cut -c1-16)
else
  hash=$(cat "$dir/$name.js" "$dir/${name}_bg.wasm" | shasum -a 256 | cut -c1-16)
fi
js="$name-$hash.js"
wasm="$name-${hash}_bg.wasm"
loader="$name-loader-$hash.js"

mv "$dir/$name.js" "$dir/$js"
mv "$dir/${name}_bg.wasm" "$dir/$wasm"
sed -e "s|\./$name\.js|./$js|" -e "s|\./${name}_bg\.wasm|./$wasm|" "$dir/${name}_loader.js" >"$dir/$loader"
rm "$dir/${name}_loader.js"
grep -q "$js" "$dir/$loader" && grep -q "$wasm" "$dir/$loader" \
  || { echo "hash-worker: Trunk's loader shim names other files than expected" >&2; exit 1; }

# The boot tag carries placeholders (Trunk.toml, pattern_script); each is replaced once.
sed -i.bak -e "s|data-worker=\"\([^\"]*\)${name}_loader\.js\"|data-worker=\"\1$loader\"|" \
  -e "s|data-worker-js=\"\([^\"]*\)$name\.js\"|data-worker-js=\"\1$js\"|" \
  -e "s|data-worker-wasm=\"\([^\"]*\)${name}_bg\.wasm\"|data-worker-wasm=\"\1$wasm\"|" \
  "$dir/index.html"
rm "$dir/index.html.bak"
grep -q "data-worker=\"[^\"]*$loader\"" "$dir/index.html" \
  || { echo "hash-worker: index.html has no data-worker placeholder" >&2; exit 1; }

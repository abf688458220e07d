// Service worker of the Support Ops Plan Designer: keeps the app shell (index.html and the hashed
// .js/.wasm/.css of the build) in the browser's cache so a share link opens with no network.
//
// Plans never reach a server (a share link carries the plan after the #, which browsers do not
// send), so there is no user data here to cache or bust: only the static files of the build.
// Works under any sub-path: everything is resolved against this worker's own scope.
'use strict';

const CACHE_PREFIX = 'support-ops-shell-';
const CACHE = CACHE_PREFIX + 'v1';
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL('./', SCOPE).href;

// The files index.html links to: Trunk's hashed script, wasm, styles, icons and preloads.
function shellFiles(html) {
  const files = new Set([INDEX]);
  const attribute = /\b(?:href|src)\s*=\s*["']([^"'#?]+)["']/gi;
  for (const match of html.matchAll(attribute)) {
    const url = new URL(match[1], INDEX);
    if (url.origin === SCOPE.origin && url.href.startsWith(SCOPE.href)
        && /\.(?:js|wasm|css|svg|png|ico|json|webmanifest)$/i.test(url.pathname)) {
      files.add(url.href);
    }
  }
  // The wasm is fetched by the generated JS rather than linked; it sits beside it with the same name.
  for (const file of [...files]) {
    if (/\.js$/.test(file) && !/\/sw\.js$/.test(file)) files.add(file.replace(/\.js$/, '_bg.wasm'));
  }
  return files;
}

// Caches index.html (fetched now, or the page response given) and everything it links to. Files of
// the build before are kept too, since a page opened from the old index may still be loading them;
// anything older is dropped, so the cache holds at most two builds.
async function cacheShell(pageResponse) {
  const cache = await caches.open(CACHE);
  const response = pageResponse || await fetch(INDEX, { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  const files = shellFiles(html);
  const previous = await cache.match(INDEX);
  const keep = new Set(files);
  if (previous) for (const file of shellFiles(await previous.text())) keep.add(file);
  await Promise.all([...files].filter((f) => f !== INDEX).map(async (file) => {
    if (await cache.match(file)) return;
    try {
      const asset = await fetch(file);
      if (asset.ok) await cache.put(file, asset);
    } catch (_) {
      // A missing optional file (no _bg.wasm beside a helper script) is not a failure.
    }
  }));
  await cache.put(INDEX, response);
  for (const request of await cache.keys()) {
    if (!keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(CACHE_PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// Stale-while-revalidate for the shell: answer from the cache at once when we can, refresh it from
// the network behind the scenes. Pages in scope (any link to the app) answer with index.html.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  const isPage = request.mode === 'navigate';
  const key = isPage ? INDEX : url.origin + url.pathname;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(key);
    const refresh = (async () => {
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') {
        if (isPage) await cacheShell(response.clone());
        else await cache.put(key, response.clone());
      }
      return response;
    })();
    if (cached) {
      event.waitUntil(refresh.catch(() => undefined));
      return cached;
    }
    return refresh;
  })());
});

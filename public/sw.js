// Service worker of the Support Ops Plan Designer: keeps the app shell (index.html and the hashed
// .js/.wasm/.css of the build) in the browser's cache so the app and any share link open with no
// network.
//
// Plans never reach a server (a share link carries the plan after the #, which browsers do not
// send), so there is no user data here to cache or bust: only the static files of the build.
// Works under any sub-path: everything is resolved against this worker's own scope.
//
// Updates (README, "Updates"): opening the app while online asks the host for index.html first, so
// a new build takes effect on the next load. A build is only ever served whole: index.html is
// cached, and served, only once every file it names is cached too. While a new build is still being
// uploaded (its index.html is there, its wasm not yet), the last complete build is served instead,
// so a half-updated host or cache never breaks the start-up.
'use strict';

const CACHE_PREFIX = 'support-ops-shell-';
const CACHE = CACHE_PREFIX + 'v2';
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL('./', SCOPE).href;
// How long a page load waits for the host before opening the cached build (a slow connection).
const NETWORK_WAIT_MS = 4000;

// Trunk puts a content hash in the names of the build's files: such a file never changes.
const HASHED = /-[0-9a-f]{12,}(?:_bg)?\.[a-z]+$/i;

// The files index.html links to: Trunk's hashed script, wasm, styles, icons, preloads and boot.js,
// and the plan check's worker (its loader, script and wasm).
function shellFiles(html) {
  const files = new Set([INDEX]);
  // data-*: the boot tag names the worker's loader, script and wasm (scripts/hash-worker.sh).
  const attribute = /\b(?:href|src|data-[a-z-]+)\s*=\s*["']([^"'#?]+)["']/gi;
  for (const match of html.matchAll(attribute)) {
    const url = new URL(match[1], INDEX);
    if (url.origin === SCOPE.origin && url.href.startsWith(SCOPE.href)
        && /\.(?:js|wasm|css|svg|png|ico|json|webmanifest)$/i.test(url.pathname)) {
      files.add(url.href);
    }
  }
  return files;
}

async function fetchWithin(request, ms) {
  return await Promise.race([
    fetch(request),
    new Promise((_, fail) => setTimeout(() => fail(new Error('timed out')), ms)),
  ]);
}

// Caches index.html (fetched now, or the page response given) with every file it names. Returns
// false, leaving the cache as it was, when any of them cannot be had: then the cached index.html
// still names files that are all cached. Files of the build before are kept, since a page opened
// from the old index may still be loading them; anything older is dropped.
async function cacheShell(pageResponse) {
  const cache = await caches.open(CACHE);
  const response = pageResponse || await fetch(INDEX, { cache: 'no-cache' });
  if (!response.ok) return false;
  const html = await response.clone().text();
  const files = shellFiles(html);
  const fetched = new Map();
  const complete = (await Promise.all([...files].filter((f) => f !== INDEX).map(async (file) => {
    if (HASHED.test(file) && await cache.match(file)) return true;
    try {
      const asset = await fetch(file, { cache: 'no-cache' });
      if (!asset.ok) return false;
      // Read at once: a response left unread holds its connection, and the rest would wait.
      const body = await asset.arrayBuffer();
      fetched.set(file, new Response(body, { status: asset.status, headers: asset.headers }));
      return true;
    } catch (_) {
      return false;
    }
  }))).every(Boolean);
  if (!complete) return false;
  const previous = await cache.match(INDEX);
  const keep = new Set(files);
  if (previous) for (const file of shellFiles(await previous.text())) keep.add(file);
  for (const [file, asset] of fetched) await cache.put(file, asset);
  await cache.put(INDEX, response);
  for (const request of await cache.keys()) {
    if (!keep.has(request.url)) await cache.delete(request);
  }
  return true;
}

// A page load: the host's index.html when it and all its files can be had, else the cached build.
async function page() {
  const cache = await caches.open(CACHE);
  let network = null;
  try {
    network = await fetchWithin(new Request(INDEX, { cache: 'no-cache' }), NETWORK_WAIT_MS);
  } catch (_) {
    // Offline or slow: the cached build below.
  }
  if (network && network.ok && network.type === 'basic') {
    if (await cacheShell(network.clone()).catch(() => false)) return network;
  }
  const cached = await cache.match(INDEX);
  return cached || network || Response.error();
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

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  // The page's own check for a new version asks the host itself.
  if (request.cache === 'no-store') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  const isPage = request.mode === 'navigate' && !/\.(?!html?$)[a-z0-9]+$/i.test(url.pathname);
  if (isPage) {
    event.respondWith(page());
    return;
  }
  const key = url.origin + url.pathname;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(key);
    // A hashed file is the same forever: from the cache when there. Others (boot.js, icons) are
    // answered from the cache and refreshed behind the scenes.
    if (cached && HASHED.test(key)) return cached;
    const refresh = (async () => {
      const response = await fetch(request);
      if (response.ok && response.type === 'basic') await cache.put(key, response.clone());
      return response;
    })();
    if (cached) {
      event.waitUntil(refresh.catch(() => undefined));
      return cached;
    }
    return refresh;
  })());
});

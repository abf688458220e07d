// Starts the Support Ops Plan Designer from a file rather than an inline script, so the page runs
// under a strict Content Security Policy (script-src 'self' 'wasm-unsafe-eval'; see README, Hosting).
//
// Also: registers the service worker that keeps the app working offline; offers "a new version is
// available — reload" when the host has a newer build than the one running; and, when the app
// cannot start (a file of the build is missing, as while a new version is being uploaded), says so
// in words with a Reload button instead of leaving a blank page.
//
// Trunk writes the tag that loads this file (Trunk.toml, pattern_script) with the hashed names of
// this build's script and wasm in data-js and data-wasm.

const tag = document.querySelector('script[data-wasm]');
const running = tag ? new URL(tag.dataset.js, document.baseURI).pathname : '';

/** A notice at the top of the page, written as text (never HTML), with one button. */
function notice(id, message, button, onClick) {
  if (document.getElementById(id)) return;
  const box = document.createElement('div');
  box.id = id;
  box.className = 'app-notice';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.textContent = message;
  const action = document.createElement('button');
  action.type = 'button';
  action.textContent = button;
  action.addEventListener('click', onClick);
  box.append(text, action);
  document.body.prepend(box);
}

async function start() {
  try {
    const { default: init } = await import(new URL(tag.dataset.js, document.baseURI).href);
    await init({ module_or_path: new URL(tag.dataset.wasm, document.baseURI).href });
    return true;
  } catch (error) {
    console.warn('The app could not start:', error);
    notice(
      'start-failed',
      'The app could not start: part of it did not load. This happens while a new version is ' +
        'being published, or when the connection drops. Your drafts are safe in this browser. ' +
        'Reload in a moment.',
      'Reload',
      () => location.reload(),
    );
    return false;
  }
}

/** The script the host's current index.html starts, or '' when it cannot be asked. */
async function publishedScript() {
  try {
    // no-store: past the browser's cache and the service worker, to the host itself.
    const response = await fetch(new URL('./', document.baseURI), { cache: 'no-store' });
    if (!response.ok) return '';
    const html = await response.text();
    const found = html.match(/<script[^>]*\bdata-js="([^"]+)"/);
    return found ? new URL(found[1], response.url).pathname : '';
  } catch {
    return '';
  }
}

let lastCheck = 0;

/** Offers a reload when the host publishes a build other than the one running. */
async function checkForUpdate() {
  if (!running || Date.now() - lastCheck < 5_000) return;
  lastCheck = Date.now();
  const published = await publishedScript();
  if (!published || published === running) return;
  notice(
    'new-version',
    'A new version of the Support Ops Plan Designer is available. Your work is saved as you go: ' +
      'reload to use the new version.',
    'Reload',
    () => location.reload(),
  );
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {});
}

if (tag && (await start())) {
  registerServiceWorker();
  // Checked when the tab comes back into view, and every 30 minutes while it stays open.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') checkForUpdate();
  });
  setInterval(checkForUpdate, 30 * 60 * 1000);
}

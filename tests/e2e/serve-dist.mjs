// A tiny static file server (Node only, no packages) that serves a built dist/ under a
// sub-path, the way a static host would, so the end-to-end tests exercise a real deployment.
//
//   node serve-dist.mjs --root ../../dist --base /support/ops/designer/ [--port 0] [--url-file F]
//
// Anything outside the base path is a 404, so an asset the app asks for by an absolute URL
// fails loudly. With --port 0 the system picks a free loopback port; the chosen base URL is
// printed on stdout and, with --url-file, written to that file.
//
// From a test, `serveDist({ root, base, headers, reports })` also sends extra response headers
// (a Content-Security-Policy, say) and collects the body of every POST (violation reports) in
// `reports`.

import { createServer } from 'node:http';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

function options(argv) {
  const opts = { root: 'dist', base: '/', port: 0, urlFile: '' };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`missing value after ${key}`);
    if (key === '--root') opts.root = value;
    else if (key === '--base') opts.base = value;
    else if (key === '--port') opts.port = Number(value);
    else if (key === '--url-file') opts.urlFile = value;
    else throw new Error(`unknown option ${key}`);
  }
  if (!opts.base.startsWith('/')) opts.base = `/${opts.base}`;
  if (!opts.base.endsWith('/')) opts.base = `${opts.base}/`;
  opts.root = resolve(opts.root);
  return opts;
}

/** Starts the server; resolves to { server, url } once it listens on 127.0.0.1. */
export async function serveDist({ root, base, port = 0, headers = {}, reports = null }) {
  const server = createServer(async (req, res) => {
    if (req.method === 'POST') {
      let body = '';
      for await (const chunk of req) body += chunk;
      if (reports) reports.push(body);
      res.writeHead(204).end();
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path + '/' === base) {
      res.writeHead(301, { location: base }).end();
      return;
    }
    if (!path.startsWith(base)) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not under ${base}`);
      return;
    }
    let file = normalize(join(root, path.slice(base.length)));
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...headers,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', ok);
  });
  return { server, url: `http://127.0.0.1:${server.address().port}${base}` };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const opts = options(process.argv.slice(2));
  await stat(join(opts.root, 'index.html')).catch(() => {
    console.error(`no index.html in ${opts.root}: build the app first (trunk build --release)`);
    process.exit(1);
  });
  const { url } = await serveDist(opts);
  if (opts.urlFile) await writeFile(opts.urlFile, `${url}\n`);
  console.log(url);
}

/**
 * Serves the production build (dist/) on localhost with the headers the app needs.
 * Usage: node scripts/serve.mjs [--port 4173] [--dir dist]
 */
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import sirv from 'sirv';
import { SECURITY_HEADERS } from './security-headers.mjs';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export function startServer({ dir = 'dist', port = 4173, host = '127.0.0.1' } = {}) {
  const root = resolve(dir);
  if (!existsSync(resolve(root, 'index.html'))) {
    throw new Error(`${root}/index.html not found: run "npm run build" first.`);
  }
  const assets = sirv(root, {
    single: true,
    etag: true,
    // The build writes .br and .gz next to each asset; serve them to browsers that accept them.
    gzip: true,
    brotli: true,
    setHeaders(res, pathname) {
      // Hashed assets never change; everything else (index.html, sw.js, manifest) is revalidated.
      const immutable = pathname.startsWith('/assets/');
      res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const server = createServer((req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    assets(req, res, () => {
      res.statusCode = 404;
      res.end('Not found');
    });
  });
  // A port already in use rejects (a clear error the caller can clean up after) rather than
  // crashing the process with an unhandled 'error' event.
  return new Promise((resolveStarted, rejectStarted) => {
    server.once('error', rejectStarted);
    server.listen(Number(port), host, () => resolveStarted(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(option('port', process.env.PORT ?? '4173'));
  const dir = option('dir', 'dist');
  startServer({ dir, port }).then(() => {
    console.log(`Retain is served at http://localhost:${port}/ (Ctrl+C to stop)`);
  });
}

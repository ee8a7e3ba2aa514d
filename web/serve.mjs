#!/usr/bin/env node
// A static file server for the built page (dist/), with no dependencies:
// scripts/run.sh serves the playground with it and the browser tests
// (tests/browser/) load the page from it. Any other static server works as
// well; this one only makes sure .wasm is sent as application/wasm and
// binds to the loopback address.
//
//   node web/serve.mjs [--dir web/dist] [--port 8080] [--host 127.0.0.1]
//
// --port 0 picks a free port (so does a taken port). Prints "serving <dir> at http://host:port/"
// once listening (the tests read that line).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

export function serve({ dir, port = 8080, host = '127.0.0.1' }) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let rel;
    try {
      rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      res.writeHead(400).end('bad request');
      return;
    }
    let file = path.join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (rel.endsWith('/')) file = path.join(file, 'index.html');
    fs.stat(file, (err, st) => {
      if (err || !st.isFile()) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': st.size,
        'cache-control': 'no-cache',
      });
      if (req.method === 'HEAD') res.end();
      else fs.createReadStream(file).pipe(res);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolve({ server, url: `http://${host}:${actual}/` });
    });
  });
}

function arg(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = arg('dir', path.join(here, 'dist'));
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`serve.mjs: ${dir}/index.html is missing: build the page first (bash scripts/run.sh)`);
    process.exit(1);
  }
  const host = arg('host', '127.0.0.1');
  const port = Number(arg('port', 8080));
  let served;
  try {
    served = await serve({ dir, port, host });
  } catch (e) {
    if (e.code !== 'EADDRINUSE') throw e;
    console.error(`serve.mjs: port ${port} is taken, using a free one`);
    served = await serve({ dir, port: 0, host });
  }
  console.log(`serving ${dir} at ${served.url}`);
}

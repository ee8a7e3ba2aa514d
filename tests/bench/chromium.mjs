// Runs the bench program inside Chromium: serves the folder holding
// otp_bench_web.js/.wasm (the wasm build's bin/) on 127.0.0.1 with a page of
// its own, opens that page in Debian's chromium (headless, through
// playwright-core from web/node_modules, as tests/browser/runner.mjs does;
// OTP_CHROMIUM or --chromium overrides /usr/bin/chromium), starts the bench
// in a Web Worker (main's arguments in the worker's URL, see web_pre.js),
// prints the bench's stdout lines (the `BENCH name value` ones among them)
// on stdout as they arrive and its stderr on stderr, and exits with the
// bench's status. A trap, an abort or a crashed tab is printed and exits 1.
//
//   node tests/bench/chromium.mjs --dir BUILD/bin [--timeout S] [--expect NAME]... -- BENCH_ARGS...
//
// Options before `--` that are not this script's own go to the bench too.
// --expect NAME: also fail unless a `BENCH NAME ...` line came out (the
// ctest smoke test). --timeout S: give up after S seconds (default: none).
// Used by compare.sh (the chromium column) and by ctest (label browser).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PROGRAM = 'otp_bench_web.js';
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html; charset=utf-8' };

// The page: starts the worker when asked and forwards what it posts.
const PAGE = `<!doctype html><meta charset="utf-8"><title>otp bench</title><body>otp bench
<script>
window.startBench = (args) => {
  const w = new Worker('${PROGRAM}?args=' + encodeURIComponent(JSON.stringify(args)));
  w.onmessage = (e) => window.benchEvent(e.data);
  w.onerror = (e) => window.benchEvent({ kind: 'error', text: e.message || 'worker error' });
  window.benchWorker = w;
};
</script>`;

function fail(message, code = 2) {
  console.error(`chromium.mjs: ${message}`);
  process.exit(code);
}

function parseArgs(argv) {
  const o = { dir: null, timeout: 0, expect: [], chromium: process.env.OTP_CHROMIUM ?? '/usr/bin/chromium', bench: [] };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : fail(`${a} needs a value`));
    if (a === '--') { o.bench.push(...argv.slice(i + 1)); break; }
    else if (a === '--dir') o.dir = value();
    else if (a === '--timeout') o.timeout = Number(value());
    else if (a === '--expect') o.expect.push(value());
    else if (a === '--chromium') o.chromium = value();
    else if (a === '-h' || a === '--help') {
      console.log('usage: node tests/bench/chromium.mjs --dir DIR [--timeout S] [--expect NAME]... [--chromium PATH] -- BENCH_ARGS...');
      process.exit(0);
    } else o.bench.push(a);
  }
  return o;
}

// Serves DIR's files (only those) and the page at /, on a free port.
function serve(dir) {
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '');
    // Cross-origin isolation: finer performance.now() in the worker.
    const headers = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp', 'cache-control': 'no-cache' };
    if (name === '' || name === 'index.html') {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] }).end(PAGE);
      return;
    }
    const file = path.join(dir, path.basename(name));
    fs.readFile(file, (err, data) => {
      if (err) { res.writeHead(404).end('not found'); return; }
      res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(data);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const opts = parseArgs(process.argv.slice(2));
if (!opts.dir) fail('--dir DIR (the folder of otp_bench_web.js) is required');
const dir = path.resolve(opts.dir);
if (!fs.existsSync(path.join(dir, PROGRAM))) fail(`${dir}/${PROGRAM} is missing: build the target otp_bench_web (wasm build)`);
if (!fs.existsSync(opts.chromium)) fail(`${opts.chromium} is missing: install Debian's chromium (bash scripts/setup.sh)`);
let playwright;
try {
  playwright = createRequire(path.join(repo, 'web/package.json'))('playwright-core');
} catch {
  fail('playwright-core is not installed in web/node_modules (bash scripts/setup.sh web)');
}

const server = await serve(dir);
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await playwright.chromium.launch({ executablePath: opts.chromium, headless: true, args: ['--no-sandbox'] });
const seen = new Set();
let finish;
const finished = new Promise((resolve) => { finish = resolve; });
const page = await browser.newPage();
await page.exposeFunction('benchEvent', (e) => {
  if (e.kind === 'out') {
    process.stdout.write(`${e.text}\n`);
    const m = /^BENCH (\S+) /.exec(e.text);
    if (m) seen.add(m[1]);
  } else if (e.kind === 'err') {
    process.stderr.write(`${e.text}\n`);
  } else if (e.kind === 'exit') {
    finish({ code: e.code });
  } else {
    finish({ code: 1, error: `${e.kind}: ${e.text}` });
  }
});
page.on('crash', () => finish({ code: 1, error: 'the tab crashed (out of memory?)' }));
page.on('pageerror', (e) => finish({ code: 1, error: `page error: ${e.message}` }));
if (opts.timeout > 0) setTimeout(() => finish({ code: 1, error: `no exit after ${opts.timeout} s` }), opts.timeout * 1000).unref();

await page.goto(url);
const { ua, isolated } = await page.evaluate(() => ({ ua: navigator.userAgent, isolated: self.crossOriginIsolated }));
process.stderr.write(`chromium.mjs: ${ua.match(/(Headless)?Chrome\/\S+/)?.[0] ?? ua}${isolated ? ', cross-origin isolated' : ''}, ` +
  `${url}${PROGRAM} ${JSON.stringify(opts.bench)}\n`);
const started = Date.now();
await page.evaluate((args) => window.startBench(args), opts.bench);
const result = await finished;
await browser.close().catch(() => {});
server.close();

let code = result.code;
if (result.error) console.error(`chromium.mjs: the bench failed after ${((Date.now() - started) / 1000).toFixed(1)} s: ${result.error}`);
const missing = opts.expect.filter((name) => !seen.has(name));
if (code === 0 && missing.length) {
  console.error(`chromium.mjs: no BENCH line for ${missing.join(', ')}`);
  code = 1;
}
process.exit(code);

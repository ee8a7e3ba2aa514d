#!/usr/bin/env node
// Runs browser scenarios (scenarios.mjs) against the built page in Debian's
// Chromium through playwright-core (installed in web/node_modules; no
// browser download). ctest runs one scenario per test (label "browser",
// registered in tests/CMakeLists.txt); by hand:
//
//   node tests/browser/run.mjs --dist web/dist --out /tmp/shots            # all
//   node tests/browser/run.mjs --dist web/dist --out /tmp/shots "history is there after a reload"
//   node tests/browser/run.mjs --list
//
// Each scenario gets a fresh browser context (empty localStorage), a page
// at the first IEx prompt, and leaves <out>/<scenario>.png behind, passed
// or failed. Exit status: the number of failed scenarios (0: all passed).
// OTP_CHROMIUM overrides the browser (default /usr/bin/chromium).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from '../../web/serve.mjs';
import { scenarios } from './scenarios.mjs';
import { waitForPrompt, TIMEOUT_MS } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  process.argv.splice(i, 2);
  return value;
}

const list = process.argv.includes('--list');
const dist = path.resolve(option('dist', path.join(repo, 'web/dist')));
const out = path.resolve(option('out', path.join(process.cwd(), 'browser-artifacts')));
const chromiumPath = process.env.OTP_CHROMIUM ?? '/usr/bin/chromium';
const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));

if (list) {
  for (const name of Object.keys(scenarios)) console.log(name);
  process.exit(0);
}

function fail(message) {
  console.error(`run.mjs: ${message}`);
  process.exit(2);
}

const selected = names.length ? names : Object.keys(scenarios);
for (const name of selected) if (!scenarios[name]) fail(`no scenario named "${name}" (--list shows them)`);
if (!fs.existsSync(path.join(dist, 'index.html'))) fail(`${dist}/index.html is missing: build the page first`);
if (!fs.existsSync(chromiumPath)) fail(`${chromiumPath} is missing: install Debian's chromium (bash scripts/setup.sh)`);

let playwright;
try {
  playwright = createRequire(path.join(repo, 'web/package.json'))('playwright-core');
} catch {
  fail('playwright-core is not installed in web/node_modules (bash scripts/setup.sh runs npm ci there)');
}

fs.mkdirSync(out, { recursive: true });
const { server, url } = await serve({ dir: dist, port: 0 });
const browser = await playwright.chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: ['--no-sandbox'],
});

let failed = 0;
for (const name of selected) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  const started = Date.now();
  try {
    await page.goto(url);
    await waitForPrompt(page, { timeout: TIMEOUT_MS });
    await page.locator('#terminal').click();
    await scenarios[name]({ page, context, url, log: (s) => console.log(`  ${s}`) });
    if (problems.length) throw new Error(problems.join('\n'));
    console.log(`ok: ${name} (${Date.now() - started} ms)`);
  } catch (e) {
    failed += 1;
    console.log(`FAILED: ${name} (${Date.now() - started} ms)\n${e.message}`);
    if (problems.length) console.log(problems.join('\n'));
  } finally {
    const file = path.join(out, `${name.replace(/[^A-Za-z0-9]+/g, '_')}.png`);
    await page.screenshot({ path: file }).catch(() => {});
    console.log(`  screenshot: ${file}`);
    await context.close();
  }
}

await browser.close();
server.close();
console.log(`${selected.length - failed} passed, ${failed} failed`);
process.exit(failed);

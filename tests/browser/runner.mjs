// The one scenario runner behind run.mjs (the playground) and docs.mjs (the
// runnable documentation): parses the command line (--list, --dist, --out,
// scenario names), serves the built page with web/serve.mjs, launches
// Debian's Chromium through playwright-core (installed in web/node_modules;
// no browser download; OTP_CHROMIUM overrides /usr/bin/chromium), gives
// each scenario a fresh browser context, fails it on any page error or
// console error, saves <out>/<prefix><scenario>.png passed or failed, and
// exits with the number of failed scenarios.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve } from '../../web/serve.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = process.argv[i + 1];
  process.argv.splice(i, 2);
  return value;
}

// tool: the script's name for messages; scenarios: name -> async fn;
// required: a file the built page must have (relative to --dist);
// prepare(page, url): what runs before each scenario; screenshot: options
// and file prefix.
export async function runScenarios({ tool, scenarios, required, viewport, prepare, prefix = '', fullPage = false }) {
  const list = process.argv.includes('--list');
  const dist = path.resolve(option('dist', path.join(repo, 'web/dist')));
  const out = path.resolve(option('out', path.join(process.cwd(), 'browser-artifacts')));
  const chromiumPath = process.env.OTP_CHROMIUM ?? '/usr/bin/chromium';
  const names = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (list) {
    for (const name of Object.keys(scenarios)) console.log(name);
    process.exit(0);
  }
  const fail = (message) => {
    console.error(`${tool}: ${message}`);
    process.exit(2);
  };
  const selected = names.length ? names : Object.keys(scenarios);
  for (const name of selected) if (!scenarios[name]) fail(`no scenario named "${name}" (--list shows them)`);
  if (!fs.existsSync(path.join(dist, required))) fail(`${dist}/${required} is missing: build the page first`);
  if (!fs.existsSync(chromiumPath)) fail(`${chromiumPath} is missing: install Debian's chromium (bash scripts/setup.sh)`);
  let playwright;
  try {
    playwright = createRequire(path.join(repo, 'web/package.json'))('playwright-core');
  } catch {
    fail('playwright-core is not installed in web/node_modules (bash scripts/setup.sh runs npm ci there)');
  }

  fs.mkdirSync(out, { recursive: true });
  const { server, url } = await serve({ dir: dist, port: 0 });
  const browser = await playwright.chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
  let failed = 0;
  for (const name of selected) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    const started = Date.now();
    try {
      if (prepare) await prepare(page, url);
      await scenarios[name]({ page, context, url, log: (s) => console.log(`  ${s}`) });
      if (problems.length) throw new Error(problems.join('\n'));
      console.log(`ok: ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`FAILED: ${name} (${Date.now() - started} ms)\n${e.message}`);
      if (problems.length) console.log(problems.join('\n'));
    } finally {
      const file = path.join(out, `${prefix}${name.replace(/[^A-Za-z0-9]+/g, '_')}.png`);
      await page.screenshot({ path: file, fullPage }).catch(() => {});
      console.log(`  screenshot: ${file}`);
      await context.close();
    }
  }
  await browser.close();
  server.close();
  console.log(`${selected.length - failed} passed, ${failed} failed`);
  process.exit(failed);
}

// The browser scenarios of the runnable documentation (issue 8), run by
// docs.mjs (see its top comment): the tutorial pages (web/docs/, built into
// <dist>/docs/) and the snippet embedder (web/src/embed/). Each gets a fresh
// browser context and the address of the server of <dist>; it drives the
// page through the snippets' buttons and reads their state from the
// attributes the embedder sets (docs/embedding.md): data-state, data-match.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TIMEOUT_MS } from './helpers.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Booting the node in a fresh worker takes a few seconds on a busy machine.
const RUN_TIMEOUT_MS = Math.max(TIMEOUT_MS, 60000);

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Snippet n (0-based) of the page: its wrapper, as the embedder made it.
const snippet = (page, n) => page.locator('.otp-snippet').nth(n);

// Clicks Run on snippet n and waits until it has run; returns its state,
// whether it matched the page, and the text it shows.
async function run(page, n) {
  await snippet(page, n).locator('.otp-run-button').click();
  return finished(page, n);
}

// Waits until snippet n is done (or failed); returns as run() does.
async function finished(page, n) {
  const s = snippet(page, n);
  try {
    await page.waitForFunction((i) => {
      const el = document.querySelectorAll('.otp-snippet')[i];
      return el && (el.dataset.state === 'done' || el.dataset.state === 'failed');
    }, n, { polling: 10, timeout: RUN_TIMEOUT_MS });
  } catch (e) {
    const text = await s.innerText().catch(() => '(gone)');
    throw new Error(`snippet ${n + 1} did not finish within ${RUN_TIMEOUT_MS} ms\n--- it shows ---\n${text}\n---`, { cause: e });
  }
  return s.evaluate((el) => ({
    state: el.dataset.state,
    match: el.dataset.match,
    status: el.querySelector('.otp-status').textContent,
    text: el.querySelector(el.dataset.kind === 'code' ? 'pre.otp-output' : 'pre.otp-run').textContent,
  }));
}

function expectRun(result, n, ...needles) {
  const shown = `--- snippet ${n + 1} shows (${result.state}, ${result.status}) ---\n${result.text}\n---`;
  check(result.state === 'done', `snippet ${n + 1} failed: ${result.status}\n${shown}`);
  for (const needle of needles) {
    const ok = needle instanceof RegExp ? needle.test(result.text) : result.text.includes(needle);
    check(ok, `snippet ${n + 1} should show ${needle}\n${shown}`);
  }
  check(result.match === 'yes', `snippet ${n + 1} differs from its page\n${shown}`);
}

// Requests for the node's code (the .wasm, the worker) made so far.
function watchNodeRequests(page) {
  const seen = [];
  page.on('request', (r) => {
    if (/\.wasm($|\?)|worker[^/]*\.js($|\?)/.test(r.url())) seen.push(r.url());
  });
  return seen;
}

// The minimal page of docs/embedding.md: plain HTML, not built by vite,
// that includes the embedder's fixed-name script and stylesheet. It is
// served beside the build as /embed-example.html.
const STATIC_PAGE = fs.readFileSync(path.join(repo, 'docs/embed-example.html'), 'utf8');

export const scenarios = {
  // Nothing of the node is fetched until Run: first on a tutorial page,
  // then on a static page that only includes otp-embed.js / .css.
  async 'a page with snippets fetches no wasm until Run is pressed'({ page, url, log }) {
    const requests = watchNodeRequests(page);
    await page.goto(`${url}docs/genserver.html`, { waitUntil: 'load' });
    await page.waitForSelector('.otp-snippet');
    const count = await page.locator('.otp-snippet').count();
    const blocks = await page.locator('pre.otp-run').count();
    check(count === blocks && count === 4, `expected 4 snippets for the page's 4 blocks, found ${count} / ${blocks}`);
    await page.waitForTimeout(1000);  // idle time in which nothing may load
    check(requests.length === 0, `the tutorial page fetched the node before Run: ${requests.join(', ')}`);

    await page.route(`${url}embed-example.html`, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: STATIC_PAGE }));
    await page.goto(`${url}embed-example.html`, { waitUntil: 'load' });
    await page.waitForSelector('.otp-snippet');
    await page.waitForTimeout(1000);
    check(requests.length === 0, `the static page fetched the node before Run: ${requests.join(', ')}`);
    const t0 = Date.now();
    expectRun(await run(page, 0), 0, '"Hello, world!"');
    log(`first Run on the static page (node loaded and booted): ${Date.now() - t0} ms`);
    check(requests.some((r) => r.endsWith('.wasm')), `Run should have fetched the .wasm; requests: ${requests.join(', ')}`);
    expectRun(await run(page, 1), 1, '"HELLO, WORLD!"', /from #PID<[\d.]+>\ntrue/);
    // data-node="fresh": a node of its own, without Hello.
    expectRun(await run(page, 2), 2, 'module Hello is not available');
  },

  // Three blocks in order: a module, a session using it, another module.
  async 'three tutorial blocks run in order on one node'({ page, url }) {
    await page.goto(`${url}docs/genserver.html`);
    await page.waitForSelector('.otp-snippet');
    expectRun(await run(page, 0), 0, /\{:module, CounterLoop,/);
    expectRun(await run(page, 1), 1, /iex\(\d+\)> pid = CounterLoop\.start\(0\)\n#PID<[\d.]+>/,
      /receive do \{:reply, count\} -> count end\n2\n/);
    expectRun(await run(page, 2), 2, /\{:module, Stack,/);
    expectRun(await run(page, 3), 3, 'Stack got a plain message: :hello\n[:b, :a]');
    // Reset gives a fresh node: the module is gone.
    await snippet(page, 0).locator('.otp-reset-button').click();
    await page.waitForFunction(() => [...document.querySelectorAll('.otp-snippet')].every((s) => s.dataset.state === 'idle'));
    // The session now waits forever in its last line (no reply will come):
    // Stop interrupts it, as Ctrl-C does.
    const s1 = snippet(page, 1);
    await s1.locator('.otp-run-button').click();
    await page.waitForFunction(() => /receive do \{:reply, count\} -> count end\n$/.test(
      document.querySelectorAll('.otp-snippet')[1].querySelector('pre.otp-run').textContent), null,
    { polling: 10, timeout: RUN_TIMEOUT_MS });
    await s1.locator('.otp-run-button', { hasText: 'Stop' }).click();
    const after = await finished(page, 1);
    check(/module CounterLoop is not available/.test(after.text) && /\*\* \(EXIT\) interrupted/.test(after.text) &&
      after.match === 'no', `after Reset, CounterLoop should be undefined and Stop should interrupt:\n${after.text}`);
  },

  // A snippet opens the observer panel for its node, by its button or by
  // :observer.start(); the panel shows the chatroom's tree.
  async 'the observer opens from a snippet'({ page, url }) {
    await page.goto(`${url}docs/observer.html`);
    await page.waitForSelector('.otp-snippet');
    expectRun(await run(page, 0), 0, ':ok');
    const pane = snippet(page, 0).locator('.otp-observer');
    await pane.waitFor({ state: 'visible', timeout: RUN_TIMEOUT_MS });
    await page.waitForFunction(() => /chatroom/.test(document.querySelector('.otp-observer')?.textContent ?? ''),
      null, { polling: 50, timeout: RUN_TIMEOUT_MS });
    expectRun(await run(page, 1), 1, '1000');
    const other = snippet(page, 2);
    await other.locator('.otp-observer-button').click();
    await other.locator('.otp-observer').waitFor({ state: 'visible', timeout: RUN_TIMEOUT_MS });
    // Its Processes tab lists the supervisor the block above started.
    await other.locator('.otp-observer .obs-tab', { hasText: 'Processes' }).click();
    try {
      await page.waitForFunction(() => /Watched\.Supervisor/.test(document.querySelectorAll('.otp-observer')[2]?.textContent ?? ''),
        null, { polling: 50, timeout: RUN_TIMEOUT_MS });
    } catch (e) {
      const shown = await other.locator('.otp-observer').innerText().catch(() => '(gone)');
      throw new Error(`the observer of snippet 3 should list Watched.Supervisor\n--- it shows ---\n${shown}\n---`, { cause: e });
    }
    check(await other.locator('.otp-observer-button').getAttribute('aria-expanded') === 'true', 'the Observer button should be pressed');
  },
};


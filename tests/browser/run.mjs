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
import { runScenarios } from './runner.mjs';
import { scenarios } from './scenarios.mjs';
import { waitForPrompt, TIMEOUT_MS } from './helpers.mjs';

await runScenarios({
  tool: 'run.mjs',
  scenarios,
  required: 'index.html',
  viewport: { width: 1100, height: 700 },
  // Every scenario starts at the first IEx prompt, the terminal focused.
  prepare: async (page, url) => {
    await page.goto(url);
    await waitForPrompt(page, { timeout: TIMEOUT_MS });
    await page.locator('#terminal').click();
  },
});

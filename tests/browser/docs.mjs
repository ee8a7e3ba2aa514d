#!/usr/bin/env node
// Runs the browser scenarios of the runnable documentation
// (docs-scenarios.mjs: the tutorial's snippets, the observer from a snippet,
// no .wasm before Run) in Debian's Chromium through playwright-core, set up
// as tests/browser/run.mjs does (same server, same browser). ctest runs one
// scenario per test ("browser: docs: ...", tests/CMakeLists.txt); by hand:
//
//   node tests/browser/docs.mjs --dist web/dist --out /tmp/shots          # all
//   node tests/browser/docs.mjs --dist web/dist --out /tmp/shots "the observer opens from a snippet"
//   node tests/browser/docs.mjs --list
//
// Each scenario leaves <out>/docs_<name>.png (full page), passed or failed.
// Exit status: the number of failed scenarios.
import { runScenarios } from './runner.mjs';
import { scenarios } from './docs-scenarios.mjs';

// The scenarios open the pages they need themselves.
await runScenarios({
  tool: 'docs.mjs',
  scenarios,
  required: 'docs/index.html',
  viewport: { width: 1100, height: 900 },
  prefix: 'docs_',
  fullPage: true,
});

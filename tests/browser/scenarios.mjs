// The browser scenarios of issue 7: the terminal's here, the observer's
// (with the terminal) in observer-scenarios.mjs, merged. Each gets a page
// already showing the first IEx prompt and drives it like a person at the
// keyboard and the mouse; run.mjs saves a screenshot of the page after each
// one. The texts expected are real IEx 1.14's (../shared/conformance/).
import { check, escapeRegExp, evaluate, typeLine, waitFor, waitForPrompt, waitForText } from './helpers.mjs';
import { observer } from './observer-scenarios.mjs';

export const scenarios = {
  // Type an expression and read the printed result; the seed's first
  // commands work on the booted node.
  async 'an expression typed at the prompt prints its result'({ page, log }) {
    await evaluate(page, 'Enum.map([1, 2, 3], fn x -> x * 10 end)', /\n\[10, 20, 30\]\n/);
    await evaluate(page, 'Supervisor.which_children(Chatroom.Supervisor)', /ChatroomWeb\.Endpoint, #PID<[\d.]+>, :supervisor/);
    await evaluate(page, 'Application.started_applications() |> Enum.map(&elem(&1, 0))', /:chatroom/);
    const ms = await page.evaluate(() => window.__otp.timings.navigationToFirstPromptMs);
    log(`navigation to first prompt: ${Math.round(ms)} ms`);
  },

  // A linked process that crashes takes the shell's evaluator with it: IEx
  // prints the EXIT, the banner, and a fresh prompt 1 without bindings.
  async 'a linked crashing process prints the EXIT message'({ page }) {
    await evaluate(page, 'a = 41', /\n41\n/);
    await waitForPrompt(page);
    await typeLine(page, 'spawn_link(fn -> raise "boom" end)');
    await waitForText(page, /\*\* \(EXIT from #PID<[\d.]+>\) shell process exited with reason: an exception was raised:\n\s+\*\* \(RuntimeError\) boom/);
    await waitForText(page, /iex\(1\)> $/m);
    await evaluate(page, 'binding()', /binding\(\)\n\[\]\n/);
  },

  // Ctrl-C stops a running evaluation and gives the prompt back; a loop
  // in a spawned process never blocks the shell.
  async 'Ctrl-C interrupts a runaway evaluation and the prompt comes back'({ page }) {
    await evaluate(page, 'defmodule Loop do\n  def run(n), do: run(n + 1)\nend', /\{:module, Loop,/);
    await evaluate(page, 'pid = spawn(fn -> Loop.run(0) end)', /#PID<[\d.]+>\n/);
    await evaluate(page, '1 + 2', /1 \+ 2\n3\n/);

    const runaways = ['Loop.run(0)', 'Stream.repeatedly(fn -> 1 end) |> Enum.to_list'];
    for (const [i, runaway] of runaways.entries()) {
      await waitForPrompt(page);
      await typeLine(page, runaway);
      await waitFor(page, `${runaway} to be running`, () => window.__otp.promptShown() === false);
      // Typed while busy: kept, and run once the prompt is back.
      await typeLine(page, `:typed_ahead_${i}`);
      await page.keyboard.press('Control+C');
      await waitForText(page, new RegExp(`${escapeRegExp(runaway)}\\n\\*\\* \\(EXIT\\) interrupted\\n`));
      await waitForText(page, new RegExp(`> :typed_ahead_${i}\\n:typed_ahead_${i}\\n`));
    }
    await evaluate(page, 'Process.alive?(pid)', /Process\.alive\?\(pid\)\ntrue\n/);
    await evaluate(page, 'Process.exit(pid, :kill)', /Process\.exit\(pid, :kill\)\ntrue\n/);
  },

  // History is kept across reloads (localStorage).
  async 'history is there after a reload'({ page }) {
    await evaluate(page, ':remembered_across_reloads', /\n:remembered_across_reloads\n/);
    await page.reload();
    await waitForPrompt(page);
    const before = await page.evaluate(() => window.__otp.text());
    check(!before.includes(':remembered'), 'the reloaded page should start with a fresh terminal');
    await page.keyboard.press('ArrowUp');
    await waitForText(page, /iex\(1\)> :remembered_across_reloads$/m);
    await page.keyboard.press('Enter');
    await waitForText(page, /\n:remembered_across_reloads\n/);
  },

  // Line editing: cursor keys, word jumps and deletion in the middle of a
  // line that wraps; Tab completes from the node.
  async 'the line editor edits across wrapped rows and completes with Tab'({ page }) {
    await waitForPrompt(page);
    const cols = await page.evaluate(() => window.__otp.term.cols);
    const long = `String.length("${'x'.repeat(cols)}")`;
    await page.keyboard.type(long);
    // Word jumps to the end of the x's (on the wrapped row), Backspace 5
    // there, a word jump back to the first row and Delete 1 there.
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Control+ArrowRight');
    for (let i = 0; i < 5; i += 1) await page.keyboard.press('Backspace');
    await page.keyboard.press('Control+ArrowLeft');
    await page.keyboard.press('Delete');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await waitForText(page, new RegExp(`\\)\\n${cols - 6}\\n`));

    await waitForPrompt(page);
    await page.keyboard.type('Supervisor.which_chi');
    await page.keyboard.press('Tab');
    await waitForText(page, /Supervisor\.which_children$/m);
    await page.keyboard.type('(Chatroom.Supervisor) |> length()');
    await page.keyboard.press('Enter');
    await waitForText(page, /\|> length\(\)\n4\n/);
  },
};

export const more = {
  // A pasted block is a series of lines: IEx reads them one per prompt,
  // with its continuation prompt inside the module.
  async 'a multi-line paste runs line by line with the continuation prompt'({ page }) {
    await waitForPrompt(page);
    await page.evaluate(() => window.__otp.term.paste(
      'defmodule Greeter do\n  def hi(name), do: "hi " <> name\nend\nGreeter.hi("ann")\n'));
    await waitForText(page, /\.\.\.\(\d+\)> end\n\{:module, Greeter,/);
    await waitForText(page, /> Greeter\.hi\("ann"\)\n"hi ann"\n/);
  },

  // The terminal follows its container: a line being edited is redrawn
  // for the new width and still evaluates to the same thing.
  async 'the terminal resizes with the window and keeps the line being edited'({ page }) {
    await waitForPrompt(page);
    await page.keyboard.type(`Enum.join(["${'a'.repeat(70)}", "${'b'.repeat(70)}"], "-") |> String.length`);
    const before = await page.evaluate(() => window.__otp.term.cols);
    await page.setViewportSize({ width: 640, height: 600 });
    await waitFor(page, 'the terminal to get narrower', (cols) => window.__otp.term.cols < cols, before);
    await page.keyboard.press('Enter');
    await waitForText(page, /String\.length\n141\n/);
  },
};

// With the page's alert up, types a line, presses the alert's Restart and
// checks the line was kept for a fresh node: Enter there runs it, and the
// new node has no bindings.
async function restartKeepingTheLine(page) {
  await page.keyboard.type('binding()');
  await page.locator('#alert-restart').click();
  await waitForText(page, /restarting the node/);
  await waitFor(page, 'the alert to go', () => document.getElementById('alert').hidden);
  await waitForPrompt(page);
  await page.locator('#terminal').click();
  await page.keyboard.press('Enter');
  await waitForText(page, /iex\(1\)> binding\(\)\n\[\]\n/);
}

export const robustness = {
  // :observer.start() in the terminal opens the observer pane.
  async ':observer.start() opens the observer pane'({ page }) {
    await evaluate(page, ':observer.start()', /:observer\.start\(\)\n:ok\n/);
    await waitFor(page, 'the observer pane to be open', () => !document.getElementById('observer-pane').hidden);
  },

  // A worker that stops answering is reported; Restart gives a fresh node
  // and keeps the line being typed, with the network cut (nothing is
  // fetched again).
  async 'a node that stops answering is reported and can be restarted offline'({ page, context }) {
    await evaluate(page, 'kept = :old_node', /\n:old_node\n/);
    await context.setOffline(true);
    await page.evaluate(() => window.__otp.hangWorker(6000));
    await waitFor(page, 'the "not answering" alert', () => !document.getElementById('alert').hidden &&
      document.getElementById('alert-text').textContent.includes('not answered'));
    await restartKeepingTheLine(page);
  },

  // A real wasm trap (the worker's test hook runs `unreachable` inside the
  // node, as a bug in the runtime would): the page says the node crashed,
  // and Restart gives a fresh node with the line being typed kept.
  async 'a trap in the node is reported and the node can be restarted'({ page }) {
    await evaluate(page, 'kept = :old_node', /\n:old_node\n/);
    await waitForPrompt(page);
    await page.evaluate(() => window.__otp.trapWorker());
    await waitFor(page, 'the "crashed" alert', () => !document.getElementById('alert').hidden &&
      /The node crashed \(RuntimeError: unreachable/.test(document.getElementById('alert-text').textContent));
    await waitForText(page, /\*\*\* the node crashed: RuntimeError: unreachable/);
    await restartKeepingTheLine(page);
  },

  // Filling the tab's memory (wasm's 2 GB) is the asking process's crash,
  // not the node's: the evaluator's error is a SystemLimitError, a spawned
  // process's is its crash report, and the node goes on with what it had.
  async 'a process that fills the memory of the tab ends alone and the node goes on'({ page }) {
    await evaluate(page, 'kept = :still_here', /\n:still_here\n/);
    const eat = 'for _ <- 1..40, do: String.duplicate("0123456789", 10_000_000)';
    await evaluate(page, eat, new RegExp(`${escapeRegExp(eat)}\n\\*\\* \\(SystemLimitError\\) a system limit has been reached\n`));
    await evaluate(page, `spawn(fn -> ${eat} end)`,
      /\[error\] Process #PID<[\d.]+> raised an exception\n\*\* \(SystemLimitError\) a system limit has been reached/);
    await evaluate(page, 'kept', /iex\(\d+\)> kept\n:still_here\n/);
    await evaluate(page, 'Supervisor.count_children(Chatroom.Supervisor).active', /\.active\n\d+\n/);
    check(await page.evaluate(() => document.getElementById('alert').hidden), 'the page shows an alert');
  },
};
Object.assign(scenarios, more, robustness, observer);

// The observer's browser scenarios (issue 7), with the terminal beside it:
// a worker crashed from the terminal comes back with a new pid in the tree,
// a kill from the observer is reported in the terminal, a supervisor past
// its restart intensity is restarted by its parent and the application
// exits when the top one gives up. The texts expected are real IEx 1.14's
// (recorded here with Debian's elixir). scenarios.mjs merges this group.
import { check, escapeRegExp, evaluate, typeLine, waitFor, waitForPrompt, waitForText } from './helpers.mjs';
import { focusTerminal, killInProcessView, killTreeRow, openProcessView, startObserver, treeRow, waitForRow } from './observer-helpers.mjs';
// The seed's "let it crash" server (../shared/conformance/t9_divide_let_it_crash).
const CALC = `defmodule Calc do
  use GenServer
  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)
  def divide(a, b), do: a / b
  def init(:ok), do: {:ok, %{ops: 0}}
  def handle_call({:divide, a, b}, _from, st), do: {:reply, divide(a, b), %{st | ops: st.ops + 1}}
end
`;

async function defineCalc(page) {
  await waitForPrompt(page);
  await page.evaluate((text) => window.__otp.term.paste(text), CALC);
  await waitForText(page, /\.\.\.\(\d+\)> end\n\{:module, Calc,/);
}

// The pid an evaluation printed (the last one of the text).
function lastPid(text) {
  const all = text.match(/#PID<\d+\.\d+\.\d+>/g);
  check(all, `no pid in:\n${text}`);
  return all[all.length - 1];
}

const TOP = 'chatroom/Chatroom.Supervisor';

export const observer = {
  // The seed's Calc, added to the chatroom's supervisor, crashes on 1 / 0:
  // the terminal shows Logger's report and the caller's exit; the observer's
  // row of Calc flashes with the new pid (the old one in its badge) and the
  // supervisor's meter counts the restart.
  async 'a worker crashed from the terminal comes back with a new pid in the observer tree'({ page }) {
    await startObserver(page);
    await defineCalc(page);
    await evaluate(page, 'Supervisor.start_child(Chatroom.Supervisor, Calc)', /Supervisor, Calc\)\n\{:ok, #PID<[\d.]+>\}\n/);
    const key = `${TOP}/Calc`;
    const before = await waitForRow(page, key, { state: 'alive' });
    await evaluate(page, 'GenServer.call(Calc, {:divide, 10, 2})', /\{:divide, 10, 2\}\)\n5\.0\n/);
    // It flashed when it appeared: clear that, so only the restart can flash it again.
    await page.evaluate((k) => document.querySelector(`.obs-node[data-key="${k}"]`).classList.remove('obs-flash'), key);
    check(!(await treeRow(page, key)).flash, 'the flash of the new row should be cleared');

    await waitForPrompt(page);
    await typeLine(page, 'GenServer.call(Calc, {:divide, 1, 0})');
    await waitForText(page, /\[error\] GenServer Calc terminating\n\*\* \(ArithmeticError\) bad argument in arithmetic expression\n/);
    await waitForText(page, /\nLast message \(from #PID<[\d.]+>\): \{:divide, 1, 0\}\nState: %\{ops: 1\}\n/);
    await waitForText(page, new RegExp(escapeRegExp('** (exit) exited in: GenServer.call(Calc, {:divide, 1, 0}, 5000)\n' +
      '    ** (EXIT) an exception was raised:\n        ** (ArithmeticError) bad argument in arithmetic expression\n')));
    const after = await waitForRow(page, key, { state: 'alive', pidNot: before.pid, flash: true, badge: `restarted, was ${before.pid}` });
    const top = await treeRow(page, TOP);
    check(top.restarts === 1 && top.meter === '1/3 in 5s', `Chatroom.Supervisor's meter should count the restart: ${JSON.stringify(top)}`);
    // The terminal sees the same new pid, and a fresh state.
    await evaluate(page, 'Process.whereis(Calc)', new RegExp(`Process\\.whereis\\(Calc\\)\\n${escapeRegExp(after.pid)}\\n`));
    await evaluate(page, ':sys.get_state(Calc)', /:sys\.get_state\(Calc\)\n%\{ops: 0\}\n/);
  },

  // The shell is linked to what it start_link-ed: an Agent killed from the
  // observer's process view takes the shell's evaluator down (IEx reports
  // it and starts a fresh shell), and CalcSup, whose parent the shell was,
  // terminates with Logger's report, as in real IEx.
  async 'a process killed from the observer takes the linked shell down and the terminal reports it'({ page }) {
    await defineCalc(page);
    await evaluate(page, '{:ok, _} = Supervisor.start_link([Calc], strategy: :one_for_one, name: CalcSup)', /name: CalcSup\)\n\{:ok, #PID<[\d.]+>\}\n/);
    const shell = lastPid(await evaluate(page, 'self()', /self\(\)\n#PID<[\d.]+>\n/));
    const counter = lastPid(await evaluate(page, '{:ok, counter} = Agent.start_link(fn -> 0 end)', /end\)\n\{:ok, #PID<[\d.]+>\}\n/));
    await startObserver(page);
    await page.locator('.obs-tab[data-tab="processes"]').click();
    await page.locator('input.obs-filter').fill(counter);
    await waitFor(page, `the Processes tab to show only ${counter}`, (p) => {
      const shown = [...document.querySelectorAll('.obs-tr')].filter((r) => !r.hidden && r.offsetParent !== null);
      return shown.length === 1 && shown[0].dataset.pid === p;
    }, counter);
    await openProcessView(page, page.locator(`.obs-tr[data-pid="${counter}"]:not([hidden])`), counter);
    await waitFor(page, `the process view to list the link to the shell ${shell}`, (p) =>
      [...document.querySelectorAll('section.obs-proc .obs-section')].some((s) =>
        s.querySelector('h4').textContent === 'Links' && s.querySelector(`.obs-pid[data-pid="${p}"]`)), shell);
    await killInProcessView(page, counter);

    await waitForText(page, new RegExp(`\\*\\* \\(EXIT from ${escapeRegExp(shell)}\\) shell process exited with reason: killed\\n`));
    await waitForText(page, new RegExp(escapeRegExp(`[error] GenServer CalcSup terminating\n** (stop) killed\n` +
      `Last message: {:EXIT, ${shell}, :killed}\n`)));
    await waitForText(page, /iex\(1\)>/);
    await focusTerminal(page);
    await evaluate(page, 'Process.whereis(CalcSup)', /Process\.whereis\(CalcSup\)\nnil\n/);
    await evaluate(page, 'binding()', /binding\(\)\n\[\]\n/);
  },

  // A supervisor added to the chatroom from the terminal allows 2 restarts
  // (in an hour, so the test does not race the clock): its child killed
  // twice from the observer fills its meter; once more and it gives up, and
  // Chatroom.Supervisor restarts it with a new pid. Then every child of
  // Chatroom.Supervisor killed at once trips its own intensity (3 in 5 s):
  // the application exits, Logger says so (and a nested supervisor's
  // report), and its tree stays drawn, greyed.
  async 'a supervisor past its restart intensity is restarted by its parent, and the application exits when the top one gives up'({ page }) {
    await startObserver(page);
    await evaluate(page, 'Supervisor.start_child(Chatroom.Supervisor, %{id: Flaky, start: {Supervisor, :start_link, ' +
      '[[{Agent, fn -> 0 end}], [strategy: :one_for_one, max_restarts: 2, max_seconds: 3600, name: Flaky]]}, type: :supervisor})',
      /type: :supervisor\}\)\n\{:ok, #PID<[\d.]+>\}\n/);
    const flaky = `${TOP}/Flaky`;
    const agent = `${flaky}/Agent`;
    const sup = await waitForRow(page, flaky, { state: 'alive', meter: '0/2 in 3600s', full: false });
    let worker = await waitForRow(page, agent, { state: 'alive' });
    for (let n = 1; n <= 2; n += 1) {
      await killTreeRow(page, agent, worker.pid);
      worker = await waitForRow(page, agent, { state: 'alive', pidNot: worker.pid });
      await waitForRow(page, flaky, { pid: sup.pid, restarts: n, meter: `${n}/2 in 3600s`, full: n === 2 });
    }
    await killTreeRow(page, agent, worker.pid);
    const sup2 = await waitForRow(page, flaky, { state: 'alive', pidNot: sup.pid, badge: `restarted, was ${sup.pid}`, meter: '0/2 in 3600s', full: false });
    const top = await treeRow(page, TOP);
    check(top.restarts === 1 && top.meter === '1/3 in 5s', `Chatroom.Supervisor's meter should count Flaky's restart: ${JSON.stringify(top)}`);
    await waitForRow(page, agent, { state: 'alive', pidNot: worker.pid });
    await page.locator('section.obs-proc .obs-close').click();
    await focusTerminal(page);
    await evaluate(page, 'Process.whereis(Flaky)', new RegExp(`Process\\.whereis\\(Flaky\\)\\n${escapeRegExp(sup2.pid)}\\n`));

    // Logger's reports may come before the result: the Endpoint's
    // Connections, a supervisor whose parent was killed, stops with it.
    const endpoint = await treeRow(page, `${TOP}/ChatroomWeb.Endpoint`);
    await evaluate(page, 'for {_, pid, _, _} <- Supervisor.which_children(Chatroom.Supervisor), do: Process.exit(pid, :kill)',
      /:kill\)\n(.*\n)*\[true, true, true, true, true\]\n/);
    await waitForText(page, new RegExp(escapeRegExp('[error] GenServer ChatroomWeb.Endpoint.Connections terminating\n' +
      `** (stop) killed\nLast message: {:EXIT, ${endpoint.pid}, :killed}\n`)));
    await waitForText(page, /\[notice\] Application chatroom exited: shutdown\n/);
    await waitFor(page, 'the chatroom tree to be greyed out and marked exited', () => {
      const app = document.querySelector('.obs-app[data-app="chatroom"]');
      return app?.classList.contains('obs-app-exited') && app.querySelector('.obs-app-vsn').textContent === 'exited' &&
        app.querySelector('.obs-node[data-key="chatroom/Chatroom.Supervisor/Flaky"]') !== null;
    });
    await evaluate(page, 'Application.started_applications() |> List.keymember?(:chatroom, 0)', /List\.keymember\?\(:chatroom, 0\)\nfalse\n/);
    await evaluate(page, 'Process.whereis(Chatroom.Supervisor)', /Process\.whereis\(Chatroom\.Supervisor\)\nnil\n/);
  },
};

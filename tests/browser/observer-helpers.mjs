// Helpers for the observer's browser scenarios (the `observer` group of
// scenarios.mjs): read a supervision-tree row of the Applications tab, wait
// for it to reach a state, and kill a process through the observer's own
// buttons. They rely only on what web/src/observer/README.md lists under
// "What the page relies on (for browser tests)". Polling only, as in
// helpers.mjs: a failure names what was expected beside the last row seen.
import { TIMEOUT_MS, evaluate, waitFor } from './helpers.mjs';

// A tree row as the page shows it: {pid, state, flash, badge (the
// "restarted, was ..." text if shown), meter (text, "" if none), restarts,
// full (the meter at its max)}, or null when there is no such row.
function readRow(key) {
  const row = document.querySelector(`.obs-node[data-key="${CSS.escape(key)}"]`);
  if (!row) return null;
  const meter = row.querySelector('.obs-meter');
  const badge = row.querySelector('.obs-badge');
  return {
    pid: row.dataset.pid,
    state: row.dataset.state,
    flash: row.classList.contains('obs-flash'),
    badge: badge && !badge.hidden ? badge.textContent : '',
    meter: meter && !meter.hidden ? meter.textContent : '',
    restarts: meter && !meter.hidden ? Number(meter.dataset.restarts) : null,
    full: Boolean(meter?.classList.contains('obs-meter-full')),
  };
}

export function treeRow(page, key) {
  return page.evaluate(readRow, key);
}

// Waits until the row `key` has every field of `expected` (see readRow;
// `pidNot`: a pid the row must no longer show). Returns the row.
export async function waitForRow(page, key, expected, { timeout = TIMEOUT_MS } = {}) {
  // A string expression, so that readRow goes along into the page.
  const test = `((r, e) => r !== null && Object.entries(e).every(([f, v]) => (f === 'pidNot' ? r.pid !== v : r[f] === v)))` +
    `((${readRow})(${JSON.stringify(key)}), ${JSON.stringify(expected)})`;
  try {
    await page.waitForFunction(test, null, { polling: 10, timeout });
  } catch (e) {
    const last = await treeRow(page, key).catch(() => '(page gone)');
    throw new Error(`expected the observer's row ${key} to have ${JSON.stringify(expected)} within ${timeout} ms\n` +
      `--- last seen ---\n${JSON.stringify(last)}\n---`, { cause: e });
  }
  return treeRow(page, key);
}

// :observer.start() at the prompt; waits for the chatroom's tree.
export async function startObserver(page) {
  await evaluate(page, ':observer.start()', /:observer\.start\(\)\n:ok\n/);
  await waitFor(page, 'the observer to draw the chatroom tree',
    () => document.querySelector('.obs-node[data-key="chatroom/Chatroom.Supervisor"]')?.dataset.pid?.startsWith('#PID<'));
}

// Opens the process view of `pid` by clicking `opener` (a locator: a pid
// button of the tree or a row of the table); waits until it shows `pid`
// alive (the Kill button enabled).
export async function openProcessView(page, opener, pid) {
  await opener.click();
  await waitFor(page, `the process view of ${pid}`, (p) => {
    const view = document.querySelector('section.obs-proc');
    return view && !view.hidden && view.querySelector('.obs-proc-title').textContent.includes(p) &&
      !view.querySelector('.obs-kill').disabled;
  }, pid);
}

// Presses Kill in the process view (showing `pid`) and waits for the
// observer's answer that the process has exited.
export async function killInProcessView(page, pid) {
  await page.locator('section.obs-proc .obs-kill').click();
  await waitFor(page, `the observer to say that ${pid} was killed`, (p) =>
    document.querySelector('.obs-action-result').textContent ===
      `Process.exit(${p}, :kill) sent: the process has exited.`, pid);
}

// Kills the process of tree row `key` (showing `pid`) from the observer.
export async function killTreeRow(page, key, pid) {
  await openProcessView(page, page.locator(`.obs-node[data-key="${key}"] button.obs-pid[data-pid="${pid}"]`), pid);
  await killInProcessView(page, pid);
}

// Gives the keyboard back to the terminal after clicks in the observer.
export function focusTerminal(page) {
  return page.locator('#terminal').click();
}

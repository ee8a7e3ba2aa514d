// The observer panel: mountObserver(element, bridge) draws, inside
// `element`, the node's applications and their live supervision trees
// (tree.js), the process table (table.js) and one process in detail with
// its actions (process-view.js). README.md beside this file gives the
// bridge's contract and the JSON it carries.
//
// Polling: one snapshot request at a time, every `intervalMs` while the
// panel is visible (not while it or the page is hidden); scrolling,
// sorting or filtering the table asks at once. The Applications tab asks
// for the trees only, the Processes tab for the rows in view only, so a
// node of 10,000 processes sends a few kilobytes per refresh.
import './observer.css';
import { el, setText, bytes, count } from './dom.js';
import { TreeView } from './tree.js';
import { ProcessTable } from './table.js';
import { ProcessView } from './process-view.js';

const DEFAULT_INTERVAL_MS = 500;
const RETRY_MS = 2000;

// bridge: {snapshot(options), process(pid), action(obj)}, each a Promise of
// the node's JSON (parsed). Returns a handle: {refresh(), select(pid),
// showTab(name), pause(on), destroy()}.
export function mountObserver(element, bridge, { intervalMs = DEFAULT_INTERVAL_MS } = {}) {
  let tab = 'applications';
  let paused = false;
  let inFlight = false;
  let again = false;
  let timer = 0;
  let destroyed = false;

  const pick = (pid) => {
    table.select(pid);
    view.show(pid);
  };
  const tree = new TreeView(pick);
  const table = new ProcessTable(pick, () => refresh());
  const view = new ProcessView(bridge, {
    onPick: pick,
    onClose: () => {
      view.hide();
      table.select(null);
    },
    onActed: () => refresh(),
  });

  const totals = el('span.obs-totals');
  const status = el('span.obs-status', { 'aria-live': 'polite' });
  const tabs = {};
  const tabBar = el('div.obs-tabs', { role: 'tablist' });
  for (const [name, title] of [['applications', 'Applications'], ['processes', 'Processes']]) {
    tabs[name] = el('button.obs-tab', { type: 'button', role: 'tab', text: title, dataset: { tab: name }, onclick: () => showTab(name) });
    tabBar.append(tabs[name]);
  }
  const pauseButton = el('button.obs-pause', { type: 'button', text: 'Pause', title: 'Stop / resume the live updates', onclick: () => pause(!paused) });
  const pages = { applications: el('div.obs-page', null, tree.root), processes: el('div.obs-page.obs-page-table', null, table.root) };
  const root = el('div.obs-root', null,
    el('div.obs-bar', null, el('h2.obs-heading', { text: 'Observer' }), totals, el('span.obs-gap'), status, pauseButton),
    tabBar, pages.applications, pages.processes, view.root);
  element.replaceChildren(root);
  showTab(tab);

  function showTab(name) {
    tab = name;
    for (const [n, b] of Object.entries(tabs)) {
      b.setAttribute('aria-selected', String(n === name));
      pages[n].hidden = n !== name;
    }
    refresh();
  }

  function pause(on) {
    paused = on;
    setText(pauseButton, on ? 'Resume' : 'Pause');
    root.classList.toggle('obs-paused', on);
    if (!on) refresh();
  }

  function visible() {
    return element.isConnected && !element.closest('[hidden]') && document.visibilityState !== 'hidden';
  }

  function schedule(ms) {
    clearTimeout(timer);
    if (!destroyed) timer = setTimeout(tick, ms);
  }

  function tick() {
    if (!paused && visible()) refresh();
    else schedule(intervalMs);
  }

  // Asks for a snapshot now (or right after the one in flight).
  async function refresh() {
    if (destroyed) return;
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    clearTimeout(timer);
    const options = tab === 'processes' ? { ...table.options(), applications: false } : { limit: 0, applications: true };
    let next = intervalMs;
    try {
      const snap = await bridge.snapshot(options);
      if (snap.error) throw new Error(snap.error);
      render(snap);
      setText(status, paused ? 'paused' : '');
      status.classList.remove('obs-error');
    } catch (e) {
      setText(status, `no snapshot: ${e.message}`);
      status.classList.add('obs-error');
      next = RETRY_MS;
    }
    inFlight = false;
    if (view.pid && !paused) view.refresh();
    if (again) {
      again = false;
      refresh();
    } else if (!paused) {
      schedule(next);
    }
  }

  function render(snap) {
    const t = snap.totals;
    setText(totals, `${count(t.processes)} processes · ${bytes(t.memory)} · ${count(t.reductions)} reductions` +
      (t.message_queue ? ` · ${count(t.message_queue)} queued` : ''));
    if (snap.applications && tab === 'applications') tree.update(snap.applications);
    if (tab === 'processes') table.update(snap.processes);
  }

  return {
    refresh,
    select: pick,
    showTab,
    pause,
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      element.replaceChildren();
    },
  };
}

// The page: compiles the node's wasm while the terminal opens, starts the
// node's worker (node-client.js), connects the IEx terminal
// (terminal/iex-terminal.js) to it, and owns the page chrome: the status
// line, the "not answering" / "crashed" alert with its restart button, and
// the observer pane (mounted from src/observer/ on first open).
//
// For the browser tests, window.__otp exposes the terminal's text and a few
// timings (tests/browser/); nothing else uses it.
import '@xterm/xterm/css/xterm.css';
import './style.css';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { WebLinksAddon } from '@xterm/addon-web-links';
import wasmUrl from '@otp-node/otp_web.wasm?url';
import { NodeClient } from './node-client.js';
import { IexTerminal } from './terminal/iex-terminal.js';
import { History } from './terminal/history.js';
import { theme } from './terminal/theme.js';

const $ = (id) => document.getElementById(id);

// --- the wasm module: compiled once, handed to every worker ----------------
async function compileNode() {
  try {
    return await WebAssembly.compileStreaming(fetch(wasmUrl));
  } catch (e) {
    // A server that does not say application/wasm: compile from bytes.
    if (!(e instanceof TypeError)) throw e;
    const bytes = await (await fetch(wasmUrl)).arrayBuffer();
    return WebAssembly.compile(bytes);
  }
}
const wasmModule = compileNode();

// --- the terminal -------------------------------------------------------------
const term = new Terminal({
  theme,
  fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", Menlo, Consolas, monospace',
  fontSize: 14,
  lineHeight: 1.2,  // room for underscores below the baseline
  cursorBlink: true,
  convertEol: true,
  scrollback: 5000,
  allowProposedApi: false,
});
const fit = new FitAddon();
term.loadAddon(fit);
term.loadAddon(new WebLinksAddon());
term.open($('terminal'));
fit.fit();
// Copy a selection with Ctrl-C (Cmd-C), paste with Ctrl-V: let the
// browser have those keys instead of sending ^C / ^V to the shell.
term.attachCustomKeyEventHandler((e) => {
  if (e.type !== 'keydown' || !(e.ctrlKey || e.metaKey)) return true;
  const key = e.key.toLowerCase();
  if (key === 'c' && term.hasSelection()) return false;
  if (key === 'v') return false;
  return true;
});

let storage = null;
try {
  storage = window.localStorage;
} catch {
  storage = null;  // storage disabled: history for this page only
}

let client;
const terminal = new IexTerminal(term, {
  history: new History(storage),
  onLine: (line) => client.input(line),
  onInterrupt: () => client.interrupt(),
  onComplete: (before) => client.complete(before),
});

new ResizeObserver(() => terminal.resizeWith(() => fit.fit())).observe($('terminal-pane'));
term.focus();

// --- status and alerts ------------------------------------------------------------
const timings = { navigationToFirstPromptMs: null, bootMs: null, restarts: 0 };
let firstPromptSeen = false;

function setStatus(text) {
  $('node-status').textContent = text;
}

function showAlert(text, fatal) {
  $('alert-text').textContent = text;
  $('alert').classList.toggle('fatal', fatal);
  $('alert').hidden = false;
}

function hideAlert() {
  $('alert').hidden = true;
}

// --- the observer pane ------------------------------------------------------------
const observerModules = import.meta.glob('./observer/index.js');
let observerMounted = null;

async function setObserverOpen(open) {
  const pane = $('observer-pane');
  pane.hidden = !open;
  $('observer-toggle').setAttribute('aria-expanded', String(open));
  if (open && !observerMounted) {
    const load = observerModules['./observer/index.js'];
    observerMounted = load
      ? load().then(({ mountObserver }) => mountObserver(pane, client.observerBridge()))
      : Promise.resolve().then(() => {
          pane.innerHTML = '<p class="observer-missing">The observer panel is not part of this build.</p>';
        });
  }
  // The terminal's container changed size.
  requestAnimationFrame(() => terminal.resizeWith(() => fit.fit()));
}

$('observer-toggle').addEventListener('click', () => setObserverOpen($('observer-pane').hidden));

// --- the node -----------------------------------------------------------------------
function handleEvents(events) {
  let chars = 0;
  for (const [kind, text] of events) {
    switch (kind) {
      case 'out':
        terminal.output(text);
        chars += text.length;
        break;
      case 'prompt':
        if (!firstPromptSeen) {
          firstPromptSeen = true;
          timings.navigationToFirstPromptMs = performance.now();
          setStatus('node running');
        }
        terminal.showPrompt(text);
        break;
      case 'observer':
        setObserverOpen(true);
        break;
      case 'clear':
        terminal.clearScreen();
        break;
      default:
        break;
    }
  }
  // Tell the worker once xterm has drawn it (flow control).
  if (chars) term.write('', () => client.ack(chars));
}

function restartNode() {
  hideAlert();
  timings.restarts += 1;
  terminal.nodeGone();
  terminal.notice('*** restarting the node: a fresh node, processes and bindings are gone ***');
  setStatus('restarting the node…');
  client.restart();
  term.focus();
}

client = new NodeClient(wasmModule, {
  onReady: ({ bootMs }) => {
    timings.bootMs = bootMs;
    setStatus('node running');
  },
  onEvents: handleEvents,
  onError: (text) => terminal.notice(`*** the node answered an error: ${text} ***`),
  onFatal: (text) => {
    setStatus('node crashed');
    terminal.nodeGone();
    terminal.notice(`*** the node crashed: ${text} ***`);
    showAlert(`The node crashed (${text}). Restart it to go on; what you typed is kept.`, true);
  },
  onStall: () => {
    setStatus('node not answering');
    showAlert('The node has not answered for a few seconds. Wait, or restart it (its processes and bindings are lost).', false);
  },
  onRecover: () => {
    setStatus('node running');
    hideAlert();
  },
});

$('restart').addEventListener('click', restartNode);
$('alert-restart').addEventListener('click', restartNode);

wasmModule.catch((e) => {
  setStatus('node failed to load');
  showAlert(`The node could not be loaded: ${e.message}`, true);
});
client.start().catch((e) => setStatus(`node failed to start: ${e.message}`));

// --- for the browser tests ------------------------------------------------------------
window.__otp = {
  term,
  terminal,
  timings,
  // Makes the worker stop answering for `ms` (the watchdog's test).
  hangWorker: (ms) => client.worker?.postMessage({ t: 'hang', ms }),
  // Makes the wasm trap inside the worker (the crash report's test).
  trapWorker: () => client.worker?.postMessage({ t: 'trap' }),
  // The terminal's text: scrollback and screen, wrapped rows joined.
  text() {
    const buffer = term.buffer.active;
    const lines = [];
    for (let i = 0; i < buffer.length; i += 1) {
      const line = buffer.getLine(i);
      if (!line) continue;
      const s = line.translateToString(true);
      if (line.isWrapped && lines.length) lines[lines.length - 1] += s;
      else lines.push(s);
    }
    return lines.join('\n').replace(/\n+$/, '');
  },
  promptShown: () => terminal.prompt !== null,
};

// The Web Worker that runs the node (DESIGN.md, decision 6). It instantiates
// the wasm module the page compiled, boots the playground (otp_boot) and
// drives it in slices of a few milliseconds. Between slices the event loop
// runs, so input lines, Ctrl-C, completion and observer requests and the
// page's pings are handled while the node is busy; a slice is scheduled
// through a MessageChannel (no 4 ms clamp), or by setTimeout when the node
// is idle until its next timer, or not at all when it waits for input.
//
// Messages, page -> worker: {t: 'init', module} | {t: 'input', line} |
// {t: 'interrupt'} | {t: 'ack', chars} | {t: 'ping', id} |
// {t: 'req', id, op: 'complete' | 'snapshot' | 'process' | 'action', arg} |
// {t: 'hang', ms} (tests only: stop answering for ms) | {t: 'trap'} (tests
// only: a wasm trap inside the node).
// Worker -> page: {t: 'ready', bootMs, observer} | {t: 'events', events} |
// {t: 'reply', id, ok, result, error} | {t: 'pong', id} |
// {t: 'error', error} (a call answered ok: false) | {t: 'fatal', error}
// (a trap, an abort: this worker is finished, the page starts another).
//
// Flow control: output the page has not yet drawn (it acks what xterm has
// written) is counted; past a megabyte the worker stops running the node
// until the page catches up, so a process printing in a loop cannot flood
// the page.
import createOtpModule from '@otp-node/otp_web.js';
import { Bridge } from './bridge.js';

const SLICE_MS = 8;
const INPUT_SLICE_MS = 2;
const MAX_UNACKED = 1 << 20;

let bridge = null;
let dead = false;
let unacked = 0;
let paused = false;
let sliceQueued = false;
let timer = null;

const post = (msg) => self.postMessage(msg);
const channel = new MessageChannel();
channel.port1.onmessage = () => {
  sliceQueued = false;
  runSlice();
};

function describe(e) {
  if (e instanceof Error) return `${e.name}: ${e.message}`;
  // Emscripten's JS-based C++ exceptions throw the exception's address: one
  // escaped every catch in the node (a fiber's entry does not catch).
  if (typeof e === 'number') return `an uncaught C++ exception (at ${e})`;
  return String(e);
}

function fatal(e) {
  if (dead) return;
  dead = true;
  clearTimeout(timer);
  post({ t: 'fatal', error: describe(e) });
}

// Calls the bridge; a throw is a trap or an abort: the end of this node.
function guarded(f) {
  if (dead || !bridge) return undefined;
  try {
    return f();
  } catch (e) {
    fatal(e);
    return undefined;
  }
}

// Sends an answer's events to the page; reports a failed call.
function deliver(answer) {
  if (!answer) return;
  if (!answer.ok) {
    post({ t: 'error', error: answer.error });
    return;
  }
  const events = answer.events ?? [];
  if (events.length === 0) return;
  for (const e of events) if (e[0] === 'out') unacked += e[1].length;
  post({ t: 'events', events });
}

function schedule() {
  if (sliceQueued || dead || !bridge) return;
  sliceQueued = true;
  channel.port2.postMessage(null);
}

function runSlice(budget = SLICE_MS) {
  if (dead || !bridge) return;
  if (unacked > MAX_UNACKED) {
    paused = true;
    return;
  }
  const r = guarded(() => bridge.run(budget));
  deliver(r);
  clearTimeout(timer);
  timer = null;
  if (!r?.ok) return;
  if (!r.idle) schedule();
  else if (r.delay >= 0) timer = setTimeout(schedule, r.delay);
}

async function init(wasmModule) {
  const t0 = performance.now();
  const module = await createOtpModule({
    // The page compiled the module: nothing is fetched (and a blob: worker
    // has no base URL to resolve a file name against).
    locateFile: (file) => file,
    instantiateWasm(imports, receive) {
      WebAssembly.instantiate(wasmModule, imports).then((instance) => receive(instance, wasmModule), fatal);
      return {};
    },
    print: (text) => console.log(text),
    printErr: (text) => console.warn(text),
    onAbort: (what) => fatal(new Error(`the node aborted: ${what}`)),
  });
  bridge = new Bridge(module);
  const boot = guarded(() => bridge.boot());
  if (!boot) return;
  post({ t: 'ready', bootMs: performance.now() - t0, observer: bridge.has('otp_observer_snapshot') });
  deliver(boot);
  schedule();
}

function request({ id, op, arg }) {
  const answer = guarded(() => {
    switch (op) {
      case 'complete': return bridge.complete(arg);
      case 'snapshot': return bridge.snapshot(arg);
      case 'process': return bridge.process(arg);
      case 'action': return bridge.action(arg);
      default: return { ok: false, error: `unknown request ${op}` };
    }
  });
  if (!answer) {
    post({ t: 'reply', id, ok: false, error: dead ? 'the node has crashed' : 'the node is not running' });
    return;
  }
  if (answer.ok) deliver(answer);
  const result = op === 'complete' ? { insert: answer.insert, candidates: answer.candidates } : answer.result;
  post({ t: 'reply', id, ok: answer.ok, result, error: answer.error });
  if (op === 'action') schedule();
}

self.onmessage = (e) => {
  const msg = e.data;
  switch (msg.t) {
    case 'init':
      init(msg.module).catch(fatal);
      break;
    case 'ping':
      post({ t: 'pong', id: msg.id });
      break;
    case 'input':
      deliver(guarded(() => bridge.input(msg.line)));
      // Let the node read the line now, so a Ctrl-C right after it finds
      // the evaluation running.
      runSlice(INPUT_SLICE_MS);
      break;
    case 'interrupt':
      deliver(guarded(() => bridge.interrupt()));
      schedule();
      break;
    case 'ack':
      unacked = Math.max(0, unacked - msg.chars);
      if (paused && unacked <= MAX_UNACKED / 2) {
        paused = false;
        schedule();
      }
      break;
    case 'req':
      request(msg);
      break;
    case 'trap':
      // For the browser tests only: a real trap in the wasm, reported as fatal.
      guarded(() => bridge.trap());
      break;
    case 'hang': {
      // For the browser tests only: a worker that stops answering.
      const end = performance.now() + msg.ms;
      while (performance.now() < end) { /* busy */ }
      break;
    }
    default:
      break;
  }
};

self.addEventListener('error', (e) => fatal(e.error ?? e.message));
self.addEventListener('unhandledrejection', (e) => fatal(e.reason));

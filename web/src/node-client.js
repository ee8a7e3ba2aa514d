// The page's handle on the node: starts the worker (worker/worker.js, see
// its top comment for the messages), hands it the compiled wasm module,
// forwards input, Ctrl-C and requests, and watches that it answers.
//
// Watchdog: the page pings the worker every second and the worker answers
// between slices. When nothing has come back for STALL_MS the node is
// "not answering" (onStall); an answer after that clears it (onRecover).
// restart() throws the worker away and starts a fresh node with the same
// compiled module: no download, so it works offline too.
//
// The worker's bundle is fetched once, as text, and every worker is
// started from a blob: URL of it, so a restart fetches nothing.
import workerUrl from './worker/worker.js?worker&url';

const PING_MS = 1000;
export const STALL_MS = 3000;

export class NodeClient {
  // wasmModule: a Promise of the compiled WebAssembly.Module. handlers:
  // onReady({bootMs, observer}), onEvents(events), onError(text),
  // onFatal(text), onStall(ms), onRecover().
  constructor(wasmModule, handlers) {
    this.wasmModule = wasmModule;
    this.workerSource = fetch(workerUrl)
      .then((r) => {
        if (!r.ok) throw new Error(`${workerUrl}: HTTP ${r.status}`);
        return r.blob();
      })
      .then((b) => URL.createObjectURL(new Blob([b], { type: 'text/javascript' })));
    this.h = handlers;
    this.worker = null;
    this.pending = new Map();  // request id -> {resolve, reject}
    this.nextId = 1;
    this.lastHeard = 0;
    this.stalled = false;
    this.heartbeat = null;
    this.generation = 0;  // messages of a replaced worker are ignored
  }

  async start() {
    const generation = ++this.generation;
    const [module, source] = await Promise.all([this.wasmModule, this.workerSource]);
    if (generation !== this.generation) return;
    const worker = new Worker(source, { type: 'module', name: 'otp-node' });
    this.worker = worker;
    worker.onmessage = (e) => {
      if (generation === this.generation) this.receive(e.data);
    };
    worker.onerror = (e) => {
      if (generation === this.generation) this.h.onFatal?.(e.message || 'the worker failed to start');
    };
    this.lastHeard = performance.now();
    this.stalled = false;
    worker.postMessage({ t: 'init', module });
    this.heartbeat = setInterval(() => this.beat(), PING_MS);
  }

  stop() {
    this.generation += 1;
    clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.worker?.terminate();
    this.worker = null;
    for (const { reject } of this.pending.values()) reject(new Error('the node was restarted'));
    this.pending.clear();
    if (this.stalled) {
      this.stalled = false;
      this.h.onRecover?.();
    }
  }

  restart() {
    this.stop();
    return this.start();
  }

  beat() {
    const silent = performance.now() - this.lastHeard;
    if (!this.stalled && silent > STALL_MS) {
      this.stalled = true;
      this.h.onStall?.(silent);
    }
    this.worker?.postMessage({ t: 'ping', id: 0 });
  }

  receive(msg) {
    this.lastHeard = performance.now();
    if (this.stalled) {
      this.stalled = false;
      this.h.onRecover?.();
    }
    switch (msg.t) {
      case 'ready': this.h.onReady?.(msg); break;
      case 'events': this.h.onEvents?.(msg.events); break;
      case 'error': this.h.onError?.(msg.error); break;
      case 'fatal': this.h.onFatal?.(msg.error); break;
      case 'reply': {
        const p = this.pending.get(msg.id);
        if (!p) break;
        this.pending.delete(msg.id);
        if (msg.ok) p.resolve(msg.result);
        else p.reject(new Error(msg.error));
        break;
      }
      default: break;  // pong: lastHeard is all it is for
    }
  }

  // --- to the node ---------------------------------------------------------

  input(line) { this.worker?.postMessage({ t: 'input', line }); }
  interrupt() { this.worker?.postMessage({ t: 'interrupt' }); }
  ack(chars) { this.worker?.postMessage({ t: 'ack', chars }); }

  request(op, arg) {
    if (!this.worker) return Promise.reject(new Error('the node is not running'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ t: 'req', id, op, arg });
    });
  }

  complete(before) { return this.request('complete', before); }

  // What web/src/observer/ is given (mountObserver(element, bridge)).
  observerBridge() {
    return {
      snapshot: (options) => this.request('snapshot', options),
      process: (pid) => this.request('process', pid),
      action: (obj) => this.request('action', obj),
    };
  }
}

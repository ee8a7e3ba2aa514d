// A node for the snippets of a page, loaded only when a snippet first needs
// it (index.js imports this module on the first Run or Observer click, so a
// page with snippets fetches no .wasm until then). It wraps the
// playground's NodeClient (../node-client.js: the Web Worker that runs the
// wasm node, booted like the playground's, with the chatroom started) and
// adds what snippets need: typing lines the way the doc-test types them
// (a line once the prompt is shown and the output has been quiet for
// SETTLE_MS), one block at a time, and routing the node's output to the
// snippet that is running (or ran last: output that arrives later, such as
// a crash report, lands where the reader just looked).
import wasmUrl from '@otp-node/otp_web.wasm?url';
import { NodeClient } from '../node-client.js';

// Real time, unlike the doc-test's virtual 600 ms: long enough for crash
// reports and restarts, short enough that a session of ten lines feels
// immediate.
export const SETTLE_MS = 300;

let compiled = null;  // one compiled module for every node of the page

function compile() {
  compiled ??= (async () => {
    try {
      return await WebAssembly.compileStreaming(fetch(wasmUrl));
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;  // a server that does not say application/wasm
      return WebAssembly.compile(await (await fetch(wasmUrl)).arrayBuffer());
    }
  })();
  return compiled;
}

export class PageNode {
  // hooks: {onStatus(text, kind), onObserver()}: kind is 'ok', 'busy' or 'error'.
  constructor(hooks = {}) {
    this.hooks = hooks;
    this.sink = null;        // {output(text), prompt(text)} of the running (or last) snippet
    this.prompt = null;      // the prompt shown, or null while the node works
    this.waiters = [];       // resolved on every event
    this.lastEvent = 0;
    this.queue = Promise.resolve();
    this.dead = null;        // why the node cannot go on (a crash)
    this.started = null;
    this.client = null;
    this.generation = 0;     // bumped by restart(): a running block stops typing
  }

  // Starts the worker (first call only); resolves at the first prompt.
  start() {
    this.started ??= this.boot();
    return this.started;
  }

  async boot() {
    this.hooks.onStatus?.('loading the node…', 'busy');
    this.client = new NodeClient(compile(), {
      onEvents: (events) => this.receive(events),
      onFatal: (text) => this.fail(`the node crashed: ${text}`),
      onError: (text) => this.hooks.onStatus?.(`the node answered an error: ${text}`, 'error'),
      onStall: () => this.hooks.onStatus?.('the node is not answering…', 'busy'),
      onRecover: () => this.hooks.onStatus?.('node running', 'ok'),
    });
    await this.client.start();
    await this.until(() => this.prompt !== null);  // the banner is dropped
    this.hooks.onStatus?.('node running', 'ok');
  }

  fail(text) {
    this.dead = text;
    this.hooks.onStatus?.(text, 'error');
    this.wake();
  }

  // A fresh node: processes, modules and bindings are gone.
  async restart() {
    this.generation += 1;
    this.wake();
    this.sink = null;
    this.prompt = null;
    this.dead = null;
    if (!this.client) return this.start();
    this.started = (async () => {
      this.hooks.onStatus?.('restarting the node…', 'busy');
      this.client.restart();
      await this.until(() => this.prompt !== null);
      this.hooks.onStatus?.('node running', 'ok');
    })();
    return this.started;
  }

  receive(events) {
    let chars = 0;
    for (const [kind, text] of events) {
      if (kind === 'out') {
        chars += text.length;
        this.sink?.output(text);
      } else if (kind === 'prompt') {
        this.prompt = text;
      } else if (kind === 'observer') {
        (this.sink?.observer ?? this.hooks.onObserver)?.();
      }
    }
    if (chars) this.client.ack(chars);
    this.lastEvent = performance.now();
    this.wake();
  }

  wake() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  // Resolves when test() holds (checked at every event); rejects if the node dies.
  until(test, timeoutMs = 0) {
    return new Promise((resolve, reject) => {
      let timer = 0;
      const check = () => {
        if (this.dead) {
          clearTimeout(timer);
          reject(new Error(this.dead));
        } else if (test()) {
          clearTimeout(timer);
          resolve();
        } else {
          this.waiters.push(check);
        }
      };
      if (timeoutMs) timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      check();
    });
  }

  // Waits until nothing was printed for SETTLE_MS.
  async settle() {
    for (;;) {
      const quiet = performance.now() - this.lastEvent;
      if (quiet >= SETTLE_MS) return;
      await new Promise((r) => setTimeout(r, SETTLE_MS - quiet));
      if (this.dead) throw new Error(this.dead);
    }
  }

  // Types `inputs` ([{line}]) for a snippet; sink: {echo(prompt, line),
  // output(text), observer()}. Blocks run one after another.
  type(inputs, sink) {
    const generation = this.generation;
    const job = this.queue.then(async () => {
      await this.start();
      const reset = () => {
        if (generation !== this.generation) throw new Error('the node was reset');
      };
      reset();
      this.sink = sink;
      for (const { line } of inputs) {
        await this.until(() => this.prompt !== null || generation !== this.generation);
        reset();
        sink.echo(this.prompt, line);
        this.prompt = null;
        this.lastEvent = performance.now();
        this.client.input(line);
        await this.until(() => this.prompt !== null || generation !== this.generation);
        reset();
        await this.settle();
        reset();
      }
    });
    this.queue = job.catch(() => {});
    return job;
  }

  // Ctrl-C: stops the running input (the snippet's Stop button).
  interrupt() {
    this.client?.interrupt();
  }

  observerBridge() {
    return this.client.observerBridge();
  }
}

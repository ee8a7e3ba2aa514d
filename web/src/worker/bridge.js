// The JS side of the browser bridge; its pair is wasm/bridge.cpp (read its
// top comment first). This file only moves data: it writes an argument
// into the request buffer (otp_buffer), calls the export, and parses the
// JSON answer left in otp_reply(). It runs in the worker (worker.js).
//
// Every answer has "ok"; a false "ok" (a C++ exception, no node) is
// returned as is for the caller to check. A trap or an abort inside the
// module throws out of call() and leaves the module unusable: the worker
// reports it and the page starts a new worker.

export class Bridge {
  // module: the instance made by the emscripten factory (createOtpModule).
  constructor(module) {
    this.m = module;
  }

  has(name) {
    return typeof this.m[`_${name}`] === 'function';
  }

  // Calls export `name` with `arg` (a string, put in the request buffer) or
  // `number` (passed directly); returns the parsed answer.
  call(name, { arg, number } = {}) {
    const fn = this.m[`_${name}`];
    if (typeof fn !== 'function') return { ok: false, error: `${name} is not in this build of the node` };
    if (arg !== undefined) this.put(arg);
    if (number !== undefined) fn(number);
    else fn();
    return JSON.parse(this.m.UTF8ToString(this.m._otp_reply()));
  }

  put(text) {
    const n = this.m.lengthBytesUTF8(text);
    const ptr = this.m._otp_buffer(n);
    if (!ptr) throw new Error('out of memory (request buffer)');
    this.m.stringToUTF8(text, ptr, n + 1);
  }

  boot() { return this.call('otp_boot'); }
  input(line) { return this.call('otp_input', { arg: line }); }
  interrupt() { return this.call('otp_interrupt'); }
  run(budgetMs) { return this.call('otp_run', { number: budgetMs }); }
  complete(before) { return this.call('otp_complete', { arg: before }); }
  snapshot(options) { return this.call('otp_observer_snapshot', { arg: options ? JSON.stringify(options) : '' }); }
  process(pid) { return this.call('otp_observer_process', { arg: String(pid) }); }
  action(request) { return this.call('otp_observer_action', { arg: JSON.stringify(request) }); }
  // Tests only: a wasm trap (unreachable), which throws a RuntimeError.
  trap() { this.m._otp_debug_trap(); }
}

// --pre-js of otp_bench_web (tests/CMakeLists.txt): the bench program in a
// Web Worker, started by tests/bench/chromium.mjs's page as
//
//   new Worker('otp_bench_web.js?args=' + encodeURIComponent(JSON.stringify(argv)))
//
// main() gets argv from that query. Every line the program prints, and how
// it ends, is posted to the page:
//   {kind: 'out' | 'err', text}   a line of stdout / stderr
//   {kind: 'exit', code}          main returned or exit() was called (with
//                                 fibers, main's own return value is lost
//                                 by emscripten 3.1.6: 0; exit(n) is kept)
//   {kind: 'abort', text}         abort(): an uncaught C++ exception, a
//                                 failed allocation, a failed load
//   {kind: 'error', text}         anything else uncaught (a wasm trap)
// The page terminates the worker after the first exit, abort or error.
(function () {
  const params = new URLSearchParams(self.location.search);
  const args = params.get('args');
  Module['arguments'] = args ? JSON.parse(args) : [];
  Module['print'] = (text) => postMessage({ kind: 'out', text });
  Module['printErr'] = (text) => postMessage({ kind: 'err', text });
  Module['onAbort'] = (what) => postMessage({ kind: 'abort', text: String(what) });
  const describe = (e) => (e && e.stack ? String(e.stack) : String(e));
  // Every end goes through quit_ (onExit is skipped while ASYNCIFY's fiber
  // switches hold a keep-alive count): an ExitStatus for exit() or main's
  // return, anything else for an uncaught error (handleException).
  Module['quit'] = (status, toThrow) => {
    if (toThrow && toThrow.name === 'ExitStatus') postMessage({ kind: 'exit', code: status });
    else postMessage({ kind: 'error', text: describe(toThrow) });
    throw toThrow;
  };
  self.addEventListener('error', (event) => {
    postMessage({ kind: 'error', text: describe(event.error ?? event.message) });
  });
  self.addEventListener('unhandledrejection', (event) => {
    postMessage({ kind: 'error', text: describe(event.reason) });
  });
})();

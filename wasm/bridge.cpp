// The C side of the browser bridge; its pair is web/src/worker/bridge.js,
// which is the only caller. C++ owns the semantics, JS only moves data.
//
// Calling convention (why it looks like this): an export that switches
// fibers is unwound and rewound by ASYNCIFY, and emscripten 3.1.6 hands the
// JS caller the return value of the *first*, unwound call, not the real one.
// So no export that may run the node returns anything: each leaves its
// answer, a JSON object, where otp_reply() finds it, and reads its argument
// from the request buffer JS filled through otp_buffer(n). Only otp_buffer
// and otp_reply return values; they never switch.
//
// Every reply is {"ok": true, ...} or {"ok": false, "error": "..."}: every
// export catches everything. A trap (unreachable, out of bounds) cannot be
// caught here; the JS side reports it and the page restarts the worker.
// Replies that run the node carry "events" (playground.hpp).
#include <emscripten.h>

#include <exception>
#include <memory>
#include <new>
#include <string>

#include "json.hpp"
#include "playground.hpp"
#include "services/observer.hpp"

namespace {

std::unique_ptr<otp::wasm::Playground> playground;
std::string request;  // the argument of the next call, written by JS
std::string reply;    // the answer of the last call, read by JS

// Runs `body` (which writes `reply`), turning any exception into an error
// reply. `body` starts with reply = {"ok":true and appends to it.
template <class F>
void guarded(F&& body) {
  try {
    if (!playground) {
      reply = otp::wasm::json_error("the node is not running (otp_boot first)");
      return;
    }
    reply = "{\"ok\":true";
    body(*playground);
    reply += ",\"events\":";
    playground->take_events(reply);
    reply += '}';
  } catch (const std::bad_alloc&) {
    reply = otp::wasm::json_error("out of memory");
  } catch (const std::exception& e) {
    reply = otp::wasm::json_error(e.what());
  } catch (...) {
    reply = otp::wasm::json_error("unknown C++ exception");
  }
}

}  // namespace

extern "C" {

// A buffer of n bytes for the next call's argument (UTF-8, no terminator
// needed); null if it cannot be had.
EMSCRIPTEN_KEEPALIVE char* otp_buffer(std::size_t n) {
  try {
    request.assign(n, '\0');
    return request.data();
  } catch (...) {
    return nullptr;
  }
}

// The JSON answer of the last call (valid until the next call).
EMSCRIPTEN_KEEPALIVE const char* otp_reply() { return reply.c_str(); }

// Makes the node and the session (see Playground()). Again: a fresh node.
EMSCRIPTEN_KEEPALIVE void otp_boot() {
  try {
    playground.reset();
    playground = std::make_unique<otp::wasm::Playground>();
  } catch (const std::exception& e) {
    playground.reset();
    reply = otp::wasm::json_error(std::string("boot failed: ") + e.what());
    return;
  } catch (...) {
    playground.reset();
    reply = otp::wasm::json_error("boot failed");
    return;
  }
  guarded([](otp::wasm::Playground&) {});
}

// The request buffer holds one typed line (or pasted lines, '\n'-separated).
EMSCRIPTEN_KEEPALIVE void otp_input() {
  guarded([](otp::wasm::Playground& p) { p.input(request); });
}

// Ctrl-C.
EMSCRIPTEN_KEEPALIVE void otp_interrupt() {
  guarded([](otp::wasm::Playground& p) { p.interrupt(); });
}

// Runs the node for about budget_ms: {"ok", "idle", "delay" (ms to the next
// timer when idle, -1: none), "busy", "events"}.
EMSCRIPTEN_KEEPALIVE void otp_run(double budget_ms) {
  guarded([budget_ms](otp::wasm::Playground& p) {
    otp::wasm::Playground::Status s = p.run(budget_ms);
    reply += ",\"idle\":";
    reply += s.idle ? "true" : "false";
    reply += ",\"delay\":" + std::to_string(s.delay_ms);
    reply += ",\"busy\":";
    reply += s.busy ? "true" : "false";
  });
}

// The request buffer holds the text before the cursor: {"ok", "insert",
// "candidates": [...]}.
EMSCRIPTEN_KEEPALIVE void otp_complete() {
  guarded([](otp::wasm::Playground& p) {
    otp::shell::Session::Completion c = p.complete(request);
    reply += ",\"insert\":";
    otp::wasm::json_string(reply, c.insert);
    reply += ",\"candidates\":[";
    for (std::size_t i = 0; i < c.candidates.size(); ++i) {
      if (i) reply += ',';
      otp::wasm::json_string(reply, c.candidates[i]);
    }
    reply += ']';
  });
}

// The observer (core/services/observer.hpp): {"ok", "result": <its JSON>}.
// Snapshot: the request buffer holds its options JSON ("" for defaults).
EMSCRIPTEN_KEEPALIVE void otp_observer_snapshot() {
  guarded([](otp::wasm::Playground& p) {
    reply += ",\"result\":" + otp::observer::snapshot_json(p.node(), request);
  });
}

// One process in detail: the request buffer holds a pid ("#PID<0.42.0>")
// or a registered name.
EMSCRIPTEN_KEEPALIVE void otp_observer_process() {
  guarded([](otp::wasm::Playground& p) {
    reply += ",\"result\":" + otp::observer::process_json(p.node(), std::string_view(request));
  });
}

// Kill / exit a process: the request buffer holds the action's JSON.
EMSCRIPTEN_KEEPALIVE void otp_observer_action() {
  guarded([](otp::wasm::Playground& p) {
    reply += ",\"result\":" + otp::observer::action_json(p.node(), request);
  });
}

// For the browser tests only (the worker's {t: 'trap'}): a real wasm trap,
// what a bug in the runtime would cause, so that the tests can check the
// page reports it and restarts the node. Nothing else calls it.
EMSCRIPTEN_KEEPALIVE void otp_debug_trap() { __builtin_trap(); }

}  // extern "C"

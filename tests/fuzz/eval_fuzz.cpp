// libFuzzer harness for the evaluator and the IEx session: any input typed
// at the prompt must end in a result, an error or an interrupt, never in a
// crash of the node. Each input runs in a fresh node and session on a
// virtual clock; an input still running after a bounded number of
// reductions (an endless loop, a receive that waits forever) is
// interrupted as a user would with Ctrl-C, and the node is then torn down.
//
// Build: cmake -S . -B /tmp/fuzz -G Ninja -DOTP_WASM=OFF -DOTP_FUZZ=ON
//          -DCMAKE_CXX_COMPILER=clang++ && cmake --build /tmp/fuzz --target eval_fuzz
// Run:   /tmp/fuzz/bin/eval_fuzz -max_total_time=300 -max_len=512 CORPUS_DIR
//        (seed the corpus with ../shared/conformance/*.iex)
#include <cstddef>
#include <cstdint>
#include <string>

#include "runtime/node.hpp"
#include "shell/session/session.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  otp::ManualClock clock;
  otp::NodeOptions no;
  no.clock = &clock;
  no.reports = false;
  otp::Node node(no);
  bool prompted = false;
  otp::shell::SessionOptions so;
  so.output = [](std::string_view) {};
  so.prompt = [&](std::string_view) { prompted = true; };
  so.banner_at_start = false;
  otp::shell::Session session(node, so);
  session.start();
  for (int i = 0; i < 100 && !prompted; ++i) node.run(20000);
  prompted = false;
  session.input(std::string_view(reinterpret_cast<const char*>(data), size));
  // At most ~2M reductions and 10 virtual minutes, then Ctrl-C.
  for (int slice = 0; slice < 100 && session.busy(); ++slice) {
    otp::RunResult r = node.run(20000);
    if (r.idle && r.next_timer && *r.next_timer < 600'000) clock.set(std::max(clock.now_ms(), *r.next_timer));
    else if (r.idle) break;
  }
  if (session.busy()) session.interrupt();
  for (int i = 0; i < 100; ++i)
    if (node.run(20000).idle) break;
  return 0;
}

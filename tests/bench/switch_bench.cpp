// switch_calls_per_s and switch_call_bytes: the telephone switch example
// (examples/switch) holding 1,000,000 concurrent calls (times --scale).
// One process places the calls one after another (each a
// DynamicSupervisor.start_child of a Switch.Call GenServer, spread over
// 1,000 partitions, every call armed with its hang-up timer an hour away),
// timed from the first placement to the last; then the RSS delta over the
// calls, per call, with the switch holding all of them. In a fresh forked
// process where there is fork, as the other memory figures.
#include <cstdio>

#include "bench.hpp"
#include "switch/switch.hpp"

using namespace otp;
namespace tel = otp::examples::telephone;

namespace {

void switch_hold(int64_t calls) {
  NodeOptions o;
  o.reports = false;
  auto* node = new Node(o);
  const std::size_t before = otp_bench::resident_bytes();
  double t0 = 0, t1 = 0;
  node->spawn([&](Process& self) {
    tel::Config c;
    c.partitions = 1000;
    c.calls_per_tick = 0;  // no Switch.Traffic: the calls are placed here
    tel::start_link(self, c);
    t0 = otp_bench::now_ns();
    for (int64_t k = 0; k < calls; ++k) tel::place_call(self, 3'600'000);
    t1 = otp_bench::now_ns();
    self.receive();  // holds the switch (linked to this process)
  });
  node->run_until_idle();
  const std::size_t after = otp_bench::resident_bytes();
  tel::Summary s = tel::summary(*node);
  if (s.still_up != calls || s.dropped != 0)
    std::printf("switch: %lld calls up of %lld, %lld dropped\n", static_cast<long long>(s.still_up),
                static_cast<long long>(calls), static_cast<long long>(s.dropped));
  otp_bench::report("switch_calls_per_s", static_cast<double>(calls) / ((t1 - t0) / 1e9));
  otp_bench::report("switch_call_bytes", static_cast<double>(after - before) / static_cast<double>(calls));
#if defined(__EMSCRIPTEN__)
  delete node;  // no fork in wasm: this process goes on to other figures
#endif
  // Natively this is a forked child that exits next: tearing down a
  // million processes would only slow the bench.
}

otp_bench::Registration switch_figures{{70, {"switch_calls_per_s", "switch_call_bytes"}, [] {
  otp_bench::isolated([] { switch_hold(otp_bench::scaled(1'000'000)); });
}}};

}  // namespace

// What one browser tab holds: two figures of the bench program that run
// only when asked (`--only NAME` names them, or `--tab-limits`), never in
// the default run, since natively they would go to many millions.
//
//   max_idle_procs    processes spawned in batches of 10,000 (then 1,000,
//                     100, 10 when only that fits), each waiting
//                     in receive (handler processes, as spawn_ns), until the
//                     next batch would not fit; then every one is sent a
//                     message and must answer it. The figure: how many were
//                     alive and answered.
//   max_idle_fiber_procs  the same with processes that have a fiber (a
//                     stack) of their own, as `spawn(fn -> receive ... end
//                     end)` typed in the shell makes; wasm only (natively
//                     the fiber stacks' mappings, not memory, bound them).
//   switch_max_calls  the telephone switch (examples/switch, 1,000
//                     partitions, hang-ups an hour away) holding calls
//                     placed in batches likewise; the figure is the
//                     summary's `still up`, reported only when it equals the
//                     calls placed and none was dropped.
//
// "Would not fit": the next batch, estimated from the bytes per item so far
// (x 1.25), plus the arrays of the runtime that double when the batch
// crosses a power of two (the node's slot table; the timer heap for the
// switch), plus what grows at unknown moments (hash buckets, the pid list
// of the switch's summary), plus a 32 MiB margin. In wasm the limit is the
// memory maximum (emscripten's default 2 GiB, as the page's otp_web): a
// malloc of that size must succeed (and is freed at once), so the runtime
// never meets a failed allocation (it would crash a process or abort).
// Natively there is no such limit: the same 2 GiB is applied to the growth
// of the RSS, in a forked child, so the native figure says how many the
// same memory holds natively. `--scale F` (< 1) scales the budget, for
// quick checks.
#include <cstdio>
#include <deque>

#include "bench.hpp"
#include "tab_filler.hpp"
#include "runtime/node.hpp"
#include "switch/switch.hpp"

using namespace otp;
namespace tel = otp::examples::telephone;

namespace {

using otp_bench::Filler;
using otp_bench::kBatch;
// Per entry of the runtime's tables that double (Node::Slot: one per
// process; Node::TimerKey: one per timer in the timer heap).
constexpr std::size_t kSlotBytes = sizeof(void*) + 8;
constexpr std::size_t kTimerKeyBytes = 24;

// max_idle_procs (handler processes) and max_idle_fiber_procs (processes
// with a fiber of their own, as `spawn(fn -> receive ... end end)` typed in
// the shell makes): how many wait in receive, then answer a message.
void max_idle(const char* name, bool fibers) {
  NodeOptions o;
  o.reports = false;
  auto* owned = new Node(o);
  Node& node = *owned;
  int64_t answered = 0;
  const Pid counter = node.spawn_handler([&answered](Process&, const Term&) { ++answered; });
  Filler fill(kSlotBytes, 2, 0);  // slot 0 and the counter
  std::deque<Pid> pids;
  int64_t n = 0;
  while (int64_t batch = fill.next_batch(n)) {
    for (int64_t k = 0; k < batch; ++k) {
      if (fibers)
        pids.push_back(node.spawn([](Process& self) {
          Term msg = self.receive();
          self.send(msg.pid(), Term::atom("pong"));
        }));
      else
        pids.push_back(node.spawn_handler([](Process& self, const Term& msg) {
          self.send(msg.pid(), Term::atom("pong"));
        }));
    }
    node.run_until_idle();
    n += batch;
    if (n % 1'000'000 == 0) fill.note(name, n);
  }
  fill.note(name, n);
  const int64_t alive = static_cast<int64_t>(node.process_count()) - 1;
  // Every one answers a message (in waves, so few messages are in flight).
  const Term ping(counter);
  for (std::size_t k = 0; k < pids.size(); ++k) {
    node.send(pids[k], ping);
    if (k % kBatch == kBatch - 1) node.run_until_idle();
  }
  node.run_until_idle();
  if (alive != n || answered != n)
    std::printf("%s: %lld spawned, %lld alive, %lld answered\n", name, static_cast<long long>(n),
                static_cast<long long>(alive), static_cast<long long>(answered));
  else
    otp_bench::report(name, static_cast<double>(n));
#if defined(__EMSCRIPTEN__)
  pids.clear();
  delete owned;  // no fork in wasm: the memory is needed by what runs next
#endif
  // Natively this is a forked child that exits next: tearing down millions
  // of processes would only slow the bench.
}

void switch_max_calls() {
  NodeOptions o;
  o.reports = false;
  auto* node = new Node(o);
  // Beside the calls: 1,000 partitions and a few other processes. Kept
  // free per call: the summary lists every pid (up to 3 x 8 bytes each
  // while its vector grows), the timers' hash table rehashes at any time.
  Filler fill(kSlotBytes + kTimerKeyBytes, 1100, 3 * sizeof(Pid) + 2 * sizeof(void*));
  int64_t placed = 0;
  node->spawn([&](Process& self) {
    tel::Config c;
    c.partitions = 1000;
    c.calls_per_tick = 0;  // no Switch.Traffic: the calls are placed here
    tel::start_link(self, c);
    while (int64_t batch = fill.next_batch(placed)) {
      for (int64_t k = 0; k < batch; ++k, ++placed) tel::place_call(self, 3'600'000);
      if (placed % 1'000'000 == 0) fill.note("switch_max_calls", placed);
    }
    fill.note("switch_max_calls", placed);
    self.receive();  // holds the switch (linked to this process)
  });
  node->run_until_idle();
  const tel::Summary s = tel::summary(*node);
  std::printf("%s", tel::format(s).c_str());
  if (s.still_up == placed && s.set_up == placed && s.dropped == 0)
    otp_bench::report("switch_max_calls", static_cast<double>(s.still_up));
  else
    std::printf("switch_max_calls: %lld placed, %lld still up\n", static_cast<long long>(placed),
                static_cast<long long>(s.still_up));
  std::fflush(stdout);
#if defined(__EMSCRIPTEN__)
  delete node;  // no fork in wasm: the memory is needed by what runs next
#endif
  // Natively this is a forked child that exits next.
}

const otp_bench::Registration tab_limits{
    {90, {"max_idle_procs", "max_idle_fiber_procs", "switch_max_calls"}, [] {
       if (otp_bench::asked("max_idle_procs")) otp_bench::isolated([] { max_idle("max_idle_procs", false); });
       if (otp_bench::asked("max_idle_fiber_procs")) {
#if defined(__EMSCRIPTEN__)
         otp_bench::isolated([] { max_idle("max_idle_fiber_procs", true); });
#else
         // Each native fiber stack is a mapping of its own: vm.max_map_count
         // (65,530 by default) bounds them long before memory does.
         std::printf("max_idle_fiber_procs: skipped natively (bounded by vm.max_map_count, not memory)\n");
#endif
       }
       if (otp_bench::asked("switch_max_calls")) otp_bench::isolated(switch_max_calls);
     }}};

}  // namespace

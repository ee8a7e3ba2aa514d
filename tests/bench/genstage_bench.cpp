// genstage_events_per_s: events per second through the example GenStage
// pipeline (examples/pipeline: Numbers -> Doubler -> two Sinks, default
// demand: max 1000, min 750), 1,000,000 events (times --scale) from the
// first subscription to the last event consumed.
#include <cstdio>

#include "bench.hpp"
#include "pipeline/pipeline.hpp"

using namespace otp;

namespace {

void genstage_events(int64_t events) {
  Node node;
  examples::pipeline::Stages stages;
  const double t0 = otp_bench::now_ns();
  node.spawn([&](Process& self) { stages = examples::pipeline::start(self, events, Term(), 1000); });
  node.run_until_idle();  // the producer stops at `events`: then every stage waits
  const double t1 = otp_bench::now_ns();
  int64_t consumed = 0;
  node.spawn([&](Process& self) {
    for (const Term* sink : {&stages.a, &stages.b})
      consumed += examples::pipeline::stats(self, *sink).map_get(Term::atom("count"))->small();
  });
  node.run_until_idle();
  if (consumed != events) std::printf("genstage: %lld events consumed of %lld\n", static_cast<long long>(consumed),
                                      static_cast<long long>(events));
  otp_bench::report("genstage_events_per_s", static_cast<double>(events) / ((t1 - t0) / 1e9));
}

otp_bench::Registration genstage{{60, {"genstage_events_per_s"}, [] { genstage_events(otp_bench::scaled(1000000)); }}};

}  // namespace

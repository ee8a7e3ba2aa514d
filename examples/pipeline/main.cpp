// otp_pipeline: a GenStage pipeline, Numbers -> Doubler -> two Sinks, and
// what a learner sees of it: the batches as they arrive, who got what, and
// the stages' states at the end.
#include <cstdio>
#include <string>

#include "behaviours/sys.hpp"
#include "pipeline/pipeline.hpp"

using namespace otp;

namespace {

std::string head_of(const Term& events, int n) {
  std::string out = "[";
  const Term* l = &events;
  for (int i = 0; i < n && l->is_cons(); ++i, l = &l->tail()) out += (i ? ", " : "") + inspect(l->head());
  return out + (l->is_cons() ? ", ...]" : "]");
}

}  // namespace

int main() {
  Node node;
  node.spawn([](Process& self) {
    const int64_t count = 10000;
    std::printf("Numbers (producer) -> Doubler (producer_consumer) -> Sink :a, Sink :b (consumers)\n\n");
    examples::pipeline::Stages s = examples::pipeline::start(self, count, Term(self.self()));
    std::printf("{:ok, numbers} = GenStage.start_link(Numbers, {0, %lld})      -> %s\n",
                static_cast<long long>(count), inspect(s.numbers).c_str());
    std::printf("{:ok, doubler} = GenStage.start_link(Doubler, {2, numbers})     -> %s\n", inspect(s.doubler).c_str());
    std::printf("{:ok, a} = GenStage.start_link(Sink, {:a, doubler, self()})     -> %s\n", inspect(s.a).c_str());
    std::printf("{:ok, b} = GenStage.start_link(Sink, {:b, doubler, self()})     -> %s\n\n", inspect(s.b).c_str());

    // Each sink reports {:consumed, name, events} per batch.
    // The first three batches of each sink, in the order they arrived.
    int64_t seen = 0;
    int batches = 0, shown_a = 0, shown_b = 0;
    while (seen < count) {
      Term m = self.receive();
      const Term& events = m[2];
      seen += list_length(events);
      ++batches;
      int& shown = m[1] == Term::atom("a") ? shown_a : shown_b;
      if (shown++ < 3)
        std::printf("Sink %s got %td events: %s\n", inspect(m[1]).c_str(), list_length(events),
                    head_of(events, 5).c_str());
    }
    std::printf("... %d batches in all, none larger than max_demand - min_demand = 250\n\n", batches);
    std::printf("GenStage.call(a, :stats) -> %s\n", inspect(examples::pipeline::stats(self, s.a)).c_str());
    std::printf("GenStage.call(b, :stats) -> %s\n", inspect(examples::pipeline::stats(self, s.b)).c_str());
    std::printf("(every number once, doubled: the sums add up to 2 * (0 + 1 + ... + %lld) = %lld)\n\n",
                static_cast<long long>(count - 1), static_cast<long long>(count * (count - 1)));
    Term st = sys::get_state(self, s.numbers);
    std::printf(":sys.get_state(numbers).state -> %s\n",
                inspect(*st.map_get(Term::atom("state"))).c_str());
    std::printf(":sys.get_state(numbers).consumers -> %s\n",
                inspect(*st.map_get(Term::atom("consumers"))).c_str());
  });
  node.run_until_idle();
  return 0;
}

// The pipeline example (examples/pipeline): Numbers -> Doubler -> two Sinks.
#include <algorithm>

#include "behaviours/supervisor.hpp"
#include "behaviours/sys.hpp"
#include "gen_stage_test_stages.hpp"
#include "pipeline/pipeline.hpp"

using namespace otp;
using namespace otp::test;
using otp::test::stages::str;

TEST_CASE_METHOD(NodeFixture, "the example pipeline delivers every number once, doubled, shared by both sinks",
                 "[gen_stage][pipeline][examples]") {
  Driver d(*this);
  examples::pipeline::Stages s;
  std::vector<int64_t> got;
  Term stats_a, stats_b, producer_state;
  d([&](Process& self) { s = examples::pipeline::start(self, 5000, Term(self.self()), 100); });
  d([&](Process& self) {
    while (auto m = self.receive([](const Term&) { return true; }, Timeout{0}))
      if ((*m)[0] == a("consumed"))
        for (const Term& e : list_to_vector((*m)[2])) got.push_back(e.small());
    stats_a = examples::pipeline::stats(self, s.a);
    stats_b = examples::pipeline::stats(self, s.b);
    producer_state = *sys::get_state(self, s.numbers).map_get(a("state"));
  });
  std::sort(got.begin(), got.end());
  std::vector<int64_t> want;
  for (int64_t k = 0; k < 5000; ++k) want.push_back(2 * k);
  CHECK(got == want);
  const int64_t count_a = stats_a.map_get(a("count"))->small(), count_b = stats_b.map_get(a("count"))->small();
  CHECK(count_a + count_b == 5000);
  CHECK(count_a > 0);
  CHECK(count_b > 0);
  CHECK(stats_a.map_get(a("sum"))->small() + stats_b.map_get(a("sum"))->small() == 5000 * 4999);
  CHECK(str(producer_state) == "{5000, 5000}");
  CHECK(logs.empty());
}

TEST_CASE_METHOD(NodeFixture, "the pipeline's stages can be started by name from a supervisor child spec",
                 "[gen_stage][pipeline][supervisor]") {
  examples::pipeline::load(node);
  std::string started;
  run([&](Process& self) {
    Term spec = Term::map({{a("id"), a("numbers")},
                           {a("start"), t({a("Elixir.Numbers"), a("start_link"),
                                           Term::list({t({i(0), i(10)})})})}});
    Term r = supervisor::start_link(self, Term::list({spec}), stages::kw({{"strategy", a("one_for_one")}}));
    Term children = supervisor::which_children(self, r[1]);
    started = str(list_to_vector(children)[0][0]);
    gen_server::stop(self, r[1]);
  });
  CHECK(started == ":numbers");
}

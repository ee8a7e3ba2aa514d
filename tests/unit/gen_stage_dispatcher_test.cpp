// GenStage's dispatchers, called directly (as gen_stage's own dispatcher
// tests do: the test process plays every consumer, with one ref each) and
// through stages: DemandDispatcher, BroadcastDispatcher (with :selector)
// and PartitionDispatcher.
#include "gen_stage_test_stages.hpp"
#include "pipeline/pipeline.hpp"
#include "term/fun.hpp"

using namespace otp;
using namespace otp::test;
using namespace otp::test::stages;
namespace gst = otp::gen_stage;

namespace {

const GenStageDispatcher& dispatcher(const char* name) { return *gst::find_dispatcher(Atom::intern(name)); }

// The events each subscription got: "ref_index: events" in arrival order.
std::vector<std::string> deliveries(Process& self, const std::vector<Term>& refs) {
  std::vector<std::string> out;
  while (auto m = self.receive([](const Term&) { return true; }, Timeout{0})) {
    const Term& msg = *m;
    if (!(msg.is_tuple() && msg.tuple_size() == 3)) {
      out.push_back(str(msg));
      continue;
    }
    std::string who = "?";
    for (std::size_t k = 0; k < refs.size(); ++k)
      if (msg[1].is_tuple() && msg[1][1] == refs[k]) who = "c" + std::to_string(k + 1);
    out.push_back(str(msg[0]) + " " + who + " " + str(msg[2]));
  }
  return out;
}

Term letters(std::initializer_list<const char*> names) {
  std::vector<Term> out;
  for (const char* n : names) out.push_back(a(n));
  return Term::list(std::span<const Term>(out));
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "DemandDispatcher gives each batch to the consumer with the highest demand",
                 "[gen_stage][dispatcher][demand]") {
  std::vector<std::string> seen, sent;
  run([&](Process& self) {
    const GenStageDispatcher& D = dispatcher("Elixir.GenStage.DemandDispatcher");
    Term me(self.self());
    std::vector<Term> refs{Term(node.make_ref()), Term(node.make_ref())};
    Term c1 = t({me, refs[0]}), c2 = t({me, refs[1]});
    Term s = D.init(Term::empty_list())[1];
    seen.push_back(str(s));
    s = D.subscribe(Term::empty_list(), c1, s)[2];
    s = D.subscribe(Term::empty_list(), c2, s)[2];
    Term r = D.ask(i(3), c1, s);
    seen.push_back(str(r[1]));
    r = D.ask(i(2), c2, r[2]);
    seen.push_back(str(r[1]));
    r = D.dispatch(letters({"a", "b", "c", "d", "e"}), 5, r[2]);
    seen.push_back(str(r[1]));
    r = D.ask(i(2), c1, r[2]);
    r = D.dispatch(letters({"f", "g", "h"}), 3, r[2]);
    seen.push_back(str(r[1]));  // :h is left over: no demand for it
    sent = deliveries(self, refs);
  });
  CHECK(seen == std::vector<std::string>{"{[], 0, nil, false}", "3", "2", "[]", "[:h]"});
  CHECK(sent == std::vector<std::string>{":\"$gen_consumer\" c1 [:a, :b, :c]", ":\"$gen_consumer\" c2 [:d, :e]",
                                         ":\"$gen_consumer\" c1 [:f, :g]"});
}

TEST_CASE_METHOD(NodeFixture, "DemandDispatcher does not ask twice for demand a leaving consumer left behind",
                 "[gen_stage][dispatcher][demand]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    const GenStageDispatcher& D = dispatcher("Elixir.GenStage.DemandDispatcher");
    Term me(self.self());
    Term c1 = t({me, Term(node.make_ref())}), c2 = t({me, Term(node.make_ref())});
    Term s = D.init(Term::empty_list())[1];
    s = D.subscribe(Term::empty_list(), c1, s)[2];
    s = D.subscribe(Term::empty_list(), c2, s)[2];
    s = D.ask(i(3), c1, s)[2];
    Term r = D.cancel(c1, s);  // 3 were asked of the producer for c1
    seen.push_back(str(r[1]) + " " + str(r[2][1]));
    r = D.ask(i(2), c2, r[2]);
    seen.push_back(str(r[1]) + " " + str(r[2][1]));
    r = D.ask(i(5), c2, r[2]);  // above the first ask (3): a warning
    seen.push_back(str(r[1]) + " " + str(r[2][1]));
  });
  CHECK(seen == std::vector<std::string>{"0 3", "0 1", "4 0"});
  CHECK(count(logs, "[warning] GenStage producer DemandDispatcher expects a maximum demand of 3. Using different "
                    "maximum demands will overload greedy consumers. Got demand for 5 events from <0.") == 1);
}

TEST_CASE_METHOD(NodeFixture, "BroadcastDispatcher sends every event to every consumer only as fast as the slowest",
                 "[gen_stage][dispatcher][broadcast]") {
  std::vector<std::string> seen, sent;
  run([&](Process& self) {
    const GenStageDispatcher& D = dispatcher("Elixir.GenStage.BroadcastDispatcher");
    Term me(self.self());
    std::vector<Term> refs{Term(node.make_ref()), Term(node.make_ref())};
    Term c1 = t({me, refs[0]}), c2 = t({Term(Pid{me.pid().number, me.pid().serial}), refs[1]});
    Term s = D.init(Term::empty_list())[1];
    s = D.subscribe(Term::empty_list(), c1, s)[2];
    // The same pid again is refused (each consumer process subscribes once).
    seen.push_back(str(D.subscribe(Term::empty_list(), c2, s)));
    Term other = t({Term(Pid{0, 1}), refs[1]});  // a second consumer
    s = D.subscribe(Term::empty_list(), other, s)[2];
    Term r = D.ask(i(3), c1, s);
    seen.push_back(str(r[1]));  // 0: the other consumer has asked nothing yet
    r = D.ask(i(2), other, r[2]);
    seen.push_back(str(r[1]));  // 2: what both can take
    r = D.dispatch(letters({"a", "b", "c"}), 3, r[2]);
    seen.push_back(str(r[1]));  // :c waits
    sent = deliveries(self, refs);
  });
  CHECK(seen == std::vector<std::string>{"{:error, :already_subscribed}", "0", "2", "[:c]"});
  CHECK(sent == std::vector<std::string>{":\"$gen_consumer\" c1 [:a, :b]"});  // the other pid is not this process
  CHECK(count(logs, "is already registered with") == 1);
}

TEST_CASE_METHOD(NodeFixture, "a broadcast selector filters events and asks again for the ones it dropped",
                 "[gen_stage][dispatcher][broadcast]") {
  std::vector<std::string> sent;
  run([&](Process& self) {
    const GenStageDispatcher& D = dispatcher("Elixir.GenStage.BroadcastDispatcher");
    Term me(self.self());
    std::vector<Term> refs{Term(node.make_ref())};
    Term c1 = t({me, refs[0]});
    Term keep_even = make_fun(Atom::intern("Elixir.Test"), "-even/1-", 1, [](std::span<const Term> x) {
      return Term::boolean(x[0].small() % 2 == 0);
    });
    Term s = D.init(Term::empty_list())[1];
    s = D.subscribe(kw({{"selector", keep_even}}), c1, s)[2];
    s = D.ask(i(4), c1, s)[2];
    D.dispatch(range(1, 4), 4, s);
    sent = deliveries(self, refs);
  });
  CHECK(sent == std::vector<std::string>{":\"$gen_producer\" c1 {:ask, 2}", ":\"$gen_consumer\" c1 [2, 4]"});
}

TEST_CASE_METHOD(NodeFixture, "a broadcasting producer feeds every consumer the same events",
                 "[gen_stage][dispatcher][broadcast]") {
  Driver d(*this);
  std::vector<std::string> msgs;
  d([&](Process& self) {
    Term p = start(self, counter(),
                   t({a("producer"), t({i(0), i(6), Term()}),
                      kw({{"dispatcher", a("Elixir.GenStage.BroadcastDispatcher")}, {"demand", a("accumulate")}})}));
    Term opts = kw({{"max_demand", i(3)}, {"min_demand", i(0)}});
    Term c1 = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    Term c2 = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    gst::sync_subscribe(self, c1, Term::cons(t({a("to"), p}), opts));
    gst::sync_subscribe(self, c2, Term::cons(t({a("to"), p}), opts));
    gst::demand(self.node(), p, a("forward"));  // both are subscribed: now produce
  });
  d([&](Process& self) {
    for (const auto& m : drain(self))
      if (m.rfind("{:consumed", 0) == 0) msgs.push_back(m);
  });
  CHECK(msgs == std::vector<std::string>{"{:consumed, [0, 1, 2]}", "{:consumed, [0, 1, 2]}", "{:consumed, [3, 4, 5]}",
                                         "{:consumed, [3, 4, 5]}"});
}

TEST_CASE_METHOD(NodeFixture, "PartitionDispatcher queues a partition's events without holding back the others",
                 "[gen_stage][dispatcher][partition]") {
  std::vector<std::string> seen, sent;
  std::string taken, unknown;
  run([&](Process& self) {
    const GenStageDispatcher& D = dispatcher("Elixir.GenStage.PartitionDispatcher");
    Term me(self.self());
    std::vector<Term> refs{Term(node.make_ref()), Term(node.make_ref())};
    Term c1 = t({me, refs[0]}), c2 = t({me, refs[1]});
    Term parity = make_fun(Atom::intern("Elixir.Test"), "-parity/1-", 1, [](std::span<const Term> x) {
      return t({x[0], i(x[0].small() % 2)});
    });
    Term s = D.init(kw({{"partitions", i(2)}, {"hash", parity}}))[1];
    s = D.subscribe(kw({{"partition", i(0)}}), c1, s)[2];
    s = D.subscribe(kw({{"partition", i(1)}}), c2, s)[2];
    Term r = D.ask(i(3), c1, s);  // only partition 0 has demand
    seen.push_back(str(r[1]));
    r = D.dispatch(range(0, 4), 5, r[2]);
    seen.push_back(str(r[1]));  // 3 asked: 0, 1, 2 go now, 3 and 4 stay with the producer
    r = D.ask(i(1), c2, r[2]);  // partition 1 gets its queued 1
    seen.push_back(str(r[1]));
    s = r[2];
    sent = deliveries(self, refs);
    Term other = t({Term(Pid{0, 1}), Term(node.make_ref())});
    try {
      D.subscribe(kw({{"partition", i(0)}}), other, s);
    } catch (const ErlangError& e) {
      taken = str(*e.reason.map_get(Term(atom::message)));
    }
    try {
      D.subscribe(kw({{"partition", i(7)}}), other, s);
    } catch (const ErlangError& e) {
      unknown = str(*e.reason.map_get(Term(atom::message)));
    }
  });
  CHECK(seen == std::vector<std::string>{"3", "[3, 4]", "1"});
  CHECK(sent == std::vector<std::string>{":\"$gen_consumer\" c1 [0, 2]", ":\"$gen_consumer\" c2 [1]"});
  CHECK(taken.rfind("\"the partition 0 is already taken by #PID<", 0) == 0);
  CHECK(unknown == "\":partition must be one of [0, 1], got: 7\"");
}

TEST_CASE_METHOD(NodeFixture, "a partitioned producer sends each consumer only its partition's events",
                 "[gen_stage][dispatcher][partition]") {
  Driver d(*this);
  std::vector<int64_t> even, odd;
  d([&](Process& self) {
    Term parity = make_fun(Atom::intern("Elixir.Test"), "-parity/1-", 1, [](std::span<const Term> x) {
      return t({x[0], i(x[0].small() % 2)});
    });
    Term dispatcher = t({a("Elixir.GenStage.PartitionDispatcher"), kw({{"partitions", i(2)}, {"hash", parity}})});
    Term p = start(self, counter(), t({a("producer"), t({i(0), i(40), Term()}), kw({{"dispatcher", dispatcher}})}));
    auto sink = std::make_shared<const examples::Sink>();
    for (int part = 0; part < 2; ++part)
      start(self, sink,
            t({i(part), p, Term(self.self()),
               kw({{"partition", i(part)}, {"max_demand", i(6)}, {"min_demand", i(2)}})}));
  });
  d([&](Process& self) {
    while (auto m = self.receive([](const Term&) { return true; }, Timeout{0})) {
      if (!((*m).is_tuple() && (*m)[0] == a("consumed"))) continue;
      for (const Term& e : list_to_vector((*m)[2])) ((*m)[1] == i(0) ? even : odd).push_back(e.small());
    }
  });
  std::vector<int64_t> want_even, want_odd;
  for (int64_t k = 0; k < 40; ++k) (k % 2 ? want_odd : want_even).push_back(k);
  CHECK(even == want_even);
  CHECK(odd == want_odd);
}

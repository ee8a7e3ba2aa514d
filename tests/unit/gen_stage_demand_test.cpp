// GenStage demand: max/min demand and batches, back-pressure, sync and async
// subscriptions, manual and accumulated demand, options, :sys, and stages in
// a row (producer -> producer_consumer -> consumer).
#include <algorithm>

#include "behaviours/sys.hpp"
#include "gen_stage_test_stages.hpp"

using namespace otp;
using namespace otp::test;
using namespace otp::test::stages;
namespace gst = otp::gen_stage;

namespace {

std::vector<std::string> only(const std::vector<std::string>& msgs, const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& m : msgs)
    if (m.rfind(prefix, 0) == 0) out.push_back(m);
  return out;
}

std::string consumed(int64_t from, int64_t to) { return "{:consumed, " + str(range(from, to)) + "}"; }

// A producer {next, last, self()} and a consumer subscribed with `opts`.
Term counter_init(Process& self, int64_t next, Term last, Term opts = Term::empty_list()) {
  return t({a("producer"), t({i(next), last, Term(self.self())}), opts});
}
Term consumer_init(Process& self, Term subscribe_to) {
  return t({a("consumer"), Term(self.self()), kw({{"subscribe_to", std::move(subscribe_to)}})});
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "a consumer asks max_demand at once and asks again when its demand drops to min_demand",
                 "[gen_stage][demand]") {
  Driver d(*this);
  std::vector<std::string> with_80, with_default;
  d([&](Process& self) {
    Term p = start(self, counter(), counter_init(self, 0, i(120)));
    start(self, forwarder(),
          consumer_init(self, Term::list({t({p, kw({{"max_demand", i(100)}, {"min_demand", i(80)}})})})));
  });
  d([&](Process& self) { with_80 = only(drain(self), "{:consumed"); });
  CHECK(with_80 == std::vector<std::string>{consumed(0, 19), consumed(20, 39), consumed(40, 59), consumed(60, 79),
                                            consumed(80, 99), consumed(100, 119)});
  d([&](Process& self) {
    Term p = start(self, counter(), counter_init(self, 0, i(1000)));
    start(self, forwarder(), consumer_init(self, Term::list({p})));  // max 1000, min 750
  });
  d([&](Process& self) { with_default = only(drain(self), "{:consumed"); });
  CHECK(with_default ==
        std::vector<std::string>{consumed(0, 249), consumed(250, 499), consumed(500, 749), consumed(750, 999)});
}

TEST_CASE_METHOD(NodeFixture, "sync_subscribe answers the subscription tag and async_subscribe answers ok",
                 "[gen_stage][subscribe]") {
  Driver d(*this);
  Term p1, p2, c1, c2, r1, r2;
  std::vector<std::string> msgs;
  std::string no_to;
  d([&](Process& self) {
    p1 = start(self, counter(), counter_init(self, 0, i(6)));
    c1 = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    r1 = gst::sync_subscribe(self, c1, kw({{"to", p1}, {"max_demand", i(3)}, {"min_demand", i(0)}}));
  });
  d([&](Process& self) {
    msgs = drain(self);
    p2 = start(self, counter(), counter_init(self, 10, i(13)));
    c2 = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    r2 = gst::async_subscribe(node, c2, kw({{"to", p2}, {"max_demand", i(3)}, {"min_demand", i(0)}}));
    try {
      gst::sync_subscribe(self, c2, kw({{"max_demand", i(3)}}));
    } catch (const ErlangError& e) {
      no_to = str(*e.reason.map_get(Term(atom::message)));
    }
  });
  REQUIRE(str(r1[0]) == ":ok");
  const std::string ref = str(r1[1]);
  CHECK(msgs == std::vector<std::string>{"{:consumer_subscribed, {" + str(p1) + ", " + ref + "}}",
                                         "{:producer_subscribed, {" + str(c1) + ", " + ref + "}}",
                                         consumed(0, 2), consumed(3, 5)});
  CHECK(str(r2) == ":ok");
  std::vector<std::string> second;
  d([&](Process& self) { second = only(drain(self), "{:consumed"); });
  CHECK(second == std::vector<std::string>{consumed(10, 12)});
  CHECK(no_to == "\"expected :to argument in sync_(re)subscribe\"");
}

TEST_CASE_METHOD(NodeFixture, "a manual subscription receives only what GenStage.ask asks for",
                 "[gen_stage][subscribe][manual]") {
  Driver d(*this);
  Term c, ref, p;
  std::vector<std::string> first, second, third;
  d([&](Process& self) {
    p = start(self, counter(), counter_init(self, 0, Term()));
    c = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    ref = gst::sync_subscribe(self, c, kw({{"to", p}, {"consumer_demand", a("manual")}}))[1];
  });
  d([&](Process& self) {
    first = only(drain(self), "{:consumed");  // nothing asked yet
    gst::call(self, c, t({a("ask"), t({p, ref}), i(3)}));
  });
  d([&](Process& self) {
    second = only(drain(self), "{:consumed");
    gst::call(self, c, t({a("ask"), t({p, ref}), i(2)}));
    gst::call(self, c, t({a("ask"), t({p, ref}), i(0)}));  // asks nothing
  });
  d([&](Process& self) { third = only(drain(self), "{:consumed"); });
  CHECK(first.empty());
  CHECK(second == std::vector<std::string>{consumed(0, 2)});
  CHECK(third == std::vector<std::string>{consumed(3, 4)});
}

TEST_CASE_METHOD(NodeFixture, "a producer in accumulate mode holds demand until its demand is set to forward",
                 "[gen_stage][demand][accumulate]") {
  Driver d(*this);
  Term p;
  std::string mode_before, mode_after;
  std::vector<std::string> before, after;
  d([&](Process& self) {
    p = start(self, counter(), counter_init(self, 0, i(4), kw({{"demand", a("accumulate")}})));
    start(self, forwarder(),
          consumer_init(self, Term::list({t({p, kw({{"max_demand", i(2)}, {"min_demand", i(0)}})})})));
  });
  d([&](Process& self) {
    before = only(drain(self), "{:consumed");
    mode_before = str(gst::demand(self, p));
    gst::demand(node, p, a("forward"));
  });
  d([&](Process& self) {
    after = only(drain(self), "{:consumed");
    mode_after = str(gst::demand(self, p));
  });
  CHECK(before.empty());
  CHECK(mode_before == ":accumulate");
  CHECK(after == std::vector<std::string>{consumed(0, 1), consumed(2, 3)});
  CHECK(mode_after == ":forward");
}

TEST_CASE_METHOD(NodeFixture, "subscribing with bad options or to a producer answers an error and logs it",
                 "[gen_stage][subscribe][errors]") {
  Driver d(*this);
  std::vector<std::string> seen;
  d([&](Process& self) {
    Term p = start(self, counter(), counter_init(self, 0, i(0)));
    Term c = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    seen.push_back(str(gst::sync_subscribe(self, p, kw({{"to", c}}))));
    seen.push_back(str(gst::sync_subscribe(self, c, kw({{"to", p}, {"max_demand", i(0)}}))));
    seen.push_back(str(gst::sync_subscribe(self, c, kw({{"to", p}, {"max_demand", i(10)}, {"min_demand", i(10)}}))));
    seen.push_back(str(gst::sync_subscribe(self, c, kw({{"to", p}, {"cancel", a("sometimes")}}))));
  });
  CHECK(seen == std::vector<std::string>{
                    "{:error, :not_a_consumer}",
                    "{:error, {:bad_opts, \"expected :max_demand to be equal to or greater than 1, got: 0\"}}",
                    "{:error, {:bad_opts, \"expected :min_demand to be equal to or less than 9, got: 10\"}}",
                    "{:error, {:bad_opts, \"expected :cancel to be one of [:temporary, :transient, :permanent], got: "
                    ":sometimes\"}}"});
  CHECK(count(logs, "[error] GenStage producer <") == 1);
  CHECK(count(logs, "cannot be subscribed to another stage") == 1);
  CHECK(count(logs, "subscribe received invalid option: expected :max_demand") == 1);
}

TEST_CASE_METHOD(NodeFixture, "init results and options are checked as GenStage checks them", "[gen_stage][init]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    self.trap_exit(true);
    auto try_init = [&](Term init) { seen.push_back(str(gst::start_link(self, counter(), std::move(init)))); };
    try_init(a("ignore"));
    try_init(t({a("stop"), a("no")}));
    try_init(a("what"));
    try_init(t({a("producer"), i(0), kw({{"buffer_size", i(-1)}})}));
    try_init(t({a("producer"), i(0), kw({{"buffer_keep", a("middle")}})}));
    try_init(t({a("producer"), i(0), kw({{"dispatcher", i(1)}})}));
    try_init(t({a("producer"), i(0), kw({{"unknown", i(1)}})}));
    try_init(t({a("consumer"), i(0), kw({{"subscribe_to", a("x")}})}));
    try_init(t({a("consumer"), i(0), kw({{"buffer_size", i(1)}})}));
  });
  CHECK(seen == std::vector<std::string>{
                    ":ignore", "{:error, :no}", "{:error, {:bad_return_value, :what}}",
                    "{:error, {:bad_opts, \"expected :buffer_size to be equal to or greater than 0, got: -1\"}}",
                    "{:error, {:bad_opts, \"expected :buffer_keep to be one of [:first, :last], got: :middle\"}}",
                    "{:error, {:bad_opts, \"expected :dispatcher to be an atom or a {atom, list}, got: 1\"}}",
                    "{:error, {:bad_opts, \"unknown options [unknown: 1]\"}}",
                    "{:error, {:bad_opts, \"expected :subscribe_to to be a list, got: :x\"}}",
                    "{:error, {:bad_opts, \"unknown options [buffer_size: 1]\"}}"});
}

TEST_CASE_METHOD(NodeFixture, "sys get_state answers the GenStage struct with the user state inside",
                 "[gen_stage][sys]") {
  std::string producer, consumer;
  Term user_state;
  run([&](Process& self) {
    Term p = start(self, counter(), t({a("producer"), t({Term(), Term(), Term()})}));
    Term c = start(self, forwarder(), t({a("consumer"), a("nobody")}));
    Term r = gst::sync_subscribe(self, c, kw({{"to", p}, {"max_demand", i(10)}}));
    producer = str(sys::get_state(self, p));
    Term cs = sys::get_state(self, c);
    consumer = str(*cs.map_get(a("producers")));
    user_state = *cs.map_get(a("state"));
    consumer = consumer == "%{" + str(r[1]) + " => {" + str(p) + ", :permanent, {10, 7, 10}}}" ? "ok" : consumer;
    gst::stop(self, c);
    gst::stop(self, p);
  });
  CHECK(producer.rfind("%GenStage{mod: Counter, state: {nil, nil, nil}, type: :producer, dispatcher_mod: "
                       "GenStage.DemandDispatcher, dispatcher_state: {[{10, ",
                       0) == 0);
  CHECK(producer.find("buffer: {{[], []}, 0, 10000}, buffer_keep: :last, events: :forward, monitors: %{") !=
        std::string::npos);
  CHECK(consumer == "ok");
  CHECK(user_state == a("nobody"));
}

TEST_CASE_METHOD(NodeFixture, "a producer_consumer transforms events and passes demand upstream",
                 "[gen_stage][producer_consumer]") {
  Driver d(*this);
  std::vector<int64_t> upstream, downstream;
  std::size_t largest_up = 0, largest_down = 0;
  d([&](Process& self) {
    Term p = start(self, counter(), counter_init(self, 0, i(40)));
    Term pc = start(self, doubler(),
                    t({a("producer_consumer"), Term(self.self()),
                       kw({{"subscribe_to", Term::list({t({p, kw({{"max_demand", i(10)}, {"min_demand", i(5)}})})})}})}));
    start(self, forwarder(),
          consumer_init(self, Term::list({t({pc, kw({{"max_demand", i(8)}, {"min_demand", i(4)}})})})));
  });
  d([&](Process& self) {
    // Every event once, in order, doubled; no batch above max - min.
    while (auto m = self.receive([](const Term&) { return true; }, Timeout{0})) {
      const bool up = (*m)[0] == a("producer_consumed");
      if (!up && (*m)[0] != a("consumed")) continue;
      std::vector<Term> batch = list_to_vector((*m)[1]);
      (up ? largest_up : largest_down) = std::max(up ? largest_up : largest_down, batch.size());
      for (const Term& e : batch) (up ? upstream : downstream).push_back(e.small());
    }
  });
  CHECK(largest_up == 5);
  CHECK(largest_down == 4);
  std::vector<int64_t> want_up, want_down;
  for (int64_t k = 0; k < 40; ++k) {
    want_up.push_back(k);
    want_down.push_back(k);
    want_down.push_back(k);
  }
  CHECK(upstream == want_up);
  CHECK(downstream == want_down);
}

namespace {
// Counter whose code_change/3 tags the state with the old version.
class UpgradedCounter : public Counter {
 public:
  Term code_change(const Term& old_vsn, const Term& state, const Term&) const override {
    return t({a("ok"), t({a("upgraded_from"), old_vsn, state})});
  }
};
}  // namespace

TEST_CASE_METHOD(NodeFixture, "sys change_code runs the new stage module's code_change on the user state",
                 "[gen_stage][sys]") {
  std::string changed, state;
  run([&](Process& self) {
    Term p = start(self, counter(), t({a("producer"), a("v1_state")}));
    sys::suspend(self, p);
    gst::stage_module(node, p.pid(), std::make_shared<const UpgradedCounter>());
    changed = str(sys::change_code(self, p, a("Elixir.Counter"), a("v1"), Term::empty_list()));
    sys::resume(self, p);
    state = str(*sys::get_state(self, p).map_get(a("state")));
    gst::stop(self, p);
  });
  CHECK(changed == ":ok");
  CHECK(state == "{:upgraded_from, :v1, :v1_state}");
}

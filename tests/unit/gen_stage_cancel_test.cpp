// GenStage cancellation: the :permanent, :transient and :temporary modes,
// GenStage.cancel/3, monitors on both sides, unknown and duplicated
// subscriptions, resubscribing, and stages under a Supervisor.
#include <algorithm>

#include "behaviours/supervisor.hpp"
#include "gen_stage_test_stages.hpp"

using namespace otp;
using namespace otp::test;
using namespace otp::test::stages;
namespace gst = otp::gen_stage;

namespace {

Term quiet_producer(Process& self) { return t({a("producer"), t({Term(), Term(), Term(self.self())})}); }

// A Forwarder subscribed to `p` with cancel: `mode` (and max_demand 5).
Term subscribed(Process& self, const Term& p, const char* mode) {
  return start(self, forwarder(),
               t({a("consumer"), Term(self.self()),
                  kw({{"subscribe_to", Term::list({t({p, kw({{"cancel", a(mode)}, {"max_demand", i(5)}})})})}})}));
}

bool has(const std::vector<std::string>& msgs, const std::string& m) {
  return std::find(msgs.begin(), msgs.end(), m) != msgs.end();
}

// The message that starts with `prefix` and ends with `suffix` (refs vary), or "".
std::string find(const std::vector<std::string>& msgs, const std::string& prefix, const std::string& suffix) {
  for (const auto& m : msgs)
    if (m.rfind(prefix, 0) == 0 && m.size() >= suffix.size() && m.compare(m.size() - suffix.size(), suffix.size(), suffix) == 0)
      return m;
  return "";
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "a permanent consumer exits with the reason its producer exited with",
                 "[gen_stage][cancel]") {
  Driver d(*this, true);
  Term p, c;
  std::vector<std::string> msgs;
  d([&](Process& self) {
    p = start(self, counter(), quiet_producer(self));
    c = subscribed(self, p, "permanent");
    drain(self);
    self.exit(p, a("boom"));
  });
  d([&](Process& self) { msgs = drain(self); });
  CHECK_FALSE(node.alive(c.pid()));
  CHECK(find(msgs, "{:consumer_cancelled, {" + str(p) + ", #Reference<", "}, {:down, :boom}}") != "");
  CHECK(has(msgs, "{:terminated, :boom}"));
  CHECK(count(logs, "[info] GenStage consumer " + str(c).substr(4) +
                        " is stopping after receiving cancel from producer " + str(p).substr(4) +
                        " with reason: boom") == 1);
  CHECK(count(logs, "GenServer " + str(c) + " terminating\n** (stop) :boom") == 1);
  // The report shows the user state (GenStage's format_status), not the struct.
  CHECK(count(logs, "\nState: " + str(Term(d.pid)) + "\n") == 1);
}

TEST_CASE_METHOD(NodeFixture, "a transient consumer survives a normal or shutdown exit of its producer but not a crash",
                 "[gen_stage][cancel]") {
  Driver d(*this, true);
  Term c1, c2, c3;
  std::vector<std::string> msgs;
  d([&](Process& self) {
    Term p1 = start(self, counter(), quiet_producer(self));
    Term p2 = start(self, counter(), quiet_producer(self));
    Term p3 = start(self, counter(), quiet_producer(self));
    c1 = subscribed(self, p1, "transient");
    c2 = subscribed(self, p2, "transient");
    c3 = subscribed(self, p3, "transient");
    drain(self);
    gst::stop(self, p1);
    gst::stop(self, p2, t({a("shutdown"), a("bye")}));
    self.exit(p3, a("boom"));
  });
  d([&](Process& self) { msgs = drain(self); });
  CHECK(node.alive(c1.pid()));
  CHECK(node.alive(c2.pid()));
  CHECK_FALSE(node.alive(c3.pid()));
  CHECK(has(msgs, "{:terminated, :boom}"));
  CHECK(count(logs, "with reason: boom") == 1);
  CHECK(count(logs, "is stopping after receiving cancel") == 1);
}

TEST_CASE_METHOD(NodeFixture, "a temporary consumer never exits when its producer goes away",
                 "[gen_stage][cancel]") {
  Driver d(*this, true);
  Term p, c;
  std::vector<std::string> msgs;
  d([&](Process& self) {
    p = start(self, counter(), quiet_producer(self));
    c = subscribed(self, p, "temporary");
    drain(self);
    self.exit(p, a("boom"));
  });
  d([&](Process& self) { msgs = drain(self); });
  CHECK(node.alive(c.pid()));
  CHECK(find(msgs, "{:consumer_cancelled, {" + str(p) + ", #Reference<", "}, {:down, :boom}}") != "");
  CHECK_FALSE(has(msgs, "{:terminated, :boom}"));
  CHECK(count(logs, "is stopping") == 0);
}

TEST_CASE_METHOD(NodeFixture, "GenStage.cancel cancels a subscription on both sides", "[gen_stage][cancel]") {
  Driver d(*this, true);
  Term p, temp, perm, ref_temp, ref_perm;
  std::vector<std::string> msgs;
  d([&](Process& self) {
    p = start(self, counter(), quiet_producer(self));
    temp = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    perm = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    ref_temp = gst::sync_subscribe(self, temp, kw({{"to", p}, {"cancel", a("temporary")}}))[1];
    ref_perm = gst::sync_subscribe(self, perm, kw({{"to", p}}))[1];
  });
  d([&](Process& self) {
    drain(self);
    gst::cancel(self, t({p, ref_temp}), a("done"));
    gst::cancel(self, t({p, ref_perm}), a("done"));
  });
  d([&](Process& self) { msgs = drain(self); });
  const std::string P = str(p), T = str(temp), M = str(perm), RT = str(ref_temp), RM = str(ref_perm);
  CHECK(has(msgs, "{:producer_cancelled, {" + T + ", " + RT + "}, {:cancel, :done}}"));
  CHECK(has(msgs, "{:consumer_cancelled, {" + P + ", " + RT + "}, {:cancel, :done}}"));
  CHECK(has(msgs, "{:producer_cancelled, {" + M + ", " + RM + "}, {:cancel, :done}}"));
  CHECK(has(msgs, "{:consumer_cancelled, {" + P + ", " + RM + "}, {:cancel, :done}}"));
  CHECK(has(msgs, "{:terminated, :done}"));
  CHECK(node.alive(temp.pid()));
  CHECK_FALSE(node.alive(perm.pid()));
  CHECK(node.alive(p.pid()));
}

TEST_CASE_METHOD(NodeFixture, "a producer cancels the subscription of a consumer that goes down",
                 "[gen_stage][cancel]") {
  Driver d(*this, true);
  Term p, c1, c2;
  std::vector<std::string> msgs;
  Term consumers;
  d([&](Process& self) {
    p = start(self, counter(), quiet_producer(self));
    c1 = subscribed(self, p, "permanent");
    c2 = subscribed(self, p, "permanent");
    drain(self);
    self.exit(c1, a("kill"));
  });
  d([&](Process& self) {
    msgs = drain(self);
    gst::call(self, p, t({a("queue"), Term::list({a("after")})}));
  });
  d([&](Process& self) { msgs = drain(self); });
  // c2 still gets events; the producer was told of c1 going down.
  CHECK(has(msgs, "{:consumed, [:after]}"));
  CHECK(node.alive(p.pid()));
  CHECK(count(logs, "is stopping") == 0);
}

TEST_CASE_METHOD(NodeFixture, "a producer reports a consumer that goes down to handle_cancel", "[gen_stage][cancel]") {
  Driver d(*this, true);
  Term p, c;
  std::vector<std::string> msgs;
  d([&](Process& self) {
    p = start(self, counter(), quiet_producer(self));
    c = subscribed(self, p, "permanent");
    drain(self);
    self.exit(c, a("kill"));
  });
  d([&](Process& self) { msgs = drain(self); });
  CHECK(find(msgs, "{:producer_cancelled, {" + str(c) + ", #Reference<", "}, {:down, :killed}}") != "");
}

TEST_CASE_METHOD(NodeFixture, "subscribing to a stage that is not there stops a permanent consumer with noproc",
                 "[gen_stage][cancel][subscribe]") {
  Driver d(*this, true);
  Term perm, temp;
  std::string r_perm, r_temp, r_init;
  Pid dead = run([](Process&) {});
  d([&](Process& self) {
    perm = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    temp = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    r_perm = str(gst::sync_subscribe(self, perm, kw({{"to", Term(dead)}}))[0]);
    r_temp = str(gst::sync_subscribe(self, temp, kw({{"to", Term(dead)}, {"cancel", a("temporary")}}))[0]);
    r_init = str(gst::start_link(self, forwarder(),
                                 t({a("consumer"), Term(), kw({{"subscribe_to", Term::list({a("nobody")})}})})));
  });
  CHECK(r_perm == ":ok");
  CHECK(r_temp == ":ok");
  CHECK(r_init == "{:error, :noproc}");
  CHECK_FALSE(node.alive(perm.pid()));
  CHECK(node.alive(temp.pid()));
}

TEST_CASE_METHOD(NodeFixture, "events or asks for an unknown subscription are answered with a cancel",
                 "[gen_stage][protocol]") {
  Driver d(*this, true);
  Term p, c;
  std::vector<std::string> msgs;
  Term ref(node.make_ref());
  d([&](Process& self) {
    p = start(self, counter(), t({a("producer"), t({i(0), i(10), Term()})}));
    c = start(self, forwarder(), t({a("consumer"), Term()}));
    Term me(self.self());
    self.send(c.pid(), t({a("$gen_consumer"), t({me, ref}), Term::list({i(1)})}));
    self.send(p.pid(), t({a("$gen_producer"), t({me, ref}), t({a("ask"), i(5)})}));
    // The same subscription twice: the second is refused.
    self.send(p.pid(), t({a("$gen_producer"), t({me, ref}), t({a("subscribe"), Term(), Term::empty_list()})}));
    self.send(p.pid(), t({a("$gen_producer"), t({me, ref}), t({a("subscribe"), Term(), Term::empty_list()})}));
  });
  d([&](Process& self) { msgs = drain(self); });
  const std::string R = str(ref);
  CHECK(msgs == std::vector<std::string>{
                    "{:\"$gen_producer\", {" + str(c) + ", " + R + "}, {:cancel, :unknown_subscription}}",
                    "{:\"$gen_consumer\", {" + str(p) + ", " + R + "}, {:cancel, :unknown_subscription}}",
                    "{:\"$gen_consumer\", {" + str(p) + ", " + R + "}, {:cancel, :duplicated_subscription}}"});
  CHECK(count(logs, "received duplicated subscription from: ") == 1);
}

TEST_CASE_METHOD(NodeFixture, "resubscribing cancels the old subscription with the reason given",
                 "[gen_stage][subscribe][cancel]") {
  Driver d(*this, true);
  Term p, c, ref1, ref2;
  std::vector<std::string> msgs;
  d([&](Process& self) {
    p = start(self, counter(), quiet_producer(self));
    c = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    ref1 = gst::sync_subscribe(self, c, kw({{"to", p}, {"cancel", a("temporary")}}))[1];
  });
  d([&](Process& self) {
    drain(self);
    ref2 = gst::sync_resubscribe(self, c, ref1, a("changed"), kw({{"to", p}, {"cancel", a("temporary")}}))[1];
  });
  d([&](Process& self) {
    msgs = drain(self);
    gst::call(self, p, t({a("queue"), Term::list({a("fresh")})}));
  });
  std::vector<std::string> after;
  d([&](Process& self) { after = drain(self); });
  CHECK(has(msgs, "{:producer_cancelled, {" + str(c) + ", " + str(ref1) + "}, {:cancel, :changed}}"));
  CHECK(has(msgs, "{:consumer_cancelled, {" + str(p) + ", " + str(ref1) + "}, {:cancel, :changed}}"));
  CHECK(has(msgs, "{:producer_subscribed, {" + str(c) + ", " + str(ref2) + "}}"));
  CHECK(after == std::vector<std::string>{"{:consumed, [:fresh]}"});
  CHECK(node.alive(c.pid()));
}

TEST_CASE_METHOD(NodeFixture, "a consumer under a supervisor is restarted and subscribes again from init",
                 "[gen_stage][supervisor]") {
  Driver d(*this, true);
  Term sup, c1, c2;
  std::vector<std::string> msgs;
  d([&](Process& self) {
    GenStageOptions named;
    named.name = a("numbers");
    Term producer = gst::child_spec(a("numbers"), counter(), quiet_producer(self), named);
    Term consumer = gst::child_spec(
        a("sink"), forwarder(),
        t({a("consumer"), Term(self.self()), kw({{"subscribe_to", Term::list({a("numbers")})}})}));
    sup = supervisor::start_link(self, Term::list({producer, consumer}), kw({{"strategy", a("one_for_one")}}))[1];
    for (const Term& child : list_to_vector(supervisor::which_children(self, sup)))
      if (child[0] == a("sink")) c1 = child[1];
    drain(self);
    self.exit(c1, a("kill"));
  });
  d([&](Process& self) {
    msgs = drain(self);
    for (const Term& child : list_to_vector(supervisor::which_children(self, sup)))
      if (child[0] == a("sink")) c2 = child[1];
    gst::call(self, a("numbers"), t({a("queue"), Term::list({i(1000)})}));
  });
  std::vector<std::string> after;
  d([&](Process& self) { after = drain(self); });
  CHECK(c2.is_pid());
  CHECK_FALSE(c1 == c2);
  CHECK(std::count_if(msgs.begin(), msgs.end(),
                      [](const std::string& m) { return m.rfind("{:consumer_subscribed, {", 0) == 0; }) == 1);
  CHECK(after == std::vector<std::string>{"{:consumed, [1000]}"});
}

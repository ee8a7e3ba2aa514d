#include <string>

#include "node_fixture.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(NodeFixture, "a spawned process receives what is sent to it and replies",
                 "[process][send]") {
  Term got;
  run([&](Process& self) {
    auto echo = self.spawn([](Process& me) {
      Term m = me.receive();
      me.send(m[0].pid(), t({a("echo"), m[1]}));
    });
    self.send(echo.pid, t({Term(self.self()), i(42)}));
    got = self.receive();
  });
  CHECK(inspect(got) == "{:echo, 42}");
  CHECK(node.process_count() == 0);
}

TEST_CASE_METHOD(NodeFixture, "send returns the message and a send to a dead pid is a no-op",
                 "[process][send]") {
  Pid dead = run([](Process&) {});
  CHECK_FALSE(node.alive(dead));
  Term result;
  run([&](Process& self) { result = self.send(Term(dead), a("hello")); });
  CHECK(result == a("hello"));
}

TEST_CASE_METHOD(NodeFixture, "a send to a registered name delivers and to an unknown name is badarg",
                 "[process][send][names]") {
  Term got, error;
  run([&](Process& self) {
    node.register_name(a("me"), Term(self.self()));
    self.send(a("me"), a("hi"));
    got = self.receive();
    try {
      self.send(a("nobody"), a("x"));
    } catch (const ErlangError& e) {
      error = e.reason;
    }
  });
  CHECK(got == a("hi"));
  CHECK(error == a("badarg"));
}

TEST_CASE_METHOD(NodeFixture,
                 "selective receive takes the first matching message and keeps the rest in order",
                 "[process][receive]") {
  std::vector<std::string> order;
  run([&](Process& self) {
    for (int k = 1; k <= 4; ++k) self.send(self.self(), t({a(k % 2 ? "odd" : "even"), i(k)}));
    auto m = self.receive(tagged(a("even")), Timeout::infinity());
    order.push_back(inspect(*m));
    while (auto n = self.receive([](const Term&) { return true; }, Timeout{0}))
      order.push_back(inspect(*n));
  });
  CHECK(order == std::vector<std::string>{"{:even, 2}", "{:odd, 1}", "{:odd, 3}", "{:even, 4}"});
}

TEST_CASE_METHOD(NodeFixture, "receive after 0 returns at once when nothing matches",
                 "[process][receive]") {
  bool timed_out = false;
  std::size_t left = 0;
  run([&](Process& self) {
    self.send(self.self(), a("other"));
    timed_out = !self.receive(tagged(a("x")), Timeout{0}).has_value();
    left = node.process_info(Term(self.self()), a("message_queue_len"))[1].small();
  });
  CHECK(timed_out);
  CHECK(left == 1);
}

TEST_CASE_METHOD(NodeFixture, "a receive timeout fires when the virtual clock reaches it",
                 "[process][receive][timer]") {
  bool done = false, timed_out = false;
  node.spawn([&](Process& self) {
    timed_out = !self.receive([](const Term&) { return true; }, Timeout{100}).has_value();
    done = true;
  });
  node.run_until_idle();
  node.advance(99);
  CHECK_FALSE(done);
  node.advance(1);
  CHECK(done);
  CHECK(timed_out);
  CHECK(node.stats().timers == 0);
}

TEST_CASE_METHOD(NodeFixture, "a message that arrives before the timeout cancels it",
                 "[process][receive][timer]") {
  Term got;
  Pid p = node.spawn([&](Process& self) {
    got = *self.receive([](const Term&) { return true; }, Timeout{100});
  });
  node.run_until_idle();
  node.advance(50);
  node.send(p, a("in_time"));
  node.run_until_idle();
  CHECK(got == a("in_time"));
  CHECK(node.stats().timers == 0);
}

TEST_CASE_METHOD(NodeFixture, "receive after infinity waits until a message arrives",
                 "[process][receive]") {
  Term got;
  Pid p = node.spawn([&](Process& self) { got = self.receive(); });
  node.run_until_idle();
  node.advance(1'000'000);
  CHECK(node.alive(p));
  node.send(p, i(7));
  node.run_until_idle();
  CHECK(got == i(7));
  CHECK_FALSE(node.alive(p));
}

TEST_CASE_METHOD(NodeFixture, "a negative receive timeout is the error timeout_value",
                 "[process][receive][errors]") {
  Term reason;
  run([&](Process& self) {
    SpawnOptions o;
    o.monitor = true;
    self.spawn([](Process& me) { me.receive([](const Term&) { return true; }, Timeout{-5}); }, o);
    reason = self.receive()[4];
  });
  CHECK(inspect(reason) == "{:timeout_value, []}");
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].find("** (ErlangError) Erlang error: :timeout_value") != std::string::npos);
}

TEST_CASE_METHOD(NodeFixture, "the message queue keeps arrival order across many messages",
                 "[process][receive]") {
  int64_t sum = 0, last = -1;
  bool ordered = true;
  Pid p = node.spawn([&](Process& self) {
    for (int k = 0; k < 10'000; ++k) {
      int64_t v = self.receive().small();
      ordered = ordered && v == last + 1;
      last = v;
      sum += v;
    }
  });
  for (int k = 0; k < 10'000; ++k) node.send(p, i(k));
  node.run_until_idle();
  CHECK(ordered);
  CHECK(sum == 49'995'000);
}

#include "node_fixture.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;

namespace {
SpawnOptions linked() {
  SpawnOptions o;
  o.link = true;
  return o;
}
SpawnOptions monitored() {
  SpawnOptions o;
  o.monitor = true;
  return o;
}
}  // namespace

TEST_CASE_METHOD(NodeFixture, "a linked process exits when its partner crashes", "[process][link]") {
  Pid waiter{}, crasher{};
  node.spawn([&](Process& self) {
    waiter = self.self();
    crasher = self.spawn([](Process& me) { me.receive(); me.exit(a("boom")); }, linked()).pid;
    self.receive();
  });
  node.run_until_idle();
  CHECK(node.alive(waiter));
  node.send(crasher, a("go"));
  node.run_until_idle();
  CHECK_FALSE(node.alive(crasher));
  CHECK_FALSE(node.alive(waiter));
  CHECK(logs.empty());  // exit/1 is not a crash: no report
}

TEST_CASE_METHOD(NodeFixture, "a normal exit does not kill a linked process that does not trap exits",
                 "[process][link]") {
  Term got;
  Pid parent = node.spawn([&](Process& self) {
    self.spawn([](Process&) {}, linked());
    got = self.receive();
  });
  node.run_until_idle();
  CHECK(node.alive(parent));
  CHECK(inspect(node.process_info(Term(parent), a("links"))) == "{:links, []}");
  node.send(parent, a("still_here"));
  node.run_until_idle();
  CHECK(got == a("still_here"));
}

TEST_CASE_METHOD(NodeFixture, "a trapping process receives an EXIT message instead of dying",
                 "[process][link][trap_exit]") {
  Term got;
  Pid child{};
  run([&](Process& self) {
    self.trap_exit(true);
    child = self.spawn([](Process& me) { me.exit(a("oops")); }, linked()).pid;
    got = self.receive();
  });
  CHECK(got == t({a("EXIT"), Term(child), a("oops")}));
}

TEST_CASE_METHOD(NodeFixture, "exit with kill cannot be trapped and links see killed",
                 "[process][link][trap_exit]") {
  Term seen;
  Pid victim{};
  run([&](Process& self) {
    self.trap_exit(true);
    SpawnOptions o = linked();
    victim = self.spawn([](Process& me) { me.trap_exit(true); for (;;) me.receive(); }, o).pid;
    self.receive([](const Term&) { return false; }, Timeout{0});  // let it start
    self.exit(Term(victim), a("kill"));
    seen = self.receive();
  });
  CHECK_FALSE(node.alive(victim));
  CHECK(seen == t({a("EXIT"), Term(victim), a("killed")}));
}

TEST_CASE_METHOD(NodeFixture, "a trapping process receives shutdown as a message and keeps running",
                 "[process][trap_exit]") {
  Term got;
  Pid p = node.spawn([&](Process& self) {
    self.trap_exit(true);
    got = self.receive();
  });
  node.run_until_idle();
  node.exit(Term(p), a("shutdown"));
  node.run_until_idle();
  CHECK(got == t({a("EXIT"), Term(Pid{0, 0}), a("shutdown")}));
}

TEST_CASE_METHOD(NodeFixture, "a process that exits itself with kill sends kill to its links as a normal reason",
                 "[process][link][trap_exit]") {
  Term got;
  Pid child{};
  run([&](Process& self) {
    self.trap_exit(true);
    child = self.spawn([](Process& me) { me.exit(a("kill")); }, linked()).pid;
    got = self.receive();
  });
  CHECK(got == t({a("EXIT"), Term(child), a("kill")}));
}

TEST_CASE_METHOD(NodeFixture, "exit(other, normal) is ignored but exit(self, normal) ends the caller",
                 "[process][exit]") {
  Pid other = node.spawn([](Process& self) { self.receive(); });
  Term reason;
  run([&](Process& self) {
    self.monitor(Term(self.spawn([&](Process& me) {
                          me.exit(Term(other), a("normal"));
                          me.exit(Term(me.self()), a("normal"));
                          reason = a("not_reached");
                        }).pid));
    reason = self.receive()[4];
  });
  CHECK(node.alive(other));
  CHECK(reason == a("normal"));
}

TEST_CASE_METHOD(NodeFixture, "exit/2 with a non-pid is badarg", "[process][exit][errors]") {
  Term error;
  run([&](Process& self) {
    try {
      self.exit(a("not_a_pid"), a("kill"));
    } catch (const ErlangError& e) {
      error = e.reason;
    }
  });
  CHECK(error == a("badarg"));
  CHECK_THROWS_AS(node.exit(i(1), a("kill")), ErlangError);
}

TEST_CASE_METHOD(NodeFixture, "linking to a dead pid is noproc, or an EXIT message when trapping",
                 "[process][link][errors]") {
  Pid dead = run([](Process&) {});
  Term error, msg;
  run([&](Process& self) {
    try {
      self.link(Term(dead));
    } catch (const ErlangError& e) {
      error = e.reason;
    }
    self.trap_exit(true);
    self.link(Term(dead));
    msg = self.receive();
  });
  CHECK(error == a("noproc"));
  CHECK(msg == t({a("EXIT"), Term(dead), a("noproc")}));
}

TEST_CASE_METHOD(NodeFixture, "links are two-way and unlink removes both sides", "[process][link]") {
  std::string before, after, child_links;
  run([&](Process& self) {
    Pid c = self.spawn([&](Process& me) {
                  me.receive();
                  child_links = inspect(node.process_info(Term(me.self()), a("links")));
                }, linked()).pid;
    before = inspect(node.process_info(Term(self.self()), a("links"))[1]);
    self.unlink(Term(c));
    after = inspect(node.process_info(Term(self.self()), a("links"))[1]);
    self.send(c, a("go"));
    self.receive([](const Term&) { return false; }, Timeout{0});
  });
  CHECK(before.rfind("[#PID<", 0) == 0);
  CHECK(after == "[]");
  CHECK(child_links == "{:links, []}");
}

TEST_CASE_METHOD(NodeFixture, "a monitor delivers DOWN with the exit reason", "[process][monitor]") {
  Term down;
  Spawned s;
  run([&](Process& self) {
    s = self.spawn([](Process& me) { me.exit(t({a("shutdown"), a("bye")})); }, monitored());
    down = self.receive();
  });
  REQUIRE(s.monitor);
  CHECK(down == t({a("DOWN"), Term(*s.monitor), a("process"), Term(s.pid), t({a("shutdown"), a("bye")})}));
}

TEST_CASE_METHOD(NodeFixture, "monitoring a dead pid delivers DOWN with noproc", "[process][monitor]") {
  Pid dead = run([](Process&) {});
  Term down;
  Ref ref{};
  run([&](Process& self) {
    ref = self.monitor(Term(dead));
    down = self.receive();
  });
  CHECK(down == t({a("DOWN"), Term(ref), a("process"), Term(dead), a("noproc")}));
}

TEST_CASE_METHOD(NodeFixture, "demonitor with flush removes a DOWN already queued", "[process][monitor]") {
  std::size_t queued_before = 0, queued_after = 0;
  run([&](Process& self) {
    auto s = self.spawn([](Process&) {}, monitored());
    self.yield();  // the child runs and exits
    queued_before = node.process_info(Term(self.self()), a("message_queue_len"))[1].small();
    self.demonitor(*s.monitor, true);
    queued_after = node.process_info(Term(self.self()), a("message_queue_len"))[1].small();
  });
  CHECK(queued_before == 1);
  CHECK(queued_after == 0);
}

TEST_CASE_METHOD(NodeFixture, "demonitor stops a DOWN that has not happened yet", "[process][monitor]") {
  Term got;
  Pid target = node.spawn([](Process& self) { self.receive(); });
  Pid watcher = node.spawn([&](Process& self) {
    Ref r = self.monitor(Term(target));
    self.demonitor(r);
    got = *self.receive([](const Term&) { return true; }, Timeout{10});
  });
  node.run_until_idle();
  CHECK(inspect(node.process_info(Term(target), a("monitored_by"))) == "{:monitored_by, []}");
  node.exit(Term(target), a("kill"));
  node.send(watcher, a("nothing_else"));
  node.run_until_idle();
  CHECK(got == a("nothing_else"));
}

TEST_CASE_METHOD(NodeFixture, "a monitor on a registered name reports the name and node", "[process][monitor]") {
  Term down;
  Pid target = node.spawn([](Process& self) { self.receive(); });
  node.register_name(a("target"), Term(target));
  Pid watcher = node.spawn([&](Process& self) {
    self.monitor(a("target"));
    down = self.receive();
  });
  node.run_until_idle();
  node.exit(Term(target), a("kill"));
  node.run_until_idle();
  (void)watcher;
  REQUIRE(down.is_tuple());
  CHECK(inspect(down[3]) == "{:target, :nonode@nohost}");
  CHECK(down[4] == a("killed"));
}

TEST_CASE_METHOD(NodeFixture, "a long chain of linked processes dies without deep recursion",
                 "[process][link]") {
  constexpr int64_t kChain = 20'000;
  // Each link of the chain, told n, spawns the next one linked to itself and
  // tells it n - 1.
  auto grow = std::make_shared<Handler>();
  *grow = [weak = std::weak_ptr<Handler>(grow)](Process& self, const Term& msg) {
    int64_t n = msg.small();
    if (n == 0) return;
    SpawnOptions o;
    o.link = true;
    auto next = self.spawn_handler(*weak.lock(), o);
    self.send(next.pid, i(n - 1));
  };
  Pid head = node.spawn_handler(*grow);
  node.send(head, i(kChain));
  node.run_until_idle();
  CHECK(node.process_count() == kChain + 1);
  node.exit(Term(head), a("kill"));
  node.run_until_idle();
  CHECK(node.process_count() == 0);
}

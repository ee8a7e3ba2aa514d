#include <stdexcept>
#include <string>

#include "node_fixture.hpp"
#include "runtime/exit.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(NodeFixture, "send_after delivers at its deadline on the virtual clock", "[timer]") {
  Term got;
  Pid p = node.spawn([&](Process& self) {
    self.send_after(50, Term(self.self()), a("tick"));
    got = self.receive();
  });
  node.run_until_idle();
  node.advance(49);
  CHECK(node.alive(p));
  node.advance(1);
  CHECK(got == a("tick"));
}

TEST_CASE_METHOD(NodeFixture, "cancel_timer returns the time left and the message never comes",
                 "[timer]") {
  Pid p = node.spawn([](Process& self) { self.receive(); });
  node.run_until_idle();
  Ref r = node.send_after(100, Term(p), a("late"));
  node.advance(30);
  CHECK(node.read_timer(r) == std::optional<int64_t>(70));
  CHECK(node.cancel_timer(r) == std::optional<int64_t>(70));
  CHECK_FALSE(node.cancel_timer(r));
  CHECK_FALSE(node.read_timer(r));
  node.advance(100);
  CHECK(node.alive(p));
  CHECK(node.process_info(Term(p), a("message_queue_len"))[1].small() == 0);
}

TEST_CASE_METHOD(NodeFixture, "timers with the same deadline fire in the order they were set", "[timer]") {
  std::vector<int64_t> order;
  Pid p = node.spawn([&](Process& self) {
    for (int k = 0; k < 3; ++k) order.push_back(self.receive().small());
  });
  node.run_until_idle();
  for (int k = 0; k < 3; ++k) node.send_after(10, Term(p), i(k));
  node.advance(10);
  CHECK(order == std::vector<int64_t>{0, 1, 2});
}

TEST_CASE_METHOD(NodeFixture, "sleep suspends a process for that long on the virtual clock", "[timer]") {
  int stage = 0;
  node.spawn([&](Process& self) {
    stage = 1;
    self.sleep(1000);
    stage = 2;
  });
  node.run_until_idle();
  CHECK(stage == 1);
  node.advance(999);
  CHECK(stage == 1);
  node.advance(1);
  CHECK(stage == 2);
}

TEST_CASE_METHOD(NodeFixture, "run returns when the budget is spent and reports the next timer",
                 "[scheduler]") {
  int64_t count = 0;
  node.spawn([&](Process& self) {
    for (;;) {
      self.consume(1);
      ++count;
    }
  });
  node.send_after(500, Term(Pid{0, 0}), a("x"));
  Pid waiter = node.spawn([](Process& self) { self.sleep(20); });
  RunResult r = node.run(10'000);
  CHECK_FALSE(r.idle);
  CHECK(r.reductions >= 10'000);
  CHECK(r.reductions < 12'000);
  REQUIRE(r.next_timer);
  CHECK(*r.next_timer == 20);
  (void)waiter;
}

TEST_CASE_METHOD(NodeFixture, "a process that loops calling the runtime cannot starve the others",
                 "[scheduler][fairness]") {
  bool other_ran = false;
  node.spawn([](Process& self) {
    for (;;) self.send(self.self(), a("spin")), self.receive();
  });
  node.spawn([&](Process&) { other_ran = true; });
  node.run(100'000);
  CHECK(other_ran);
}

TEST_CASE_METHOD(NodeFixture, "handler processes hold no stack while idle and borrow one to block",
                 "[scheduler][handler]") {
  // A server whose handler makes a nested request: it blocks inside the
  // handler, so the loop continues on another stack until the reply comes.
  Pid helper = node.spawn_handler([](Process& self, const Term& msg) {
    self.send(msg[0].pid(), t({a("reply"), msg[1]}));
  });
  Pid server = node.spawn_handler([helper](Process& self, const Term& msg) {
    self.send(helper, t({Term(self.self()), msg[1]}));
    Term reply = *self.receive(tagged(a("reply")), Timeout::infinity());
    self.send(msg[0].pid(), t({a("done"), reply[1]}));
  });
  std::vector<std::string> got;
  run([&](Process& self) {
    for (int k = 0; k < 3; ++k) self.send(server, t({Term(self.self()), i(k)}));
    for (int k = 0; k < 3; ++k) got.push_back(inspect(self.receive()));
  });
  CHECK(got == std::vector<std::string>{"{:done, 0}", "{:done, 1}", "{:done, 2}"});
  CHECK(node.stats().loop_fibers >= 2);
  CHECK(inspect(node.process_info(Term(server), a("stack_size"))) == "{:stack_size, 0}");
}

TEST_CASE_METHOD(NodeFixture, "a handler that spins is preempted by reductions", "[scheduler][handler]") {
  bool other_ran = false;
  Pid spinner = node.spawn_handler([](Process& self, const Term&) {
    for (;;) self.consume(1);
  });
  node.send(spinner, a("go"));
  node.spawn([&](Process&) { other_ran = true; });
  node.run(50'000);
  CHECK(other_ran);
  node.exit(Term(spinner), a("kill"));
  node.run_until_idle();
  CHECK_FALSE(node.alive(spinner));
}

TEST_CASE_METHOD(NodeFixture, "a C++ exception escaping a process becomes its exit reason and a crash report",
                 "[process][crash]") {
  Term reason;
  run([&](Process& self) {
    SpawnOptions o;
    o.monitor = true;
    self.spawn([](Process&) { throw std::runtime_error("boom"); }, o);
    reason = self.receive()[4];
  });
  CHECK(inspect(reason) == "{{:cpp_exception, \"std::runtime_error\", \"boom\"}, []}");
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].find("[error] Process #PID<") != std::string::npos);
  CHECK(logs[0].find("> raised an exception\n** (std::runtime_error) boom\n") != std::string::npos);
}

TEST_CASE_METHOD(NodeFixture, "an exception in a handler ends only that process", "[process][crash]") {
  Pid h = node.spawn_handler([](Process&, const Term& msg) {
    if (msg == a("crash")) throw ErlangError(a("badarith"));
  });
  Pid bystander = node.spawn([](Process& self) { self.receive(); });
  node.send(h, a("crash"));
  node.run_until_idle();
  CHECK_FALSE(node.alive(h));
  CHECK(node.alive(bystander));
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].find("** (ArithmeticError) bad argument in arithmetic expression") != std::string::npos);
}

TEST_CASE_METHOD(NodeFixture, "exit/1 ends a process with its reason and logs nothing", "[process][crash]") {
  Term reason;
  run([&](Process& self) {
    SpawnOptions o;
    o.monitor = true;
    self.spawn([](Process& me) { me.exit(a("bye")); }, o);
    reason = self.receive()[4];
  });
  CHECK(reason == a("bye"));
  CHECK(logs.empty());
}

TEST_CASE_METHOD(NodeFixture, "an uncaught throw exits with nocatch and is reported", "[process][crash]") {
  Term reason;
  run([&](Process& self) {
    SpawnOptions o;
    o.monitor = true;
    self.spawn([](Process&) { throw ThrownValue{a("oops")}; }, o);
    reason = self.receive()[4];
  });
  CHECK(inspect(reason) == "{{:nocatch, :oops}, []}");
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].find("** (ErlangError) Erlang error: {:nocatch, :oops}") != std::string::npos);
}

namespace {
char* volatile g_sink;  // takes the frame's array address, so it lives on the C stack
int64_t recurse(Process& self, int64_t n) {
  char pad[512];
  g_sink = pad;
  pad[0] = static_cast<char>(n);
  self.consume(1);
  if (n == INT64_MAX) return 0;  // never: keeps the compiler from calling it infinite
  return recurse(self, n + 1) + pad[0];
}
struct Flag {
  bool* set;
  ~Flag() { *set = true; }
};
}  // namespace

TEST_CASE_METHOD(NodeFixture, "runaway recursion ends the process with system_limit and the node goes on",
                 "[process][crash][stack]") {
  Term reason;
  run([&](Process& self) {
    SpawnOptions o;
    o.monitor = true;
    self.spawn([](Process& me) { recurse(me, 0); }, o);
    reason = self.receive()[4];
  });
  CHECK(inspect(reason) == "{:system_limit, []}");
  bool still_works = false;
  run([&](Process&) { still_works = true; });
  CHECK(still_works);
}

TEST_CASE_METHOD(NodeFixture, "a killed process blocked in receive unwinds its stack", "[process][exit]") {
  bool destroyed = false;
  Pid p = node.spawn([&](Process& self) {
    Flag f{&destroyed};
    Term held = Term::binary(std::string(100, 'x'));  // a heap term on the stack
    self.receive();
  });
  node.run_until_idle();
  CHECK_FALSE(destroyed);
  node.exit(Term(p), a("kill"));
  node.run_until_idle();
  CHECK(destroyed);
  CHECK(node.stats().process_objects == 0);
}

TEST_CASE_METHOD(NodeFixture, "a node destroyed with processes still waiting releases everything",
                 "[scheduler][teardown]") {
  for (int k = 0; k < 100; ++k) node.spawn([](Process& self) { self.receive(); });
  for (int k = 0; k < 100; ++k) node.spawn_handler([](Process&, const Term&) {});
  node.send_after(1000, Term(Pid{0, 0}), Term::binary(std::string(64, 'y')));
  node.run_until_idle();
  CHECK(node.process_count() == 200);
  // the fixture's destructor checks that no fiber or term outlives the node
}

// Native only for now: in wasm (emscripten 3.1.6's JS exceptions under
// ASYNCIFY) the exit signal thrown on a borrowed, rewound stack is not
// released, and its reason stays alive (2 terms). Found once the wasm test
// program's exit status stopped being lost (tests/unit/main.cpp).
#if !defined(__EMSCRIPTEN__)
TEST_CASE_METHOD(NodeFixture, "a handler that blocks and then exits leaves nothing alive on its parked stack",
                 "[scheduler][handler][teardown]") {
  // The exit reason must not stay referenced from the stack the handler
  // borrowed: that stack is parked for reuse, not unwound.
  Pid h = node.spawn_handler([](Process& self, const Term&) {
    self.receive();
    self.exit(Term::tuple({a("reason"), Term::binary(std::string(40, 'r'))}));
  });
  node.send(h, a("first"));
  node.run_until_idle();
  node.send(h, a("second"));
  node.run_until_idle();
  CHECK_FALSE(node.alive(h));
}
#endif

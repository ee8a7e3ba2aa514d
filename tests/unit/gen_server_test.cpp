#include <memory>
#include <string>

#include "behaviours/gen_server.hpp"
#include "behaviours/sys.hpp"
#include "node_fixture.hpp"
#include "runtime/exit.hpp"
#include "term/arith.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;
namespace gs = otp::gen_server;

namespace {

// The seed's counter, plus the requests the tests need.
class Counter : public GenServer {
 public:
  Term module_name() const override { return a("Elixir.Counter"); }
  Term init(const Term& args) const override {
    if (args == a("ignore")) return a("ignore");
    if (args == a("stop")) return t({a("stop"), a("no_way")});
    if (args == a("bad")) return a("what");
    if (args == a("continue")) return t({a("ok"), i(0), t({a("continue"), a("warm_up")})});
    return gs::ok(args);
  }
  Term handle_call(const Term& req, const Term& from, const Term& state) const override {
    if (req == a("get")) return gs::reply(state, state);
    if (is(req, "divide")) return gs::reply(fdiv(req[1], req[2]), add(state, i(1)));
    if (req == a("later")) {  // deferred: the reply comes with the next :release
      Process::current()->put(a("waiting"), from);
      return gs::noreply(state);
    }
    if (req == a("stop")) return gs::stop_reply(a("normal"), a("bye"), state);
    if (req == a("crash")) return gs::stop_noreply(a("boom"), state);
    if (req == a("bad")) return a("what");
    if (is(req, "timeout")) return t({a("reply"), a("ok"), state, req[1]});
    return GenServer::handle_call(req, from, state);
  }
  Term handle_cast(const Term& req, const Term& state) const override {
    if (req == a("inc")) return gs::noreply(add(state, i(1)));
    return GenServer::handle_cast(req, state);
  }
  Term handle_info(const Term& msg, const Term& state) const override {
    if (msg == a("release")) {
      gs::reply(Process::current()->node(), Process::current()->get(a("waiting")), a("released"));
      return gs::noreply(state);
    }
    if (msg == a("timeout")) return gs::noreply(t({a("timed_out"), state}));
    return GenServer::handle_info(msg, state);
  }
  Term handle_continue(const Term& cont, const Term& state) const override {
    return gs::noreply(t({cont, state}));
  }
  void terminate(const Term& reason, const Term&) const override {
    if (Process* p = Process::current()) p->node().log("terminate " + inspect(reason) + "\n");
  }
  Term code_change(const Term& old_vsn, const Term& state, const Term&) const override {
    return gs::ok(t({a("upgraded_from"), old_vsn, state}));
  }

 private:
  static bool is(const Term& x, const char* tag) { return x.is_tuple() && x.tuple_size() > 0 && x[0] == a(tag); }
};

auto counter() { return std::make_shared<const Counter>(); }

GenServerOptions named(const char* name) {
  GenServerOptions o;
  o.name = a(name);
  return o;
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "a GenServer answers calls and casts and keeps its state", "[gen_server]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term r = gs::start(self, counter(), i(41), named("counter"));
    seen.push_back(inspect(r[0]));
    gs::cast(node, a("counter"), a("inc"));
    seen.push_back(inspect(gs::call(self, a("counter"), a("get"))));
    seen.push_back(inspect(sys::get_state(self, r[1])));
    seen.push_back(inspect(gs::call(self, r[1], t({a("divide"), i(10), i(4)}))));
    seen.push_back(inspect(gs::stop(self, a("counter"))));
  });
  CHECK(seen == std::vector<std::string>{":ok", "42", "42", "2.5", ":ok"});
  CHECK(node.process_count() == 0);
}

TEST_CASE_METHOD(NodeFixture, "start reports ignore, stop, bad returns and a taken name as OTP does",
                 "[gen_server][start]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    self.trap_exit(true);
    seen.push_back(inspect(gs::start(self, counter(), a("ignore"))));
    seen.push_back(inspect(gs::start(self, counter(), a("stop"))));
    seen.push_back(inspect(gs::start(self, counter(), a("bad"))));
    Term first = gs::start(self, counter(), i(0), named("taken"));
    Term second = gs::start(self, counter(), i(0), named("taken"));
    seen.push_back(inspect(second) == "{:error, {:already_started, " + inspect(first[1]) + "}}" ? "already" : inspect(second));
    gs::stop(self, a("taken"));
  });
  CHECK(seen == std::vector<std::string>{":ignore", "{:error, :no_way}",
                                         "{:error, {:bad_return_value, :what}}", "already"});
}

TEST_CASE_METHOD(NodeFixture, "a call to a dead pid or an unknown name exits with noproc", "[gen_server][call]") {
  std::string by_name, by_pid, cast_result = "not run";
  Pid dead = run([](Process&) {});
  run([&](Process& self) {
    by_name = exit_of([&] { gs::call(self, a("no_such_name"), a("x")); });
    by_pid = exit_of([&] { gs::call(self, Term(dead), a("x"), Timeout{1000}); });
    gs::cast(node, a("no_such_name"), a("x"));
    cast_result = "ok";
  });
  CHECK(by_name == "{:noproc, {GenServer, :call, [:no_such_name, :x, 5000]}}");
  CHECK(by_pid == "{:noproc, {GenServer, :call, [" + inspect(Term(dead)) + ", :x, 1000]}}");
  CHECK(cast_result == "ok");
}

TEST_CASE_METHOD(NodeFixture, "a call times out with timeout and a late reply is dropped",
                 "[gen_server][call][timer]") {
  std::string reason;
  std::size_t left = 99;
  Pid server{};
  Pid caller = node.spawn([&](Process& self) {
    server = gs::start(self, counter(), i(0))[1].pid();
    reason = exit_of([&] { gs::call(self, Term(server), a("later"), Timeout{100}); });
    self.receive(tagged(a("never")), Timeout{1000});
    left = node.process_info(Term(self.self()), a("message_queue_len"))[1].small();
  });
  node.run_until_idle();
  node.advance(100);
  CHECK(reason == "{:timeout, {GenServer, :call, [" + inspect(Term(server)) + ", :later, 100]}}");
  node.send(server, a("release"));  // the server replies now, too late
  node.advance(1000);
  CHECK(left == 0);
  CHECK_FALSE(node.alive(caller));
}

TEST_CASE_METHOD(NodeFixture, "a deferred reply with reply/2 reaches the waiting caller", "[gen_server][call]") {
  Term got;
  Pid server{};
  node.spawn([&](Process& self) {
    server = gs::start(self, counter(), i(0))[1].pid();
    got = gs::call(self, Term(server), a("later"));
  });
  node.run_until_idle();
  CHECK(got == Term());
  node.send(server, a("release"));
  node.run_until_idle();
  CHECK(got == a("released"));
}

TEST_CASE_METHOD(NodeFixture, "handle_call sees from as {caller, [:alias | ref]} as in OTP 25", "[gen_server][call]") {
  Pid server{}, me{};
  node.spawn([&](Process& self) {
    me = self.self();
    server = gs::start(self, counter(), i(0))[1].pid();
    gs::call(self, Term(server), a("later"));
  });
  node.run_until_idle();
  Term from = node.process_info(Term(server), a("dictionary"))[1];
  REQUIRE(from.is_list());
  Term waiting = from.head()[1];
  REQUIRE(waiting.is_tuple());
  CHECK(waiting[0] == Term(me));
  CHECK(waiting[1].is_cons());
  CHECK(waiting[1].head() == a("alias"));
  CHECK(waiting[1].tail().is_ref());
  node.send(server, a("release"));
  node.run_until_idle();
}

TEST_CASE_METHOD(NodeFixture, "a crashing callback is reported as Logger does and the caller exits",
                 "[gen_server][crash]") {
  std::string reason;
  Pid server{}, me{};
  run([&](Process& self) {
    me = self.self();
    self.trap_exit(true);
    server = gs::start(self, counter(), i(2), named("calc"))[1].pid();
    reason = exit_of([&] { gs::call(self, a("calc"), t({a("divide"), i(1), i(0)})); });
  });
  CHECK(reason == "{{:badarith, []}, {GenServer, :call, [:calc, {:divide, 1, 0}, 5000]}}");
  REQUIRE(count(logs, "terminating") == 1);
  std::string report;
  for (auto& l : logs)
    if (l.find("terminating") != std::string::npos) report = l;
  CHECK(report.find("[error] GenServer :calc terminating\n"
                    "** (ArithmeticError) bad argument in arithmetic expression\n"
                    "Last message (from " + inspect(Term(me)) + "): {:divide, 1, 0}\n"
                    "State: 2\n"
                    "Client " + inspect(Term(me)) + " is alive\n") != std::string::npos);
  CHECK(count(logs, "terminate {:badarith, []}") == 1);
  CHECK_FALSE(node.alive(server));
}

TEST_CASE_METHOD(NodeFixture, "stop returns reply first, run terminate, and only abnormal stops are reported",
                 "[gen_server][stop]") {
  std::string reply, bad, crash_exit;
  run([&](Process& self) {
    self.trap_exit(true);
    Term s1 = gs::start(self, counter(), i(0))[1];
    reply = inspect(gs::call(self, s1, a("stop")));
    Term s2 = gs::start(self, counter(), i(0))[1];
    bad = exit_of([&] { gs::call(self, s2, a("bad")); });
    Term s3 = gs::start(self, counter(), i(0))[1];
    crash_exit = exit_of([&] { gs::call(self, s3, a("crash")); });
  });
  CHECK(reply == ":bye");
  CHECK(bad.rfind("{{:bad_return_value, :what}, {GenServer, :call, [", 0) == 0);
  CHECK(crash_exit.rfind("{:boom, {GenServer, :call", 0) == 0);
  CHECK(count(logs, "terminate :normal") == 1);
  CHECK(count(logs, "** (stop) bad return value: :what") == 1);
  CHECK(count(logs, "** (stop) :boom") == 1);
  CHECK(count(logs, "terminating") == 2);
}

TEST_CASE_METHOD(NodeFixture, "a timeout in a return sends :timeout unless another message comes first",
                 "[gen_server][timer]") {
  Term server;
  std::string state_after;
  Pid tester = node.spawn([&](Process& self) {
    server = gs::start(self, counter(), i(7))[1];
    gs::call(self, server, t({a("timeout"), i(50)}));
    self.receive(tagged(a("go")), Timeout::infinity());
    state_after = inspect(sys::get_state(self, server));
    Term fresh = gs::start(self, counter(), i(7))[1];
    gs::call(self, fresh, t({a("timeout"), i(50)}));
    gs::cast(node, fresh, a("inc"));  // cancels the pending timeout
    self.receive(tagged(a("go")), Timeout::infinity());
    state_after += " " + inspect(sys::get_state(self, fresh));
  });
  node.run_until_idle();
  node.advance(50);
  node.send(tester, t({a("go")}));
  node.run_until_idle();
  node.advance(100);
  node.send(tester, t({a("go")}));
  node.run_until_idle();
  CHECK(state_after == "{:timed_out, 7} 8");
}

TEST_CASE_METHOD(NodeFixture, "init with continue runs handle_continue before the first message",
                 "[gen_server]") {
  std::string state;
  run([&](Process& self) {
    Term s = gs::start(self, counter(), a("continue"))[1];
    state = inspect(sys::get_state(self, s));
  });
  CHECK(state == "{:warm_up, 0}");
}

TEST_CASE_METHOD(NodeFixture, "sys suspend queues requests until resume, and replace_state and get_status work",
                 "[gen_server][sys]") {
  Term server;
  Term got;
  std::string replaced, status;
  Pid client{};
  run([&](Process& self) {
    server = gs::start(self, counter(), i(1), named("s"))[1];
    replaced = inspect(sys::replace_state(self, server, [](const Term& st) { return mul(st, i(10)); }));
    status = inspect(sys::get_status(self, server));
    sys::suspend(self, server);
    client = self.spawn([&](Process& me) { got = gs::call(me, a("s"), a("get")); }).pid;
  });
  CHECK(replaced == "10");
  CHECK(status.find("{:module, :gen_server}") != std::string::npos);
  CHECK(status.find(":suspended") == std::string::npos);
  CHECK(got == Term());  // still waiting: the server is suspended
  CHECK(node.alive(client));
  run([&](Process& self) { sys::resume(self, server); });
  CHECK(got == i(10));
}

TEST_CASE_METHOD(NodeFixture, "sys change_code runs code_change of the staged module on a suspended server",
                 "[gen_server][sys][upgrade]") {
  std::string result, state;
  run([&](Process& self) {
    Term s = gs::start(self, counter(), i(5))[1];
    sys::suspend(self, s);
    gs::stage_module(node, s.pid(), counter());
    result = inspect(sys::change_code(self, s, a("Elixir.Counter"), a("v1"), Term::empty_list()));
    sys::resume(self, s);
    state = inspect(gs::call(self, s, a("get")));
  });
  CHECK(result == ":ok");
  CHECK(state == "{:upgraded_from, :v1, 5}");
}

TEST_CASE_METHOD(NodeFixture, "stopping a server that is not alive exits with noproc", "[gen_server][stop]") {
  std::string reason;
  run([&](Process& self) { reason = exit_of([&] { gs::stop(self, a("ghost")); }); });
  CHECK(reason == "{:noproc, {GenServer, :stop, [:ghost, :normal, :infinity]}}");
}

TEST_CASE_METHOD(NodeFixture, "the default handle_info logs an unexpected message and keeps going",
                 "[gen_server]") {
  std::string state;
  run([&](Process& self) {
    Term s = gs::start(self, counter(), i(3))[1];
    self.send(s.pid(), a("surprise"));
    state = inspect(gs::call(self, s, a("get")));
  });
  CHECK(state == "3");
  CHECK(count(logs, "received unexpected message in handle_info/2: :surprise") == 1);
}

TEST_CASE_METHOD(NodeFixture, "sys trace prints each event the server handles", "[gen_server][sys]") {
  run([&](Process& self) {
    Term s = gs::start(self, counter(), i(0), named("traced"))[1];
    sys::trace(self, s, true);
    gs::call(self, s, a("get"));
    gs::cast(node, s, a("inc"));
    sys::trace(self, s, false);
  });
  CHECK(count(logs, "*DBG* :traced got call :get from #PID<") == 1);
  CHECK(count(logs, "*DBG* :traced got cast :inc") == 1);
}

TEST_CASE_METHOD(NodeFixture, "a trapping server stops with terminate when its parent exits",
                 "[gen_server][link]") {
  class Trapper : public Counter {
    Term init(const Term& args) const override {
      Process::current()->trap_exit(true);
      return gs::ok(args);
    }
  };
  Pid parent = node.spawn([&](Process& self) {
    gs::start(self, std::make_shared<const Trapper>(), i(0));
    self.receive();
  });
  node.run_until_idle();
  CHECK(node.process_count() == 2);
  node.exit(Term(parent), a("shutdown"));
  node.run_until_idle();
  CHECK(node.process_count() == 0);
  CHECK(count(logs, "terminate :shutdown") == 1);
  CHECK(count(logs, "terminating") == 0);
}

TEST_CASE_METHOD(NodeFixture, "a GenServer can be started from the host", "[gen_server][start]") {
  Term r = gs::start(node, counter(), i(9), named("hosted"));
  REQUIRE(r.is_tuple());
  CHECK(r[0] == a("ok"));
  std::string got;
  run([&](Process& self) { got = inspect(gs::call(self, a("hosted"), a("get"))); });
  CHECK(got == "9");
}

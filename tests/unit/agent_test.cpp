#include <string>
#include <vector>

#include "behaviours/agent.hpp"
#include "behaviours/sys.hpp"
#include "node_fixture.hpp"
#include "runtime/exit.hpp"
#include "term/arith.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

using namespace otp;
using namespace otp::test;

namespace {

Term identity(const Term& s) { return s; }

}  // namespace

TEST_CASE_METHOD(NodeFixture, "an Agent holds a state that funs read and change, as in t5_agent_basic", "[agent]") {
  std::vector<std::string> seen;
  Term pid;
  run([&](Process& self) {
    Term r = agent::start_link(self, [] { return i(0); });
    seen.push_back(inspect(r[0]));
    pid = r[1];
    seen.push_back(inspect(agent::get(self, pid, identity)));
    seen.push_back(inspect(agent::update(self, pid, [](const Term& s) { return add(s, i(5)); })));
    seen.push_back(inspect(agent::get(self, pid, [](const Term& s) { return mul(s, i(10)); })));
    seen.push_back(inspect(agent::get_and_update(self, pid, [](const Term& s) { return t({s, mul(s, i(2))}); })));
    seen.push_back(inspect(agent::get(self, pid, identity)));
    seen.push_back(inspect(agent::cast(self, pid, [](const Term& s) { return add(s, i(1)); })));
    seen.push_back(inspect(agent::get(self, pid, identity)));
    seen.push_back(inspect(sys::get_state(self, pid)));
    seen.push_back(inspect(agent::stop(self, pid)));
  });
  CHECK(seen == std::vector<std::string>{":ok", "0", ":ok", "50", "5", "10", ":ok", "11", "11", ":ok"});
  CHECK_FALSE(node.alive(pid.pid()));
  CHECK(node.process_count() == 0);
}

TEST_CASE_METHOD(NodeFixture, "a named Agent is found by name and a second start reports already_started",
                 "[agent]") {
  std::vector<std::string> seen;
  bool same = false, gone = false;
  run([&](Process& self) {
    Term store = a("Elixir.Store");
    Term r = agent::start_link(self, [] { return Term::map({}); }, store);
    agent::update(self, store, [](const Term& m) { return m.map_put(a("k"), i(1)); });
    seen.push_back(inspect(sys::get_state(self, store)));
    same = node.whereis(store) == r[1].pid();
    Term again = agent::start_link(self, [] { return i(0); }, store);
    seen.push_back(inspect(again) == "{:error, {:already_started, " + inspect(r[1]) + "}}" ? "already" : inspect(again));
    seen.push_back(inspect(sys::replace_state(self, store, [](const Term& m) { return m.map_put(a("j"), i(2)); })));
    seen.push_back(inspect(agent::stop(self, store)));
    gone = !node.whereis(store);
  });
  CHECK(seen == std::vector<std::string>{"%{k: 1}", "already", "%{j: 2, k: 1}", ":ok"});
  CHECK(same);
  CHECK(gone);
}

TEST_CASE_METHOD(NodeFixture, "a fun that exits crashes the agent and the caller exits with its reason",
                 "[agent][crash]") {
  std::string reason, bad, down;
  Term pid;
  run([&](Process& self) {
    self.trap_exit(true);
    pid = agent::start_link(self, [] { return i(1); })[1];
    reason = exit_of([&] { agent::get(self, pid, [](const Term&) -> Term { throw ExitSignal{a("oops")}; }); });
    down = inspect(*self.receive(tagged(Term(atom::EXIT)), Timeout{0}));
    Term other = agent::start_link(self, [] { return i(1); })[1];
    bad = exit_of([&] { agent::get_and_update(self, other, [](const Term&) { return a("bad"); }); });
  });
  CHECK_THAT(reason, Catch::Matchers::StartsWith("{:oops, {GenServer, :call, [" + inspect(pid) + ", {:get, #Function<"));
  CHECK(reason.find("}, 5000]}}") != std::string::npos);
  CHECK(down == "{:EXIT, " + inspect(pid) + ", :oops}");
  CHECK_THAT(bad, Catch::Matchers::StartsWith("{{:bad_return_value, :bad}, {GenServer, :call, ["));
  CHECK(count(logs, "[error] GenServer " + inspect(pid) + " terminating\n** (stop) :oops\n") == 1);
  CHECK(count(logs, "terminating") == 2);
}

TEST_CASE_METHOD(NodeFixture, "requests to a stopped agent exit with noproc as in t5_call_dead", "[agent]") {
  std::string get_exit, stop_exit, cast_result;
  Term pid;
  run([&](Process& self) {
    pid = agent::start(self, [] { return i(1); })[1];
    agent::stop(self, pid);
    get_exit = exit_of([&] { agent::get(self, pid, identity); });
    stop_exit = exit_of([&] { agent::stop(self, pid); });
    cast_result = inspect(agent::cast(self, pid, identity));
  });
  CHECK_THAT(get_exit, Catch::Matchers::StartsWith("{:noproc, {GenServer, :call, [" + inspect(pid) + ", {:get, #Function<"));
  CHECK(stop_exit == "{:noproc, {GenServer, :stop, [" + inspect(pid) + ", :normal, :infinity]}}");
  CHECK(cast_result == ":ok");
}

TEST_CASE_METHOD(NodeFixture, "a get that takes longer than its timeout exits with timeout on the virtual clock",
                 "[agent][timer]") {
  std::string reason = "not yet", after;
  Term pid;
  node.spawn([&](Process& self) {
    pid = agent::start(self, [] { return i(1); })[1];
    reason = exit_of([&] {
      agent::get(self, pid, [](const Term& s) {
        Process::current()->sleep(300);
        return s;
      }, Timeout{100});
    });
    after = inspect(agent::get(self, pid, identity));
    agent::stop(self, pid);
  });
  node.run_until_idle();
  CHECK(reason == "not yet");
  node.advance(100);
  CHECK_THAT(reason, Catch::Matchers::StartsWith("{:timeout, {GenServer, :call, [" + inspect(pid) + ", {:get, #Function<"));
  CHECK(reason.find("}, 100]}}") != std::string::npos);
  node.advance(200);
  CHECK(after == "1");
  CHECK(node.process_count() == 0);
}

TEST_CASE_METHOD(NodeFixture, "an initial fun that fails makes start return an error", "[agent][start]") {
  std::string linked, unlinked, signal, not_a_fun;
  run([&](Process& self) {
    self.trap_exit(true);
    linked = inspect(agent::start_link(self, []() -> Term { throw ExitSignal{a("no")}; }));
    signal = inspect((*self.receive(tagged(Term(atom::EXIT)), Timeout{0}))[2]);
    unlinked = inspect(agent::start(self, []() -> Term { throw ErlangError(Term(atom::badarith)); }));
    try {
      agent::get(self, a("whoever"), i(5));
    } catch (const ErlangError& e) {
      not_a_fun = inspect(e.reason);
    }
  });
  CHECK(linked == "{:error, :no}");
  CHECK(signal == ":no");
  CHECK(unlinked == "{:error, {:badarith, []}}");
  CHECK(not_a_fun == ":function_clause");
}

TEST_CASE_METHOD(NodeFixture, "stop with a reason ends the agent with it and a linked trapper is told",
                 "[agent][stop]") {
  std::string result, exit_msg;
  Term pid;
  run([&](Process& self) {
    self.trap_exit(true);
    pid = agent::start_link(self, [] { return i(1); })[1];
    result = inspect(agent::stop(self, pid, a("shutdown")));
    exit_msg = inspect(*self.receive(tagged(Term(atom::EXIT)), Timeout{0}));
  });
  CHECK(result == ":ok");
  CHECK(exit_msg == "{:EXIT, " + inspect(pid) + ", :shutdown}");
  CHECK(count(logs, "terminating") == 0);
}

TEST_CASE_METHOD(NodeFixture, "an agent's requests are Elixir's so plain GenServer calls and casts reach it",
                 "[agent]") {
  std::string got;
  run([&](Process& self) {
    Term pid = agent::start(self, [] { return i(3); })[1];
    Term f = make_fun(Atom::intern("erl_eval"), "expr/6", 1, [](std::span<const Term> s) { return add(s[0], i(1)); });
    gen::cast(node, pid, t({a("cast"), f}));
    got = inspect(gen::call(self, pid, t({a("get"), f})));
    agent::stop(self, pid);
  });
  CHECK(got == "5");
}

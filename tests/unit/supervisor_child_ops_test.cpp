// Supervisor: child operations and their errors (t6_child_ops), invalid
// specs and flags, start failures, the shutdown protocol, a nested
// supervisor and stop with a name (t6_stop).
#include "behaviours/supervisor.hpp"
#include "node_fixture.hpp"
#include "runtime/exit.hpp"

using namespace otp;
using namespace otp::test;
namespace sup = otp::supervisor;

namespace {

// A worker; `trap` makes it ignore :shutdown (only :kill stops it).
Term worker(const char* id, Term shutdown = Term(), bool trap = false) {
  sup::ChildOptions o;
  o.shutdown = shutdown;
  o.module = Term::atom("Elixir.Agent").atom();
  return sup::child_spec(a(id), [trap](Process& self) {
    SpawnOptions so;
    so.link = true;
    Pid p = self.spawn([trap](Process& me) { me.trap_exit(trap); for (;;) me.receive(); }, so).pid;
    return t({a("ok"), Term(p)});
  }, o);
}
std::string masked(const Term& x) {  // #PID<0.12.0> -> #PID<*>, as the transcripts
  std::string s = inspect(x), out;
  for (std::size_t k = 0; k < s.size(); ++k) {
    if (s.compare(k, 5, "#PID<") == 0) {
      out += "#PID<*>";
      k = s.find('>', k);
    } else {
      out += s[k];
    }
  }
  return out;
}
Term one_for_one() { return Term::list({t({a("strategy"), a("one_for_one")})}); }

}  // namespace

TEST_CASE_METHOD(NodeFixture, "child operations answer as in t6_child_ops", "[supervisor][child_ops]") {
  Driver d(*this, true);
  std::vector<std::string> out;
  d([&](Process& self) {
    Term s = sup::start_link(self, Term::list({worker("a")}), one_for_one())[1];
    out.push_back(masked(sup::terminate_child(self, s, a("a"))));
    out.push_back(masked(sup::which_children(self, s)));
    out.push_back(masked(sup::count_children(self, s)));
    out.push_back(masked(sup::restart_child(self, s, a("a"))));
    out.push_back(masked(sup::restart_child(self, s, a("a"))));
    out.push_back(masked(sup::delete_child(self, s, a("a"))));
    out.push_back(masked(sup::terminate_child(self, s, a("a"))));
    out.push_back(masked(sup::delete_child(self, s, a("a"))));
    out.push_back(masked(sup::which_children(self, s)));
    out.push_back(masked(sup::start_child(self, s, worker("c"))));
    out.push_back(masked(sup::start_child(self, s, worker("c"))));
    out.push_back(masked(sup::terminate_child(self, s, a("nope"))));
    out.push_back(masked(sup::restart_child(self, s, a("nope"))));
    out.push_back(masked(sup::delete_child(self, s, a("nope"))));
    sup::stop(self, s);
  });
  CHECK(out == std::vector<std::string>{
                   ":ok", "[{:a, :undefined, :worker, [Agent]}]",
                   "%{active: 0, specs: 1, supervisors: 0, workers: 1}", "{:ok, #PID<*>}", "{:error, :running}",
                   "{:error, :running}", ":ok", ":ok", "[]", "{:ok, #PID<*>}",
                   "{:error, {:already_started, #PID<*>}}", "{:error, :not_found}", "{:error, :not_found}",
                   "{:error, :not_found}"});
}

TEST_CASE_METHOD(NodeFixture, "invalid specs and flags are rejected naming the bad field",
                 "[supervisor][specs]") {
  Driver d(*this, true);
  std::vector<std::string> out;
  auto spec = [](const char* key, Term v) {
    return Term::map({{a("id"), a("a")}, {a("start"), t({a("Elixir.Agent"), a("start_link"), Term::list({})})},
                      {a(key), std::move(v)}});
  };
  d([&](Process& self) {
    auto start = [&](Term children, Term o) { out.push_back(inspect(sup::start_link(self, children, o))); };
    start(Term::list({spec("restart", a("sometimes"))}), one_for_one());
    start(Term::list({spec("shutdown", a("soon"))}), one_for_one());
    start(Term::list({spec("shutdown", i(-1))}), one_for_one());
    start(Term::list({spec("type", a("boss"))}), one_for_one());
    start(Term::list({spec("start", a("nope"))}), one_for_one());
    start(Term::list({spec("modules", a("x"))}), one_for_one());
    start(Term::list({worker("a"), worker("a")}), one_for_one());
    start(Term::list({}), Term::list({t({a("strategy"), a("foo")})}));
    start(Term::list({}), Term::list({t({a("strategy"), a("one_for_one")}), t({a("max_restarts"), i(-1)})}));
    start(Term::list({}), Term::list({t({a("strategy"), a("one_for_one")}), t({a("max_seconds"), i(0)})}));
    Term s = sup::start_link(self, Term::list({}), one_for_one())[1];
    out.push_back(inspect(sup::start_child(self, s, spec("restart", a("sometimes")))));
    sup::stop(self, s);
  });
  CHECK(out == std::vector<std::string>{
                   "{:error, {:start_spec, {:invalid_restart_type, :sometimes}}}",
                   "{:error, {:start_spec, {:invalid_shutdown, :soon}}}",
                   "{:error, {:start_spec, {:invalid_shutdown, -1}}}",
                   "{:error, {:start_spec, {:invalid_child_type, :boss}}}",
                   "{:error, {:start_spec, {:invalid_mfa, :nope}}}",
                   "{:error, {:start_spec, {:invalid_modules, :x}}}",
                   "{:error, {:start_spec, {:duplicate_child_name, :a}}}",
                   "{:error, {:supervisor_data, {:invalid_strategy, :foo}}}",
                   "{:error, {:supervisor_data, {:invalid_intensity, -1}}}",
                   "{:error, {:supervisor_data, {:invalid_period, 0}}}",
                   "{:error, {:invalid_restart_type, :sometimes}}"});
}

TEST_CASE_METHOD(NodeFixture, "a child failing to start stops the started ones and fails start_link",
                 "[supervisor][start]") {
  Driver d(*this, true);
  Term first, result;
  sup::ChildOptions o;
  Term bad = sup::child_spec(a("b"), [](Process& self) -> Term { self.exit(a("boom")); }, o);
  d([&](Process& self) {
    sup::register_start(self.node(), a("Elixir.Kernel").atom(), a("exit").atom(),
                        [](Process& me, std::span<const Term> args) -> Term { me.exit(args[0]); });
    Term spec_a = worker("a");
    result = sup::start_link(self, Term::list({spec_a, bad}), one_for_one());
  });
  CHECK(inspect(result) == "{:error, {:shutdown, {:failed_to_start_child, :b, {:EXIT, :boom}}}}");
  CHECK(node.process_count() == 1);  // only the driver is left
}

TEST_CASE_METHOD(NodeFixture, "shutdown timeouts are honoured on the virtual clock", "[supervisor][shutdown]") {
  Driver d(*this, true);
  Term s, stubborn;
  bool stopped = false;
  d([&](Process& self) {
    s = sup::start_link(self, Term::list({worker("brutal", a("brutal_kill"), true), worker("slow", i(1000), true)}),
                        one_for_one())[1];
    stubborn = sup::which_children(self, s).head()[1];  // "slow"
    sup::stop(self, s, a("shutdown"));
    stopped = true;
  });
  CHECK_FALSE(stopped);  // waiting for "slow", which traps exits
  CHECK(node.alive(stubborn.pid()));
  node.advance(999);
  CHECK(node.alive(stubborn.pid()));
  node.advance(1);
  CHECK_FALSE(node.alive(stubborn.pid()));
  CHECK(stopped);
}

TEST_CASE_METHOD(NodeFixture, "a nested supervisor is a child of type supervisor", "[supervisor][nested]") {
  Driver d(*this, true);
  std::string counts, inner_children;
  d([&](Process& self) {
    sup::ChildOptions o;
    o.type = a("supervisor");
    Term inner = sup::child_spec(a("inner"), [](Process& me) {
      return sup::start_link(me, Term::list({worker("w")}), one_for_one());
    }, o);
    Term s = sup::start_link(self, Term::list({inner}), one_for_one())[1];
    counts = inspect(sup::count_children(self, s));
    Term ipid = sup::which_children(self, s).head()[1];
    inner_children = masked(sup::which_children(self, ipid));
    sup::stop(self, s);
    CHECK_FALSE(self.node().alive(ipid.pid()));
  });
  CHECK(counts == "%{active: 1, specs: 1, supervisors: 1, workers: 0}");
  CHECK(inner_children == "[{:w, #PID<*>, :worker, [Agent]}]");
}

TEST_CASE_METHOD(NodeFixture, "a named supervisor stops with its children as in t6_stop", "[supervisor][stop]") {
  Driver d(*this, true);
  Term s, child, err;
  d([&](Process& self) {
    sup::Options o;
    o.name = a("Elixir.MySup");
    s = sup::start_link(self, Term::list({worker("a")}), o)[1];
    child = sup::which_children(self, a("Elixir.MySup")).head()[1];
    CHECK(self.node().whereis(a("Elixir.MySup")) == s.pid());
    CHECK(sup::stop(self, a("Elixir.MySup")) == a("ok"));
    try {
      sup::which_children(self, a("Elixir.MySup"));
    } catch (const ExitSignal& e) {
      err = e.reason;
    }
  });
  CHECK_FALSE(node.alive(s.pid()));
  CHECK_FALSE(node.alive(child.pid()));
  CHECK(inspect(err) == "{:noproc, {GenServer, :call, [MySup, :which_children, :infinity]}}");
}

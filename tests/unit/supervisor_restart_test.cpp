// Supervisor: start and stop order, the three strategies, restart types and
// the sliding restart-intensity window (after OTP's supervisor_SUITE).
#include "behaviours/supervisor.hpp"
#include "node_fixture.hpp"

using namespace otp;
using namespace otp::test;
namespace sup = otp::supervisor;

namespace {

// A worker that records its start in `log` and waits forever.
Term worker(const char* id, std::vector<std::string>* log, Term restart = Term()) {
  sup::ChildOptions o;
  o.restart = restart;
  return sup::child_spec(a(id), [id, log](Process& self) {
    if (log) log->push_back(std::string("start ") + id);
    SpawnOptions so;
    so.link = true;
    Pid p = self.spawn([](Process& me) { for (;;) me.receive(); }, so).pid;
    return t({a("ok"), Term(p)});
  }, o);
}

Term opts(const char* strategy, int64_t max_restarts = 3, int64_t max_seconds = 5) {
  return Term::list({t({a("strategy"), a(strategy)}), t({a("max_restarts"), i(max_restarts)}),
                     t({a("max_seconds"), i(max_seconds)})});
}

Term pid_of(Process& self, const Term& s, const char* id) {
  for (const Term& c : list_to_vector(sup::which_children(self, s)))
    if (c[0] == a(id)) return c[1];
  return a("none");
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "children start in order and which_children lists them in reverse",
                 "[supervisor]") {
  Driver d(*this);
  std::vector<std::string> log;
  std::string listed;
  d([&](Process& self) {
    Term r = sup::start_link(self, Term::list({worker("a", &log), worker("b", &log), worker("c", &log)}),
                             opts("one_for_one"));
    REQUIRE(r[0] == a("ok"));
    std::vector<std::string> ids;
    for (const Term& c : list_to_vector(sup::which_children(self, r[1]))) ids.push_back(inspect(c[0]));
    listed = ids[0] + ids[1] + ids[2];
    CHECK(inspect(sup::count_children(self, r[1])) == "%{active: 3, specs: 3, supervisors: 0, workers: 3}");
  });
  CHECK(log == std::vector<std::string>{"start a", "start b", "start c"});
  CHECK(listed == ":c:b:a");
}

TEST_CASE_METHOD(NodeFixture, "each strategy restarts its own set of children", "[supervisor]") {
  auto check = [&](const char* strategy, const char* expect) {
    Driver d(*this);
    Term s, before[3];
    d([&](Process& self) {
      s = sup::start_link(self, Term::list({worker("a", nullptr), worker("b", nullptr), worker("c", nullptr)}),
                          opts(strategy))[1];
      for (int k = 0; k < 3; ++k) before[k] = pid_of(self, s, std::string(1, char('a' + k)).c_str());
      self.exit(before[1], a("kill"));
    });
    std::string same;
    d([&](Process& self) {
      for (int k = 0; k < 3; ++k)
        same += pid_of(self, s, std::string(1, char('a' + k)).c_str()) == before[k] ? "=" : "*";
      sup::stop(self, s);
    });
    CHECK(same == expect);
  };
  check("one_for_one", "=*=");
  check("rest_for_one", "=**");
  check("one_for_all", "***");
}

TEST_CASE_METHOD(NodeFixture, "the restart window slides instead of resetting", "[supervisor][intensity]") {
  Driver d(*this, true);
  Term s;
  auto crash = [&] {
    d([&](Process& self) { self.exit(pid_of(self, s, "a"), a("kill")); });
  };
  d([&](Process& self) { s = sup::start_link(self, Term::list({worker("a", nullptr)}), opts("one_for_one", 3, 5))[1]; });
  crash();                 // t=0
  node.advance(2000);
  crash();                 // t=2
  node.advance(2000);
  crash();                 // t=4: three restarts within 5 s, still fine
  node.advance(2500);      // t=6.5: the one at t=0 has left the window
  crash();
  CHECK(node.alive(s.pid()));
  node.advance(1000);      // t=7.5: restarts at 2, 4, 6, 7 -> four within 5 s
  crash();
  CHECK_FALSE(node.alive(s.pid()));
  Term exit_msg;
  d([&](Process& self) { exit_msg = *self.receive(tagged(a("EXIT")), Timeout{0}); });
  CHECK(exit_msg == t({a("EXIT"), s, a("shutdown")}));
}

TEST_CASE_METHOD(NodeFixture, "exceeding the intensity kills a linked parent that does not trap exits",
                 "[supervisor][intensity]") {
  Driver d(*this);
  Term s, child;
  d([&](Process& self) {
    s = sup::start_link(self, Term::list({worker("a", nullptr)}), opts("one_for_one", 0, 5))[1];
    child = pid_of(self, s, "a");
  });
  node.exit(child, a("kill"));
  node.run_until_idle();
  CHECK_FALSE(node.alive(s.pid()));
  CHECK_FALSE(node.alive(d.pid));
}

TEST_CASE_METHOD(NodeFixture, "transient children restart only after abnormal exits and temporary never",
                 "[supervisor][restart]") {
  Driver d(*this);
  Term s, tr, tmp;
  d([&](Process& self) {
    s = sup::start_link(self, Term::list({worker("tr", nullptr, a("transient")), worker("tmp", nullptr, a("temporary"))}),
                        opts("one_for_one"))[1];
    tr = pid_of(self, s, "tr");
    tmp = pid_of(self, s, "tmp");
    self.exit(tr, a("boom"));
    self.exit(tmp, a("boom"));
  });
  std::string after;
  d([&](Process& self) {
    Term tr2 = pid_of(self, s, "tr");
    CHECK(tr2.is_pid());
    CHECK(tr2 != tr);
    CHECK(pid_of(self, s, "tmp") == a("none"));  // removed from the children
    self.exit(tr2, t({a("shutdown"), a("done")}));
  });
  d([&](Process& self) {
    after = inspect(sup::which_children(self, s));
    sup::stop(self, s);
  });
  CHECK(after == "[{:tr, :undefined, :worker, [Supervisor]}]");
}

// A supervisor that terminates abnormally (its parent was killed) logs
// GenServer's report with its state as OTP's #state record, as IEx shows it.
TEST_CASE_METHOD(NodeFixture, "a supervisor ended by its parent's exit reports its state as OTP's #state record",
                 "[supervisor][report]") {
  Pid parent = node.spawn([](Process& self) {
    Term o = Term::list({t({a("strategy"), a("one_for_one")}), t({a("name"), a("Elixir.Sup")})});
    sup::start_link(self, Term::list({worker("a", nullptr)}), o);
    self.receive();
  });
  node.run_until_idle();
  node.exit(Term(parent), a("kill"));
  node.run_until_idle();
  CHECK(count(logs, "GenServer Sup terminating\n** (stop) killed\nLast message: {:EXIT, " + inspect(Term(parent)) +
                        ", :killed}\nState: {:state, {:local, Sup}, :one_for_one, {[:a], %{a: {:child, #PID<") == 1);
  CHECK(count(logs, ", :a, #Function<") == 1);
  CHECK(count(logs, ", :permanent, false, 5000, :worker, [Supervisor]}}}, :undefined, 3, 5, [], 0, :never, "
                    "Supervisor.Default, {:ok, {") == 1);
}

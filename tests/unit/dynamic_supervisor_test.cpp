// DynamicSupervisor: start_child, terminate_child, restarts and counts as in
// t6_dynamic, max_children, extra_arguments and invalid options.
#include "behaviours/dynamic_supervisor.hpp"
#include "node_fixture.hpp"

using namespace otp;
using namespace otp::test;
namespace dyn = otp::dynamic_supervisor;
namespace sup = otp::supervisor;

namespace {
Term worker(Term restart = Term()) {
  sup::ChildOptions o;
  o.restart = restart;
  o.module = Term::atom("Elixir.Agent").atom();
  return sup::child_spec(a("x"), [](Process& self) {
    SpawnOptions so;
    so.link = true;
    return t({a("ok"), Term(self.spawn([](Process& me) { for (;;) me.receive(); }, so).pid)});
  }, o);
}
}  // namespace

TEST_CASE_METHOD(NodeFixture, "a dynamic supervisor answers as in t6_dynamic", "[supervisor][dynamic]") {
  Driver d(*this);
  Term ds, pa, pb, tmp;
  std::vector<std::string> out;
  d([&](Process& self) {
    ds = dyn::start_link(self)[1];
    pa = dyn::start_child(self, ds, worker())[1];
    pb = dyn::start_child(self, ds, worker())[1];
    out.push_back(inspect(dyn::count_children(self, ds)));
    out.push_back(inspect(dyn::terminate_child(self, ds, pa)));
    out.push_back(inspect(dyn::terminate_child(self, ds, pa)));
    self.exit(pb, a("kill"));
  });
  d([&](Process& self) {
    Term kids = dyn::which_children(self, ds);
    REQUIRE(list_length(kids) == 1);
    CHECK(kids.head()[0] == a("undefined"));
    CHECK(kids.head()[1] != pb);
    CHECK(inspect(kids.head()[3]) == "[Agent]");
    tmp = dyn::start_child(self, ds, worker(a("temporary")))[1];
    self.exit(tmp, a("kill"));
  });
  d([&](Process& self) {
    out.push_back(inspect(dyn::count_children(self, ds)));
    dyn::stop(self, ds);
  });
  CHECK(out == std::vector<std::string>{"%{active: 2, specs: 2, supervisors: 0, workers: 2}", ":ok",
                                        "{:error, :not_found}",
                                        "%{active: 1, specs: 1, supervisors: 0, workers: 1}"});
}

TEST_CASE_METHOD(NodeFixture, "max_children, extra_arguments and invalid options", "[supervisor][dynamic]") {
  Driver d(*this);
  std::vector<std::string> out;
  Term got_args;
  d([&](Process& self) {
    self.trap_exit(true);  // a failed start_link exits a linked caller (OTP 25)
    dyn::Options bad;
    bad.strategy = a("one_for_all");
    out.push_back(inspect(dyn::start_link(self, bad)));
    dyn::Options o;
    o.max_children = i(1);
    o.extra_arguments = Term::list({i(7)});
    Term ds = dyn::start_link(self, o)[1];
    sup::register_start(self.node(), a("M").atom(), a("f").atom(), [&](Process& me, std::span<const Term> args) {
      got_args = Term::list(args);
      SpawnOptions so;
      so.link = true;
      return t({a("ok"), Term(me.spawn([](Process& p) { for (;;) p.receive(); }, so).pid)});
    });
    Term spec = Term::map({{a("id"), a("m")}, {a("start"), t({a("M"), a("f"), Term::list({i(1)})})}});
    out.push_back(inspect(dyn::start_child(self, ds, spec)[0]));
    out.push_back(inspect(dyn::start_child(self, ds, spec)));
    out.push_back(inspect(dyn::start_child(self, ds, spec.map_put(a("restart"), a("sometimes")))));
    dyn::stop(self, ds);
  });
  CHECK(out == std::vector<std::string>{"{:error, {:supervisor_data, {:invalid_strategy, :one_for_all}}}", ":ok",
                                        "{:error, :max_children}", "{:error, {:invalid_restart_type, :sometimes}}"});
  CHECK(inspect(got_args) == "[7, 1]");
}

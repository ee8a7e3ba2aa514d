#include <string>

#include "behaviours/supervisor.hpp"
#include "behaviours/sys.hpp"
#include "counter/counter.hpp"
#include "divide/calc.hpp"
#include "node_fixture.hpp"
#include "runtime/exit.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(NodeFixture, "the Counter example counts calls and casts", "[examples][counter]") {
  std::string value;
  run([&](Process& self) {
    Term c = examples::counter::start_link(self, i(0))[1];
    examples::counter::increment(self, c);
    examples::counter::add(self, c, 41);
    value = inspect(examples::counter::value(self, c));
    gen_server::stop(self, c);
  });
  CHECK(value == "42");
}

TEST_CASE_METHOD(NodeFixture, "Counter can be started by a supervisor through its start function",
                 "[examples][counter][supervisor]") {
  std::string children;
  run([&](Process& self) {
    examples::counter::load(node);
    Term spec = Term::map({{a("id"), a("counter")},
                           {a("start"), t({a("Elixir.Counter"), a("start_link"), Term::list({i(5)})})}});
    Term sup = supervisor::start_link(self, Term::list({spec}))[1];
    Term kids = supervisor::which_children(self, sup);
    children = inspect(examples::counter::value(self, list_to_vector(kids)[0][1]));
    supervisor::stop(self, sup);
  });
  CHECK(children == "5");
}

TEST_CASE_METHOD(NodeFixture, "the divide example lets Calc crash and its supervisor bring it back",
                 "[examples][divide][supervisor]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term r = examples::calc::start_supervised(self);
    seen.push_back(inspect(r[0]));
    seen.push_back(inspect(examples::calc::divide(self, i(10), i(2))));
    seen.push_back(inspect(examples::calc::divide(self, i(9), i(3))));
    seen.push_back(inspect(sys::get_state(self, a("Elixir.Calc"))));
    Pid before = *node.whereis(a("Elixir.Calc"));
    try {
      examples::calc::divide(self, i(1), i(0));
    } catch (const ExitSignal& e) {
      seen.push_back(inspect(e.reason));
    }
    std::optional<Pid> after;
    for (int k = 0; k < 10 && !after; ++k) {  // the supervisor restarts Calc meanwhile
      self.yield();
      after = node.whereis(a("Elixir.Calc"));
    }
    seen.push_back(!after ? "not restarted" : before == *after ? "same pid" : "new pid");
    seen.push_back(inspect(sys::get_state(self, a("Elixir.Calc"))));
    seen.push_back(inspect(examples::calc::divide(self, i(8), i(2))));
    seen.push_back(inspect(supervisor::count_children(self, a("Elixir.CalcSup"))));
    supervisor::stop(self, a("Elixir.CalcSup"));
  });
  CHECK(seen == std::vector<std::string>{
                    ":ok", "5.0", "3.0", "%{ops: 2}",
                    "{{:badarith, []}, {GenServer, :call, [Calc, {:divide, 1, 0}, 5000]}}",
                    "new pid", "%{ops: 0}", "4.0", "%{active: 1, specs: 1, supervisors: 0, workers: 1}"});
  bool reported = false;
  for (auto& l : logs)
    reported = reported || l.find("[error] GenServer Calc terminating\n"
                                  "** (ArithmeticError) bad argument in arithmetic expression\n"
                                  "Last message (from ") != std::string::npos;
  CHECK(reported);
}

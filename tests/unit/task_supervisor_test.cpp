#include <string>

#include "behaviours/task.hpp"
#include "behaviours/task_supervisor.hpp"
#include "node_fixture.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

using namespace otp;
using namespace otp::test;

namespace {
Term fun0(std::function<Term()> f) {
  return make_fun(Atom::intern("Elixir.TaskSupervisorTest"), "test/0", 0,
                  [f = std::move(f)](std::span<const Term>) { return f(); });
}
}  // namespace

TEST_CASE_METHOD(NodeFixture, "Task.Supervisor runs async tasks under the supervisor and await collects them",
                 "[task][task_supervisor]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term sup = task_supervisor::start_link(self, a("Elixir.MyTasks"))[1];
    Term t1 = task_supervisor::async(self, a("Elixir.MyTasks"), fun0([] {
      Process::current()->sleep(5);
      return i(1);
    }));
    Term t2 = task_supervisor::async(self, sup, fun0([] {
      Process::current()->sleep(10);
      return i(2);
    }));
    seen.push_back(std::to_string(list_length(task_supervisor::children(self, sup))));
    seen.push_back(inspect(task::await(self, t1)));
    seen.push_back(inspect(task::await_many(self, Term::list({t2}))));
    seen.push_back(inspect(task_supervisor::children(self, sup)));
  });
  node.advance(10);
  CHECK(seen == std::vector<std::string>{"2", "1", "[2]", "[]"});
}

TEST_CASE_METHOD(NodeFixture, "an async_nolink task that crashes leaves its owner alive and await exits",
                 "[task][task_supervisor]") {
  std::string reason;
  Pid owner{};
  run([&](Process& self) {
    owner = self.self();
    Term sup = task_supervisor::start_link(self)[1];
    Term t = task_supervisor::async_nolink(self, sup, fun0([]() -> Term { throw ErlangError(a("badarith")); }));
    reason = exit_of([&] { task::await(self, t); });
    reason += node.alive(owner) ? " (owner alive)" : " (owner dead)";
  });
  CHECK(reason.rfind("{{:badarith, []}, {Task, :await, [", 0) == 0);
  CHECK(reason.find("(owner alive)") != std::string::npos);
  CHECK(count(logs, "[error] Task #PID<") == 1);
}

TEST_CASE_METHOD(NodeFixture, "Task.Supervisor.start_child runs a fun that nobody waits for",
                 "[task][task_supervisor]") {
  bool ran = false;
  std::string result;
  run([&](Process& self) {
    Term sup = task_supervisor::start_link(self)[1];
    result = inspect(task_supervisor::start_child(self, sup, fun0([&ran] {
      ran = true;
      return a("done");
    }))[0]);
    self.yield();
  });
  CHECK(result == ":ok");
  CHECK(ran);
}

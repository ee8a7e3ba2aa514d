#include <string>
#include <vector>

#include "behaviours/task.hpp"
#include "node_fixture.hpp"
#include "runtime/exit.hpp"
#include "term/arith.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

using namespace otp;
using namespace otp::test;

namespace {

// A task fun that sleeps `ms` and then returns `v`.
auto sleeper(int64_t ms, Term v) {
  return [ms, v] {
    Process::current()->sleep(ms);
    return v;
  };
}

std::size_t queue_len(Node& node, Process& self) {
  return static_cast<std::size_t>(node.process_info(Term(self.self()), Term(atom::message_queue_len))[1].small());
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "async runs a fun in a new process and await returns its result, as in t5_task",
                 "[task]") {
  std::string shown, me, result, done;
  run([&](Process& self) {
    Term task = task::async(self, [] { return add(i(1), i(1)); });
    shown = inspect(task);
    me = inspect(Term(self.self()));
    result = inspect(task::await(self, task));
    done = inspect(task::await(self, task::async(self, [] { return a("done"); })));
  });
  CHECK(shown.rfind("%Task{\n  mfa: {:erlang, :apply, 2},\n  owner: " + me + ",\n  pid: #PID<", 0) == 0);
  CHECK(shown.find(">,\n  ref: #Reference<") != std::string::npos);
  CHECK(result == "2");
  CHECK(done == ":done");
  CHECK(node.process_count() == 0);
}

TEST_CASE_METHOD(NodeFixture, "await exits with timeout and the task's late reply never arrives",
                 "[task][timer]") {
  std::string reason = "not yet", task_shown;
  std::size_t left = 99;
  node.spawn([&](Process& self) {
    Term task = task::async(self, sleeper(300, a("slow")));
    task_shown = inspect(task, InspectOptions{.width = 100000});
    reason = exit_of([&] { task::await(self, task, Timeout{50}); });
    self.sleep(400);
    left = queue_len(node, self);
  });
  node.run_until_idle();
  node.advance(50);
  CHECK(reason == "{:timeout, {Task, :await, [" + task_shown + ", 50]}}");
  node.advance(400);
  CHECK(left == 0);
  CHECK(node.process_count() == 0);
}

TEST_CASE_METHOD(NodeFixture, "yield returns nil while the task runs, then its result once", "[task][timer]") {
  std::vector<std::string> seen;
  node.spawn([&](Process& self) {
    Term task = task::async(self, sleeper(200, a("later")));
    seen.push_back(inspect(task::yield(self, task, Timeout{10})));
    seen.push_back(inspect(task::yield(self, task, Timeout{1000})));
    seen.push_back(inspect(task::yield(self, task, Timeout{0})));
  });
  node.run_until_idle();
  node.advance(10);
  node.advance(190);
  CHECK(seen == std::vector<std::string>{"nil", "{:ok, :later}", "nil"});
}

TEST_CASE_METHOD(NodeFixture, "await_many returns results in order and exits on timeout", "[task][timer]") {
  std::string results, reason = "not yet";
  node.spawn([&](Process& self) {
    Term slow = task::async(self, sleeper(30, i(1)));
    Term fast = task::async(self, [] { return i(2); });
    results = inspect(task::await_many(self, Term::list({slow, fast})));
    Term stuck = task::async(self, sleeper(500, i(3)));
    reason = exit_of([&] { task::await_many(self, Term::list({stuck}), Timeout{100}); });
  });
  node.run_until_idle();
  node.advance(30);
  CHECK(results == "[1, 2]");
  node.advance(100);
  CHECK(reason.rfind("{:timeout, {Task, :await_many, [[%Task{", 0) == 0);
  CHECK(reason.find("100]}}") != std::string::npos);
}

TEST_CASE_METHOD(NodeFixture, "a crashing task takes its owner down with it, and is reported as Elixir does",
                 "[task][crash]") {
  Pid owner = run([&](Process& self) {
    task::async(self, []() -> Term { throw ExitSignal{a("boom")}; });
    self.receive();
  });
  CHECK_FALSE(node.alive(owner));
  CHECK(node.process_info(Term(owner)) == Term(atom::undefined));
  CHECK(count(logs, " started from " + inspect(Term(owner)) + " terminating\n** (stop) :boom\nFunction: #Function<") == 1);
  CHECK(count(logs, "\n    Args: []\n") == 1);
  CHECK(node.process_count() == 0);
}

TEST_CASE_METHOD(NodeFixture, "a trapping owner sees the task's reason in await and in its EXIT message",
                 "[task][crash]") {
  std::string reason, exit_msg, raised;
  Term pid;
  run([&](Process& self) {
    self.trap_exit(true);
    Term task = task::async(self, []() -> Term { throw ExitSignal{a("boom")}; });
    pid = *task.map_get(a("pid"));
    reason = exit_of([&] { task::await(self, task, Timeout{100}); });
    exit_msg = inspect(*self.receive(tagged(Term(atom::EXIT)), Timeout{0}));
    Term bad = task::async(self, []() -> Term { throw ErlangError(Term(atom::badarith)); });
    raised = inspect(task::yield(self, bad));
  });
  CHECK(reason.rfind("{:boom, {Task, :await, [%Task{", 0) == 0);
  CHECK(exit_msg == "{:EXIT, " + inspect(pid) + ", :boom}");
  CHECK(raised == "{:exit, {:badarith, []}}");
  CHECK(count(logs, "terminating\n** (ArithmeticError) bad argument in arithmetic expression\n") == 1);
  CHECK(count(logs, "raised an exception") == 0);  // one report per crash: the task's
}

TEST_CASE_METHOD(NodeFixture, "a task that exits normally is not reported but await exits with normal",
                 "[task][crash]") {
  std::string reason;
  run([&](Process& self) {
    Term task = task::async(self, []() -> Term { throw ExitSignal{a("normal")}; });
    reason = exit_of([&] { task::await(self, task); });
  });
  CHECK(reason.rfind("{:normal, {Task, :await, [%Task{", 0) == 0);
  CHECK(logs.empty());
}

TEST_CASE_METHOD(NodeFixture, "shutdown stops a running task quietly and reports what a finished one left",
                 "[task][shutdown]") {
  std::vector<std::string> seen;
  std::size_t left = 99;
  run([&](Process& self) {
    self.trap_exit(true);
    Term running = task::async(self, sleeper(1000, i(1)));
    seen.push_back(inspect(task::shutdown(self, running)));
    seen.push_back(inspect(task::shutdown(self, running)));
    Term finished = task::async(self, [] { return i(5); });
    self.yield();
    seen.push_back(inspect(task::shutdown(self, finished, Timeout::infinity())));
    Term killed = task::async(self, sleeper(1000, i(1)));
    seen.push_back(inspect(task::shutdown_brutal_kill(self, killed)));
    Term died = task::async(self, []() -> Term { throw ExitSignal{a("boom")}; });
    self.yield();
    seen.push_back(inspect(task::shutdown(self, died)));
    self.receive(tagged(Term(atom::EXIT)), Timeout{0});  // finished's :normal
    self.receive(tagged(Term(atom::EXIT)), Timeout{0});  // died's :boom
    left = queue_len(node, self);
  });
  CHECK(seen == std::vector<std::string>{"nil", "{:exit, :noproc}", "{:ok, 5}", "nil", "{:exit, :boom}"});
  CHECK(left == 0);
}

TEST_CASE_METHOD(NodeFixture, "shutdown kills a task that traps exits once the shutdown time is over",
                 "[task][shutdown][timer]") {
  std::string stubborn = "not yet", caught;
  node.spawn([&](Process& self) {
    Term task = task::async(self, [] {
      Process::current()->trap_exit(true);
      Process::current()->sleep(1000);
      return i(1);
    });
    self.sleep(10);
    stubborn = inspect(task::shutdown(self, task, Timeout{100}));
    Term polite = task::async(self, [] {
      Process& me = *Process::current();
      me.trap_exit(true);
      me.receive(tagged(Term(atom::EXIT)), Timeout::infinity());
      return a("caught");
    });
    self.sleep(10);
    caught = inspect(task::shutdown(self, polite));
  });
  node.run_until_idle();
  node.advance(10);
  CHECK(stubborn == "not yet");
  node.advance(100);
  CHECK(stubborn == "{:exit, :killed}");
  node.advance(10);
  CHECK(caught == "{:ok, :caught}");
  CHECK(node.process_count() == 0);
}

TEST_CASE_METHOD(NodeFixture, "ignore lets the task run on but drops its reply", "[task]") {
  std::string ignored;
  std::size_t left = 99;
  node.spawn([&](Process& self) {
    Term task = task::async(self, sleeper(50, i(1)));
    ignored = inspect(task::ignore(self, task));
    self.sleep(100);
    left = queue_len(node, self);
  });
  node.run_until_idle();
  node.advance(100);
  CHECK(ignored == "nil");
  CHECK(left == 0);
}

TEST_CASE_METHOD(NodeFixture, "yield_many gives each task's outcome in order", "[task][timer]") {
  std::string got;
  node.spawn([&](Process& self) {
    self.trap_exit(true);
    Term tasks = Term::list({task::async(self, [] { return i(1); }), task::async(self, sleeper(500, i(2))),
                             task::async(self, []() -> Term { throw ExitSignal{a("x")}; })});
    std::string shown;
    for (const Term& r : list_to_vector(task::yield_many(self, tasks, Timeout{100}))) shown += inspect(r[1]) + " ";
    got = shown;
  });
  node.run_until_idle();
  node.advance(100);
  CHECK(got == "{:ok, 1} nil {:exit, :x} ");
  node.advance(500);
}

TEST_CASE_METHOD(NodeFixture, "async_stream maps a list through tasks in order, as in t5_task", "[task]") {
  std::string got;
  run([&](Process& self) {
    Term dbl = make_fun(Atom::intern("erl_eval"), "expr/6", 1, [](std::span<const Term> x) { return mul(x[0], i(2)); });
    got = inspect(task::async_stream(self, Term::list({i(1), i(2), i(3)}), dbl, 2));
  });
  CHECK(got == "[ok: 2, ok: 4, ok: 6]");
}

TEST_CASE_METHOD(NodeFixture, "async_stream is lazy: an endless source starts only the tasks that are taken",
                 "[task]") {
  int64_t pulled = 0;
  std::string got;
  std::size_t after_drop = 0;
  run([&](Process& self) {
    Term sq = make_fun(Atom::intern("erl_eval"), "expr/6", 1, [](std::span<const Term> x) { return mul(x[0], x[0]); });
    {
      task::AsyncStreamOptions o;
      o.max_concurrency = 2;
      task::AsyncStream stream(self, [&pulled]() -> std::optional<Term> { return i(++pulled); }, sq, o);
      for (int k = 0; k < 3; ++k) got += inspect(*stream.next()) + " ";
    }  // dropped with one task still running: it is killed
    self.yield();
    after_drop = self.node().process_count();
  });
  CHECK(got == "{:ok, 1} {:ok, 4} {:ok, 9} ");
  CHECK(pulled == 4);  // three taken plus one in the window
  CHECK(after_drop == 1);  // only the owner is left
}

TEST_CASE_METHOD(NodeFixture, "async_stream with on_timeout kill_task yields exit timeout and goes on", "[task]") {
  std::string got;
  run([&](Process& self) {
    Term slow = make_fun(Atom::intern("erl_eval"), "expr/6", 1, [](std::span<const Term> x) {
      if (x[0] == i(2)) Process::current()->sleep(1000);
      return x[0];
    });
    task::AsyncStreamOptions o;
    o.timeout = Timeout{100};
    o.kill_task_on_timeout = true;
    task::AsyncStream stream(self, Term::list({i(1), i(2), i(3)}), slow, o);
    while (std::optional<Term> r = stream.next()) got += inspect(*r) + " ";
  });
  node.advance(200);
  CHECK(got == "{:ok, 1} {:exit, :timeout} {:ok, 3} ");
}

TEST_CASE_METHOD(NodeFixture, "only the owner may await a task, and only funs of arity 0 run", "[task]") {
  std::string message, not_fun;
  run([&](Process& self) {
    Term task = task::async(self, [] { return i(1); });
    Process::current()->spawn([&, task](Process& other) {
      try {
        task::await(other, task);
      } catch (const ErlangError& e) {
        message = std::string(e.reason.map_get(Term(atom::message))->bytes());
      }
    });
    self.yield();
    try {
      task::async(self, i(1));
    } catch (const ErlangError& e) {
      not_fun = inspect(e.reason);
    }
    task::await(self, task);
  });
  CHECK(message.rfind("task %Task{", 0) == 0);
  CHECK(message.find("must be queried from the owner but was queried from #PID<") != std::string::npos);
  CHECK(not_fun == ":function_clause");
}

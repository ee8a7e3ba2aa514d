// Elixir's Task over core/behaviours/task.hpp: async/await/yield/shutdown/
// ignore, start/start_link, completed, child_spec. A %Task{} prints as
// Elixir prints it (mfa: {:erlang, :apply, 2} for a fun, {M, :f, arity}
// for Task.async(M, :f, args)). The owner checks, exits and their reasons
// are the runtime's. async_stream and Task.Supervisor are in
// otp_task_stream.cpp.
#include "behaviours/task.hpp"
#include "shell/lib/enumerable.hpp"
#include "shell/lib/otp_task.hpp"

namespace otp::shell::lib {

bool is_task(const Term& t) {
  const Term* s = t.is_map() ? t.map_get(Term(atom::__struct__)) : nullptr;
  return s && *s == task::task_module() && t.map_get(Term::atom("ref"));
}

Term with_mfa_field(Term task, const Term& m, const Term& f, const Term& a) {
  return task.map_put(Term::atom("mfa"), Term::tuple({m, f, Term::integer(list_length(a))}));
}

std::vector<Term> task_list(const Term& tasks) {
  std::vector<Term> all = enumerable::to_vector(tasks);
  for (const Term& t : all)
    if (!is_task(t)) raise_clause_error("MatchError", t);
  return all;
}

namespace {

Term t5000() { return Term::integer(5000); }

// Task.await(task, timeout \\ 5000) and the functions shaped like it.
template <Term (*F)(Process&, const Term&, Timeout)>
Term task_timeout(Args a, const char* name) {
  Term timeout_t = a.size() > 1 ? a[1] : t5000();
  std::optional<Timeout> t = timeout_arg(timeout_t);
  if (!is_task(a[0]) || !t) no_clause_for("Task", name, std::vector<Term>{a[0], timeout_t});
  return F(caller("Task"), a[0], *t);
}

template <Term (*F)(Process&, const Term&, Timeout)>
Term tasks_timeout(Args a, const char* name) {
  Term timeout_t = a.size() > 1 ? a[1] : t5000();
  std::optional<Timeout> t = timeout_arg(timeout_t);
  if (!t) no_clause_for("Task", name, std::vector<Term>{a[0], timeout_t});
  return F(caller("Task"), list_of(task_list(a[0])), *t);
}

Term shutdown(Args a) {
  Term how = a.size() > 1 ? a[1] : t5000();
  bool brutal = how.is_atom() && how.atom().name() == "brutal_kill";
  std::optional<Timeout> t = timeout_arg(how);
  if (!is_task(a[0]) || (!brutal && !t)) no_clause_for("Task", "shutdown", std::vector<Term>{a[0], how});
  if (a[0].map_get(Term::atom("pid"))->is_atom(atom::nil))
    raise_argument_error("task " + inspect(a[0]) + " does not have an associated task process");
  Process& self = caller("Task.shutdown");
  return brutal ? task::shutdown_brutal_kill(self, a[0]) : task::shutdown(self, a[0], *t);
}

// Task.start/start_link: a task nobody awaits; a crash is reported as a task's.
Term start(const Term& fun, bool link) {
  Process& self = caller("Task.start");
  const Pid owner = self.self();
  SpawnOptions o;
  o.link = link;
  Spawned s = self.spawn([owner, fun](Process& p) { task::detail::run_task(p, owner, Ref{0}, fun); }, std::move(o));
  return Term::tuple({Term(atom::ok), Term(s.pid)});
}

template <bool Link>
Term start_fun(Args a) {
  if (!is_fun(a[0], 0)) no_clause_for("Task", Link ? "start_link" : "start", a);
  return start(a[0], Link);
}

template <bool Link>
Term start_mfa(Args a) {
  if (!is_mfa(a[0], a[1], a[2])) no_clause_for("Task", Link ? "start_link" : "start", a);
  return start(mfa_fun(a[0], a[1], a[2], 0), Link);
}

Term completed(Args a) {
  Process& self = caller("Task.completed/1");
  Ref ref = self.node().make_ref();
  self.send(self.self(), Term::tuple({Term(ref), a[0]}));
  Term task = task::detail::make_task(self.self(), self.self(), ref).map_put(Term::atom("pid"), Term());
  return task.map_put(Term::atom("mfa"), Term::tuple({task::task_module(), Term::atom("completed"), Term::integer(1)}));
}

}  // namespace

void add_otp_task(Library& lib) {
  const char* T = "Task";
  lib.add(T, "async", 1, [](Args a) {
    if (!is_fun(a[0], 0)) no_clause_for("Task", "async", a);
    return task::async(caller("Task.async/1"), a[0]);
  }, "Runs fun in a linked, monitored process; await the %Task{} for its result.");
  lib.add(T, "async", 3, [](Args a) {
    if (!is_mfa(a[0], a[1], a[2])) no_clause_for("Task", "async", a);
    return with_mfa_field(task::async(caller("Task.async/3"), mfa_fun(a[0], a[1], a[2], 0)), a[0], a[1], a[2]);
  }, "Runs apply(m, f, a) as a task.");
  lib.add(T, "await", 1, [](Args a) { return task_timeout<task::await>(a, "await"); }, "The task's result (waits up to 5000 ms, else exits).");
  lib.add(T, "await", 2, [](Args a) { return task_timeout<task::await>(a, "await"); }, "The task's result, waiting up to timeout (or :infinity).");
  lib.add(T, "await_many", 1, [](Args a) { return tasks_timeout<task::await_many>(a, "await_many"); }, "The results of several tasks, in order.");
  lib.add(T, "await_many", 2, [](Args a) { return tasks_timeout<task::await_many>(a, "await_many"); }, "await_many/1 with a timeout.");
  lib.add(T, "yield", 1, [](Args a) { return task_timeout<task::yield>(a, "yield"); }, "{:ok, result}, {:exit, reason}, or nil if still running after 5000 ms.");
  lib.add(T, "yield", 2, [](Args a) { return task_timeout<task::yield>(a, "yield"); }, "yield/1 with a timeout.");
  lib.add(T, "yield_many", 1, [](Args a) { return tasks_timeout<task::yield_many>(a, "yield_many"); }, "[{task, {:ok, r} | {:exit, reason} | nil}].");
  lib.add(T, "yield_many", 2, [](Args a) { return tasks_timeout<task::yield_many>(a, "yield_many"); }, "yield_many/1 with a timeout.");
  lib.add(T, "shutdown", 1, shutdown, "Stops the task: {:ok, r} if it had replied, {:exit, reason}, or nil.");
  lib.add(T, "shutdown", 2, shutdown, "shutdown/1 with a timeout or :brutal_kill.");
  lib.add(T, "ignore", 1, [](Args a) {
    if (!is_task(a[0])) no_clause_for("Task", "ignore", a);
    return task::ignore(caller("Task.ignore/1"), a[0]);
  }, "Stops listening to the task (it keeps running): {:ok, r}, {:exit, reason} or nil.");
  lib.add(T, "start", 1, start_fun<false>, "Runs fun in a process nobody awaits: {:ok, pid}.");
  lib.add(T, "start", 3, start_mfa<false>, "Runs apply(m, f, a) in a process nobody awaits.");
  lib.add(T, "start_link", 1, start_fun<true>, "Runs fun in a linked process: {:ok, pid}.");
  lib.add(T, "start_link", 3, start_mfa<true>, "Runs apply(m, f, a) in a linked process.");
  lib.add(T, "completed", 1, completed, "A task already completed with result.");
  lib.add(T, "child_spec", 1, [](Args a) {
    return Term::map({{Term(atom::id), task::task_module()},
                      {Term::atom("restart"), Term::atom("temporary")},
                      {Term::atom("start"), Term::tuple({task::task_module(), Term::atom("start_link"), Term::list({a[0]})})}});
  }, "The child specification for a supervisor.");
}

}  // namespace otp::shell::lib

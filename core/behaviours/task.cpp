// Task.async and friends (see task.hpp), following Elixir 1.14's task.ex
// clause by clause: which messages each function receives, in which order
// it demonitors and unlinks, and what it returns or exits with.
#include "behaviours/task.hpp"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <memory>

#include "behaviours/gen.hpp"
#include "runtime/crash.hpp"
#include "runtime/exit.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"
#include "term/struct.hpp"

namespace otp::task {

namespace {

Atom field(int k) {
  static const Atom fields[] = {Atom::intern("mfa"), Atom::intern("owner"), Atom::intern("pid"),
                                Atom::intern("ref")};
  return fields[k];
}
enum Field { kMfa, kOwner, kPid, kRef };

// The fields of a %Task{} (error :function_clause for anything else).
struct View {
  Term owner, pid, ref;
};
View view(const Term& task) {
  const Term* s = task.is_map() ? task.map_get(Term(atom::__struct__)) : nullptr;
  const Term *o = nullptr, *p = nullptr, *r = nullptr;
  if (s && *s == task_module()) {
    o = task.map_get(Term(field(kOwner)));
    p = task.map_get(Term(field(kPid)));
    r = task.map_get(Term(field(kRef)));
  }
  if (!o || !p || !r || !r->is_ref()) throw ErlangError(Term(atom::function_clause));
  return View{*o, *p, *r};
}

Term argument_error(const std::string& message) {
  return Term::map({{Term(atom::__struct__), Term(atom::elixir_argument_error)},
                    {Term(atom::__exception__), Term(atom::true_)},
                    {Term(atom::message), Term::binary(message)}});
}

// Kernel.inspect/1 as Elixir's messages use it: not pretty, on one line.
InspectOptions one_line() {
  InspectOptions o;
  o.pretty = false;
  return o;
}

View owned(Process& self, const Term& task) {
  View v = view(task);
  if (!v.owner.is_pid() || v.owner.pid() != self.self())
    throw ErlangError(argument_error("task " + inspect(task, one_line()) + " must be queried from the owner but was queried from " +
                                     inspect(Term(self.self()))));
  return v;
}

bool is_reply(const Term& m, const Term& ref) { return m.is_tuple() && m.tuple_size() == 2 && m[0] == ref; }
bool is_down(const Term& m, const Term& ref) {
  return m.is_tuple() && m.tuple_size() == 5 && m[0].is_atom(atom::DOWN) && m[1] == ref;
}

Term ok(Term v) { return Term::tuple({Term(atom::ok), std::move(v)}); }
Term exit_tuple(Term reason) { return Term::tuple({Term(atom::exit), std::move(reason)}); }

// {reason, {Task, function, args}}: how the owner exits.
ExitSignal task_exit(Term reason, const char* function, Term args) {
  return ExitSignal{Term::tuple(
      {std::move(reason), Term::tuple({task_module(), Term::atom(function), std::move(args)})})};
}

// Stops waiting for `ref`: no DOWN, and a late reply is dropped (alias off).
void forget(Process& self, const Term& ref) {
  self.demonitor(ref.ref(), true);
  self.remove_alias(ref.ref());
}

bool quiet(const Term& r) {
  return r.is_atom(atom::normal) || r.is_atom(atom::shutdown) ||
         (r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom(atom::shutdown));
}

void report(Process& self, Pid owner, const Term& fun, const Term& reason, const CrashInfo& crash) {
  Node& node = self.node();
  if (!node.reports()) return;
  std::string head = crash.crashed ? crash.headline : "** (stop) " + format_exit_reason(reason);
  node.log(node.log_prefix("error") + "Task " + inspect(Term(self.self())) + " started from " +
           inspect(Term(owner)) + " terminating\n" + head + "\nFunction: " + inspect(fun) + "\n    Args: []\n");
}

// The task process: run the fun, reply {ref, result} through the alias.
void run(Process& self, Pid owner, Ref ref, const Term& fun) {
  Term result;
  CrashInfo crash;
  if (auto failed = catch_exit([&] { result = apply_fun(fun, std::span<const Term>()); }, &crash)) {
    Term reason = std::move(*failed);
    if (crash.crashed || !quiet(reason)) report(self, owner, fun, reason, crash);
    throw ExitSignal{std::move(reason)};  // reported here: the runtime must not report it again
  }
  self.node().send_reply(owner, ref, Term::tuple({Term(ref), std::move(result)}));
}

// Built per call: a boxed static would outlive every node (and their leak checks).
Term mfa_apply() { return Term::tuple({Term(atom::erlang), Term(atom::apply), Term::integer(2)}); }

enum class Kind { Shutdown, TimeoutKill, Brutal };

bool expected_down(const Term& reason, Kind kind) {
  return (reason.is_atom(atom::shutdown) && kind != Kind::Brutal) ||
         (reason.is_atom(atom::killed) && kind == Kind::Brutal);
}

Term flush_reply(Process& self, const Term& ref) {
  std::optional<Term> got = self.receive([&](const Term& m) { return is_reply(m, ref); }, Timeout{0});
  return got ? ok((*got)[1]) : Term();
}

// The task was already gone when shutdown monitored it: what did it leave?
Term flush_noproc(Process& self, const Term& ref, const Term& proc, Kind kind) {
  std::optional<Term> got =
      self.receive([&](const Term& m) { return is_reply(m, ref) || is_down(m, ref); }, Timeout{0});
  if (!got) {
    self.demonitor(ref.ref(), true);
    return Term::tuple({Term(atom::DOWN), proc, Term(atom::noproc)});  // {:down, ...} marker
  }
  if (got->tuple_size() == 2) {
    self.demonitor(ref.ref(), true);
    return ok((*got)[1]);
  }
  return expected_down((*got)[4], kind) ? Term() : exit_tuple((*got)[4]);
}

Term shutdown_with(Process& self, const Term& task, Kind kind, Timeout timeout) {
  View v = owned(self, task);
  self.unlink(v.pid);
  Ref mon = self.monitor(v.pid);
  Term mon_term(mon);
  self.exit(v.pid, Term(kind == Kind::Brutal ? atom::kill : atom::shutdown));
  Term r;
  for (;;) {
    std::optional<Term> down = self.receive([&](const Term& m) { return is_down(m, mon_term); }, timeout);
    if (!down) {  // it did not stop in time
      self.exit(v.pid, Term(atom::kill));
      kind = Kind::TimeoutKill;
      timeout = Timeout::infinity();
      continue;
    }
    const Term& reason = (*down)[4];
    if (expected_down(reason, kind)) {
      self.demonitor(v.ref.ref(), true);
      r = flush_reply(self, v.ref);
    } else if (reason.is_atom(atom::noproc)) {
      Term left = flush_noproc(self, v.ref, (*down)[3], kind);
      r = flush_reply(self, v.ref);
      if (r.is_atom(atom::nil)) r = left;
    } else {
      self.demonitor(v.ref.ref(), true);
      r = flush_reply(self, v.ref);
      if (r.is_atom(atom::nil)) r = Term::tuple({Term(atom::DOWN), (*down)[3], reason});
    }
    break;
  }
  self.remove_alias(v.ref.ref());
  if (r.is_tuple() && r.tuple_size() == 3 && r[0].is_atom(atom::DOWN)) return exit_tuple(r[2]);
  return r;
}

// Time left until `deadline` (-1: none).
Timeout left(Node& node, int64_t deadline) {
  if (deadline < 0) return Timeout::infinity();
  return Timeout{std::max<int64_t>(0, deadline - node.now_ms())};
}
int64_t deadline_of(Node& node, Timeout t) { return t.is_infinity() ? -1 : node.now_ms() + t.ms; }

}  // namespace

const Term& task_module() {
  static const Term module = [] {
    Atom m = Atom::intern("Elixir.Task");
    register_struct(m, {field(kMfa), field(kOwner), field(kPid), field(kRef)});
    return Term(m);
  }();
  return module;
}

Term async(Process& owner, const Term& fun) {
  if (!fun.is_fun() || fun.fun().arity() != 0) throw ErlangError(Term(atom::function_clause));
  const Term& module = task_module();
  // The task needs its monitor ref, known only once spawn returns; spawn
  // only queues the new process, which cannot run before the owner next
  // yields, so the ref is in the cell by then.
  auto cell = std::make_shared<Ref>(Ref{0});
  const Pid me = owner.self();
  SpawnOptions so;
  so.link = true;
  so.monitor = true;
  so.initial_call = mfa_apply();
  Spawned sp = owner.spawn([cell, fun, me](Process& self) { run(self, me, *cell, fun); }, std::move(so));
  *cell = *sp.monitor;
  owner.add_alias(*sp.monitor);
  return Term::map({{Term(atom::__struct__), module},
                    {Term(field(kMfa)), mfa_apply()},
                    {Term(field(kOwner)), Term(me)},
                    {Term(field(kPid)), Term(sp.pid)},
                    {Term(field(kRef)), Term(*sp.monitor)}});
}

namespace detail {
void run_task(Process& self, Pid owner, Ref ref, const Term& fun) { run(self, owner, ref, fun); }
Term make_task(Pid owner, Pid pid, Ref ref) {
  return Term::map({{Term(atom::__struct__), task_module()},
                    {Term(field(kMfa)), mfa_apply()},
                    {Term(field(kOwner)), Term(owner)},
                    {Term(field(kPid)), Term(pid)},
                    {Term(field(kRef)), Term(ref)}});
}
}  // namespace detail

Term async(Process& owner, std::function<Term()> fun) {
  return async(owner, make_fun(Atom::intern("Elixir.Task"), "async/1", 0,
                               [f = std::move(fun)](std::span<const Term>) { return f(); }));
}

Term await(Process& self, const Term& task, Timeout timeout) {
  View v = owned(self, task);
  std::optional<Term> got =
      self.receive([&](const Term& m) { return is_reply(m, v.ref) || is_down(m, v.ref); }, timeout);
  if (!got) {
    forget(self, v.ref);
    throw task_exit(Term(atom::timeout), "await", Term::list({task, gen::timeout_term(timeout)}));
  }
  if (got->tuple_size() == 2) {
    forget(self, v.ref);
    return (*got)[1];
  }
  self.remove_alias(v.ref.ref());
  throw task_exit((*got)[4], "await", Term::list({task, gen::timeout_term(timeout)}));
}

Term await_many(Process& self, const Term& tasks, Timeout timeout) {
  std::vector<Term> all = list_to_vector(tasks);
  std::vector<Term> refs, replies(all.size());
  std::vector<bool> pending(all.size(), true);
  for (const Term& t : all) refs.push_back(owned(self, t).ref);
  std::size_t waiting = all.size();
  const int64_t deadline = deadline_of(self.node(), timeout);
  auto fail = [&](Term reason) {
    for (std::size_t k = 0; k < refs.size(); ++k)
      if (pending[k]) forget(self, refs[k]);
    return task_exit(std::move(reason), "await_many", Term::list({tasks, gen::timeout_term(timeout)}));
  };
  while (waiting > 0) {
    std::size_t hit = 0;
    std::optional<Term> got = self.receive(
        [&](const Term& m) {
          for (std::size_t k = 0; k < refs.size(); ++k)
            if (pending[k] && (is_reply(m, refs[k]) || is_down(m, refs[k]))) {
              hit = k;
              return true;
            }
          return false;
        },
        left(self.node(), deadline));
    if (!got) throw fail(Term(atom::timeout));
    if (got->tuple_size() == 5) throw fail((*got)[4]);
    forget(self, refs[hit]);
    for (std::size_t k = hit; k < refs.size(); ++k)  // the same task may be listed twice
      if (pending[k] && refs[k] == refs[hit]) {
        replies[k] = (*got)[1];
        pending[k] = false;
        --waiting;
      }
  }
  return Term::list(std::span<const Term>(replies));
}

Term yield(Process& self, const Term& task, Timeout timeout) {
  View v = owned(self, task);
  std::optional<Term> got =
      self.receive([&](const Term& m) { return is_reply(m, v.ref) || is_down(m, v.ref); }, timeout);
  if (!got) return Term();
  if (got->tuple_size() == 2) {
    forget(self, v.ref);
    return ok((*got)[1]);
  }
  self.remove_alias(v.ref.ref());
  return exit_tuple((*got)[4]);
}

Term yield_many(Process& self, const Term& tasks, Timeout timeout) {
  const int64_t deadline = deadline_of(self.node(), timeout);
  std::vector<Term> out;
  for (const Term& t : list_to_vector(tasks)) {
    View v = owned(self, t);
    std::optional<Term> got = self.receive(
        [&](const Term& m) { return is_reply(m, v.ref) || is_down(m, v.ref); }, left(self.node(), deadline));
    Term r;
    if (got && got->tuple_size() == 2) {
      forget(self, v.ref);
      r = ok((*got)[1]);
    } else if (got) {
      self.remove_alias(v.ref.ref());
      r = exit_tuple((*got)[4]);
    }
    out.push_back(Term::tuple({t, std::move(r)}));
  }
  return Term::list(std::span<const Term>(out));
}

Term shutdown(Process& owner, const Term& task, Timeout shutdown) {
  return shutdown_with(owner, task, Kind::Shutdown, shutdown);
}

Term shutdown_brutal_kill(Process& owner, const Term& task) {
  return shutdown_with(owner, task, Kind::Brutal, Timeout::infinity());
}

Term ignore(Process& self, const Term& task) {
  View v = owned(self, task);
  std::optional<Term> got =
      self.receive([&](const Term& m) { return is_reply(m, v.ref) || is_down(m, v.ref); }, Timeout{0});
  self.unlink(v.pid);
  if (got && got->tuple_size() == 5) {
    self.remove_alias(v.ref.ref());
    return exit_tuple((*got)[4]);
  }
  forget(self, v.ref);
  return got ? ok((*got)[1]) : Term();
}

}  // namespace otp::task

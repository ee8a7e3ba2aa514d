#include "behaviours/task_supervisor.hpp"

#include "behaviours/child_spec.hpp"
#include "behaviours/dynamic_supervisor.hpp"
#include "behaviours/task.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

namespace otp::task_supervisor {

namespace {

const Term& go_tag() {
  static const Term t = Term::atom("$task_ref");
  return t;
}

// Starts a task process under `sup`; when `owner` is given the task links
// to it (async) and, when `wait` is set, waits for the owner's ref.
Term start_task(Process& caller, const Term& sup, const Term& fun, bool link_owner, bool wait) {
  if (!fun.is_fun() || fun.fun().arity() != 0) throw ErlangError(Term(atom::function_clause));
  const Pid owner = caller.self();
  supervisor::ChildOptions o;
  o.module = Atom::intern("Elixir.Task.Supervised");
  o.restart = Term::atom("temporary");
  Term spec = supervisor::child_spec(Term::atom("Elixir.Task.Supervised"), [fun, owner, link_owner, wait](Process& s) {
    SpawnOptions so;
    so.link = true;  // to the supervisor, which runs this start function
    Spawned sp = s.spawn([fun, owner, link_owner, wait](Process& self) {
      if (link_owner) self.link(Term(owner));
      Ref ref{0};
      if (wait) {
        Term go = *self.receive([](const Term& m) { return m.is_tuple() && m.tuple_size() == 2 && m[0] == go_tag(); },
                                Timeout::infinity());
        ref = go[1].ref();
      }
      task::detail::run_task(self, owner, ref, fun);
    }, so);
    return Term::tuple({Term(atom::ok), Term(sp.pid)});
  }, o);
  return dynamic_supervisor::start_child(caller, sup, spec);
}

Term async_task(Process& owner, const Term& sup, const Term& fun, bool link) {
  Term r = start_task(owner, sup, fun, link, true);
  if (!r.is_tuple() || !r[0].is_atom(atom::ok)) throw ErlangError(r);
  const Pid pid = r[1].pid();
  Ref ref = owner.monitor(r[1]);
  owner.add_alias(ref);
  owner.send(pid, Term::tuple({go_tag(), Term(ref)}));
  return task::detail::make_task(owner.self(), pid, ref);
}

}  // namespace

Term start_link(Process& caller, Term name) {
  dynamic_supervisor::Options o;
  o.name = std::move(name);
  return dynamic_supervisor::start_link(caller, o);
}

Term async(Process& owner, const Term& sup, const Term& fun) { return async_task(owner, sup, fun, true); }

Term async_nolink(Process& owner, const Term& sup, const Term& fun) { return async_task(owner, sup, fun, false); }

Term start_child(Process& caller, const Term& sup, const Term& fun) { return start_task(caller, sup, fun, false, false); }

Term children(Process& caller, const Term& sup) {
  std::vector<Term> pids;
  for (const Term& c : list_to_vector(dynamic_supervisor::which_children(caller, sup)))
    if (c[1].is_pid()) pids.push_back(c[1]);
  return Term::list(std::span<const Term>(pids));
}

}  // namespace otp::task_supervisor

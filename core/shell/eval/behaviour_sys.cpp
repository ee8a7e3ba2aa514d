// :sys for the shell, over core/behaviours/sys.hpp: get_state,
// replace_state, get_status, suspend, resume, change_code, trace and
// terminate, on any gen_server-based process (GenServer, Agent, Supervisor,
// GenStage ...). Failures exit as OTP's ({reason, {:sys, fun, args}}).
//
// A Supervisor's state is an opaque C++ object; get_state shows it as
// OTP's #state record and a DynamicSupervisor's as Elixir's
// %DynamicSupervisor{} struct, built from what the state holds
// (supervisor::view_state): the restart history, a DynamicSupervisor's
// extra_arguments/max_children and the init args are not kept there and
// show as [], :infinity / the defaults, :undefined.
#include <limits>

#include "behaviours/dynamic_supervisor.hpp"
#include "behaviours/supervisor.hpp"
#include "behaviours/sys.hpp"
#include "shell/eval/behaviour.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "term/fun.hpp"
#include "term/struct.hpp"

namespace otp::shell::lib {

namespace {

using namespace behaviour;
using Args = std::span<const Term>;

Term A(const char* s) { return Term::atom(s); }

Timeout timeout_arg(Args a, std::size_t i, const char* fun) {
  Timeout t{5000};
  if (a.size() > i && !timeout_of(a[i], &t))
    raise_function_clause(":sys", fun, std::vector<Term>(a.begin(), a.end()));
  return t;
}

// The callback module and name part of a supervisor's #state.
void identity(Process& me, const Term& server, Term* name, Term* module) {
  *module = A("undefined");
  *name = A("undefined");
  std::optional<Pid> pid = gen::whereis(me.node(), server);
  if (!pid) return;
  Term init = me.node().process_info(Term(*pid), A("initial_call"));
  if (init.is_tuple() && init.tuple_size() == 2 && init[1].is_tuple() && init[1].tuple_size() == 3) *module = init[1][0];
  Term reg = me.node().process_info(Term(*pid), A("registered_name"));
  bool named = reg.is_tuple() && reg.tuple_size() == 2 && reg[1].is_atom();
  *name = named ? Term::tuple({A("local"), reg[1]}) : Term::tuple({Term(*pid), *module});
}

Term supervisor_record(Process& me, const Term& server, const supervisor::StateView& v) {
  Term name, module;
  identity(me, server, &name, &module);
  std::vector<Term> ids;
  std::vector<std::pair<Term, Term>> db;
  for (const supervisor::Child& c : v.children) {
    ids.push_back(c.id);
    db.emplace_back(c.id, supervisor::child_record(c));
  }
  return Term::tuple({A("state"), name, v.strategy,
                      Term::tuple({Term::list(std::span<const Term>(ids)), Term::map(std::move(db))}),
                      A("undefined"), Term::integer(v.max_restarts), Term::integer(v.max_seconds),
                      Term::empty_list(), Term::integer(0), A("never"), module, A("undefined")});
}

Term dynamic_struct(Process& me, const Term& server, const supervisor::StateView& v) {
  static const Atom mod = [] {
    Atom m = Atom::intern("Elixir.DynamicSupervisor");
    if (!struct_fields(m))
      register_struct(m, {Atom::intern("args"), Atom::intern("extra_arguments"), Atom::intern("mod"),
                          Atom::intern("name"), Atom::intern("strategy"), Atom::intern("max_children"),
                          Atom::intern("max_restarts"), Atom::intern("max_seconds"), Atom::intern("children"),
                          Atom::intern("restarts")});
    return m;
  }();
  Term name, module;
  identity(me, server, &name, &module);
  if (module.is_atom(mod)) module = A("Elixir.Supervisor.Default");  // DynamicSupervisor.start_link(opts)'s
  if (name.is_tuple() && name[0].is_atom(Atom::intern("local"))) name = name[1];
  else if (name.is_tuple()) name = Term::tuple({name[0], module});
  std::vector<std::pair<Term, Term>> children;
  for (const supervisor::Child& c : v.children)
    if (c.pid.is_pid())
      children.emplace_back(c.pid, Term::tuple({c.start, supervisor::restart_term(c.restart), c.shutdown,
                                                supervisor::type_term(c), c.modules}));
  return Term::map({{Term(atom::__struct__), Term(mod)},
                    {A("args"), A("undefined")},
                    {A("extra_arguments"), Term::empty_list()},
                    {A("mod"), module},
                    {A("name"), name},
                    {A("strategy"), v.strategy},
                    {A("max_children"), Term(atom::infinity)},
                    {A("max_restarts"), Term::integer(v.max_restarts)},
                    {A("max_seconds"), Term::integer(v.max_seconds)},
                    {A("children"), Term::map(std::move(children))},
                    {A("restarts"), Term::empty_list()}});
}

Term get_state(Args a) {
  Process& me = self();
  Term state = sys::get_state(me, a[0], timeout_arg(a, 1, "get_state"));
  if (!state.is_fun()) return state;
  supervisor::StateView v;
  const std::size_t all = std::numeric_limits<std::size_t>::max();
  if (supervisor::view_state(state, me.node().now_ms(), all, &v)) return supervisor_record(me, a[0], v);
  if (dynamic_supervisor::view_state(state, me.node().now_ms(), all, &v)) return dynamic_struct(me, a[0], v);
  return state;
}

Term replace_state(Args a) {
  if (!a[1].is_fun() || a[1].fun().arity() != 1)
    raise_function_clause(":sys", "replace_state", std::vector<Term>(a.begin(), a.end()));
  return sys::replace_state(self(), a[0], a[1], timeout_arg(a, 2, "replace_state"));
}

Term trace(Args a) {
  if (!a[1].is_boolean()) raise_function_clause(":sys", "trace", std::vector<Term>(a.begin(), a.end()));
  return sys::trace(self(), a[0], a[1].is_atom(atom::true_), timeout_arg(a, 2, "trace"));
}

Term terminate(Args a) {
  Timeout t = Timeout::infinity();
  if (a.size() > 2 && !timeout_of(a[2], &t))
    raise_function_clause(":sys", "terminate", std::vector<Term>(a.begin(), a.end()));
  return gen_server::stop(self(), a[0], a[1], t);
}

}  // namespace

void add_behaviour_sys(Library& lib) {
  const char* S = ":sys";
  lib.add(S, "get_state", 1, get_state, "The state of a GenServer, Agent, Supervisor, GenStage ...");
  lib.add(S, "get_state", 2, get_state, "get_state/1 with a timeout.");
  lib.add(S, "replace_state", 2, replace_state, "Replaces the state with fun.(state); returns the new state.");
  lib.add(S, "replace_state", 3, replace_state, "replace_state/2 with a timeout.");
  lib.add(S, "get_status", 1, [](Args a) { return sys::get_status(self(), a[0], timeout_arg(a, 1, "get_status")); },
          "{:status, pid, {:module, :gen_server}, [pdict, status, parent, debug, data]}.");
  lib.add(S, "get_status", 2, [](Args a) { return sys::get_status(self(), a[0], timeout_arg(a, 1, "get_status")); },
          "get_status/1 with a timeout.");
  lib.add(S, "suspend", 1, [](Args a) { return sys::suspend(self(), a[0], timeout_arg(a, 1, "suspend")); },
          "Suspends the process: only system messages are handled until resume: :ok.");
  lib.add(S, "suspend", 2, [](Args a) { return sys::suspend(self(), a[0], timeout_arg(a, 1, "suspend")); },
          "suspend/1 with a timeout.");
  lib.add(S, "resume", 1, [](Args a) { return sys::resume(self(), a[0], timeout_arg(a, 1, "resume")); },
          "Resumes a suspended process: :ok.");
  lib.add(S, "resume", 2, [](Args a) { return sys::resume(self(), a[0], timeout_arg(a, 1, "resume")); },
          "resume/1 with a timeout.");
  lib.add(S, "change_code", 4,
          [](Args a) { return sys::change_code(self(), a[0], a[1], a[2], a[3]); },
          "Runs the module's (current) code_change(old_vsn, state, extra) in a suspended process: :ok.");
  lib.add(S, "change_code", 5,
          [](Args a) { return sys::change_code(self(), a[0], a[1], a[2], a[3], timeout_arg(a, 4, "change_code")); },
          "change_code/4 with a timeout.");
  lib.add(S, "trace", 2, trace, "Prints each message the process handles (*DBG* lines): :ok.");
  lib.add(S, "trace", 3, trace, "trace/2 with a timeout.");
  lib.add(S, "terminate", 2, terminate, "Stops the process with a reason (terminate/2 runs): :ok.");
  lib.add(S, "terminate", 3, terminate, "terminate/2 with a timeout.");
}

}  // namespace otp::shell::lib

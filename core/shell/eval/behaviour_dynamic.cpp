// DynamicSupervisor for the shell: Elixir 1.14's module over the C++
// DynamicSupervisor (core/behaviours/dynamic_supervisor.hpp). Specs are
// normalised in the caller (Supervisor.child_spec(spec, [])), as Elixir's
// start_child does; a `use DynamicSupervisor` module runs its init/1 (which
// returns DynamicSupervisor.init(opts)) in the supervisor process.
#include "behaviours/dynamic_supervisor.hpp"
#include "shell/eval/behaviour.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"

namespace otp::shell::lib {

namespace {

using namespace behaviour;
using Args = std::span<const Term>;

Term A(const char* s) { return Term::atom(s); }

// DynamicSupervisor.init/1's flags map, defaults filled in.
Term flags_of(const Term& opts) {
  auto get = [&](const char* k, Term dflt) {
    const Term* v = keyword_get(opts, k);
    return v ? *v : dflt;
  };
  return Term::map({{A("strategy"), get("strategy", A("one_for_one"))},
                    {A("intensity"), get("max_restarts", Term::integer(3))},
                    {A("period"), get("max_seconds", Term::integer(5))},
                    {A("max_children"), get("max_children", Term(atom::infinity))},
                    {A("extra_arguments"), get("extra_arguments", Term::empty_list())}});
}

// A `use DynamicSupervisor` module: Mod.init(arg) -> {:ok, flags} | :ignore.
class InterpretedDynamicSupervisor final : public DynamicSupervisor {
 public:
  explicit InterpretedDynamicSupervisor(Atom module) : m_(module) {}
  Term module_name() const override { return Term(m_); }
  Term init(const Term& args) const override {
    Term r = callback(m_, "init", {args[1]});
    if (r.is_atom(Atom::intern("ignore"))) return r;
    if (!r.is_tuple() || r.tuple_size() != 2 || !r[0].is_atom(atom::ok) || !r[1].is_map())
      return Term::tuple({A("stop"), Term::tuple({A("bad_return"), Term::tuple({Term(m_), A("init"), r})})});
    Term flags = flags_of(Term::empty_list());
    for (const MapEntry& e : r[1].map_entries()) flags = flags.map_put(e.key, e.value);
    return DynamicSupervisor::init(Term::tuple({args[0], flags}));
  }

 private:
  Atom m_;
};

[[noreturn]] void no_clause(const char* fun, Args a) {
  raise_function_clause("DynamicSupervisor", fun, std::vector<Term>(a.begin(), a.end()));
}

Term start_link(Args a) {
  Process& me = self();
  install_start_resolver(me.node());
  if (a.size() == 1) {
    if (!a[0].is_list()) no_clause("start_link", a);
    dynamic_supervisor::Options o;
    Term f = flags_of(a[0]);
    o.strategy = *f.map_get(A("strategy"));
    o.max_restarts = *f.map_get(A("intensity"));
    o.max_seconds = *f.map_get(A("period"));
    o.max_children = *f.map_get(A("max_children"));
    o.extra_arguments = *f.map_get(A("extra_arguments"));
    o.name = start_name(a[0]);
    return dynamic_supervisor::start_link(me, o);
  }
  Term opts = a.size() > 2 ? a[2] : Term::empty_list();
  if (!a[0].is_atom() || !opts.is_list()) no_clause("start_link", a);
  return gen_server::start(me, std::make_shared<InterpretedDynamicSupervisor>(a[0].atom()),
                           Term::tuple({Term(me.self()), a[1]}), start_options(opts, true));
}

Term init(Args a) {
  if (!a[0].is_list()) no_clause("init", a);
  return Term::tuple({Term(atom::ok), flags_of(a[0])});
}

Term start_child(Args a) {
  Process& me = self();
  install_start_resolver(me.node());
  Term spec = a[1];
  if (spec.is_tuple() && spec.tuple_size() == 6) {  // an old {id, start, restart, shutdown, type, modules}
    spec = Term::map({{A("id"), spec[0]}, {A("start"), spec[1]}, {A("restart"), spec[2]},
                      {A("shutdown"), spec[3]}, {A("type"), spec[4]}, {A("modules"), spec[5]}});
  } else {
    spec = child_spec(spec, Term::empty_list());
  }
  return dynamic_supervisor::start_child(me, a[0], spec);
}

Term stop(Args a) {
  StopArgs s = stop_args("DynamicSupervisor", a);
  return gen_server::stop(self(), a[0], std::move(s.reason), s.timeout);
}

}  // namespace

void add_behaviour_dynamic_supervisor(Library& lib) {
  const char* D = "DynamicSupervisor";
  lib.add(D, "start_link", 1, start_link,
          "Starts a DynamicSupervisor (strategy:, max_children:, extra_arguments:, name:): {:ok, pid}.");
  lib.add(D, "start_link", 2, start_link, "Starts a module-based DynamicSupervisor with its init arg.");
  lib.add(D, "start_link", 3, start_link, "Starts a module-based DynamicSupervisor with options (name:).");
  lib.add(D, "init", 1, init, "The {:ok, flags} a module-based DynamicSupervisor's init/1 returns.");
  lib.add(D, "start_child", 2, start_child, "Starts a child from a spec: {:ok, pid} | {:error, reason}.");
  lib.add(D, "terminate_child", 2, [](Args a) { return dynamic_supervisor::terminate_child(self(), a[0], a[1]); },
          "Stops the child with this pid: :ok | {:error, :not_found}.");
  lib.add(D, "which_children", 1, [](Args a) { return dynamic_supervisor::which_children(self(), a[0]); },
          "[{:undefined, pid, type, modules}].");
  lib.add(D, "count_children", 1, [](Args a) { return dynamic_supervisor::count_children(self(), a[0]); },
          "%{active:, specs:, supervisors:, workers:}.");
  lib.add(D, "stop", 1, stop, "Stops the supervisor and its children: :ok.");
  lib.add(D, "stop", 2, stop, "Stops the supervisor with a reason: :ok.");
  lib.add(D, "stop", 3, stop, "Stops the supervisor with a reason and a timeout: :ok.");
}

}  // namespace otp::shell::lib

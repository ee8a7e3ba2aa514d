// Supervisor for the shell: Elixir 1.14's Supervisor module over the C++
// Supervisor (core/behaviours/supervisor.hpp). Children given as modules
// or {module, arg} are turned into specs in the caller (Mod.child_spec/1),
// as Elixir's init/2 does; a module-based supervisor (`use Supervisor`)
// runs its init/1 in the supervisor process through InterpretedSupervisor.
// Start MFAs of interpreted modules and built-ins are resolved through
// install_start_resolver (behaviour_common.cpp).
#include "behaviours/supervisor.hpp"
#include "shell/eval/behaviour.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"

namespace otp::shell::lib {

namespace {

using namespace behaviour;
using Args = std::span<const Term>;

// A `use Supervisor` module: Mod.init(arg) gives {:ok, {flags, specs}} | :ignore.
class InterpretedSupervisor final : public Supervisor {
 public:
  explicit InterpretedSupervisor(Atom module) : m_(module) {}
  Term module_name() const override { return Term(m_); }
  Term sup_init(const Term& args) const override { return callback(m_, "init", {args}); }

 private:
  Atom m_;
};

std::shared_ptr<const Supervisor> default_module() {
  static const auto m = std::make_shared<const Supervisor>();
  return m;
}

[[noreturn]] void no_clause(const char* fun, Args a) {
  raise_function_clause("Supervisor", fun, std::vector<Term>(a.begin(), a.end()));
}

// Supervisor.start_link(children, opts) | start_link(module, arg[, opts]).
Term start_link(Args a) {
  Process& me = self();
  install_start_resolver(me.node());
  if (a[0].is_list() && a.size() == 2) {
    if (!a[1].is_list()) no_clause("start_link", a);
    // Keyword.split(opts, [:strategy, :max_seconds, :max_restarts]); the rest are start options.
    Term init = supervisor_init(a[0], a[1]);
    return supervisor::start_link(me, default_module(), init, start_name(a[1]));
  }
  Term opts = a.size() > 2 ? a[2] : Term::empty_list();
  if (!opts.is_list() || !a[0].is_atom()) no_clause("start_link", a);
  return supervisor::start_link(me, std::make_shared<InterpretedSupervisor>(a[0].atom()), a[1], start_name(opts));
}

Term init(Args a) {
  return Term::tuple({Term(atom::ok), supervisor_init(a[0], a[1])});
}

Term start_child(Args a) {
  Process& me = self();
  install_start_resolver(me.node());
  Term spec = a[1];
  if (!(spec.is_tuple() && spec.tuple_size() == 6) && !spec.is_list()) spec = child_spec(spec, Term::empty_list());
  return supervisor::start_child(me, a[0], spec);
}

Term count_children(Args a) { return supervisor::count_children(self(), a[0]); }
Term which_children(Args a) { return supervisor::which_children(self(), a[0]); }
Term terminate_child(Args a) { return supervisor::terminate_child(self(), a[0], a[1]); }
Term restart_child(Args a) {
  install_start_resolver(self().node());
  return supervisor::restart_child(self(), a[0], a[1]);
}
Term delete_child(Args a) { return supervisor::delete_child(self(), a[0], a[1]); }

Term stop(Args a) {
  StopArgs s = stop_args("Supervisor", a);
  return gen_server::stop(self(), a[0], std::move(s.reason), s.timeout);
}

}  // namespace

void add_behaviour_supervisor(Library& lib) {
  const char* S = "Supervisor";
  lib.add(S, "start_link", 2, start_link,
          "Starts a supervisor of `children` with opts (strategy: required), or of a module with its init arg.");
  lib.add(S, "start_link", 3, start_link, "Starts a module-based supervisor: start_link(module, arg, name: ...).");
  lib.add(S, "init", 2, init, "The {:ok, {flags, specs}} a module-based supervisor's init/1 returns.");
  lib.add(S, "child_spec", 2, [](Args a) { return child_spec(a[0], a[1]); },
          "A child spec (from a module, {module, arg} or a map) with fields overridden.");
  lib.add(S, "start_child", 2, start_child, "Adds a child spec and starts it: {:ok, pid} | {:error, reason}.");
  lib.add(S, "terminate_child", 2, terminate_child, "Stops the child with this id (the spec is kept): :ok.");
  lib.add(S, "restart_child", 2, restart_child, "Restarts a terminated child by id: {:ok, pid}.");
  lib.add(S, "delete_child", 2, delete_child, "Deletes a terminated child's spec: :ok.");
  lib.add(S, "which_children", 1, which_children, "[{id, pid, type, modules}], newest first.");
  lib.add(S, "count_children", 1, count_children, "%{active:, specs:, supervisors:, workers:}.");
  lib.add(S, "stop", 1, stop, "Stops the supervisor and its children: :ok.");
  lib.add(S, "stop", 2, stop, "Stops the supervisor with a reason: :ok.");
  lib.add(S, "stop", 3, stop, "Stops the supervisor with a reason and a timeout: :ok.");
}

}  // namespace otp::shell::lib

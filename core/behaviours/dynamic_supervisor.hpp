// DynamicSupervisor: Elixir's (lib/elixir/lib/dynamic_supervisor.ex) as a
// GenServer. Children are started only by start_child, are known by pid
// (which_children lists {:undefined, pid | :restarting, type, modules}, in no
// particular order), and are restarted one_for_one (the only strategy).
// extra_arguments are prepended to an MFA's args (a fun start is applied to
// them). Restart intensity follows Elixir's add_restart: a restart at second
// r is kept while now - r < max_seconds. A restart whose start fails is
// retried with a {:"$gen_restart", pid} message to itself. On stop, children
// get their exit signals all at once and are waited for (then killed after
// their own shutdown time). State: an opaque boxed term, as Supervisor's.
//
// Who calls what: the functions of dynamic_supervisor:: are called by a
// process of the node (`caller` / `self`), which waits for the supervisor's
// answer (start_child also waits for the child's init); view_state by
// observers (the host between run slices, or any process of the node). The
// callbacks run in the supervisor process.
#pragma once
#include "behaviours/child_spec.hpp"
#include "behaviours/gen_server.hpp"

namespace otp {

class DynamicSupervisor : public GenServer {
 public:
  Term module_name() const override;  // :"Elixir.DynamicSupervisor"
  // args: {parent, %{strategy:, intensity:, period:, max_children:, extra_arguments:}}
  Term init(const Term& args) const override;
  Term handle_call(const Term& request, const Term& from, const Term& state) const override;
  Term handle_info(const Term& msg, const Term& state) const override;
  void terminate(const Term& reason, const Term& state) const override;
};

namespace dynamic_supervisor {

struct Options {
  Term strategy = Term::atom("one_for_one");
  Term max_restarts = Term::integer(3);
  Term max_seconds = Term::integer(5);
  Term max_children = Term::atom("infinity");
  Term extra_arguments = Term::empty_list();
  Term name = Term::empty_list();
};

// {:ok, pid} | {:error, {:supervisor_data, {:invalid_strategy, s}}} | ...
Term start_link(Process& caller, const Options& opts = {});
// {:ok, pid} | {:ok, pid, info} | :ignore | {:error, :max_children} | {:error, reason};
// an invalid spec is {:error, reason} without a call, as Elixir validates it in the caller.
Term start_child(Process& self, const Term& sup, const Term& spec);
Term terminate_child(Process& self, const Term& sup, const Term& pid);  // :ok | {:error, :not_found}
Term which_children(Process& self, const Term& sup);
Term count_children(Process& self, const Term& sup);  // %{active:, specs:, supervisors:, workers:}
Term stop(Process& self, const Term& sup, Term reason = Term(atom::normal));

// For observers: as supervisor::view_state, for a DynamicSupervisor's state
// (strategy :one_for_one; Elixir's restart window: now - r < max_seconds).
bool view_state(const Term& state, int64_t now_ms, std::size_t max_children, supervisor::StateView* out);

}  // namespace dynamic_supervisor
}  // namespace otp

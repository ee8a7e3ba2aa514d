// Supervisor: OTP's supervisor.erl as a GenServer (Elixir's Supervisor API).
//
// The supervisor traps exits and starts its children in order in init; if
// one fails to start, the started ones are stopped (reverse order) and
// start_link returns {:error, {:shutdown, {:failed_to_start_child, id, r}}}.
// An invalid spec is {:error, {:start_spec, reason}}, invalid flags
// {:error, {:supervisor_data, reason}}. Strategies :one_for_one,
// :one_for_all, :rest_for_one; restarts are counted in OTP's sliding window
// (add_restart: timestamps in whole seconds of the node clock, kept while
// >= now - max_seconds); one too many and the supervisor stops its children
// in reverse start order and exits with :shutdown. A restart whose start
// fails leaves the child {:restarting, old} and is retried by a cast to
// itself ({:try_again_restart, id}), each try counting as a restart.
//
// Reports: Elixir 1.14 does not print supervisor (SASL) reports by default,
// and neither does this (the t6 transcripts show none).
//
// State: the GenServer state is an opaque boxed term (a FunObject subclass,
// so it is reference-counted like any term and released when the process
// dies however it dies); :sys.get_state shows it as a fun.
//
// Who calls what: the functions of supervisor:: are called by a process of
// the node (`caller` / `self`), which waits for the supervisor's answer;
// view_state by observers (the host between run slices, or any process of
// the node). Start functions and callbacks run in the supervisor process.
#pragma once
#include "behaviours/child_spec.hpp"
#include "behaviours/gen_server.hpp"

namespace otp {

class Supervisor : public GenServer {
 public:
  // :"Elixir.Supervisor.Default", as Elixir's start_link/2 supervisors.
  Term module_name() const override;
  // Module-based supervisors override this (OTP's Module:init/1):
  // {:ok, {%{strategy:, intensity:, period:}, [spec]}} | :ignore.
  // The default takes `args` to be that {flags, specs} pair already.
  virtual Term sup_init(const Term& args) const;

  // args: {parent pid | :undefined, user args}
  Term init(const Term& args) const override;
  Term handle_call(const Term& request, const Term& from, const Term& state) const override;
  Term handle_cast(const Term& request, const Term& state) const override;
  Term handle_info(const Term& msg, const Term& state) const override;
  void terminate(const Term& reason, const Term& state) const override;
  // The state as OTP's #state record, for the "State:" line of the report
  // when the supervisor itself terminates abnormally.
  Term format_status(const Term& state) const override;
};

namespace supervisor {

struct Options {
  Term strategy = Term::atom("one_for_one");
  Term max_restarts = Term::integer(3);
  Term max_seconds = Term::integer(5);
  Term name = Term::empty_list();  // [] | atom | {:via, m, n}
};

// Supervisor.start_link(children, opts), linked to `caller`:
// {:ok, pid} | :ignore | {:error, reason}.
Term start_link(Process& caller, Term children, const Options& opts = {});
// The same with Elixir's keyword options ([strategy: ..., name: ...]);
// a missing :strategy raises ArgumentError as Elixir does.
Term start_link(Process& caller, Term children, const Term& keyword_opts);
// A module-based supervisor (`use Supervisor`): module->sup_init(args).
Term start_link(Process& caller, std::shared_ptr<const Supervisor> module, Term args,
                Term name = Term::empty_list());

// The calls (timeout :infinity, as Elixir's); an absent supervisor exits
// the caller with {:noproc, {GenServer, :call, [sup, request, :infinity]}}.
Term which_children(Process& self, const Term& sup);   // [{id, pid | :restarting | :undefined, type, modules}]
Term count_children(Process& self, const Term& sup);   // %{active:, specs:, supervisors:, workers:}
Term start_child(Process& self, const Term& sup, Term spec);
Term terminate_child(Process& self, const Term& sup, Term id);
Term restart_child(Process& self, const Term& sup, Term id);
Term delete_child(Process& self, const Term& sup, Term id);
Term stop(Process& self, const Term& sup, Term reason = Term(atom::normal));

// For observers: fills `out` from a Supervisor's state term (as
// gen_server::peek gives it) at node time `now_ms`; false if `state` is not
// a Supervisor's. Reads only; call it between runs or from a process.
bool view_state(const Term& state, int64_t now_ms, std::size_t max_children, StateView* out);

}  // namespace supervisor
}  // namespace otp

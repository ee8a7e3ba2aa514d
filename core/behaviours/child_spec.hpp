// Child specifications and the per-child protocols shared by Supervisor and
// DynamicSupervisor: validating a spec, calling its start function, and
// stopping a child (OTP's supervisor:shutdown/1).
//
// A spec is a Term, as Elixir's maps:
//   %{id: term, start: {module, function, args} | fun,
//     restart: :permanent | :transient | :temporary,   (default :permanent)
//     shutdown: :brutal_kill | ms >= 0 | :infinity,     (5000; :infinity for supervisors)
//     type: :worker | :supervisor,                      (default :worker)
//     modules: [atom] | :dynamic}                       (default [module])
// A start {m, f, args} is resolved at start time in the node's start table
// (register_start below; the shell registers its functions there) and
// called as apply(m, f, args): an unknown one fails like BEAM's
// {:undef, [{m, f, args, []}]}. As a C++ extension `start` may also be a fun
// (a NativeFun from child_spec() below), applied to the start arguments
// (none for Supervisor, extra_arguments for DynamicSupervisor); its
// `modules` default to [the fun's module]. Start functions run in the
// supervisor process (Process::current()) and return
// {:ok, pid} | {:ok, pid, info} | :ignore | {:error, reason}.
//
// Who calls what: register_start and set_start_resolver, the host or any
// process of the node, before the starts that need them; child_spec and
// parse_child_spec, anyone; start_child_process, start_dynamic and
// shutdown_child, only the supervisor process itself.
#pragma once
#include <functional>
#include <span>
#include <vector>

#include "runtime/node.hpp"

namespace otp::supervisor {

enum class Restart : uint8_t { Permanent, Transient, Temporary };

// A start function for the node's table: called with the spec's args.
using StartMfa = std::function<Term(Process& self, std::span<const Term> args)>;
void register_start(Node& node, Atom module, Atom function, StartMfa fn);
// A resolver asked first for every {m, f, args} start (the shell's: its
// interpreted modules and built-ins); an empty StartMfa means "not mine",
// and the table above is used.
using StartResolver = std::function<StartMfa(Node& node, Atom module, Atom function, std::size_t arity)>;
void set_start_resolver(Node& node, StartResolver resolver);

// A C++ start function for child_spec().
using StartFn = std::function<Term(Process& self)>;

struct ChildOptions {
  Atom module = Atom{0};   // the fun's module (for `modules` and reports); 0: :"Elixir.Supervisor"
  Term restart;            // nil: not given (the default applies)
  Term shutdown;
  Term type;
  Term modules;
};
// A spec map whose start is a 0-arity fun around `start`.
Term child_spec(Term id, StartFn start, const ChildOptions& opts = {});

// One child as a supervisor holds it (OTP's #child record).
struct Child {
  Term id;
  Term start;     // {m, f, args} or a fun
  Restart restart = Restart::Permanent;
  Term shutdown;  // :brutal_kill | ms | :infinity
  bool supervisor = false;
  Term modules;
  Term pid = Term(atom::undefined);  // pid | :undefined | {:restarting, pid | :undefined}
};

// supervisor:check_childspec/1: fills `out` and returns :ok, or returns the
// error term ({:invalid_restart_type, r}, {:invalid_mfa, s}, :missing_id,
// {:invalid_child_spec, s}, ...). Fields are checked in OTP's order.
Term parse_child_spec(const Term& spec, Child* out);

Term restart_term(Restart r);
Term type_term(const Child& c);

// Calls the start function with `args` appended to the spec's own (an
// MFA's args ++ extra... as given) and normalises the result as OTP's
// do_start_child_i: {:ok, pid} | {:ok, pid, info} | {:ok, :undefined}
// (ignore) | {:error, reason}. Exceptions are caught as Erlang's `catch`
// does: exit(r) -> {:error, {:EXIT, r}}, error(r) -> {:error, {:EXIT, {r, []}}},
// throw(v) -> {:error, v}. A kill of the supervisor itself passes through.
Term start_child_process(Process& self, const Child& child, std::span<const Term> extra = {});

// The same start for DynamicSupervisor (Elixir's catch): exit(r) -> r,
// others -> crash_reason(); returns {:ok, pid} | {:ok, pid, info} | :ignore
// | {:error, reason}, with `extra` prepended to an MFA's args.
Term start_dynamic(Process& self, const Term& start, std::span<const Term> extra);

// OTP's shutdown/1: monitor, exit(pid, :shutdown) (or :kill for
// :brutal_kill), wait for DOWN up to the shutdown time (forever for
// :infinity), then :kill. Unlinks and flushes the child's EXIT. Returns :ok,
// or {:error, reason} when the child died with another reason than asked.
Term shutdown_child(Process& self, Pid pid, const Term& shutdown, Restart restart);

// For observers: what a Supervisor's or DynamicSupervisor's state holds
// (the state from gen_server::peek), read without a call; see
// supervisor::view_state and dynamic_supervisor::view_state.
struct StateView {
  Term strategy;                   // :one_for_one | :one_for_all | :rest_for_one
  int64_t max_restarts = 0;        // intensity
  int64_t max_seconds = 0;         // period
  int64_t restarts_in_window = 0;  // restarts that count now (one more than max_restarts stops it)
  std::size_t child_count = 0;     // all children, also those past max_children
  // At most max_children of them, in which_children's order (Supervisor:
  // newest first; DynamicSupervisor: its own order, not sorted). pid is a
  // pid, :undefined or {:restarting, old pid | :undefined}; a
  // DynamicSupervisor's ids are :undefined.
  std::vector<Child> children;
};

// {:child, pid, id, mfa, restart, false, shutdown, type, modules}: the
// record OTP puts in {:error, {reason, child}} for a failed start_child.
Term child_record(const Child& c);

}  // namespace otp::supervisor

// Helpers shared by the library files of the process and OTP-service
// modules (otp_*.cpp: Process, :erlang's process BIFs, Agent, Task,
// Registry, Application, :ets, :timer): the calling process, timeouts,
// options, {module, fun, args} callbacks and OTP 25's badarg texts. Not a
// public API.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

#include "runtime/node.hpp"
#include "shell/lib/support.hpp"

namespace otp::shell::lib {

// The process making the call. These built-ins only make sense inside a
// process (the shell's evaluator, a spawned fun); called from the host they
// raise RuntimeError "<what> needs a calling process".
Process& caller(std::string_view what);

// A timeout as Elixir's guards accept it: an integer >= 0 or :infinity.
std::optional<Timeout> timeout_arg(const Term& t);
// The term of a timeout (ms or :infinity), for error arguments.
Term timeout_term(Timeout t);

// A proper list (Keyword-like option lists are walked with opt()).
bool proper_list(const Term& t) noexcept;
// The value of the first {key, value} pair in an option list, or nullptr.
const Term* opt(const Term& opts, std::string_view key);

// FunctionClauseError for Module.fun called with `args`.
[[noreturn]] void no_clause_for(std::string_view module, std::string_view fun, Args args);

// {module, fun, args} callbacks (Agent.get(agent, M, :f, [a]), Task.async(M,
// :f, [a]), :timer.apply_after): true when m and f are atoms and a is a
// proper list. mfa_fun makes a fun of `arity` that calls
// apply(m, f, leading_args ++ a), leading_args being the fun's own
// arguments (Agent passes the state first, as Elixir does).
bool is_mfa(const Term& m, const Term& f, const Term& a) noexcept;
Term mfa_fun(const Term& m, const Term& f, const Term& a, uint32_t arity);
// Module.fun(args) for an interpreted module or a built-in.
Term apply_mfa(const Term& m, const Term& f, const Term& a);

// The :name option of GenServer-like start functions: [] for none (or
// nil), the atom or {:via, module, term}; raises Elixir's ArgumentError for
// anything else ({:global, _} names are not supported here).
Term name_option(const Term& opts);

// erlang:error(:badarg) with OTP 25's text for the argument at `position`
// (ErlangError::arguments_info, as the runtime's ETS errors carry it):
// printed "** (ArgumentError) errors were found at the given arguments:
// ...", rescued as that %ArgumentError{}, caught as :badarg, as BEAM's BIFs.
[[noreturn]] void badarg(int position, std::string_view what);

}  // namespace otp::shell::lib

// How IEx prints what an input raised, threw or exited with: Elixir's
// Exception.format_banner/3, format_exit/1 and format_stacktrace/1, for the
// session, crash reports of shell processes and the "(EXIT from ...)" line.
//
// Who calls what: the session and the crash reports of shell processes;
// plain functions on terms, on the node's thread.
#pragma once
#include <string>

#include "term/term.hpp"

namespace otp::shell {

// "** (RuntimeError) boom", "** (throw) :x", "** (exit) exited in: ...";
// kind is :error, :throw or :exit.
std::string format_banner(Atom kind, const Term& reason, const Term& stacktrace);
// Exception.format_exit(reason, joiner): "normal", "no process: ...",
// "exited in: GenServer.call(...)\n    ** (EXIT) ...", "an exception was
// raised:\n    ** (RuntimeError) ...". `joiner` starts each further line.
std::string format_exit(const Term& reason, const std::string& joiner = "\n    ");
// The stack trace lines IEx prints under an error, each "    " + entry + "\n".
std::string format_stacktrace(const Term& stacktrace, const std::string& indent = "    ");
// One entry: "iex:4: Calc.divide/2", ":erlang./(1, 0)".
std::string format_stacktrace_entry(const Term& entry);
// Exception.format_mfa/3: "GenServer.call(#PID<0.1.0>, :x, 5000)" for an
// argument list, "Calc.divide/2" for an arity.
std::string format_mfa(const Term& module, const Term& fun, const Term& args_or_arity);

}  // namespace otp::shell

// The exception that carries an Erlang error reason through C++ code
// (`erlang:error(Reason)`): e.g. ErlangError{atom::badarith}. The process
// runtime turns one escaping a process into that process's exit reason.
//
// arguments_info is OTP's error_info for a BIF's badarg, already formatted
// (as erl_stdlib_errors:format_error/2 returns it): a map of argument
// position (1-based) => binary text, e.g. %{1 => "the table identifier does
// not refer to an existing ETS table"}. It only changes how the error is
// printed (error_headline); the reason stays plain (:badarg), so code that
// matches on the reason is unaffected. Default: nil (no texts).
#pragma once
#include <exception>

#include "term/term.hpp"

namespace otp {

struct ErlangError : std::exception {
  Term reason;
  Term arguments_info;  // nil, or %{position => "text"}
  // The stack trace as BEAM gives it ([{M, F, A, [file: f, line: l]}],
  // innermost first), filled in by the shell's evaluator as the error
  // leaves interpreted functions; [] (or unset) when there is none.
  Term stacktrace = Term::empty_list();
  explicit ErlangError(Term r) noexcept : reason(std::move(r)) {}
  ErlangError(Term r, Term info) noexcept : reason(std::move(r)), arguments_info(std::move(info)) {}
  const char* what() const noexcept override { return "erlang error"; }
};

}  // namespace otp

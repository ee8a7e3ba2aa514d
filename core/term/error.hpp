// The exception that carries an Erlang error reason through C++ code
// (`erlang:error(Reason)`): e.g. ErlangError{atom::badarith}. The process
// runtime turns one escaping a process into that process's exit reason.
#pragma once
#include <exception>

#include "term/term.hpp"

namespace otp {

struct ErlangError : std::exception {
  Term reason;
  explicit ErlangError(Term r) noexcept : reason(std::move(r)) {}
  const char* what() const noexcept override { return "erlang error"; }
};

}  // namespace otp

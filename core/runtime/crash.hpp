// Turning an exception that ended a process into its exit reason and, for
// errors (not exits), the text of the crash report Elixir's Logger prints:
//
//   [error] Process #PID<0.115.0> raised an exception
//   ** (RuntimeError) boom
#pragma once
#include <exception>
#include <string>

#include "term/term.hpp"

namespace otp {

struct CrashInfo {
  bool crashed = false;  // an error, throw or C++ exception: logged
  std::string headline;  // "** (RuntimeError) boom"
};

// The exit reason for the exception in `e` (see exit.hpp for the table).
Term crash_reason(std::exception_ptr e, CrashInfo* info);

// "** (Kind) message" for an error reason, as Elixir's Exception.format_banner
// prints the common ones; other reasons print as "Erlang error: <inspect>".
std::string error_headline(const Term& reason);

}  // namespace otp

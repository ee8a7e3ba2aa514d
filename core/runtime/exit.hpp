// How a process stops early. Unwinding is defined once, here, and turned into
// an exit reason at the process boundary (the fiber entry or the handler
// dispatch):
//
//   ExitSignal     exit(Reason) in the process itself: exits with Reason, no
//                  crash report (as erlang:exit/1).
//   ThrownValue    throw(Value) not caught: reason {{nocatch, Value}, []} and a
//                  crash report (as erlang:throw/1).
//   ErlangError    (term/error.hpp) error(Reason): reason {Reason, []} and a
//                  crash report.
//   std::exception any C++ exception: reason
//                  {{cpp_exception, TypeName, What}, []} and a crash report.
//   KillUnwind     the process was already terminated from outside (killed,
//                  or a linked process died); its stack is being unwound to
//                  release what it holds. It is not a std::exception, so
//                  `catch (const std::exception&)` in user code does not stop
//                  it; code that catches (...) must rethrow.
//
// Who calls what: process code throws these (Process::exit, the behaviours,
// the shell's built-ins); only the runtime catches them for good, at the
// process boundary.
#pragma once
#include "term/term.hpp"

namespace otp {

struct ExitSignal {
  Term reason;
};

struct ThrownValue {
  Term value;
};

struct KillUnwind {};

}  // namespace otp

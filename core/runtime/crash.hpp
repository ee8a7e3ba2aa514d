// Turning an exception that ended a process into its exit reason and, for
// errors (not exits), the text of the crash report Elixir's Logger prints:
//
//   [error] Process #PID<0.115.0> raised an exception
//   ** (RuntimeError) boom
//
// Who calls what: the runtime at a process boundary, and the behaviours
// around the callbacks they run (catch_exit), always on the node's thread.
#pragma once
#include <exception>
#include <optional>
#include <string>
#include <utility>

#include "runtime/exit.hpp"
#include "term/term.hpp"

namespace otp {

struct CrashInfo {
  bool crashed = false;  // an error, throw or C++ exception: logged
  std::string headline;  // "** (RuntimeError) boom"
};

// The exit reason for the exception in `e` (see exit.hpp for the table).
Term crash_reason(std::exception_ptr e, CrashInfo* info);

// Whether a C++ exception stands for Erlang's system_limit: memory the
// system refused (std::bad_alloc; see term/heap_alloc.hpp), or a container
// asked for more than it can hold (std::length_error, also the atom table's
// "full"). Such a process ends with reason system_limit (a SystemLimitError
// in the shell, where rescue catches it); the node goes on.
bool is_system_limit(const std::exception& x) noexcept;

// Runs `f`; if it throws, returns the exit reason the exception stands for
// (as crash_reason, with *info filled). KillUnwind passes through. The
// exception is released before this returns, so the caller may block or
// switch fibers next (which it must never do inside a catch block).
template <class F>
std::optional<Term> catch_exit(F&& f, CrashInfo* info) {
  std::exception_ptr e;
  try {
    std::forward<F>(f)();
    return std::nullopt;
  } catch (const KillUnwind&) {
    throw;
  } catch (...) {
    e = std::current_exception();
  }
  return crash_reason(e, info);
}

// "** (Kind) message" for an error reason, as Elixir's Exception.format_banner
// prints the common ones; other reasons print as "Erlang error: <inspect>".
std::string error_headline(const Term& reason);
// A layer above the runtime (the shell's library) may install Elixir's
// full normalisation (Exception.normalize/2: {:badmatch, v} is a
// MatchError, ...) for the headlines of crash reports. It returns the text
// after "** ", or an empty string to keep the runtime's own.
using HeadlineFormatter = std::string (*)(const Term& reason);
void set_headline_formatter(HeadlineFormatter f) noexcept;
// The same for an ErlangError with OTP's error_info texts (see term/error.hpp):
// a badarg with texts prints as Elixir prints it,
//   ** (ArgumentError) errors were found at the given arguments:
//
//     * 1st argument: the table identifier does not refer to an existing ETS table
// with Elixir's trailing newline (a stack trace would follow it); anything
// else as error_headline(reason).
std::string error_headline(const Term& reason, const Term& arguments_info);

// An exit reason that is not an exception, as Elixir's Exception.format_exit
// prints it in Logger's reports ("** (stop) killed", "Application chatroom
// exited: shutdown"): killed, shutdown: reason, time out, no process: ...,
// bad return value: ...; any other reason inspected (":boom").
std::string format_exit_reason(const Term& reason);

}  // namespace otp

// ETS's badarg with OTP 25's texts. Every ETS failure is error(badarg), as
// BEAM's; the exception also carries the per-argument texts that OTP's
// erl_stdlib_errors:format_error/2 derives from the BIF's error_info cause
// and its arguments (term/error.hpp: ErlangError::arguments_info), so the
// shell and crash reports print, as Elixir does:
//
//   ** (ArgumentError) errors were found at the given arguments:
//
//     * 1st argument: the table identifier does not refer to an existing ETS table
//
// Call sites only name the function, the cause and the arguments; the texts
// are chosen here by the same rules as erl_stdlib_errors.erl (format_ets_error).
#pragma once
#include <initializer_list>

#include "term/term.hpp"

namespace otp::ets::detail {

// The cause in a BIF's error_info (none: look at the arguments).
enum class Cause : uint8_t {
  None,
  Type,           // the table argument is not an atom or a table ref
  Id,             // no such table
  Access,         // protection forbids it
  TableType,      // e.g. update_counter on a bag
  BadKey,         // no object under the key
  KeyPos,         // the position is the key's
  Position,       // the position is beyond the object or the default
  Owner,          // give_away to the owner itself
  NotOwner,       // give_away by another process
  AlreadyExists,  // a named table's name is taken
};

// The functions whose argument texts differ from the default (the table's).
enum class Fn : uint8_t {
  Other,  // only the table argument can be wrong
  New,
  Insert,
  InsertNew,
  DeleteObject,
  LookupElement,
  UpdateCounter,
  UpdateElement,
  GiveAway,
  Rename,
  Info,
  Next,
  Prev,
  Select,  // select, select_count, select_delete: the match spec
  Setopts,
  Whereis,
};

// Throws ErlangError(:badarg, %{position => text}) for `fn` called with `args`.
[[noreturn]] void fail(Fn fn, Cause cause, std::initializer_list<Term> args);

}  // namespace otp::ets::detail

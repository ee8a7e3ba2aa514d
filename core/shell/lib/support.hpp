// Helpers shared by the library files of core/shell/lib (not a public API):
// spending reductions, applying funs, building lists, reading arguments.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "runtime/process.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "term/arith.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

namespace otp::shell::lib {

using Args = std::span<const Term>;

// One reduction (or n) in the calling process, which may preempt it there;
// nothing on the host (tests calling builtins directly).
inline void tick(int32_t n = 1) {
  if (Process* p = Process::current()) p->consume(n);
}

// Applies a fun, spending a reduction first.
inline Term call(const Term& f, const Term& x) {
  tick();
  return apply_fun(f, std::span<const Term>(&x, 1));
}
inline Term call(const Term& f, const Term& x, const Term& y) {
  tick();
  Term a[2] = {x, y};
  return apply_fun(f, a);
}

// Elixir truthiness: anything but nil and false.
inline bool truthy(const Term& t) noexcept { return !t.is_atom(atom::nil) && !t.is_atom(atom::false_); }

inline Term list_of(const std::vector<Term>& v, Term tail = Term::empty_list()) {
  return Term::list(std::span<const Term>(v), std::move(tail));
}

// Interned once per call site: `static const Term k = Term::atom("cont");`.
inline Term tuple2(Term a, Term b) { return Term::tuple({std::move(a), std::move(b)}); }

// A fun of `arity` (is_function(f, arity)).
inline bool is_fun(const Term& f, uint32_t arity) { return f.is_fun() && f.fun().arity() == arity; }

// Integers: a small integer's value.
inline bool small_int(const Term& t, int64_t* out) {
  if (!t.is_small()) return false;
  *out = t.small();
  return true;
}

// A FunctionClauseError for Module.fun with these arguments.
[[noreturn]] inline void no_clause(std::string_view module, std::string_view fun, std::initializer_list<Term> args) {
  raise_function_clause(module, fun, std::vector<Term>(args));
}

// A set of terms under === (Enum.uniq, MapSet-like bookkeeping).
struct ExactEq {
  bool operator()(const Term& a, const Term& b) const noexcept { return a == b; }
};
using TermSet = std::unordered_set<Term, TermHash, ExactEq>;

// The result of a comparison fun used by Enum.sort/2 and friends.
inline bool sorter_true(const Term& f, const Term& a, const Term& b) { return truthy(call(f, a, b)); }

}  // namespace otp::shell::lib

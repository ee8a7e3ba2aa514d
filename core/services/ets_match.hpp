// ETS match specifications ([{Head, Guards, Body}]) and match patterns,
// compiled once per call and run on each object, as ERTS' db_match_compile
// does (OTP 25 semantics, checked with ets:test_ms/2):
//
//  - Head is a pattern: :_ matches anything, :"$N" (N >= 0) binds a
//    variable (a repeated one must match the same term, =:=), anything else
//    matches exactly (=:=), through tuples, lists and maps (a map pattern
//    needs its keys, which must be constants).
//  - Guards are expressions that must all be `true`; one that fails (an
//    exception, such as element/2 out of range) makes the clause fail, and
//    the next clause is tried.
//  - Body: the value of its last expression is the result; an exception
//    there gives the atom :EXIT.
//  - Expressions: :"$N" (bound in the head), :"$_" (the object), :"$$" (the
//    bound variables in order), {:const, T}, {{...}} (a tuple), lists and
//    maps of expressions, {Fn, Args...} for the guard functions of ERTS'
//    table (is_atom, element, hd, map_get, +, div, band, ==, <, not, ...),
//    and the special forms and/or/andalso/orelse (any arity >= 1), {:self}
//    and {:node}. Any other atom or term is a constant.
// A spec that breaks these rules (not a list of 3-tuples, a body that is
// empty, an unbound variable, an unknown function, a bare tuple in an
// expression) does not compile: ETS then fails with badarg.
#pragma once
#include <cstdint>
#include <vector>

#include "term/term.hpp"

namespace otp::ets::detail {

struct PatNode;
struct Expr;

class MatchSpec {
 public:
  MatchSpec();
  ~MatchSpec();
  MatchSpec(MatchSpec&&) noexcept;
  MatchSpec& operator=(MatchSpec&&) noexcept;

  // Compiles a match specification; false if it is not a valid one.
  bool compile(const Term& spec);
  // The spec of ets:match/2 ([{pattern, [], [:"$$"]}]) or, with
  // whole_object, of ets:match_object/2 ([{pattern, [], [:"$_"]}]); false
  // for a variable in a map key.
  bool compile_pattern(const Term& pattern, bool whole_object);

  // Runs the spec on `object`: true, with *result, if a clause matched.
  // `self` is what {:self} evaluates to.
  bool run(const Term& object, Pid self, Term* result) const;

  // The key every matching object has, when the spec is one clause whose
  // head is a tuple with a constant at `keypos`; nullptr otherwise.
  const Term* bound_key(std::size_t keypos) const noexcept;

  struct Clause;

 private:
  std::vector<Clause> clauses_;
  mutable std::vector<Term> slots_;
};

}  // namespace otp::ets::detail

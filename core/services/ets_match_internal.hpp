// The compiled form of an ETS match spec (ets_match.hpp), shared by the
// compiler (ets_match_compile.cpp) and the evaluator (ets_match_eval.cpp).
//
// A head is a flat pre-order list of PatNodes; a variable's first occurrence
// in that order binds it (Bind), later ones compare (Check). Variables live
// in slots numbered by the rank of their number among the clause's
// variables, so :"$$" is simply slots 0..n-1. Guards and body are trees of
// Expr.
#pragma once
#include <cstdint>
#include <vector>

#include "services/ets_match.hpp"
#include "term/term.hpp"

namespace otp::ets::detail {

struct PatNode {
  enum class Op : uint8_t { Any, Bind, Check, Const, Tuple, Cons, Map };
  explicit PatNode(Op o, uint32_t k = 0, Term v = Term()) : op(o), n(k), value(std::move(v)) {}
  Op op;
  uint32_t n;  // slot (Bind, Check), arity (Tuple), pairs (Map)
  Term value;  // Const: the term; Map pairs: each key is a Const node
};

// The guard functions of ERTS' match spec table.
enum class Bif : uint8_t {
  IsAtom, IsFloat, IsInteger, IsList, IsNumber, IsPid, IsPort, IsReference, IsTuple, IsMap, IsBinary,
  IsFunction, IsRecord, Abs, Element, Hd, Tl, Length, Node0, Node1, Round, Trunc, Size, MapSize, BitSize,
  ByteSize, Float, Plus1, Minus1, Plus, Minus, Times, Divide, Div, Rem, Band, Bor, Bxor, Bnot, Bsl, Bsr,
  Gt, Ge, Lt, Le, ExactEq, Eq, ExactNeq, Neq, Not, Xor, MapGet, IsMapKey, BinaryPart, Self,
};

struct Expr {
  enum class Op : uint8_t { Const, Var, Whole, AllVars, Tuple, Cons, Map, Call, And, Or, AndAlso, OrElse };
  Op op;
  Bif bif = Bif::Self;    // Call
  uint32_t slot = 0;      // Var
  Term value;             // Const
  std::vector<Expr> args; // Tuple elements, Cons {head, tail}, Map {k1, v1, ...}, Call/And/... arguments
};

struct MatchSpec::Clause {
  std::vector<PatNode> head;
  std::vector<Expr> guards;
  Expr body;             // the last body expression (the others cannot change the result)
  uint32_t slots = 0;
  Term head_term;        // as written (for bound_key)
};

// Matches `t` against the pattern starting at head[*i]; advances *i past it.
bool match_pattern(const std::vector<PatNode>& head, std::size_t* i, const Term& t, Term* slots);

struct EvalContext {
  const Term& object;
  Term* slots;
  uint32_t nslots;
  Pid self;
};
// Evaluates an expression: false if it raised (guard failure, :EXIT in a body).
bool eval(const Expr& e, const EvalContext& cx, Term* out);

}  // namespace otp::ets::detail

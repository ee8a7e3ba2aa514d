// Running compiled ETS match specs (see ets_match.hpp): head matching,
// guard and body evaluation. The guard functions are in ets_match_bifs.cpp.
#include <array>

#include "services/ets_match_internal.hpp"

namespace otp::ets::detail {

bool apply_bif(Bif bif, const Term* args, const EvalContext& cx, Term* out);

bool match_pattern(const std::vector<PatNode>& head, std::size_t* i, const Term& t, Term* slots) {
  const PatNode& p = head[(*i)++];
  switch (p.op) {
    case PatNode::Op::Any: return true;
    case PatNode::Op::Bind: slots[p.n] = t; return true;
    case PatNode::Op::Check: return exact_equal(slots[p.n], t);
    case PatNode::Op::Const: return exact_equal(p.value, t);
    case PatNode::Op::Tuple:
      if (!t.is_tuple() || t.tuple_size() != p.n) return false;
      for (uint32_t k = 0; k < p.n; ++k)
        if (!match_pattern(head, i, t[k], slots)) return false;
      return true;
    case PatNode::Op::Cons:
      return t.is_cons() && match_pattern(head, i, t.head(), slots) && match_pattern(head, i, t.tail(), slots);
    case PatNode::Op::Map:
      if (!t.is_map()) return false;
      for (uint32_t k = 0; k < p.n; ++k) {
        const Term* v = t.map_get(head[(*i)++].value);
        if (!v || !match_pattern(head, i, *v, slots)) return false;
      }
      return true;
  }
  return false;
}

namespace {

bool is_bool(const Term& t) { return t.is_atom(atom::true_) || t.is_atom(atom::false_); }

// and/or: every argument evaluated, each a boolean.
bool strict(const Expr& e, const EvalContext& cx, bool is_and, Term* out) {
  bool acc = is_and;
  for (const Expr& a : e.args) {
    Term v;
    if (!eval(a, cx, &v) || !is_bool(v)) return false;
    bool b = v.is_atom(atom::true_);
    acc = is_and ? (acc && b) : (acc || b);
  }
  *out = Term::boolean(acc);
  return true;
}

// andalso/orelse: left to right; the last argument's value is the result
// when every earlier one was true (andalso) or false (orelse).
bool lazy(const Expr& e, const EvalContext& cx, bool is_and, Term* out) {
  for (std::size_t k = 0; k < e.args.size(); ++k) {
    Term v;
    if (!eval(e.args[k], cx, &v)) return false;
    if (k + 1 == e.args.size()) {
      *out = std::move(v);
      return true;
    }
    if (!is_bool(v)) return false;
    if (v.is_atom(atom::true_) != is_and) {
      *out = std::move(v);
      return true;
    }
  }
  return false;
}

}  // namespace

bool eval(const Expr& e, const EvalContext& cx, Term* out) {
  switch (e.op) {
    case Expr::Op::Const: *out = e.value; return true;
    case Expr::Op::Var: *out = cx.slots[e.slot]; return true;
    case Expr::Op::Whole: *out = cx.object; return true;
    case Expr::Op::AllVars: *out = Term::list(std::span<const Term>(cx.slots, cx.nslots)); return true;
    case Expr::Op::Tuple: {
      std::vector<Term> xs(e.args.size());
      for (std::size_t k = 0; k < xs.size(); ++k)
        if (!eval(e.args[k], cx, &xs[k])) return false;
      *out = Term::tuple(std::span<const Term>(xs));
      return true;
    }
    case Expr::Op::Cons: {
      Term h, t;
      if (!eval(e.args[0], cx, &h) || !eval(e.args[1], cx, &t)) return false;
      *out = Term::cons(std::move(h), std::move(t));
      return true;
    }
    case Expr::Op::Map: {
      std::vector<std::pair<Term, Term>> kvs(e.args.size() / 2);
      for (std::size_t k = 0; k < kvs.size(); ++k)
        if (!eval(e.args[2 * k], cx, &kvs[k].first) || !eval(e.args[2 * k + 1], cx, &kvs[k].second)) return false;
      *out = Term::map(std::move(kvs));
      return true;
    }
    case Expr::Op::And: return strict(e, cx, true, out);
    case Expr::Op::Or: return strict(e, cx, false, out);
    case Expr::Op::AndAlso: return lazy(e, cx, true, out);
    case Expr::Op::OrElse: return lazy(e, cx, false, out);
    case Expr::Op::Call: {
      std::array<Term, 3> args;  // no guard function takes more
      for (std::size_t k = 0; k < e.args.size(); ++k)
        if (!eval(e.args[k], cx, &args[k])) return false;
      return apply_bif(e.bif, args.data(), cx, out);
    }
  }
  return false;
}

bool MatchSpec::run(const Term& object, Pid self, Term* result) const {
  for (const Clause& c : clauses_) {
    std::size_t i = 0;
    if (!match_pattern(c.head, &i, object, slots_.data())) continue;
    EvalContext cx{object, slots_.data(), c.slots, self};
    bool pass = true;
    for (const Expr& g : c.guards) {
      Term v;
      if (!eval(g, cx, &v) || !v.is_atom(atom::true_)) {
        pass = false;
        break;
      }
    }
    if (!pass) continue;
    if (!eval(c.body, cx, result)) *result = Term(atom::EXIT);
    return true;
  }
  return false;
}

}  // namespace otp::ets::detail

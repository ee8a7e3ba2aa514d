// Pattern matching (Elixir's =, function heads, case/receive/fn clauses)
// and guards. A variable bound twice in one pattern must match the same
// value; a variable bound before the pattern is rebound (Elixir), unless
// pinned with ^.
#include <algorithm>

#include "shell/eval/interp.hpp"
#include "shell/eval/interp_data.hpp"
#include "shell/eval/raise.hpp"
#include "shell/lib/builtins.hpp"
#include "term/arith.hpp"
#include "term/error.hpp"

namespace otp::shell {

namespace {

bool is_ignored(Atom name) { return name.name() == "_"; }

// The binding of `name` made by the current pattern (at or after `mark`).
const Term* bound_since(const Env& env, std::size_t mark, Atom name) {
  const auto& vars = env.all();
  for (std::size_t i = vars.size(); i > mark; --i)
    if (vars[i - 1].name == name) return &vars[i - 1].value;
  return nullptr;
}

// The value `^name` pins: the binding made before the current pattern.
const Term* bound_before(const Env& env, std::size_t mark, Atom name) {
  const auto& vars = env.all();
  for (std::size_t i = std::min(mark, vars.size()); i > 0; --i)
    if (vars[i - 1].name == name) return &vars[i - 1].value;
  return nullptr;
}

const Term& pinned(const Env& env, std::size_t mark, const Node* pin) {
  const Node* x = pin->kid(0);
  const Term* have = x->kind == NodeKind::Var ? bound_before(env, mark, x->name) : nullptr;
  if (!have)
    raise_compile_error(pin, "undefined variable ^" + to_source(x) + ". No variable \"" + to_source(x) +
                                 "\" has been defined before the current pattern");
  return *have;
}

// Kernel functions that are :erlang BIFs (the name Elixir's error shows).
bool erlang_bif(std::string_view name) {
  static constexpr std::string_view bifs[] = {"length", "hd", "tl", "abs", "map_size", "tuple_size", "byte_size",
                                              "bit_size", "div", "rem", "round", "trunc", "node", "self"};
  for (std::string_view b : bifs)
    if (b == name) return true;
  return name.rfind("is_", 0) == 0;
}

// Elixir's compile error for an expression that cannot be a pattern.
[[noreturn]] void invalid_pattern(const Node* p) {
  if (p->kind == NodeKind::LocalCall) {
    std::string arity = std::to_string(p->args().size());
    std::string name(p->name.name());
    if (erlang_bif(name)) raise_compile_error(p, "cannot invoke remote function :erlang." + name + "/" + arity + " inside a match");
    raise_compile_error(p, "undefined function " + name + "/" + arity + " (there is no such import)");
  }
  if (p->kind == NodeKind::RemoteCall)
    raise_compile_error(p, "cannot invoke remote function " + to_source(p->target()) + "." + std::string(p->name.name()) +
                               "/" + std::to_string(p->args().size()) + " inside a match");
  if (p->kind == NodeKind::AnonCall)
    raise_compile_error(p, "invalid pattern in match, anonymous call is not allowed in matches");
  if (p->kind == NodeKind::BinaryOp || p->kind == NodeKind::UnaryOp)
    raise_compile_error(p, "cannot invoke remote function :erlang." + std::string(op_text(p->op)) + "/" +
                               std::to_string(p->kind == NodeKind::BinaryOp ? 2 : 1) + " inside a match");
  raise_compile_error(p, "invalid pattern in match: " + to_source(p));
}

}  // namespace

bool Interp::match(const Node* pat, const Term& v) {
  std::size_t outer = match_mark_;
  match_mark_ = env_.mark();
  bool ok = match_node(pat, v);
  match_mark_ = outer;
  return ok;
}

bool Interp::match_node(const Node* p, const Term& v) {
  switch (p->kind) {
    case NodeKind::Literal: return exact_equal(p->value, v);
    case NodeKind::Alias: return p->value.is_atom() && exact_equal(p->value, v);
    case NodeKind::Var: {
      if (is_ignored(p->name)) return true;
      if (const Term* prev = bound_since(env_, match_mark_, p->name)) return exact_equal(*prev, v);
      env_.bind(p->name, v);
      return true;
    }
    case NodeKind::UnaryOp:
      if (p->op == Op::Pin) return exact_equal(pinned(env_, match_mark_, p), v);
      if (p->op == Op::Minus && p->kid(0)->kind == NodeKind::Literal && p->kid(0)->value.is_number())
        return exact_equal(neg(p->kid(0)->value), v);
      if (p->op == Op::Plus && p->kid(0)->kind == NodeKind::Literal) return exact_equal(p->kid(0)->value, v);
      break;
    case NodeKind::Tuple: {
      if (!v.is_tuple() || v.tuple_size() != p->count) return false;
      for (uint32_t i = 0; i < p->count; ++i)
        if (!match_node(p->kid(i), v[i])) return false;
      return true;
    }
    case NodeKind::List: {
      const Term* c = &v;
      for (const Node* k : p->children()) {
        if (!c->is_cons()) return false;
        if (!match_node(k, c->head())) return false;
        c = &c->tail();
      }
      if (p->x) return match_node(p->x, *c);
      return c->is_nil_list();
    }
    case NodeKind::Map: {
      if (!v.is_map()) return false;
      for (uint32_t i = 0; i + 1 < p->count; i += 2) {
        const Node* k = p->kid(i);
        if (k->kind == NodeKind::Var)
          raise_compile_error(k, "cannot use variable " + to_source(k) +
                                     " as map key inside a pattern. Map keys in patterns can only be literals (such as "
                                     "atoms, strings, tuples, and the like) or an existing variable matched with the pin "
                                     "operator (such as ^some_var)");
        Term key = k->kind == NodeKind::UnaryOp && k->op == Op::Pin ? pinned(env_, match_mark_, k) : eval(k);
        const Term* got = v.map_get(key);
        if (!got || !match_node(p->kid(i + 1), *got)) return false;
      }
      return true;
    }
    case NodeKind::BinaryOp:
      if (p->op == Op::Match) return match_node(p->kid(0), v) && match_node(p->kid(1), v);
      if (p->op == Op::BinConcat && p->kid(0)->kind == NodeKind::Bitstring) {
        // <<x::binary-size(2)>> <> rest: the segments, then the rest
        if (!v.is_binary()) return false;
        const Node* segs = p->kid(0);
        for (std::size_t len = 0; len <= v.bytes().size(); ++len) {
          // the prefix is as long as its segments make it: try each split
          std::size_t mark = env_.mark();
          if (match_bitstring(*this, segs, Term::binary(v.bytes().substr(0, len)),
                              [this](const Node* q, const Term& t) { return match_node(q, t); }, true) &&
              match_node(p->kid(1), Term::binary(v.bytes().substr(len))))
            return true;
          env_.reset(mark);
        }
        return false;
      }
      if (p->op == Op::BinConcat) {
        const Node* l = p->kid(0);
        if (l->kind == NodeKind::Interp)
          raise_compile_error(l, "cannot invoke remote function String.Chars.to_string/1 inside a match");
        if (l->kind != NodeKind::Literal)
          throw CompileFailure(exception("ArgumentError",
                                         "the left argument of <> operator inside a match should always be a literal "
                                         "binary because its size can't be verified. Got: " + to_source(l)));
        if (!v.is_binary()) return false;
        Term prefix = eval(l);
        if (!prefix.is_binary()) raise_compile_error(p, "invalid literal " + to_source(l) + " in <<>>");
        std::string_view s = v.bytes(), pre = prefix.bytes();
        if (s.substr(0, pre.size()) != pre) return false;
        return match_node(p->kid(1), Term::binary(s.substr(pre.size())));
      }
      if (p->op == Op::Concat) {
        const Node* l = p->kid(0);
        if (l->kind != NodeKind::List || l->x)
          raise_compile_error(p, "invalid argument for ++ operator inside a match, expected a literal proper list, got: " +
                                     to_source(l));
        const Term* c = &v;
        for (const Node* k : l->children()) {
          if (!c->is_cons() || !match_node(k, c->head())) return false;
          c = &c->tail();
        }
        return match_node(p->kid(1), *c);
      }
      break;
    case NodeKind::Struct: {
      const Term* m = v.is_map() ? v.map_get(Term(atom::__struct__)) : nullptr;
      if (!m) return false;
      if (std::optional<Term> mod = struct_pattern_module(*this, p->kid(0))) {
        if (!(*m == *mod)) return false;
      } else if (!match_node(p->kid(0), *m)) {
        return false;
      }
      if (p->kid(1)->kind != NodeKind::Map) raise_compile_error(p, "cannot use the struct update syntax in patterns");
      return match_node(p->kid(1), v);
    }
    case NodeKind::Bitstring:
      return match_bitstring(*this, p, v, [this](const Node* q, const Term& t) { return match_node(q, t); });
    case NodeKind::Interp: raise_not_supported(p, "string interpolation in patterns");
    default: break;
  }
  invalid_pattern(p);
}

bool Interp::guard(const Node* g) {
  if (!g) return true;
  // Errors in guards make the guard fail (as BEAM's guard BIFs do).
  bool ok = false;
  try {
    ok = eval(g).is_atom(atom::true_);
  } catch (const ErlangError&) {
    ok = false;
  }
  return ok;
}

}  // namespace otp::shell

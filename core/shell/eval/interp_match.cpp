// Pattern matching (Elixir's =, function heads, case/receive/fn clauses)
// and guards. A variable bound twice in one pattern must match the same
// value; a variable bound before the pattern is rebound (Elixir), unless
// pinned with ^.
#include "shell/eval/interp.hpp"
#include "shell/eval/raise.hpp"
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
      if (p->op == Op::Pin) {
        const Node* x = p->kid(0);
        const Term* have = x->kind == NodeKind::Var ? env_.find(x->name) : nullptr;
        if (!have) raise_compile_error(p, "undefined variable ^" + to_source(x));
        return exact_equal(*have, v);
      }
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
        Term key = eval(p->kid(i));
        const Term* got = v.map_get(key);
        if (!got || !match_node(p->kid(i + 1), *got)) return false;
      }
      return true;
    }
    case NodeKind::BinaryOp:
      if (p->op == Op::Match) return match_node(p->kid(0), v) && match_node(p->kid(1), v);
      if (p->op == Op::BinConcat) {
        if (!v.is_binary()) return false;
        Term prefix = eval(p->kid(0));
        if (!prefix.is_binary()) raise_compile_error(p, "the left argument of <> must be a binary in patterns");
        std::string_view s = v.bytes(), pre = prefix.bytes();
        if (s.substr(0, pre.size()) != pre) return false;
        return match_node(p->kid(1), Term::binary(s.substr(pre.size())));
      }
      if (p->op == Op::Concat && p->kid(0)->kind == NodeKind::List) {
        const Node* l = p->kid(0);
        const Term* c = &v;
        for (const Node* k : l->children()) {
          if (!c->is_cons() || !match_node(k, c->head())) return false;
          c = &c->tail();
        }
        return match_node(p->kid(1), *c);
      }
      break;
    case NodeKind::Interp:
    case NodeKind::Struct:
    case NodeKind::Bitstring: raise_not_supported(p, std::string("this pattern (") + node_kind_name(p->kind) + ")");
    default: break;
  }
  raise_compile_error(p, "cannot invoke remote function or use " + to_source(p) + " inside a match");
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

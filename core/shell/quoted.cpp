// Syntax tree -> Elixir quoted form (see quoted.hpp).
#include "shell/quoted.hpp"

#include <vector>

#include "shell/parser_internal.hpp"

namespace otp::shell {

namespace {
Term nil_meta() { return Term::empty_list(); }
Term a(std::string_view s) { return Term::atom(s); }
Term call3(Term head, std::vector<Term> args) { return Term::tuple({std::move(head), nil_meta(), Term::list(args)}); }
Term dot(Term left, Term right) { return Term::tuple({a("."), nil_meta(), Term::list({std::move(left), std::move(right)})}); }

void args_of(const Node* n, std::vector<Term>& out) {
  for (const Node* k : n->args()) out.push_back(to_quoted(k));
  if (n->x && n->x->kind == NodeKind::DoBlock) out.push_back(to_quoted(n->x));
}

Term to_string_call(const Node* e) { return call3(dot(a("Elixir.Kernel"), a("to_string")), {to_quoted(e)}); }

Term binary_parts(const Node* n) {
  std::vector<Term> parts;
  for (const Node* p : n->children()) {
    if (p->has(kStrPart)) {
      parts.push_back(p->value);
    } else {
      parts.push_back(Term::tuple({a("::"), nil_meta(),
                                   Term::list({to_string_call(p), Term::tuple({a("binary"), nil_meta(), Term()})})}));
    }
  }
  return call3(a("<<>>"), parts);
}
}  // namespace

Term to_quoted(std::span<Node* const> exprs) {
  if (exprs.size() == 1 && !detail::is_negation_node(exprs[0])) return to_quoted(exprs[0]);
  std::vector<Term> v;
  for (const Node* e : exprs) v.push_back(to_quoted(e));
  return call3(a("__block__"), v);
}

Term to_quoted(const Node* n) {
  std::vector<Term> v;
  switch (n->kind) {
    case NodeKind::Literal:
      return n->value;
    case NodeKind::Var:
      return Term::tuple({Term(n->name), nil_meta(), Term()});
    case NodeKind::Alias:
      for (const Node* s : n->children())
        v.push_back(s->kind == NodeKind::Literal && s->value.is_atom() ? s->value : to_quoted(s));
      return call3(a("__aliases__"), v);
    case NodeKind::List: {
      for (const Node* e : n->children()) v.push_back(to_quoted(e));
      if (n->x && !v.empty())
        v.back() = Term::tuple({a("|"), nil_meta(), Term::list({v.back(), to_quoted(n->x)})});
      return Term::list(v);
    }
    case NodeKind::Tuple:
      for (const Node* e : n->children()) v.push_back(to_quoted(e));
      if (v.size() == 2) return Term::tuple(v);
      return call3(a("{}"), v);
    case NodeKind::Map:
    case NodeKind::MapUpdate: {
      size_t start = n->kind == NodeKind::MapUpdate ? 1 : 0;
      for (size_t i = start; i < n->count; i += 2) {
        const Node* k = n->kid(i);
        const Node* val = i + 1 < n->count ? n->kid(i + 1) : nullptr;
        v.push_back(val ? Term::tuple({to_quoted(k), to_quoted(val)}) : to_quoted(k));
      }
      if (n->kind == NodeKind::Map) return call3(a("%{}"), v);
      return call3(a("%{}"), {call3(a("|"), {to_quoted(n->kid(0)), Term::list(v)})});
    }
    case NodeKind::Struct:
      return call3(a("%"), {to_quoted(n->kid(0)), to_quoted(n->kid(1))});
    case NodeKind::Bitstring:
      for (const Node* e : n->children()) v.push_back(to_quoted(e));
      return call3(a("<<>>"), v);
    case NodeKind::Interp:
      switch (n->interp_kind()) {
        case InterpKind::String:
          return binary_parts(n);
        case InterpKind::Charlist:
          for (const Node* p : n->children())
            v.push_back(p->has(kStrPart) ? p->value : to_string_call(p));
          return call3(dot(a("Elixir.List"), a("to_charlist")), {Term::list(v)});
        case InterpKind::Atom:
          return call3(dot(a("erlang"), a("binary_to_atom")), {binary_parts(n), a("utf8")});
      }
      return Term();
    case NodeKind::Sigil:
      return call3(Term(n->name), {binary_parts(n), n->value});
    case NodeKind::BinaryOp:
      if (n->op == Op::NotIn)
        return call3(a("not"), {call3(a("in"), {to_quoted(n->kid(0)), to_quoted(n->kid(1))})});
      for (const Node* e : n->children()) v.push_back(to_quoted(e));
      return call3(a(op_text(n->op)), v);
    case NodeKind::UnaryOp:
      return call3(a(op_text(n->op)), {to_quoted(n->kid(0))});
    case NodeKind::Attr: {
      Term inner = n->count ? call3(Term(n->name), {to_quoted(n->kid(0))})
                            : Term::tuple({Term(n->name), nil_meta(), Term()});
      return call3(a("@"), {inner});
    }
    case NodeKind::CaptureArg:
      return call3(a("&"), {n->value});
    case NodeKind::CaptureFn: {
      Term ref = n->count ? call3(dot(to_quoted(n->kid(0)), Term(n->name)), {})
                          : Term::tuple({Term(n->name), nil_meta(), Term()});
      return call3(a("&"), {call3(a("/"), {ref, n->value})});
    }
    case NodeKind::LocalCall:
      args_of(n, v);
      return call3(Term(n->name), v);
    case NodeKind::RemoteCall:
      args_of(n, v);
      return call3(dot(to_quoted(n->kid(0)), Term(n->name)), v);
    case NodeKind::AnonCall:
      args_of(n, v);
      if (n->has(kNestedParens)) return call3(to_quoted(n->kid(0)), v);
      return call3(Term::tuple({a("."), nil_meta(), Term::list({to_quoted(n->kid(0))})}), v);
    case NodeKind::Access:
      return call3(dot(a("Elixir.Access"), a("get")), {to_quoted(n->kid(0)), to_quoted(n->kid(1))});
    case NodeKind::Fn:
      for (const Node* c : n->children()) v.push_back(to_quoted(c));
      return call3(a("fn"), v);
    case NodeKind::Clause: {
      for (const Node* p : n->children()) v.push_back(to_quoted(p));
      Term head;
      if (n->x) {
        v.push_back(to_quoted(n->x));
        head = Term::list({call3(a("when"), v)});
      } else {
        head = Term::list(v);
      }
      return call3(a("->"), {head, to_quoted(n->y)});
    }
    case NodeKind::Stab:
      for (const Node* c : n->children()) v.push_back(to_quoted(c));
      return Term::list(v);
    case NodeKind::Block:
      for (const Node* e : n->children()) v.push_back(to_quoted(e));
      return call3(a("__block__"), v);
    case NodeKind::DoBlock:
      for (const Node* s : n->children()) v.push_back(Term::tuple({Term(s->name), to_quoted(s->x)}));
      return Term::list(v);
    case NodeKind::Section:
      return to_quoted(n->x);
  }
  return Term();
}

}  // namespace otp::shell

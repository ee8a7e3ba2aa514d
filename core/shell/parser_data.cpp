// The parser's data: lists, tuples, bitstrings, maps and structs, keyword
// lists, and the nodes of literals and strings (with their interpolations).
#include "shell/parser_internal.hpp"

namespace otp::shell::detail {

namespace {
bool is_kw(Tok k) noexcept { return k == Tok::KwIdentifier || k == Tok::KwIdentifierUnsafe; }
}  // namespace

Node* Parser::literal(const Token& t, Term value) {
  Node* n = make(NodeKind::Literal, t);
  arena_.set_value(n, std::move(value));
  return n;
}

// container_expr: any expression but a call without parentheses with
// several arguments.
Expr Parser::container_expr() {
  Expr e = expr(0);
  if (no_parens(e.c)) fail_container_no_parens(e.n);
  return e;
}

Node* Parser::keyword_key(const Token& t) {
  if (t.kind == Tok::KwIdentifierUnsafe) return string_node(t);
  return atom_literal(t, Atom{t.a});
}

// kw_data / kw_call: `a: 1, b: 2` pushed as pair Tuples; a trailing comma is
// allowed before `close`; anything else after the keywords is an error.
void Parser::keyword_pairs(Tok close_kind, bool call) {
  for (;;) {
    const Token& k = next();
    Node* key = keyword_key(k);
    skip_eol();
    Expr v = container_expr();
    Node* pair = make(NodeKind::Tuple, k);
    pair->flags |= kKwPair;
    set_kids(pair, {key, v.n});
    scratch_.push_back(pair);
    if (!at(Tok::Comma)) return;
    const Tok after = peek(1).kind;
    if (is_kw(after)) {
      next();
      continue;
    }
    if (after == close_kind) {
      const Token& comma = next();
      if (call) warn(comma.line, comma.column, "trailing commas are not allowed inside function/macro call arguments");
      return;
    }
    const Token& comma = next();
    matched_expr();
    fail_keyword_follow_up(comma, call);
  }
}

// container_args: elements, a trailing comma, and keywords at the end as
// one List element. Pushes the elements.
void Parser::container_args(Tok close_kind, bool allow_kw_tail) {
  for (;;) {
    scratch_.push_back(container_expr().n);
    if (!at(Tok::Comma)) return;
    if (peek(1).kind == close_kind) {
      next();
      return;
    }
    next();
    if (allow_kw_tail && at_kw()) {
      const size_t mark = scratch_.size();
      keyword_pairs(close_kind, false);
      Node* kw = make(NodeKind::List, scratch_[mark]);
      kw->flags |= kKwList;
      set_kids(kw, mark);
      scratch_.push_back(kw);
      return;
    }
  }
}

Expr Parser::list() {
  enter();
  const Token& open = next();
  skip_eol();
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = false;
  struct_top_ = no_comma_ = false;
  const size_t mark = scratch_.size();
  if (at(Tok::RBracket)) {
    next();
  } else {
    if (at_kw()) {
      keyword_pairs(Tok::RBracket, false);
    } else {
      for (;;) {
        scratch_.push_back(container_expr().n);
        if (!at(Tok::Comma)) break;
        if (peek(1).kind == Tok::RBracket) {
          next();
          break;
        }
        next();
        if (at_kw()) {  // the keywords join the list's elements
          keyword_pairs(Tok::RBracket, false);
          break;
        }
      }
    }
    close(Tok::RBracket);
  }
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  Node* n = make(NodeKind::List, open);
  set_kids(n, mark);
  if (n->count) {  // [a, b | tail]
    Node* last = n->kids[n->count - 1];
    if (last->kind == NodeKind::BinaryOp && last->op == Op::Bar && !last->has(kParens)) {
      n->kids[n->count - 1] = last->kid(0);
      n->x = last->kid(1);
    }
  }
  leave();
  return {n, Cls::Matched, 1};
}

Expr Parser::tuple() {
  enter();
  const Token& open = next();
  skip_eol();
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = false;
  struct_top_ = no_comma_ = false;
  const size_t mark = scratch_.size();
  if (at(Tok::RCurly)) {
    next();
  } else {
    container_args(Tok::RCurly, true);
    close(Tok::RCurly);
  }
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  Node* n = make(NodeKind::Tuple, open);
  set_kids(n, mark);
  leave();
  return {n, Cls::Matched, 1};
}

Expr Parser::bitstring() {
  enter();
  const Token& open = next();
  skip_eol();
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = false;
  struct_top_ = no_comma_ = false;
  const size_t mark = scratch_.size();
  if (at(Tok::RBit)) {
    next();
  } else {
    container_args(Tok::RBit, true);
    close(Tok::RBit);
  }
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  Node* n = make(NodeKind::Bitstring, open);
  set_kids(n, mark);
  leave();
  return {n, Cls::Matched, 1};
}

// One assoc_expr of a map given its first expression: `key => value`, or a
// bare variable / call (a compile-time error, but valid syntax).
void Parser::assoc(Expr key) {
  if (at(Tok::AssocOp)) {
    if (key.c == Cls::NoParens) fail_at(peek());
    next();
    skip_eol();
    Expr v = expr(0);
    if (v.c == Cls::NoParens) fail_at(peek());  // NoParensUnary reads as Unmatched here
    scratch_.push_back(key.n);
    scratch_.push_back(v.n);
    return;
  }
  // A bare entry: a variable, `a.b`, a call with parentheses or one argument.
  const Node* k = key.n;
  const bool call = k->kind == NodeKind::LocalCall || k->kind == NodeKind::RemoteCall || k->kind == NodeKind::AnonCall;
  const bool bare = !k->has(kParens) && !k->x &&
                    (k->kind == NodeKind::Var || (call && !k->has(kNoParens)) ||
                     (call && k->has(kNoParens) &&
                      (k->args().size() == 1 || (k->kind == NodeKind::RemoteCall && k->args().empty()))));
  if (!bare || key.c != Cls::Matched) fail_at(peek());
  scratch_.push_back(key.n);
  scratch_.push_back(nullptr);
}

// map_args after `%{` or `%Name`: `{}`, `{k => v, k: v}`, `{base | k => v}`.
Expr Parser::map(const Token& start, Node* struct_name) {
  enter();
  if (!at(Tok::LCurly)) fail_at(peek());
  next();
  skip_eol();
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = false;
  struct_top_ = no_comma_ = false;
  const size_t mark = scratch_.size();
  NodeKind kind = NodeKind::Map;
  if (at(Tok::RCurly)) {
    next();
  } else if (at_kw()) {
    keyword_pairs(Tok::RCurly, false);
    close(Tok::RCurly);
  } else {
    enter();
    Expr first = expr_from(prefix(), 0, true);
    leave();
    bool entries = true;
    if (at(Tok::PipeOp)) {  // %{base | ...}
      if (first.c == Cls::NoParens) fail_at(peek());
      kind = NodeKind::MapUpdate;
      scratch_.push_back(first.n);
      next();
      skip_eol();
      if (at_kw()) {
        keyword_pairs(Tok::RCurly, false);
        entries = false;
      } else {
        assoc(expr(0));
      }
    } else {
      assoc(first);
    }
    while (entries && at(Tok::Comma)) {
      if (peek(1).kind == Tok::RCurly) {
        next();
        break;
      }
      next();
      if (at_kw()) {
        keyword_pairs(Tok::RCurly, false);
        break;
      }
      assoc(expr(0));
    }
    close(Tok::RCurly);
  }
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  Node* n = make(kind, start);
  // Keyword pairs were pushed as Tuples: flatten them into key, value.
  const size_t m2 = scratch_.size();
  for (size_t i = mark; i < m2; ++i) {
    Node* k = scratch_[i];
    if (k && k->kind == NodeKind::Tuple && k->has(kKwPair) && !(kind == NodeKind::MapUpdate && i == mark)) {
      scratch_.push_back(k->kid(0));
      scratch_.push_back(k->kid(1));
    } else {
      scratch_.push_back(k);
    }
  }
  for (size_t i = 0; i < scratch_.size() - m2; ++i) scratch_[mark + i] = scratch_[m2 + i];
  scratch_.resize(mark + (scratch_.size() - m2));
  set_kids(n, mark);
  leave();
  if (!struct_name) return {n, Cls::Matched, 1};
  Node* s = make(NodeKind::Struct, start);
  set_kids(s, {struct_name, n});
  return {s, Cls::Matched, 1};
}

// map -> '%' struct_expr [eol] map_args. The name is an atom, an alias, a
// variable, `a.b`, a call with parentheses, or one of those after @ ^ + - !.
// Elixir's parser reads a whole expression there (a name may be followed by
// `.field`), so the name is parsed as one and its shape checked after.
Expr Parser::struct_expr() {
  enter();
  const Token& pct = next();
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = no_comma_ = true;
  struct_top_ = true;
  Expr name = expr(0);
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  const Node* core = name.n;
  bool ok = name.c == Cls::Matched;
  for (;;) {  // through prefix operators: @ ^ + - ! not ~~~ and the odd unary //
    if (!ok || core->has(kParens)) break;
    if (core->kind == NodeKind::UnaryOp && core->op != Op::Capture) {
      core = core->kid(0);
    } else if (core->kind == NodeKind::BinaryOp && core->op == Op::Div && core->kid(0)->kind == NodeKind::Var &&
               core->kid(0)->name.name() == "/" && core->kid(0)->column == core->column) {
      core = core->kid(1);
    } else {
      break;
    }
  }
  if (ok && core->kind == NodeKind::Attr) {
    ok = core->count == 0;
  } else if (ok) {
    switch (core->kind) {
      case NodeKind::Literal:
        ok = core->value.is_atom() && !core->has(kParens) && !core->has(kReserved);
        break;
      case NodeKind::Alias:
      case NodeKind::Var:
        ok = !core->has(kParens);
        break;
      case NodeKind::RemoteCall:
        ok = !core->x && !core->has(kParens) && (!core->has(kNoParens) || core->count == 1);
        break;
      case NodeKind::LocalCall:
      case NodeKind::AnonCall:
        ok = !core->x && !core->has(kParens) && !core->has(kNoParens);
        break;
      default:
        ok = false;
    }
  }
  if (!ok) fail_at(peek());
  skip_eol();
  Expr m = map(pct, name.n);
  leave();
  return m;
}

// ---------------------------------------------------------------- strings

Node* Parser::interpolation(const StrPart& p) {
  const size_t mark = scratch_.size();
  grammar(lx_.sub_tokens_span(p));
  const size_t n = scratch_.size() - mark;
  if (n == 1 && !is_negation_node(scratch_[mark])) {
    Node* e = scratch_[mark];
    scratch_.resize(mark);
    return e;
  }
  Node* b = arena_.node(NodeKind::Block, p.line, p.column);
  set_kids(b, mark);
  return b;
}

Node* Parser::string_node(const Token& t) {
  const LexString& s = lx_.strings[t.a];
  const bool single = s.part_count == 1 && !lx_.parts[s.first_part].interpolation;
  if (single && t.kind != Tok::Sigil && t.kind != Tok::AtomUnsafe && t.kind != Tok::KwIdentifierUnsafe) {
    std::string_view text = lx_.part_text(lx_.parts[s.first_part]);
    const bool binary = t.kind == Tok::BinString || t.kind == Tok::BinHeredoc;
    Node* n = literal(t, binary ? Term::binary(text) : Term::charlist(text));
    if (!binary) n->flags |= kCharlist;
    if (s.heredoc) n->flags |= kHeredoc;
    return n;
  }
  Node* n = make(t.kind == Tok::Sigil ? NodeKind::Sigil : NodeKind::Interp, t);
  if (s.heredoc) n->flags |= kHeredoc;
  if (t.kind == Tok::Sigil) {
    n->name = Atom::intern(std::string("sigil_") + s.sigil);
    arena_.set_value(n, Term::charlist(s.modifiers));
  } else {
    InterpKind k = (t.kind == Tok::BinString || t.kind == Tok::BinHeredoc) ? InterpKind::String
                   : (t.kind == Tok::ListString || t.kind == Tok::ListHeredoc) ? InterpKind::Charlist
                                                                               : InterpKind::Atom;
    n->op = static_cast<Op>(k);
  }
  const size_t mark = scratch_.size();
  for (uint32_t i = 0; i < s.part_count; ++i) {
    const StrPart& p = lx_.parts[s.first_part + i];
    if (p.interpolation) {
      Node* e = interpolation(p);
      scratch_.push_back(e);
    } else {
      Node* text = literal(t, Term::binary(lx_.part_text(p)));
      text->flags |= kStrPart;
      scratch_.push_back(text);
    }
  }
  set_kids(n, mark);
  return n;
}

}  // namespace otp::shell::detail

// The parser's calls: local, remote and anonymous, with and without
// parentheses, with do-blocks; dots, access, captures and attributes; and
// the argument lists (call_args_parens, call_args_no_parens_* of
// elixir_parser.yrl).
#include "shell/parser_internal.hpp"

namespace otp::shell::detail {

namespace {
Atom cached(std::string_view name) { return Atom::intern(name); }
}  // namespace

// dot_identifier / dot_op_identifier: a variable (or `a.b`), a call without
// parentheses, perhaps with a do-block.
Expr Parser::call_after_name(Node* target, const Token& name) {
  const bool args = (name.kind == Tok::OpIdentifier || starts_no_parens_arg(peek().kind)) &&
                    !(struct_top_ && at(Tok::LCurly));
  if (!args) {
    if (!target) return {var(name), Cls::Matched, 0};
    Node* n = make(NodeKind::RemoteCall, name);
    n->name = Atom{name.a};
    n->flags |= kNoParens;
    set_kids(n, {target});
    return {n, Cls::Matched, 0};
  }
  const size_t mark = scratch_.size();
  if (target) scratch_.push_back(target);
  const bool may_take_do = !no_do_;
  const ArgsKind k = no_parens_args();
  Node* call = make(target ? NodeKind::RemoteCall : NodeKind::LocalCall, name);
  call->name = Atom{name.a};
  call->flags |= kNoParens;
  set_kids(call, mark);
  if (name.kind == Tok::OpIdentifier && call->args().size() == 1) call->flags |= kAmbiguousOp;
  if (may_take_do && at(Tok::Do)) return with_do_block(call);
  return {call, k == ArgsKind::One ? Cls::Matched : Cls::NoParens, 0};
}

// name(args), name(args)(args), fun.(args), each maybe with a do-block.
// `name` is the ParenIdentifier (or the dot_call_op for `fun.(...)`).
Expr Parser::paren_call(Node* target, const Token& name, Node* fun) {
  const size_t mark = scratch_.size();
  NodeKind kind = fun ? NodeKind::AnonCall : target ? NodeKind::RemoteCall : NodeKind::LocalCall;
  if (fun) scratch_.push_back(fun);
  if (target) scratch_.push_back(target);
  paren_args();
  Node* call = make(kind, name);
  if (!fun) call->name = Atom{name.a};
  set_kids(call, mark);
  if (at(Tok::LParen)) {  // f(a)(b)
    const size_t m = scratch_.size();
    scratch_.push_back(call);
    paren_args();
    Node* outer = make(NodeKind::AnonCall, call);
    outer->flags |= kNestedParens;
    set_kids(outer, m);
    call = outer;
  }
  if (!no_do_ && at(Tok::Do)) return with_do_block(call);
  return {call, Cls::Matched, 1};
}

Expr Parser::postfix_dot(Expr lhs) {
  const Token& dot = next();
  if (dot.kind == Tok::DotCallOp) return paren_call(nullptr, dot, lhs.n);
  skip_eol();
  const Token& t = peek();
  switch (t.kind) {
    case Tok::Identifier:
    case Tok::OpIdentifier:
      next();
      return call_after_name(lhs.n, t);
    case Tok::ParenIdentifier:
      next();
      return paren_call(lhs.n, t, nullptr);
    case Tok::BracketIdentifier: {
      next();
      Node* n = make(NodeKind::RemoteCall, t);
      n->name = Atom{t.a};
      n->flags |= kNoParens;
      set_kids(n, {lhs.n});
      return {n, Cls::Matched, 2};
    }
    case Tok::DoIdentifier: {
      next();
      Node* n = make(NodeKind::RemoteCall, t);
      n->name = Atom{t.a};
      n->flags |= kNoParens;
      set_kids(n, {lhs.n});
      if (no_do_) return {n, Cls::Matched, 0};
      return with_do_block(n);
    }
    case Tok::Alias: {
      next();
      if (lhs.n->kind == NodeKind::Literal && lhs.n->value.is_atom()) {
        RawError e;
        e.line = t.line;
        e.column = t.column;
        e.error = "atom cannot be followed by an alias. If the '.' was meant to be part of the atom's name, the "
                  "atom name must be quoted. Syntax error before: ";
        e.token = "'.'";
        fail(std::move(e));
      }
      const size_t mark = scratch_.size();
      Node* n;
      if (lhs.n->kind == NodeKind::Alias) {
        n = make(NodeKind::Alias, lhs.n);
        for (Node* s : lhs.n->children()) scratch_.push_back(s);
      } else {
        n = make(NodeKind::Alias, dot);
        scratch_.push_back(lhs.n);
      }
      scratch_.push_back(atom_literal(t, Atom{t.a}));
      set_kids(n, mark);
      const Node* head = n->kid(0);
      if (head->kind == NodeKind::Literal && head->value.is_atom()) {
        std::string full;
        for (const Node* s : n->children()) {
          if (!full.empty()) full += '.';
          full += s->value.atom().name();
        }
        n->value = Term(Atom::intern(head->value.atom().name() == "Elixir" ? full : "Elixir." + full));
      }
      return {n, Cls::Matched, 1};
    }
    case Tok::LCurly: {  // Foo.{A, B}
      enter();
      next();
      skip_eol();
      const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
      no_do_ = false;
  struct_top_ = no_comma_ = false;
      const size_t mark = scratch_.size();
      scratch_.push_back(lhs.n);
      if (!at(Tok::RCurly)) {
        container_args(Tok::RCurly, true);
        close(Tok::RCurly);
      } else {
        next();
      }
      no_do_ = saved_no_do;
      struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
      Node* n = make(NodeKind::RemoteCall, dot);
      n->name = cached("{}");
      set_kids(n, mark);
      leave();
      return {n, Cls::Matched, 1};
    }
    default:
      fail_at(t);
  }
}

// access_expr bracket_arg: expr[key]
Expr Parser::access(Expr lhs) {
  enter();
  const Token& open = next();
  skip_eol();
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = false;
  struct_top_ = no_comma_ = false;
  Node* key;
  if (at_kw()) {
    const size_t mark = scratch_.size();
    keyword_pairs(Tok::RBracket, false);
    key = make(NodeKind::List, scratch_[mark]);
    set_kids(key, mark);
  } else {
    key = container_expr().n;
    if (at(Tok::Comma)) next();
  }
  close(Tok::RBracket);
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  Node* n = make(NodeKind::Access, open);
  set_kids(n, {lhs.n, key});
  leave();
  return {n, Cls::Matched, 1};
}

// @name, @name value, or @expr.
Node* Parser::at_node(const Token& at, Node* operand) {
  if (operand->kind == NodeKind::Var) {
    Node* n = make(NodeKind::Attr, at);
    n->name = operand->name;
    return n;
  }
  if (operand->kind == NodeKind::LocalCall && operand->count == 1 && !operand->x) {
    Node* n = make(NodeKind::Attr, at);
    n->name = operand->name;
    set_kids(n, {operand->kid(0)});
    return n;
  }
  Node* n = make(NodeKind::UnaryOp, at);
  n->op = Op::At;
  set_kids(n, {operand});
  return n;
}

// &expr, or a function reference &name/arity, &Mod.name/arity.
Node* Parser::capture_node(const Token& amp, Node* operand) {
  if (operand->kind == NodeKind::BinaryOp && operand->op == Op::Div) {
    Node* l = operand->kid(0);
    Node* r = operand->kid(1);
    if (r->kind == NodeKind::Literal && r->value.is_small() && r->value.small() >= 0) {
      if (l->kind == NodeKind::Var) {
        Node* n = make(NodeKind::CaptureFn, amp);
        n->name = l->name;
        n->value = r->value;
        return n;
      }
      if (l->kind == NodeKind::RemoteCall && l->count == 1 && l->has(kNoParens) && !l->x) {
        Node* n = make(NodeKind::CaptureFn, amp);
        n->name = l->name;
        n->value = r->value;
        set_kids(n, {l->kid(0)});
        return n;
      }
    }
  }
  Node* n = make(NodeKind::UnaryOp, amp);
  n->op = Op::Capture;
  set_kids(n, {operand});
  return n;
}

// call_args_no_parens_all: pushes the arguments. The do-block (if any)
// belongs to the outermost call, so nested calls do not take one here.
Parser::ArgsKind Parser::no_parens_args() {
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = true;
  struct_top_ = false;  // no_comma_ stays: nested calls cannot take commas either
  ArgsKind kind = ArgsKind::One;
  if (at_kw()) {
    scratch_.push_back(no_parens_keywords());
  } else {
    Expr first;
    if (at(Tok::LParen)) {
      const Token& lp = peek();
      // `f (a, b)` is the "unexpected parentheses" error only where a call
      // with several arguments could stand.
      Group g = paren_group(false, !no_comma_);
      if (g.kind == Group::Args) {
        RawError e;
        e.line = lp.line;
        e.column = lp.column;
        e.error = "unexpected parentheses. If you are making a function call, do not insert spaces between the "
                  "function name and the opening parentheses. Syntax error before: ";
        e.token = "'('";
        fail(std::move(e));
      }
      if (g.kind == Group::Empty)
        warn(lp.line, lp.column,
             "invalid expression (). If you want to invoke or define a function, make sure there are no spaces "
             "between the function name and its arguments. If you wanted to pass an empty block or code, pass a "
             "value instead, such as a nil or an atom");
      enter();
      first = expr_from(g.e, 0);
      leave();
    } else {
      first = expr(0);
    }
    if (first.c == Cls::Unmatched) fail_at(peek());
    scratch_.push_back(first.n);
    if (no_parens(first.c)) {
      kind = ArgsKind::Ambig;
    } else {
      while (!no_comma_ && at(Tok::Comma)) {
        kind = ArgsKind::Many;
        next();
        if (at_kw()) {
          scratch_.push_back(no_parens_keywords());
          break;
        }
        Expr a = expr(0);
        if (no_parens(a.c)) fail_nested_no_parens(a.n);
        if (a.c == Cls::Unmatched) fail_at(peek());
        scratch_.push_back(a.n);
      }
    }
  }
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  return kind;
}

// call_args_parens: pushes the arguments.
void Parser::paren_args() {
  enter();
  next();  // (
  skip_eol();
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = false;
  struct_top_ = no_comma_ = false;
  if (at(Tok::RParen)) {
    next();
  } else if (at_kw()) {
    const size_t mark = scratch_.size();
    keyword_pairs(Tok::RParen, true);
    Node* kw = make(NodeKind::List, scratch_[mark]);
    kw->flags |= kKwList;
    set_kids(kw, mark);
    scratch_.push_back(kw);
    close(Tok::RParen);
  } else {
    Expr first = expr(0);
    scratch_.push_back(first.n);
    // f(g a, b): one no-parens argument is allowed; anything but ')' after
    // it is reduced as a nested call (yecc's default reduction).
    if (no_parens(first.c) && !at(Tok::RParen) && !at(Tok::Eol)) {
      check_follow();
      fail_nested_no_parens(first.n);
    }
    if (!no_parens(first.c)) {
      while (at(Tok::Comma)) {
        next();
        if (at_kw()) {
          const size_t mark = scratch_.size();
          keyword_pairs(Tok::RParen, true);
          Node* kw = make(NodeKind::List, scratch_[mark]);
          kw->flags |= kKwList;
          set_kids(kw, mark);
          scratch_.push_back(kw);
          break;
        }
        Expr a = expr(0);
        if (no_parens(a.c)) {
          check_follow();
          fail_nested_no_parens(a.n);
        }
        scratch_.push_back(a.n);
      }
    }
    close(Tok::RParen);
  }
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  leave();
}

// call_args_no_parens_kw: `a: 1, b: 2` as a keyword List (one argument).
Node* Parser::no_parens_keywords() {
  const size_t mark = scratch_.size();
  const bool saved_no_do = no_do_;
  no_do_ = true;  // the values are matched or no-parens expressions
  for (;;) {
    const Token& k = next();
    Node* key = keyword_key(k);
    skip_eol();
    Expr v = expr(0);
    if (v.c == Cls::Unmatched) fail_at(peek());
    Node* pair = make(NodeKind::Tuple, k);
    pair->flags |= kKwPair;
    set_kids(pair, {key, v.n});
    scratch_.push_back(pair);
    if (!at(Tok::Comma)) break;
    const Tok after = peek(1).kind;
    if (after == Tok::KwIdentifier || after == Tok::KwIdentifierUnsafe) {
      next();
      continue;
    }
    const Token& comma = next();
    matched_expr();
    fail_keyword_follow_up(comma, true);
  }
  no_do_ = saved_no_do;
  Node* list = make(NodeKind::List, scratch_[mark]);
  list->flags |= kKwList;
  set_kids(list, mark);
  return list;
}

}  // namespace otp::shell::detail

// The parser's blocks: the top level (`grammar`), parentheses, fn,
// do-blocks with their sections, and `->` clauses (the `stab` rules of
// elixir_parser.yrl), with Elixir's checks of clause lists.
#include "shell/parser_internal.hpp"

namespace otp::shell::detail {

void Parser::parse_all(std::span<const Token> toks, std::vector<Node*>& out) {
  grammar(toks);
  out.assign(scratch_.begin(), scratch_.end());
  scratch_.clear();
}

// grammar -> eoe | expr_list | eoe expr_list | expr_list eoe | eoe expr_list eoe | (empty)
void Parser::grammar(std::span<const Token> toks) {
  std::span<const Token> saved_toks = toks_;
  const size_t saved_i = i_;
  const Token saved_eof = eof_;
  toks_ = toks;
  i_ = 0;
  eof_ = Token{};
  if (!toks.empty()) {
    eof_.line = toks.back().line;
    eof_.column = toks.back().column;
  }
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = false;
  struct_top_ = no_comma_ = false;
  skip_eoe();
  while (!at(Tok::Eof)) {
    scratch_.push_back(expr(0).n);
    if (at(Tok::Eof)) break;
    if (!at_eoe()) fail_at(peek());
    skip_eoe();
  }
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  toks_ = saved_toks;
  i_ = saved_i;
  eof_ = saved_eof;
}

bool is_negation_node(const Node* n) noexcept {
  return (n->kind == NodeKind::UnaryOp && (n->op == Op::Not || n->op == Op::Bang)) ||
         (n->kind == NodeKind::BinaryOp && n->op == Op::NotIn) ||
         (n->kind == NodeKind::LocalCall && n->count == 1 && n->name.name() == "unquote_splicing");
}

// build_block: one expression is itself (except a lone `not`/`!`, which
// Elixir keeps in a __block__); several make a Block.
Node* Parser::build_block(size_t mark, uint32_t line, uint32_t column) {
  size_t n = scratch_.size() - mark;
  if (n == 1 && !is_negation_node(scratch_[mark])) {
    Node* e = scratch_[mark];
    scratch_.resize(mark);
    return e;
  }
  Node* b = n ? make(NodeKind::Block, scratch_[mark]) : arena_.node(NodeKind::Block, line, column);
  set_kids(b, mark);
  return b;
}

// The items of a stab on scratch_[mark..]: either plain expressions (a
// block) or clauses, each followed by extra body expressions.
Node* Parser::build_stab(size_t mark, const Token& open, bool fn) {
  size_t n = scratch_.size() - mark;
  const Node* first_clause = nullptr;
  for (size_t i = 0; i < n; ++i)
    if (scratch_[mark + i]->kind == NodeKind::Clause) {
      first_clause = scratch_[mark + i];
      break;
    }
  if (!first_clause) {
    if (fn) {
      RawError e;
      e.line = open.line;
      e.column = open.column;
      e.error = "expected anonymous functions to be defined with -> inside: ";
      e.token = "'fn'";
      fail(std::move(e));
    }
    return build_block(mark, open.line, open.column);
  }
  if (scratch_[mark]->kind != NodeKind::Clause)
    fail_line(first_clause,
              "unexpected operator ->. If you want to define multiple clauses, the first expression must use ->. "
              "Syntax error before: ",
              "'->'");
  // Fold the expressions after each clause into its body.
  size_t out = mark;
  for (size_t i = mark; i < mark + n;) {
    Node* c = scratch_[i++];
    size_t extra = i;
    while (i < mark + n && scratch_[i]->kind != NodeKind::Clause) ++i;
    if (i > extra) {
      // body = build_block([Right | Exprs])
      size_t m = scratch_.size();
      scratch_.push_back(c->y);
      for (size_t k = extra; k < i; ++k) scratch_.push_back(scratch_[k]);
      c->y = build_block(m, c->line, c->column);
    } else if (is_negation_node(c->y)) {
      Node* b = make(NodeKind::Block, c->y);
      set_kids(b, {c->y});
      c->y = b;
    }
    scratch_[out++] = c;
  }
  scratch_.resize(out);
  Node* s = make(NodeKind::Stab, scratch_[mark]);
  set_kids(s, mark);
  return s;
}

// A clause from the arguments on scratch_[mark..]. `unwrap`: a trailing
// `when` argument is the guard (`a, b when g ->`).
Node* Parser::clause(size_t mark, bool unwrap, const Token& arrow, Node* guard) {
  Node* c = make(NodeKind::Clause, arrow);
  if (unwrap && scratch_.size() > mark) {
    Node* last = scratch_.back();
    if (last->kind == NodeKind::BinaryOp && last->op == Op::When) {
      scratch_.back() = last->kid(0);
      guard = last->kid(1);
      c->flags |= kUnwrapWhen;
    }
  }
  set_kids(c, mark);
  c->x = guard;
  skip_eol();
  const Tok k = peek().kind;
  if (k == Tok::End || k == Tok::RParen || k == Tok::BlockIdentifier || k == Tok::Semicolon || k == Tok::Eol ||
      k == Tok::Eof) {
    warn(arrow.line, arrow.column,
         "an expression is always required on the right side of ->. Please provide a value after ->");
    c->y = atom_literal(arrow, atom::nil);
  } else {
    c->y = expr(0).n;
  }
  return c;
}

static bool closes_paren(const Token& a, const Token& b) {
  return a.kind == Tok::RParen || (a.kind == Tok::Eol && b.kind == Tok::RParen);
}

// stab_expr. Returns a clause or an expression; with `allow_args`, an
// argument list followed by ')' (`(a, b)` before `->`, or `f (a, b)`) sets
// `args_result` and stays on scratch_.
Node* Parser::stab_item(bool allow_args, bool& args_result) {
  const size_t mark = scratch_.size();
  if (at(Tok::StabOp)) return clause(mark, false, next(), nullptr);
  Expr first;
  if (at(Tok::LParen)) {
    Group g = paren_group(true, false);
    if (g.kind == Group::Args || g.kind == Group::Empty) {
      if (at(Tok::StabOp)) return clause(mark, false, next(), nullptr);
      if (at(Tok::WhenOp)) {
        next();
        Node* guard = expr(0).n;
        if (!at(Tok::StabOp)) fail_at(peek());
        return clause(mark, false, next(), guard);
      }
      if (g.kind == Group::Args) fail_at(peek());
      warn(g.open->line, g.open->column,
           "invalid expression (). If you want to invoke or define a function, make sure there are no spaces "
           "between the function name and its arguments. If you wanted to pass an empty block or code, pass a "
           "value instead, such as a nil or an atom");
    }
    first = expr_from(g.e, 0);
  } else if (at_kw()) {
    scratch_.push_back(no_parens_keywords());
    if (at(Tok::StabOp)) return clause(mark, true, next(), nullptr);
    if (allow_args && closes_paren(peek(), peek(1))) {
      args_result = true;
      return nullptr;
    }
    if (allow_args) skip_eol();
    fail_at(peek());
  } else {
    first = expr(0);
  }
  if (at(Tok::Comma)) {
    if (first.c != Cls::Matched) fail_at(peek());
    scratch_.push_back(first.n);
    const bool saved_no_do = no_do_;
    no_do_ = true;  // call_args_no_parens_expr: matched expressions
    while (at(Tok::Comma)) {
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
    no_do_ = saved_no_do;
    if (at(Tok::StabOp)) return clause(mark, true, next(), nullptr);
    if (allow_args && closes_paren(peek(), peek(1))) {
      args_result = true;
      return nullptr;
    }
    if (allow_args) skip_eol();  // close_paren -> eol ')': the eol is accepted first
    fail_at(peek());
  }
  if (at(Tok::StabOp)) {
    if (first.c == Cls::Unmatched) fail_at(peek());
    scratch_.push_back(first.n);
    return clause(mark, true, next(), nullptr);
  }
  return first.n;
}

// stab -> stab_expr | stab eoe stab_expr, with an optional trailing eoe.
// True when the first item was an argument list before ')' (allow_args).
bool Parser::stab(bool allow_args) {
  bool first = true;
  for (;;) {
    bool args = false;
    Node* item = stab_item(allow_args && first, args);
    if (args) return true;
    scratch_.push_back(item);
    first = false;
    if (!at_eoe()) return false;
    // Another item follows the separator, or the stab ends.
    size_t k = at(Tok::Eol) && peek(1).kind == Tok::Semicolon ? 2 : 1;
    const Tok after = peek(k).kind;
    skip_eoe();
    if (after == Tok::End || after == Tok::RParen || after == Tok::BlockIdentifier || after == Tok::Eof) return false;
  }
}

// ( ... ): an expression in parentheses, a block `(a; b)`, clauses `(a -> b)`,
// `()`, or (stab_head / no_parens_arg) the argument list `(a, b)`.
Group Parser::paren_group(bool stab_head, bool no_parens_arg) {
  enter();
  Group g;
  const Token& open = next();
  g.open = &open;
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = false;
  struct_top_ = no_comma_ = false;
  skip_eol();
  if (at(Tok::RParen)) {
    next();
    Node* b = make(NodeKind::Block, open);
    b->flags |= kParens;
    g.kind = Group::Empty;
    g.e = {b, Cls::Matched, 1};
    no_do_ = saved_no_do;
    struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
    leave();
    return g;
  }
  bool leading_semicolon = false;
  if (at(Tok::Semicolon)) {
    next();
    leading_semicolon = true;
    if (closes_paren(peek(), peek(1))) {
      close(Tok::RParen);
      Node* b = make(NodeKind::Block, open);
      b->flags |= kParens;
      g.e = {b, Cls::Matched, 1};
      no_do_ = saved_no_do;
      struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
      leave();
      return g;
    }
  }
  const size_t mark = scratch_.size();
  const bool args = stab((stab_head || no_parens_arg) && !leading_semicolon);
  close(Tok::RParen);
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  leave();
  if (args) {
    g.kind = Group::Args;
    g.mark = mark;
    return g;
  }
  Node* n = build_stab(mark, open, false);
  n->flags |= kParens;
  g.e = {n, Cls::Matched, 1};
  return g;
}

// fn_eoe stab_eoe 'end'
Expr Parser::fn() {
  enter();
  const Token& f = next();
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = false;
  struct_top_ = no_comma_ = false;
  skip_eoe();
  const size_t mark = scratch_.size();
  stab(false);
  expect(Tok::End);
  Node* s = build_stab(mark, f, true);
  s->kind = NodeKind::Fn;
  s->line = f.line;
  s->column = f.column;
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  leave();
  return {s, Cls::Matched, 1};
}

static Atom do_atom() {
  static const Atom a = Atom::intern("do");
  return a;
}

// do_block -> do_eoe ['end' | stab_eoe 'end' | block_list 'end' | stab_eoe block_list 'end']
// Elixir checks the do section's clauses only after `end`, and each other
// section's when the next section (or `end`) begins; errors come in that order.
Node* Parser::do_block() {
  enter();
  const Token& d = next();
  const bool saved_no_do = no_do_, saved_struct_top = struct_top_, saved_no_comma = no_comma_;
  no_do_ = false;
  struct_top_ = no_comma_ = false;
  skip_eoe();
  const size_t mark = scratch_.size();
  if (!at(Tok::End) && !at(Tok::BlockIdentifier)) stab(false);
  // Park the do section's items until `end`.
  const size_t do_count = scratch_.size() - mark;
  Node** do_items = arena_.array(do_count);
  for (size_t i = 0; i < do_count; ++i) do_items[i] = scratch_[mark + i];
  scratch_.resize(mark);
  Node* do_section = make(NodeKind::Section, d);
  do_section->name = do_atom();
  scratch_.push_back(do_section);
  while (at(Tok::BlockIdentifier)) {
    const Token& b = next();
    skip_eoe();
    Node* sec = make(NodeKind::Section, b);
    sec->name = Atom{b.a};
    const size_t k = scratch_.size();
    if (!at(Tok::End) && !at(Tok::BlockIdentifier)) stab(false);
    if (!at(Tok::End) && !at(Tok::BlockIdentifier)) fail_at(peek());
    sec->x = build_stab(k, b, false);
    scratch_.push_back(sec);
  }
  expect(Tok::End);
  const size_t m = scratch_.size();
  for (size_t i = 0; i < do_count; ++i) scratch_.push_back(do_items[i]);
  do_section->x = build_stab(m, d, false);
  Node* block = make(NodeKind::DoBlock, d);
  block->flags |= kKwFromBlock;
  set_kids(block, mark);
  no_do_ = saved_no_do;
  struct_top_ = saved_struct_top;
  no_comma_ = saved_no_comma;
  leave();
  return block;
}

}  // namespace otp::shell::detail

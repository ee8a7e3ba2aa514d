// The parser's expressions: operators by precedence climbing, prefix
// operators and primaries (matched_expr, unmatched_expr, no_parens_expr and
// access_expr of elixir_parser.yrl). Calls and dots are in parser_calls.cpp.
#include "shell/parser_internal.hpp"

namespace otp::shell::detail {

namespace {
bool binary_token(Tok k) noexcept {
  switch (k) {
    case Tok::MatchOp: case Tok::DualOp: case Tok::MultOp: case Tok::PowerOp: case Tok::ConcatOp:
    case Tok::RangeOp: case Tok::TernaryOp: case Tok::XorOp: case Tok::AndOp: case Tok::OrOp:
    case Tok::InOp: case Tok::InMatchOp: case Tok::TypeOp: case Tok::WhenOp: case Tok::PipeOp:
    case Tok::CompOp: case Tok::RelOp: case Tok::ArrowOp:
      return true;
    default:
      return false;
  }
}

Atom cached(std::string_view name) { return Atom::intern(name); }
Cls unary_class(Cls operand) { return no_parens(operand) ? Cls::NoParensUnary : operand; }
}  // namespace

// Tokens after which a plain identifier is a call without parentheses
// (`foo bar`, `foo [1]`, `foo !x`) rather than a variable.
bool starts_no_parens_arg(Tok k) noexcept {
  switch (k) {
    case Tok::Identifier: case Tok::ParenIdentifier: case Tok::BracketIdentifier: case Tok::DoIdentifier:
    case Tok::OpIdentifier: case Tok::KwIdentifier: case Tok::KwIdentifierUnsafe: case Tok::Alias:
    case Tok::Atom: case Tok::AtomQuoted: case Tok::AtomUnsafe: case Tok::Int: case Tok::Flt: case Tok::Char:
    case Tok::BinString: case Tok::ListString: case Tok::BinHeredoc: case Tok::ListHeredoc: case Tok::Sigil:
    case Tok::True: case Tok::False: case Tok::Nil: case Tok::Fn: case Tok::LParen: case Tok::LBracket:
    case Tok::LCurly: case Tok::LBit: case Tok::MapOp: case Tok::Percent: case Tok::UnaryOp: case Tok::AtOp:
    case Tok::CaptureOp:
      return true;
    default:
      return false;
  }
}

Expr Parser::matched_expr() {
  const bool saved_no_do = no_do_, saved_no_comma = no_comma_;
  no_do_ = no_comma_ = true;
  Expr e = expr(0);
  no_do_ = saved_no_do;
  no_comma_ = saved_no_comma;
  return e;
}

// A prefix operator's operand. `unary_op_eol expr` makes an operand that
// ends in a do-block take the operators after it: -if a do b end + 1 is
// -(if a do b end + 1).
Expr Parser::operand(int prec) {
  Expr e = expr(prec);
  if (e.c != Cls::Unmatched) return e;
  enter();
  e = expr_from(e, 0);
  leave();
  return e;
}

Expr Parser::expr(int min) {
  enter();
  Expr e = expr_from(prefix(), min);
  leave();
  return e;
}

// The operator loop: postfix `.`, `.(`, `[` (precedence 310) and binary
// operators. A NoParens expression takes no operator after it (its last
// argument already took them).
Expr Parser::expr_from(Expr lhs, int min, bool stop_at_bar) {
  for (;;) {
    const Token& t = peek();
    if (t.kind == Tok::Dot || t.kind == Tok::DotCallOp) {
      if (kDotPrecedence < min || lhs.c != Cls::Matched) return lhs;
      lhs = postfix_dot(lhs);
      continue;
    }
    if (t.kind == Tok::LBracket) {
      if (lhs.acc == 0 || kDotPrecedence < min) return lhs;
      lhs = access(lhs);
      continue;
    }
    if (t.kind == Tok::KwIdentifier && lhs.acc == 1) {  // access_expr kw_identifier
      RawError e;
      e.line = t.line;
      e.column = t.column;
      if (Atom{t.a}.name() == "do") {
        e.error = "unexpected keyword: ";
        e.token = "do:";
        e.has_suffix = true;
        e.suffix =
            ". In case you wanted to write a \"do\" expression, you must either use do-blocks or separate the "
            "keyword argument with comma. For example, you should either write:\n\n"
            "    if some_condition? do\n      :this\n    else\n      :that\n    end\n\n"
            "or the equivalent construct:\n\n    if(some_condition?, do: :this, else: :that)\n\n"
            "where \"some_condition?\" is the first argument and the second argument is a keyword list.\n\n"
            "You may see this error if you forget a trailing comma before the \"do\" in a \"do\" block";
      } else {
        e.error = "syntax error before: ";
        e.token = "'" + std::string(Atom{t.a}.name()) + ":'";
      }
      fail(std::move(e));
    }
    if (!binary_token(t.kind) || (stop_at_bar && t.kind == Tok::PipeOp)) return lhs;
    const Op op = static_cast<Op>(t.a);
    const int prec = op_precedence(op);
    if (prec < min || no_parens(lhs.c)) return lhs;
    next();
    skip_eol();
    const int rmin = op_right_assoc(op) ? prec : prec + 1;
    const bool saved_struct_top = struct_top_;
    struct_top_ = false;
    Expr rhs;
    if (op == Op::When && at_kw() && !no_comma_) {  // a when b: 1 (only where no-parens calls may stand)
      rhs = {no_parens_keywords(), Cls::NoParens, 0};
    } else {
      rhs = expr(rmin);
    }
    struct_top_ = saved_struct_top;
    lhs = binary(lhs, t, rhs);
  }
}

Expr Parser::binary(Expr lhs, const Token& t, Expr rhs) {
  const Op op = static_cast<Op>(t.a);
  const Cls c = lhs.c == Cls::Matched ? rhs.c : Cls::Unmatched;
  Node* l = lhs.n;
  if (op == Op::Step) {  // a..b//c
    if (!(l->kind == NodeKind::BinaryOp && l->op == Op::Range)) {
      // yecc reduces here without looking ahead, except after the arguments
      // of a call without parentheses.
      const Node* r = rhs.n;
      if ((r->kind == NodeKind::LocalCall || r->kind == NodeKind::RemoteCall) && r->has(kNoParens) && !r->args().empty())
        check_follow();
      RawError e;
      e.line = t.line;
      e.column = t.column;
      e.error = "the range step operator (//) must immediately follow the range definition operator (..), for "
                "example: 1..9//2. If you wanted to define a default argument, use (\\\\) instead. Syntax error "
                "before: ";
      e.token = "'//'";
      fail(std::move(e));
    }
    Node* n = make(NodeKind::BinaryOp, l);
    n->op = Op::RangeStep;
    set_kids(n, {l->kid(0), l->kid(1), rhs.n});
    return {n, c, 0};
  }
  if (op == Op::In && l->kind == NodeKind::UnaryOp && (l->op == Op::Not || l->op == Op::Bang)) {
    warn(t.line, t.column, "\"not expr1 in expr2\" is deprecated, use \"expr1 not in expr2\" instead");
    Node* in = make(NodeKind::BinaryOp, t);
    in->op = Op::In;
    set_kids(in, {l->kid(0), rhs.n});
    Node* u = make(NodeKind::UnaryOp, t);
    u->op = l->op;
    set_kids(u, {in});
    return {u, c, 0};
  }
  Node* n = make(NodeKind::BinaryOp, t);
  n->op = op;
  set_kids(n, {l, rhs.n});
  return {n, c, 0};
}

Expr Parser::prefix() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::UnaryOp:
    case Tok::DualOp:
    case Tok::TernaryOp: {
      next();
      skip_eol();
      Expr e = operand(300);
      Node* n;
      if (t.kind == Tok::TernaryOp) {  // `//x` is Elixir's {:/, _, [{:/, _, nil}, x]}
        Node* slash = make(NodeKind::Var, t);
        slash->name = cached("/");
        n = make(NodeKind::BinaryOp, t);
        n->op = Op::Div;
        set_kids(n, {slash, e.n});
      } else {
        n = make(NodeKind::UnaryOp, t);
        n->op = static_cast<Op>(t.a);
        set_kids(n, {e.n});
      }
      return {n, unary_class(e.c), 0};
    }
    case Tok::AtOp: {
      next();
      skip_eol();
      Expr e = operand(320);
      return {at_node(t, e.n), unary_class(e.c), static_cast<uint8_t>(e.acc ? 2 : 0)};
    }
    case Tok::CaptureOp: {
      next();
      skip_eol();
      if (at(Tok::Int)) {  // &1
        const Token& i = next();
        Node* n = make(NodeKind::CaptureArg, t);
        arena_.set_value(n, lx_.literals[i.a]);
        return {n, Cls::Matched, 1};
      }
      Expr e = operand(90);
      return {capture_node(t, e.n), unary_class(e.c), 0};
    }
    case Tok::RangeOp: {  // `..` alone
      next();
      Node* n = make(NodeKind::LocalCall, t);
      n->name = cached("..");
      n->flags |= kNoParens;
      return {n, Cls::Matched, 1};
    }
    default:
      return primary();
  }
}

Expr Parser::primary() {
  const Token& t = peek();
  switch (t.kind) {
    case Tok::Int:
    case Tok::Flt:
    case Tok::Char: {
      next();
      Node* n = literal(t, lx_.literals[t.a]);
      if (t.kind == Tok::Char) n->flags |= kCharLiteral;
      return {n, Cls::Matched, 1};
    }
    case Tok::True: {
      next();
      Node* n = atom_literal(t, atom::true_);
      n->flags |= kReserved;
      return {n, Cls::Matched, 1};
    }
    case Tok::False: {
      next();
      Node* n = atom_literal(t, atom::false_);
      n->flags |= kReserved;
      return {n, Cls::Matched, 1};
    }
    case Tok::Nil: {
      next();
      Node* n = atom_literal(t, atom::nil);
      n->flags |= kReserved;
      return {n, Cls::Matched, 1};
    }
    case Tok::Atom:
    case Tok::AtomQuoted:
      next();
      return {atom_literal(t, Atom{t.a}), Cls::Matched, 1};
    case Tok::AtomUnsafe:
    case Tok::BinString:
    case Tok::ListString:
    case Tok::BinHeredoc:
    case Tok::ListHeredoc:
    case Tok::Sigil:
      next();
      return {string_node(t), Cls::Matched, 1};
    case Tok::Alias: {
      next();
      Node* n = make(NodeKind::Alias, t);
      Node* seg = atom_literal(t, Atom{t.a});
      set_kids(n, {seg});
      std::string_view name = Atom{t.a}.name();
      n->value = Term(name == "Elixir" ? Atom{t.a} : Atom::intern("Elixir." + std::string(name)));
      return {n, Cls::Matched, 1};
    }
    case Tok::LParen: {
      Group g = paren_group(false, false);
      if (g.kind == Group::Empty)
        warn(g.open->line, g.open->column,
             "invalid expression (). If you want to invoke or define a function, make sure there are no spaces "
             "between the function name and its arguments. If you wanted to pass an empty block or code, pass a "
             "value instead, such as a nil or an atom");
      return g.e;
    }
    case Tok::LBracket:
      return list();
    case Tok::LCurly:
      return tuple();
    case Tok::LBit:
      return bitstring();
    case Tok::MapOp:
      next();
      return map(t, nullptr);
    case Tok::Percent:
      return struct_expr();
    case Tok::Fn:
      return fn();
    case Tok::Identifier:
    case Tok::OpIdentifier:
      next();
      return call_after_name(nullptr, t);
    case Tok::ParenIdentifier:
      next();
      return paren_call(nullptr, t, nullptr);
    case Tok::BracketIdentifier:
      next();
      return {var(t), Cls::Matched, 2};
    case Tok::DoIdentifier: {
      next();
      if (no_do_) return {var(t), Cls::Matched, 0};
      Node* call = make(NodeKind::LocalCall, t);
      call->name = Atom{t.a};
      call->flags |= kNoParens;
      return with_do_block(call);
    }
    default:
      fail_at(t);
  }
}

Expr Parser::with_do_block(Node* call) {
  call->x = do_block();
  return {call, Cls::Unmatched, 0};
}

}  // namespace otp::shell::detail

// The lexer's operators, brackets, comments, atoms after ':' and the forms
// after '.' (handle_op, handle_terminator, check_terminator, tokenize_dot
// and handle_dot of elixir_tokenizer.erl). The main loop is in lexer.cpp.
#include <cstdio>

#include "shell/lexer_internal.hpp"

namespace otp::shell::detail {

namespace {
// Operators that may follow ':' to form an atom (":+", ":<<<").
constexpr std::string_view kAtomOps3[] = {"~~~", "===", "!==", "&&&", "|||", "<<<", ">>>",
                                          "~>>", "<<~", "<~>", "<|>", "^^^", "+++", "---"};
constexpr std::string_view kAtomOps2[] = {"==", "=~", "!=", "<=", ">=", "&&", "||", "|>", "~>",
                                          "<~", "<-", "\\\\", "++", "--", "<>", "**", "->", ".."};
constexpr std::string_view kAtomOps1 = "@!^&+-*/<>=|.";
// Operators that may follow '.' as a function name ("Kernel.+(1, 2)").
constexpr std::string_view kDotOps2[] = {"==", "=~", "!=", "<=", ">=", "&&", "||", "|>", "~>", "<~",
                                         "<-", "\\\\", "++", "--", "<>", "**", "::", ".."};
constexpr std::string_view kDotOps1 = "@!^&+-*/<>=|";

}  // namespace

bool Lexer::op_token(Tok kind, Op op, size_t bytes, bool unary) {
  const uint32_t line = line_, col = col_;
  if (peek(bytes) == ':' && ws_at(bytes + 1)) {  // [+: 1]
    push(make(Tok::KwIdentifier, line, col, Atom::intern(s_.substr(p_, bytes)).id));
    advance(bytes + 1);
    return true;
  }
  std::string_view text = s_.substr(p_, bytes);
  advance(bytes);
  strip_spaces();
  if (peek() == '/') {  // &+/2: the operator names a function
    push(make(Tok::Identifier, line, col, Atom::intern(text).id));
    return true;
  }
  if (!unary) {
    if (op == Op::Xor)
      warn(line, col, "^^^ is deprecated. It is typically used as xor but it has the wrong precedence, use Bitwise.bxor/2 instead");
    if (op == Op::PipeLR) warn(line, col, "<|> is deprecated. Use another pipe-like operator");
    push_with_eol(make(kind, line, col, static_cast<uint32_t>(op)));
  } else {
    if (op == Op::BNot) warn(line, col, "~~~ is deprecated. Use Bitwise.bnot/1 instead for clarity");
    push(make(kind, line, col, static_cast<uint32_t>(op)));
  }
  return true;
}

bool Lexer::terminator(Tok kind, size_t bytes) {
  const uint32_t line = line_, col = col_;
  Token t = make(kind, line, col);
  advance(bytes);
  if (kind == Tok::LParen && top() && top()->kind == Tok::Alias) {
    std::string alias(Atom{top()->a}.name());
    return fail(line, col + 1,
                "unexpected ( after alias " + alias +
                    ". Function names and identifiers in Elixir start with lowercase characters or underscore. "
                    "For example:\n\n    hello_world()\n    _starting_with_underscore()\n    numb3rs_are_allowed()\n"
                    "    may_finish_with_question_mark?()\n    may_finish_with_exclamation_mark!()\n\nUnexpected token: ",
                "(");
  }
  if (kind == Tok::LParen || kind == Tok::LBracket || kind == Tok::LCurly || kind == Tok::LBit) {
    terms_.push_back({kind, line, indentation_});
    push(t);
    return true;
  }
  return close_terminator(t);
}

// check_terminator/3 for a closing token (`)`, `]`, `}`, `>>` or `end`).
bool Lexer::close_terminator(Token t) {
  static const char* kStart[] = {"(", "[", "{", "<<", "fn", "do"};
  static const char* kWant[] = {")", "]", "}", ">>", "end", "end"};
  auto start_index = [](Tok s) {
    return s == Tok::LParen ? 0 : s == Tok::LBracket ? 1 : s == Tok::LCurly ? 2 : s == Tok::LBit ? 3 : s == Tok::Fn ? 4 : 5;
  };
  const char* text = t.kind == Tok::RParen ? ")" : t.kind == Tok::RBracket ? "]" : t.kind == Tok::RCurly ? "}"
                     : t.kind == Tok::RBit ? ">>" : "end";
  if (terms_.empty()) {
    if (t.kind == Tok::End) {
      std::string hint;
      for (auto it = hints_.rbegin(); it != hints_.rend(); ++it)
        if (it->start == Tok::End) {
          hint = "\n\n    HINT: it looks like the \"end\" on line " + std::to_string(it->line) +
                 " does not have a matching \"do\" defined before it\n";
          break;
        }
      return fail2(t.line, t.column, "unexpected reserved word: ", "end", hint);
    }
    return fail(t.line, t.column, "unexpected token: ", text);
  }
  const Terminator open = terms_.back();
  int s = start_index(open.start);
  bool match = (t.kind == Tok::End && (open.start == Tok::Do || open.start == Tok::Fn)) ||
               (t.kind == Tok::RParen && open.start == Tok::LParen) ||
               (t.kind == Tok::RBracket && open.start == Tok::LBracket) ||
               (t.kind == Tok::RCurly && open.start == Tok::LCurly) || (t.kind == Tok::RBit && open.start == Tok::LBit);
  if (!match) {
    return fail2(t.line, t.column, t.kind == Tok::End ? "unexpected reserved word: " : "unexpected token: ", text,
                 std::string(". The \"") + kStart[s] + "\" at line " + std::to_string(open.line) +
                     " is missing terminator \"" + kWant[s] + "\"" + missing_hint(open.start));
  }
  if (t.kind == Tok::End && open.start == Tok::Do && indentation_ > open.indent)
    hints_.push_back({Tok::End, t.line, indentation_});
  terms_.pop_back();
  push(t);
  return true;
}

std::string Lexer::missing_hint(Tok start) const {
  static const char* kStart[] = {"(", "[", "{", "<<", "fn", "do"};
  for (auto it = hints_.rbegin(); it != hints_.rend(); ++it)
    if (it->start == start) {
      int s = start == Tok::Fn ? 4 : start == Tok::Do ? 5 : 0;
      return std::string("\n\n    HINT: it looks like the \"") + kStart[s] + "\" on line " + std::to_string(it->line) +
             " does not have a matching \"end\"\n";
    }
  return "";
}

bool Lexer::comment() {
  const uint32_t line = line_, col = col_;
  size_t e = p_;
  while (e < s_.size() && s_[e] != '\n' && !(s_[e] == '\r' && e + 1 < s_.size() && s_[e + 1] == '\n')) {
    uint32_t cp;
    uint32_t n = decode(e, cp);
    if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      char hex[16];
      std::snprintf(hex, sizeof hex, "\\u%04X", cp);
      return fail(line, col, "invalid bidirectional formatting character in comment: ", hex);
    }
    e += n;
  }
  // Elixir does not advance the column over a comment: a following eol
  // token has the column of the '#'.
  p_ = e;
  if (top() && top()->kind == Tok::Eol) toks_->back().newlines = 0;
  return true;
}

bool Lexer::space_sensitive() {
  // `foo -1`: an identifier, a space, then a sign glued to its operand makes
  // the identifier an op_identifier (a call with a unary argument).
  if (at_end(1)) return true;
  char sign = peek(), next = peek(1);
  if ((sign == '+' || sign == '-') && top() && top()->kind == Tok::Identifier && !ws_at(1)) {
    static constexpr std::string_view kNot = "([<{%+-/>:";
    if (kNot.find(next) == std::string_view::npos) {
      toks_->back().kind = Tok::OpIdentifier;
      push(make(Tok::DualOp, line_, col_, static_cast<uint32_t>(sign == '+' ? Op::Plus : Op::Minus)));
      advance(1);
    }
  }
  return true;
}

bool Lexer::colon() {
  const uint32_t line = line_, col = col_;
  static constexpr std::string_view kSpecial[] = {":...", ":<<>>", ":%{}", ":%", ":{}", ":..//"};
  for (std::string_view sp : kSpecial)
    if (starts(sp)) {
      push(make(Tok::Atom, line, col, Atom::intern(sp.substr(1)).id));
      advance(sp.size());
      return true;
    }
  for (std::string_view o : kAtomOps3)
    if (s_.substr(p_ + 1).starts_with(o)) {
      push(make(Tok::Atom, line, col, Atom::intern(o).id));
      advance(4);
      return true;
    }
  if (starts(":::")) {
    warn(line, col, "atom ::: must be written between quotes, as in :\"::\", to avoid ambiguity");
    push(make(Tok::Atom, line, col, Atom::intern("::").id));
    advance(3);
    return true;
  }
  for (std::string_view o : kAtomOps2)
    if (s_.substr(p_ + 1).starts_with(o)) {
      push(make(Tok::Atom, line, col, Atom::intern(o).id));
      advance(3);
      return true;
    }
  if (!at_end(1) && kAtomOps1.find(peek(1)) != std::string_view::npos) {
    push(make(Tok::Atom, line, col, Atom::intern(s_.substr(p_ + 1, 1)).id));
    advance(2);
    return true;
  }
  if (peek(1) == ':') return op_token(Tok::TypeOp, Op::Type, 2, false);
  if (peek(1) == '"' || peek(1) == '\'') return quoted_atom(line, col);
  bool alias = false, ascii = true, has_at = false;
  size_t n = scan_name(1, alias, ascii, has_at);
  if (n == 0) return unexpected_token(line, col);
  std::string_view name = s_.substr(p_ + 1, n);
  if (s_.substr(p_ + 1 + n).starts_with("=") && (name.back() == '!' || name.back() == '?'))
    warn(line, col, "found atom \":" + std::string(name) + "\", ending with \"" + std::string(1, name.back()) +
                        "\", followed by =. It is unclear if you mean \":" + std::string(name.substr(0, name.size() - 1)) +
                        " " + std::string(1, name.back()) + "=\" or \":" + std::string(name) +
                        " =\". Please add a space before or after " + std::string(1, name.back()) +
                        " to remove the ambiguity");
  Token t = make(Tok::Atom, line, col, Atom::intern(name).id);
  t.off = static_cast<uint32_t>(p_ + 1);
  t.len = static_cast<uint32_t>(n);
  push(t);
  advance(1 + n);
  return true;
}

bool Lexer::dot() {
  const uint32_t dline = line_, dcol = col_;
  advance(1);
  // tokenize_dot: spaces, comments and newlines may separate '.' from the name.
  for (;;) {
    strip_spaces();
    if (peek() == '#') {
      size_t e = p_;
      while (e < s_.size() && s_[e] != '\n') ++e;
      advance(e - p_);
      continue;
    }
    if (peek() == '\n' || (peek() == '\r' && peek(1) == '\n')) {
      p_ += peek() == '\n' ? 1 : 2;
      ++line_;
      col_ = 1;
      continue;
    }
    break;
  }
  const uint32_t line = line_, col = col_;
  for (std::string_view o : kAtomOps3)
    if (starts(o)) return call_identifier_after_dot(dline, dcol, o, 3);
  for (std::string_view o : kDotOps2)
    if (starts(o)) return call_identifier_after_dot(dline, dcol, o, 2);
  if (!at_end() && kDotOps1.find(peek()) != std::string_view::npos)
    return call_identifier_after_dot(dline, dcol, s_.substr(p_, 1), 1);
  if (peek() == '(') {
    push_with_eol(make(Tok::DotCallOp, dline, dcol, 0));
    return true;
  }
  if (peek() == '"' || peek() == '\'') return quoted_call(line, col, dline, dcol);
  push_with_eol(make(Tok::Dot, dline, dcol));
  return true;
}

bool Lexer::call_identifier_after_dot(uint32_t dline, uint32_t dcol, std::string_view name, size_t bytes) {
  const uint32_t line = line_, col = col_;
  push_with_eol(make(Tok::Dot, dline, dcol));
  Tok k = peek(bytes) == '(' ? Tok::ParenIdentifier : peek(bytes) == '[' ? Tok::BracketIdentifier : Tok::Identifier;
  push(make(k, line, col, Atom::intern(name).id));
  advance(bytes);
  return true;
}

}  // namespace otp::shell::detail

// The lexer's main loop (elixir_tokenizer.erl's tokenize/5 clauses, tried in
// their order) and its token and error helpers. Operators, brackets and dots
// are in lexer_ops.cpp, identifiers in lexer_ident.cpp, numbers in
// lexer_numbers.cpp, strings in lexer_strings.cpp.
#include <cstdio>

#include "shell/lexer_internal.hpp"

namespace otp::shell {
namespace detail {

namespace {
// Operators tried in order: three characters, then two, then one.
struct OpSpelling {
  std::string_view text;
  Tok kind;
  Op op;
  bool unary;  // handle_unary_op (keeps a preceding eol) instead of handle_op
};
constexpr OpSpelling kOps3[] = {
    {"~~~", Tok::UnaryOp, Op::BNot, true},     {"===", Tok::CompOp, Op::StrictEq, false},
    {"!==", Tok::CompOp, Op::StrictNe, false}, {"&&&", Tok::AndOp, Op::AndAndAnd, false},
    {"|||", Tok::OrOp, Op::OrOrOr, false},     {"^^^", Tok::XorOp, Op::Xor, false},
    {"+++", Tok::ConcatOp, Op::Concat3, false}, {"---", Tok::ConcatOp, Op::Subtract3, false},
    {"<<<", Tok::ArrowOp, Op::ShiftL, false},  {">>>", Tok::ArrowOp, Op::ShiftR, false},
    {"~>>", Tok::ArrowOp, Op::ArrowRR, false}, {"<<~", Tok::ArrowOp, Op::ArrowLL, false},
    {"<~>", Tok::ArrowOp, Op::ArrowLR, false}, {"<|>", Tok::ArrowOp, Op::PipeLR, false},
};
constexpr OpSpelling kOps2[] = {
    {"**", Tok::PowerOp, Op::Pow, false},     {"..", Tok::RangeOp, Op::Range, false},
    {"++", Tok::ConcatOp, Op::Concat, false}, {"--", Tok::ConcatOp, Op::Subtract, false},
    {"<>", Tok::ConcatOp, Op::BinConcat, false}, {"|>", Tok::ArrowOp, Op::Pipe, false},
    {"~>", Tok::ArrowOp, Op::ArrowR, false},  {"<~", Tok::ArrowOp, Op::ArrowL, false},
    {"==", Tok::CompOp, Op::Eq, false},       {"=~", Tok::CompOp, Op::RegexMatch, false},
    {"!=", Tok::CompOp, Op::Ne, false},       {"<=", Tok::RelOp, Op::Le, false},
    {">=", Tok::RelOp, Op::Ge, false},        {"&&", Tok::AndOp, Op::AndAnd, false},
    {"||", Tok::OrOp, Op::OrOr, false},       {"<-", Tok::InMatchOp, Op::LeftArrow, false},
    {"\\\\", Tok::InMatchOp, Op::Default, false}, {"::", Tok::TypeOp, Op::Type, false},
    {"->", Tok::StabOp, Op::Stab, false},
};
constexpr OpSpelling kOps1[] = {
    {"@", Tok::AtOp, Op::At, true},     {"!", Tok::UnaryOp, Op::Bang, true},
    {"^", Tok::UnaryOp, Op::Pin, true}, {"<", Tok::RelOp, Op::Lt, false},
    {">", Tok::RelOp, Op::Gt, false},   {"+", Tok::DualOp, Op::Plus, true},
    {"-", Tok::DualOp, Op::Minus, true}, {"*", Tok::MultOp, Op::Mul, false},
    {"/", Tok::MultOp, Op::Div, false}, {"=", Tok::MatchOp, Op::Match, false},
    {"|", Tok::PipeOp, Op::Bar, false},
};

std::string code_point_message(uint32_t col, uint32_t cp, std::string_view raw) {
  static const struct {
    uint32_t cp;
    const char* name;
  } kNamed[] = {{0, "null byte"},  {7, "alert"},        {8, "backspace"},       {127, "delete"},
                {27, "escape"},    {12, "form feed"},   {10, "newline"},        {13, "carriage return"},
                {32, "space"},     {9, "tab"},          {11, "vertical tab"}};
  char hex[16];
  std::snprintf(hex, sizeof hex, "%04X", cp);
  for (const auto& n : kNamed)
    if (n.cp == cp) return std::string(n.name) + " (column " + std::to_string(col) + ", code point U+" + hex + ")";
  return "\"" + std::string(raw) + "\" (column " + std::to_string(col) + ", code point U+" + hex + ")";
}
}  // namespace

Lexer::Lexer(std::string_view src, Lexed& out, uint32_t line, uint32_t column)
    : s_(src), line_(line), col_(column), out_(out), stack_base_(stack_address()) {}

bool Lexer::ws_at(size_t k) const noexcept {
  if (at_end(k)) return false;
  char c = s_[p_ + k];
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

uint32_t Lexer::decode(size_t at, uint32_t& cp) const noexcept {
  auto b = [&](size_t i) { return static_cast<unsigned char>(s_[at + i]); };
  unsigned char c = b(0);
  auto cont = [&](size_t n) {
    if (at + n >= s_.size()) return false;
    for (size_t i = 1; i <= n; ++i)
      if ((b(i) & 0xC0) != 0x80) return false;
    return true;
  };
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if ((c & 0xE0) == 0xC0 && cont(1)) {
    cp = ((c & 0x1Fu) << 6) | (b(1) & 0x3Fu);
    return 2;
  }
  if ((c & 0xF0) == 0xE0 && cont(2)) {
    cp = ((c & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    return 3;
  }
  if ((c & 0xF8) == 0xF0 && cont(3)) {
    cp = ((c & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
    return 4;
  }
  cp = c;  // invalid UTF-8: one byte is one "character"
  return 1;
}

void Lexer::advance(size_t bytes) noexcept {
  size_t end = p_ + bytes;
  while (p_ < end) {
    uint32_t cp;
    p_ += decode(p_, cp);
    ++col_;
  }
}

Token Lexer::make(Tok kind, uint32_t line, uint32_t col, uint32_t a) const noexcept {
  Token t;
  t.kind = kind;
  t.line = line;
  t.column = col;
  t.a = a;
  return t;
}

void Lexer::push_with_eol(Token t) {
  if (t.kind != Tok::UnaryOp && !toks_->empty() && toks_->back().kind == Tok::Eol) toks_->pop_back();
  toks_->push_back(t);
}

void Lexer::eol_token(uint32_t line, uint32_t col) {
  if (!toks_->empty()) {
    Token& t = toks_->back();
    if (t.kind == Tok::Comma || t.kind == Tok::Semicolon || t.kind == Tok::Eol) {
      if (t.newlines < 255) ++t.newlines;
      return;
    }
  }
  Token t = make(Tok::Eol, line, col);
  t.newlines = 1;
  toks_->push_back(t);
}

void Lexer::strip_spaces() noexcept {
  while (!at_end() && (s_[p_] == ' ' || s_[p_] == '\t')) {
    ++p_;
    ++col_;
  }
}

bool Lexer::fail(uint32_t line, uint32_t col, std::string error, std::string token) {
  if (!out_.error) {
    RawError e;
    e.line = line;
    e.column = col;
    e.error = std::move(error);
    e.token = std::move(token);
    out_.error = std::move(e);
  }
  return false;
}

bool Lexer::fail2(uint32_t line, uint32_t col, std::string prefix, std::string token, std::string suffix) {
  if (!out_.error) {
    RawError e;
    e.line = line;
    e.column = col;
    e.error = std::move(prefix);
    e.token = std::move(token);
    e.suffix = std::move(suffix);
    e.has_suffix = true;
    out_.error = std::move(e);
  }
  return false;
}

bool Lexer::unexpected_token(uint32_t line, uint32_t col) {
  uint32_t cp = 0;
  uint32_t n = at_end() ? 0 : decode(p_, cp);
  return fail(line, col, "unexpected token: ", code_point_message(col, cp, s_.substr(p_, n)));
}

void Lexer::warn(uint32_t line, uint32_t col, std::string text) {
  out_.warnings.push_back({line, col, std::move(text)});
}

bool Lexer::run(std::vector<Token>& toks, bool interpolation) {
  std::vector<Token>* saved = toks_;
  toks_ = &toks;
  closed_ = false;
  bool stop = false;
  bool ok = true;
  while (ok && !stop) ok = step(interpolation, stop);
  toks_ = saved;
  return ok;
}

// One tokenize/5 clause. Sets `stop` at the end of input or of an interpolation.
bool Lexer::step(bool interpolation, bool& stop) {
  if (at_end()) {
    if (!terms_.empty()) {
      const Terminator& t = terms_.back();
      static const char* kStart[] = {"(", "[", "{", "<<", "fn", "do"};
      static const char* kEnd[] = {")", "]", "}", ">>", "end", "end"};
      int i = t.start == Tok::LParen ? 0 : t.start == Tok::LBracket ? 1 : t.start == Tok::LCurly ? 2
              : t.start == Tok::LBit ? 3 : t.start == Tok::Fn ? 4 : 5;
      return fail(line_, col_,
                  std::string("missing terminator: ") + kEnd[i] + " (for \"" + kStart[i] + "\" starting at line " +
                      std::to_string(t.line) + ")" + missing_hint(t.start),
                  "");
    }
    stop = true;
    return true;
  }
  const uint32_t line = line_, col = col_;
  const char c = s_[p_];

  // Fast paths: no other clause starts with a letter, a space or a digit
  // (except 0x/0o/0b and the numbers themselves, below).
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80)
    return identifier();
  if (c == ' ' || c == '\t') {
    strip_spaces();
    return space_sensitive();
  }
  if (c >= '1' && c <= '9') return number();

  if (c == '<' && col == 1 && starts("<<<<<<<")) {
    size_t e = p_;
    while (e < s_.size() && s_[e] != '\n' && s_[e] != '\r') ++e;
    return fail(line, col, "found an unexpected version control marker, please resolve the conflicts: ",
                std::string(s_.substr(p_, e - p_)));
  }
  if (c == '0' && (peek(1) == 'x' || peek(1) == 'b' || peek(1) == 'o')) {
    char d = peek(2);
    int base = peek(1) == 'x' ? 16 : peek(1) == 'b' ? 2 : 8;
    bool ok = base == 16 ? std::isxdigit(static_cast<unsigned char>(d)) != 0
                         : base == 2 ? (d == '0' || d == '1') : (d >= '0' && d <= '7');
    if (ok) return based_number(base, line, col);
  }
  if (c == '#') return comment();
  if (c == '~' && std::isalpha(static_cast<unsigned char>(peek(1))) && !at_end(2)) return sigil_token(line, col);
  if (c == '?' && !at_end(1)) return char_literal();
  if (c == '"' || c == '\'') {
    if (peek(1) == c && peek(2) == c) return heredoc_token(c, line, col);
    return string_token(c, line, col);
  }
  // Keyword identifiers made of punctuation: [{}: 1, %{}: 2, ...]
  static constexpr std::string_view kPunctKw[] = {".:", "...:", "<<>>:", "%{}:", "%:", "&:", "{}:", "..//:"};
  for (std::string_view kw : kPunctKw) {
    if (kw[0] == c && starts(kw) && ws_at(kw.size())) {
      Token t = make(Tok::KwIdentifier, line, col, Atom::intern(kw.substr(0, kw.size() - 1)).id);
      advance(kw.size());
      push(t);
      return true;
    }
  }
  if (c == ':') return colon();  // atoms, and the `::` operator
  if (c == '.' && starts("...")) {
    size_t n = 3;
    Tok k = peek(n) == '(' ? Tok::ParenIdentifier : peek(n) == '[' ? Tok::BracketIdentifier : Tok::Identifier;
    if (peek(n) == '.') warn(line, col, "found \"...\" followed by \".\", please use parens around \"...\" instead");
    push(make(k, line, col, Atom::intern("...").id));
    advance(n);
    return true;
  }
  if (c == '=' && starts("=>")) {
    advance(2);
    push_with_eol(make(Tok::AssocOp, line, col, static_cast<uint32_t>(Op::Assoc)));
    return true;
  }
  if (c == '.' && starts("..//")) {
    size_t k = p_ + 4;
    while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t')) ++k;
    if (k < s_.size() && s_[k] == '/') {
      push(make(Tok::Identifier, line, col, Atom::intern("..//").id));
      advance(k - p_);
      return true;
    }
    return unexpected_token(line, col);
  }
  for (const OpSpelling& o : kOps3)
    if (o.text[0] == c && starts(o.text)) {
      if (peek(3) == o.text[0] && (o.text == "&&&" || o.text == "|||" || o.text == "^^^" || o.text == "+++" ||
                                   o.text == "---"))
        warn(line, col, "found \"" + std::string(o.text) + "\" followed by \"" + std::string(1, o.text[0]) +
                            "\", please use a space between \"" + std::string(o.text) + "\" and the next \"" +
                            std::string(1, o.text[0]) + "\"");
      return op_token(o.kind, o.op, 3, o.unary);
    }
  if (c == ',') {
    push(make(Tok::Comma, line, col));
    advance(1);
    return true;
  }
  if (c == '<' && peek(1) == '<') return terminator(Tok::LBit, 2);
  if (c == '>' && peek(1) == '>') return terminator(Tok::RBit, 2);
  if (c == '(') return terminator(Tok::LParen, 1);
  if (c == '[') return terminator(Tok::LBracket, 1);
  if (c == '{') return terminator(Tok::LCurly, 1);
  if (c == ')') return terminator(Tok::RParen, 1);
  if (c == ']') return terminator(Tok::RBracket, 1);
  if (c == '}') {
    if (interpolation && terms_.empty()) {  // the end of "#{...}"
      closed_ = true;
      stop = true;
      return true;
    }
    return terminator(Tok::RCurly, 1);
  }
  if (c == '/' && peek(1) == '/') {
    advance(2);
    push_with_eol(make(Tok::TernaryOp, line, col, static_cast<uint32_t>(Op::Step)));
    return true;
  }
  for (const OpSpelling& o : kOps2)
    if (o.text[0] == c && o.op != Op::Type && peek(1) == o.text[1]) return op_token(o.kind, o.op, 2, o.unary);
  if (c == '&') {
    size_t k = p_ + 1;
    while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t')) ++k;
    Tok kind = Tok::CaptureOp;
    if (k < s_.size() && s_[k] == '/') {
      ++k;
      while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t')) ++k;
      if (!(k < s_.size() && s_[k] == '/')) kind = Tok::Identifier;
    }
    Token t = make(kind, line, col, kind == Tok::Identifier ? Atom::intern("&").id : static_cast<uint32_t>(Op::Capture));
    advance(1);
    push(t);
    return true;
  }
  for (const OpSpelling& o : kOps1)
    if (c == o.text[0]) return op_token(o.kind, o.op, 1, o.unary);
  if (c >= '0' && c <= '9') return number();
  if (c == ' ' || c == '\t') {
    strip_spaces();
    return space_sensitive();
  }
  if (c == ';') {
    if (top() && top()->kind == Tok::Semicolon) return unexpected_token(line, col);
    push(make(Tok::Semicolon, line, col));
    advance(1);
    return true;
  }
  if (c == '\\') {
    if (at_end(1) || (peek(1) == '\n' && at_end(2)) || (peek(1) == '\r' && peek(2) == '\n' && at_end(3)))
      return fail(line, col, "invalid escape \\ at end of file", "");
    if (peek(1) == '\n' || (peek(1) == '\r' && peek(2) == '\n')) {
      p_ += peek(1) == '\n' ? 2 : 3;
      ++line_;
      col_ = 1;
      size_t b = p_;
      strip_spaces();
      indentation_ = static_cast<uint32_t>(p_ - b);
      return true;
    }
  }
  if (c == '\n' || (c == '\r' && peek(1) == '\n')) {
    eol_token(line, col);
    p_ += c == '\n' ? 1 : 2;
    ++line_;
    col_ = 1;
    size_t b = p_;
    strip_spaces();
    indentation_ = static_cast<uint32_t>(p_ - b);
    return true;
  }
  if (c == '%') {
    if (peek(1) == '(' || peek(1) == '[') {
      std::string tok = std::string(1, '%') + peek(1);
      return fail(line, col, "expected %{ to define a map, got: ", tok);
    }
    if (peek(1) == '{') {
      push(make(Tok::MapOp, line, col));
      advance(1);
      return true;
    }
    push(make(Tok::Percent, line, col));
    advance(1);
    return true;
  }
  if (c == '.') return dot();
  return identifier();
}

}  // namespace detail

std::uintptr_t stack_address() noexcept {
  char probe = 0;
  volatile std::uintptr_t address = reinterpret_cast<std::uintptr_t>(&probe);  // a number, not a pointer
  return address;
}

Lexed lex(std::string_view source, const LexOptions& opts) {
  Lexed out;
  out.tokens.reserve(source.size() / 4 + 16);
  detail::Lexer lx(source, out, opts.line, opts.column);
  lx.run(out.tokens, false);
  return out;
}

}  // namespace otp::shell

// The parser's entry point, token stream, error reporting and node helpers.
// The grammar is in parser_blocks.cpp (top level, parentheses, fn,
// do-blocks, `->` clauses), parser_expr.cpp (operators, primaries),
// parser_calls.cpp (calls, dots, arguments) and parser_data.cpp (lists,
// tuples, maps, strings).
#include <cstdio>

#include "shell/parser_internal.hpp"

namespace otp::shell {

const char* token_kind_text(Tok kind) noexcept {
  static const char* kText[] = {
#define X(name, text) text,
      OTP_SHELL_TOKENS(X)
#undef X
  };
  return kText[static_cast<int>(kind)];
}

namespace detail {

Parser::Parser(const Lexed& lx, Arena& arena, std::vector<Warning>& warnings, std::string_view src)
    : lx_(lx), arena_(arena), warnings_(warnings), src_(src), stack_base_(stack_address()) {}

// ---------------------------------------------------------------- tokens

const Token& Parser::peek(size_t k) const noexcept { return i_ + k < toks_.size() ? toks_[i_ + k] : eof_; }

const Token& Parser::next() noexcept {
  const Token& t = peek();
  if (i_ < toks_.size()) ++i_;
  return t;
}

void Parser::skip_eoe() noexcept {
  if (at(Tok::Eol)) next();
  if (at(Tok::Semicolon)) next();
}

void Parser::expect(Tok k) {
  if (!at(k)) fail_at(peek());
  next();
}

void Parser::close(Tok k) {
  skip_eol();
  expect(k);
}

void Parser::enter() {
  if (++depth_ > kMaxDepth || stack_base_ - stack_address() > kStackBudget) {
    const Token& t = peek();
    RawError e;
    e.line = t.line;
    e.column = t.column;
    e.error = "expression is nested too deeply. Syntax error before: ";
    e.token = token_text(t);
    if (e.token.empty()) e.token = "end of input";
    fail(std::move(e));
  }
}

// ---------------------------------------------------------------- errors

std::string Parser::token_text(const Token& t) const {
  switch (t.kind) {
    case Tok::Eof:
      return "";
    case Tok::Identifier:
    case Tok::ParenIdentifier:
    case Tok::BracketIdentifier:
    case Tok::DoIdentifier:
    case Tok::OpIdentifier:
    case Tok::KwIdentifier:
    case Tok::BlockIdentifier:
    case Tok::Alias:
    case Tok::Atom:
    case Tok::AtomQuoted:
      return erlang_atom_text(Atom{t.a}.name());
    case Tok::Int:
    case Tok::Flt:
      return erlang_string_text(src_.substr(t.off, t.len));
    case Tok::Char: {  // io_lib:write_char: $a, $\s, $\\ ...
      int64_t c = lx_.literals[t.a].is_small() ? lx_.literals[t.a].small() : 0;
      static const struct {
        int64_t c;
        const char* text;
      } kEsc[] = {{32, "\\s"}, {92, "\\\\"}, {10, "\\n"}, {9, "\\t"}, {13, "\\r"}, {11, "\\v"},
                  {8, "\\b"}, {12, "\\f"}, {27, "\\e"}, {127, "\\d"}};
      for (const auto& e : kEsc)
        if (e.c == c) return std::string("$") + e.text;
      std::string out = "$";
      if (c < 32) {
        out += "\\^";
        out += static_cast<char>(c + 64);
      } else {
        append_utf8(out, static_cast<uint32_t>(c));
      }
      return out;
    }
    case Tok::BinHeredoc:
    case Tok::ListHeredoc: {
      const LexString& s = lx_.strings[t.a];
      std::string out = t.kind == Tok::BinHeredoc ? "{bin_heredoc,{" : "{list_heredoc,{";
      out += std::to_string(t.line) + "," + std::to_string(t.column) + ",nil}," + std::to_string(s.indent) + ",[";
      for (uint32_t i = 0; i < s.part_count; ++i) {
        const StrPart& p = lx_.parts[s.first_part + i];
        if (i) out += ",";
        out += p.interpolation ? std::string("{...}") : "<<" + erlang_string_text(lx_.part_text(p)) + ">>";
      }
      return out + "]}";
    }
    default:
      break;
  }
  if (is_op_token(t.kind)) {
    if (t.kind == Tok::DotCallOp) return "'.'";
    return erlang_atom_text(op_text(static_cast<Op>(t.a)));
  }
  return token_kind_text(t.kind);
}

void Parser::fail(RawError e) {
  error = std::move(e);
  throw ParseFail{};
}

// Elixir prints a string token with ~tp and reads it back with erl_scan,
// which sees UTF-8 bytes as Latin-1 characters: "é" comes back as "Ã©".
// (~tp writes a string of Latin-1 code points as text, others as bytes.)
static std::string erlang_reread(std::string_view text) {
  bool ascii = true;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    ascii = false;
    // A 2-byte sequence C2..C3 encodes U+0080..U+00FF; anything else stays bytes.
    if ((c != 0xC2 && c != 0xC3) || i + 1 >= text.size() || (static_cast<unsigned char>(text[i + 1]) & 0xC0) != 0x80)
      return std::string(text);
    i += 2;
  }
  if (ascii) return std::string(text);
  std::string out;
  for (char c : text) append_utf8(out, static_cast<unsigned char>(c));
  return out;
}

void Parser::fail_at(const Token& t) {
  RawError e;
  e.line = t.line;
  e.column = t.column;
  e.error = "syntax error before: ";
  if (t.kind == Tok::BinString || t.kind == Tok::ListString || t.kind == Tok::AtomUnsafe ||
      t.kind == Tok::KwIdentifierUnsafe || t.kind == Tok::Sigil) {
    const LexString& s = lx_.strings[t.a];
    const StrPart* first = s.part_count ? &lx_.parts[s.first_part] : nullptr;
    bool text = first && !first->interpolation;
    e.token = text ? erlang_reread(lx_.part_text(*first)) : std::string();
    if (t.kind == Tok::Sigil) {
      e.form = RawError::Form::Sigil;
      e.suffix = std::string(1, s.sigil);
    } else {
      e.form = RawError::Form::String;
      if (!text) e.suffix = "interpolation";
    }
  } else {
    e.token = token_text(t);
  }
  fail(std::move(e));
}

// Tokens that may follow a complete expression somewhere in the grammar. An
// LALR parser reports any other token before reducing (and before the
// errors attached to reductions: "unexpected comma", keyword follow-ups).
void Parser::check_follow() {
  switch (peek().kind) {
    case Tok::Eof: case Tok::Eol: case Tok::Semicolon: case Tok::Comma: case Tok::RParen: case Tok::RBracket:
    case Tok::RCurly: case Tok::RBit: case Tok::End: case Tok::BlockIdentifier: case Tok::Do: case Tok::StabOp:
    case Tok::AssocOp: case Tok::Dot: case Tok::DotCallOp: case Tok::LBracket: case Tok::LParen:
    case Tok::KwIdentifier:
      return;
    default:
      if (is_op_token(peek().kind) && peek().kind != Tok::UnaryOp && peek().kind != Tok::AtOp &&
          peek().kind != Tok::CaptureOp)
        return;
      fail_at(peek());
  }
}

void Parser::fail_line(const Node* n, std::string message, std::string token) {
  RawError e;
  e.line = n->line;
  e.column = 0;  // these errors come from node metadata, which has no column in IEx
  e.error = std::move(message);
  e.token = std::move(token);
  fail(std::move(e));
}

void Parser::fail_nested_no_parens(const Node* n) {
  fail_line(n,
            "unexpected comma. Parentheses are required to solve ambiguity in nested calls.\n\n"
            "This error happens when you have nested function calls without parentheses. For example:\n\n"
            "    one a, two b, c, d\n\n"
            "In the example above, we don't know if the parameters \"c\" and \"d\" apply to the function \"one\" or "
            "\"two\". You can solve this by explicitly adding parentheses:\n\n"
            "    one a, two(b, c, d)\n\n"
            "Or by adding commas (in case a nested call is not intended):\n\n"
            "    one, a, two, b, c, d\n\n"
            "Elixir cannot compile otherwise. Syntax error before: ",
            "','");
}

void Parser::fail_container_no_parens(const Node* n) {
  check_follow();
  fail_line(n,
            "unexpected comma. Parentheses are required to solve ambiguity inside containers.\n\n"
            "This error may happen when you forget a comma in a list or other container:\n\n"
            "    [a, b c, d]\n\n"
            "Or when you have ambiguous calls:\n\n"
            "    [one, two three, four, five]\n\n"
            "In the example above, we don't know if the parameters \"four\" and \"five\" belongs to the list or the "
            "function \"two\". You can solve this by explicitly adding parentheses:\n\n"
            "    [one, two(three, four), five]\n\n"
            "Elixir cannot compile otherwise. Syntax error before: ",
            "','");
}

void Parser::fail_keyword_follow_up(const Token& comma, bool call) {
  RawError e;
  e.line = comma.line;
  e.column = comma.column;
  e.error = call ? "unexpected expression after keyword list. Keyword lists must always come as the last argument. "
                   "Therefore, this is not allowed:\n\n    function_call(1, some: :option, 2)\n\n"
                   "Instead, wrap the keyword in brackets:\n\n    function_call(1, [some: :option], 2)\n\n"
                   "Syntax error after: "
                 : "unexpected expression after keyword list. Keyword lists must always come last in lists and maps. "
                   "Therefore, this is not allowed:\n\n    [some: :value, :another]\n    %{some: :value, another => value}\n\n"
                   "Instead, reorder it to be the last entry:\n\n    [:another, some: :value]\n"
                   "    %{another => value, some: :value}\n\nSyntax error after: ";
  e.token = "','";
  fail(std::move(e));
}

void Parser::warn(uint32_t line, uint32_t column, std::string text) {
  warnings_.push_back({line, column, std::move(text)});
}

// ---------------------------------------------------------------- nodes

void Parser::set_kids(Node* n, size_t mark) {
  size_t count = scratch_.size() - mark;
  n->count = static_cast<uint32_t>(count);
  n->kids = arena_.array(count);
  for (size_t i = 0; i < count; ++i) n->kids[i] = scratch_[mark + i];
  scratch_.resize(mark);
}

void Parser::set_kids(Node* n, std::initializer_list<Node*> kids) {
  n->count = static_cast<uint32_t>(kids.size());
  n->kids = arena_.array(kids.size());
  size_t i = 0;
  for (Node* k : kids) n->kids[i++] = k;
}

Node* Parser::var(const Token& t) {
  Node* n = make(NodeKind::Var, t);
  n->name = Atom{t.a};
  return n;
}

Node* Parser::atom_literal(const Token& t, Atom a) {
  Node* n = make(NodeKind::Literal, t);
  n->value = Term(a);
  return n;
}

// ---------------------------------------------------------------- grammar

}  // namespace detail

// ---------------------------------------------------------------- entry

namespace {
bool pipe_shorthand_token(Tok k) {
  return k == Tok::OrOp || k == Tok::AndOp || k == Tok::CompOp || k == Tok::RelOp || k == Tok::ArrowOp ||
         k == Tok::InOp || k == Tok::ConcatOp || k == Tok::MultOp;
}
}  // namespace

ParseResult parse(std::string_view source, const ParseOptions& opts) {
  ParseResult r;
  r.arena = std::make_shared<Arena>();
  try {
    Lexed lx = lex(source, {opts.line, 1});
    if (lx.error) {
      r.status = lx.error->incomplete() ? ParseStatus::Incomplete : ParseStatus::Error;
      r.error = finish(*lx.error);
      return r;
    }
    std::vector<Token> shorthand;
    std::span<const Token> toks = lx.tokens;
    if (opts.iex_pipe_shorthand && !lx.tokens.empty() && pipe_shorthand_token(lx.tokens[0].kind)) {
      const Token& op = lx.tokens[0];
      if (opts.last_was_match) {
        RawError e;
        e.line = opts.line;
        e.column = 1;
        e.error = "pipe shorthand is not allowed immediately after a match expression in IEx. To make it work, "
                  "surround the whole pipeline with parentheses ";
        e.token = "'" + std::string(op_text(static_cast<Op>(op.a))) + "'";
        r.status = ParseStatus::Error;
        r.error = finish(e);
        return r;
      }
      // v(-1) |> ...: the previous result.
      auto tok = [&](Tok k, uint32_t col, uint32_t a) {
        Token t;
        t.kind = k;
        t.line = opts.line;
        t.column = col;
        t.a = a;
        return t;
      };
      lx.literals.push_back(Term::integer(1));
      shorthand.push_back(tok(Tok::ParenIdentifier, 1, Atom::intern("v").id));
      shorthand.push_back(tok(Tok::LParen, 2, 0));
      shorthand.push_back(tok(Tok::DualOp, 3, static_cast<uint32_t>(Op::Minus)));
      shorthand.push_back(tok(Tok::Int, 4, static_cast<uint32_t>(lx.literals.size() - 1)));
      shorthand.push_back(tok(Tok::RParen, 5, 0));
      shorthand.insert(shorthand.end(), lx.tokens.begin(), lx.tokens.end());
      toks = shorthand;
    }
    std::vector<Warning> warnings = std::move(lx.warnings);
    detail::Parser p(lx, *r.arena, warnings, source);
    try {
      p.parse_all(toks, r.exprs);
    } catch (const detail::ParseFail&) {
      r.exprs.clear();
      r.status = p.error.incomplete() ? ParseStatus::Incomplete : ParseStatus::Error;
      r.error = finish(p.error);
      return r;
    }
    r.status = ParseStatus::Complete;
    r.warnings = std::move(warnings);
  } catch (const std::length_error&) {  // the atom table is full
    r.exprs.clear();
    r.status = ParseStatus::Error;
    SyntaxError e;
    e.line = opts.line;
    e.description = "system limit: too many atoms";
    r.error = e;
  }
  return r;
}

}  // namespace otp::shell

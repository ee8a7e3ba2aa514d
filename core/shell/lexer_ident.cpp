// The lexer's identifiers, keywords and aliases (elixir_tokenizer.erl's
// tokenize_identifier, tokenize_keyword and String.Tokenizer's rules).
#include <cstdlib>
#include <cmath>

#include "shell/lexer_internal.hpp"

namespace otp::shell::detail {

namespace {
bool ascii_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }

std::string hex4(uint32_t cp) {
  static const char* d = "0123456789ABCDEF";
  std::string s;
  for (int sh = 12; sh >= 0; sh -= 4) s += d[(cp >> sh) & 15];
  return s;
}

std::string invalid_character(std::string_view ch, uint32_t cp, std::string_view what) {
  return "invalid character \"" + std::string(ch) + "\" (code point U+" + hex4(cp) + ") in " + std::string(what) + ": ";
}

struct KeywordInfo {
  std::string_view word;
  Tok kind;  // Fn / Do / End / True / False / Nil / BlockIdentifier, or an operator token
  Op op;
};
constexpr KeywordInfo kKeywords[] = {
    {"fn", Tok::Fn, Op::Count},      {"do", Tok::Do, Op::Count},       {"end", Tok::End, Op::Count},
    {"true", Tok::True, Op::Count},  {"false", Tok::False, Op::Count}, {"nil", Tok::Nil, Op::Count},
    {"not", Tok::UnaryOp, Op::Not},  {"and", Tok::AndOp, Op::And},     {"or", Tok::OrOp, Op::Or},
    {"when", Tok::WhenOp, Op::When}, {"in", Tok::InOp, Op::In},        {"after", Tok::BlockIdentifier, Op::Count},
    {"else", Tok::BlockIdentifier, Op::Count}, {"catch", Tok::BlockIdentifier, Op::Count},
    {"rescue", Tok::BlockIdentifier, Op::Count},
};
}  // namespace

// String.Tokenizer accepts Unicode letters; without its tables we take any
// code point from U+00A0 up that is not a space, punctuation or a
// formatting character as a letter.
namespace {
// Common uppercase (Lu) letters: Elixir identifiers cannot start with one,
// and aliases must be ASCII.
bool unicode_upper(uint32_t cp) noexcept {
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0 && cp != 0x138;  // Latin Extended-A pairs
  if (cp >= 0x391 && cp <= 0x3AB) return true;                         // Greek capitals
  if (cp >= 0x400 && cp <= 0x42F) return true;                         // Cyrillic capitals
  return false;
}
}  // namespace

bool is_ident_start(uint32_t cp) noexcept {
  if (cp < 0x80) return ascii_alpha(static_cast<char>(cp)) || cp == '_';
  if (unicode_upper(cp)) return false;
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x206F) return false;  // spaces, punctuation, bidi controls
  if (cp >= 0x3000 && cp <= 0x303F) return false;
  if (cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
  return true;
}

bool is_ident_continue(uint32_t cp) noexcept {
  if (cp < 0x80) return ascii_alpha(static_cast<char>(cp)) || ascii_digit(static_cast<char>(cp)) || cp == '_';
  if (cp >= 0x300 && cp <= 0x36F) return true;  // combining marks
  return unicode_upper(cp) || is_ident_start(cp);
}

size_t Lexer::scan_name(size_t at, bool& alias, bool& ascii, bool& has_at) const noexcept {
  bool atom_only = false;
  return scan_name(at, alias, ascii, has_at, atom_only);
}

size_t Lexer::scan_name(size_t at, bool& alias, bool& ascii, bool& has_at, bool& atom_only) const noexcept {
  size_t i = p_ + at;
  if (i >= s_.size()) return 0;
  uint32_t cp;
  uint32_t n = decode(i, cp);
  atom_only = unicode_upper(cp);
  if (!is_ident_start(cp) && !atom_only) return 0;
  alias = cp >= 'A' && cp <= 'Z';
  ascii = cp < 0x80;
  has_at = false;
  i += n;
  while (i < s_.size()) {
    n = decode(i, cp);
    if (cp == '@') {
      has_at = true;
    } else if (!is_ident_continue(cp)) {
      break;
    }
    if (cp >= 0x80) ascii = false;
    i += n;
  }
  if (i < s_.size() && (s_[i] == '!' || s_[i] == '?')) ++i;
  return i - (p_ + at);
}

bool Lexer::identifier() {
  const uint32_t line = line_, col = col_;
  bool alias = false, ascii = true, has_at = false, atom_only = false;
  size_t n = scan_name(0, alias, ascii, has_at, atom_only);
  if (n == 0) return unexpected_token(line, col);
  std::string_view name = s_.substr(p_, n);
  std::string_view rest = s_.substr(p_ + n);
  const bool after_dot = top() && top()->kind == Tok::Dot;
  const bool maybe_keyword = rest.empty() || rest.starts_with("::") || !rest.starts_with(":");
  if (!after_dot && maybe_keyword && n >= 2 && n <= 6)
    for (const KeywordInfo& k : kKeywords)
      if (k.word.size() == n && k.word[0] == name[0] && k.word == name) return keyword(name, line, col, n);

  if (rest.starts_with(":") && ws_at(n + 1)) {
    push(make(Tok::KwIdentifier, line, col, Atom::intern(name).id));
    advance(n + 1);
    return true;
  }
  if (rest.size() >= 2 && rest[0] == ':' && rest[1] != ':')
    return fail(line, col, "keyword argument must be followed by space after: ", std::string(name) + ":");
  if (has_at)
    return fail(line, col, invalid_character("@", '@', atom_only ? "atom" : alias ? "alias" : "identifier"),
                std::string(name));
  if (atom_only) return unexpected_token(line, col);
  if (name == "__aliases__" || name == "__block__") return fail(line, col, "reserved token: ", std::string(name));
  if (alias) {
    if (!ascii || name.back() == '!' || name.back() == '?') {
      size_t i = 0;
      uint32_t cp = 0;
      while (i < name.size()) {
        uint32_t k = decode(p_ + i, cp);
        if (cp < 'A' || cp > 127) break;
        i += k;
      }
      uint32_t k = decode(p_ + i, cp);
      return fail(line, col,
                  invalid_character(name.substr(i, k), cp, "alias (only ASCII characters, without punctuation, are allowed)"),
                  std::string(name));
    }
    Token t = make(Tok::Alias, line, col, Atom::intern(name).id);
    t.off = static_cast<uint32_t>(p_);
    t.len = static_cast<uint32_t>(n);
    push(t);
    advance(n);
    return true;
  }
  if (rest.starts_with("=") && (name.back() == '!' || name.back() == '?')) {
    std::string id(name), last(1, name.back());
    warn(line, col, "found identifier \"" + id + "\", ending with \"" + last +
                        "\", followed by =. It is unclear if you mean \"" + id.substr(0, id.size() - 1) + " " + last +
                        "=\" or \"" + id + " =\". Please add a space before or after " + last +
                        " to remove the ambiguity");
  }
  Tok kind = rest.starts_with("(") ? Tok::ParenIdentifier : rest.starts_with("[") ? Tok::BracketIdentifier : Tok::Identifier;
  Token t = make(kind, line, col, Atom::intern(name).id);
  t.off = static_cast<uint32_t>(p_);
  t.len = static_cast<uint32_t>(n);
  push(t);
  advance(n);
  return true;
}

bool Lexer::keyword(std::string_view word, uint32_t line, uint32_t col, size_t bytes) {
  const KeywordInfo* k = nullptr;
  for (const KeywordInfo& i : kKeywords)
    if (i.word == word) k = &i;
  advance(bytes);
  switch (k->kind) {
    case Tok::Do: {
      const Token* prev = top();
      if (prev && prev->kind == Tok::Identifier) {
        toks_->back().kind = Tok::DoIdentifier;
      } else if (prev && prev->kind == Tok::Fn) {
        return fail2(line, col, "unexpected reserved word: ", "do",
                     ". Anonymous functions are written as:\n\n    fn pattern -> expression end");
      } else if (prev && (prev->kind == Tok::Comma || prev->kind == Tok::Semicolon)) {
        return fail2(line, col, "unexpected reserved word: ", "do",
                     ". In case you wanted to write a \"do\" expression, you must either use do-blocks or "
                     "separate the keyword argument with comma. For example, you should either write:\n\n"
                     "    if some_condition? do\n      :this\n    else\n      :that\n    end\n\n"
                     "or the equivalent construct:\n\n    if(some_condition?, do: :this, else: :that)\n\n"
                     "where \"some_condition?\" is the first argument and the second argument is a keyword "
                     "list.\n\nYou may see this error if you forget a trailing comma before the \"do\" in a \"do\" block");
      }
      push_with_eol(make(Tok::Do, line, col));
      [[fallthrough]];
    }
    case Tok::Fn: {
      if (k->kind == Tok::Fn) push(make(Tok::Fn, line, col));
      if (!terms_.empty() && terms_.back().start == k->kind && indentation_ <= terms_.back().indent)
        hints_.push_back(terms_.back());
      terms_.push_back({k->kind, line, indentation_});
      return true;
    }
    case Tok::End:
      return close_terminator(make(Tok::End, line, col));
    case Tok::True:
    case Tok::False:
    case Tok::Nil:
      push(make(k->kind, line, col));
      return true;
    case Tok::BlockIdentifier:
      push(make(Tok::BlockIdentifier, line, col, Atom::intern(word).id));
      return true;
    default:
      break;
  }
  // not / and / or / when / in
  size_t i = p_;
  while (i < s_.size() && (s_[i] == ' ' || s_[i] == '\t')) ++i;
  if (i < s_.size() && s_[i] == '/') {  // &and/2
    push(make(Tok::Identifier, line, col, Atom::intern(word).id));
    return true;
  }
  if (k->op == Op::In && top() && top()->kind == Tok::UnaryOp && top()->a == static_cast<uint32_t>(Op::Not)) {
    Token t = toks_->back();
    toks_->pop_back();
    t.kind = Tok::InOp;
    t.a = static_cast<uint32_t>(Op::NotIn);
    push_with_eol(t);
    return true;
  }
  push_with_eol(make(k->kind, line, col, static_cast<uint32_t>(k->op)));
  return true;
}

}  // namespace otp::shell::detail

// Atom classification follows Macro.classify_atom/1 of Elixir 1.14:
// operators print bare (`:+`, `:&&&`), "::" and deprecated or compound
// operators are quoted (`:"::"`, `:"~~~"`, `:"not in"`), `Elixir.`-prefixed
// aliases drop the prefix, identifier-like names (letters, digits, `_`, `@`,
// optionally ending in `?`/`!`) print bare. Limit: every non-ASCII UTF-8
// character counts as a letter (Elixir asks Unicode's identifier tables).
#include "term/inspect_text.hpp"

#include <span>
#include <cstdio>

namespace otp {
namespace {

constexpr std::string_view kNotCallable[] = {"%", "%{}", "{}", "<<>>", "...", "..", ".", "..//", "->"};
constexpr std::string_view kOperators[] = {
    "@",   "+",   "-",   "!",   "^",   "not", "&",   "\\\\", "|",   "=",   "<-",  "when", "in",
    "and", "or",  "&&",  "||",  "&&&", "|||", "|>",  "<>",   "++",  "--",  "+++", "---",  "**",
    "=~",  "<",   ">",   "<=",  ">=",  "==",  "!=",  "===",  "!==", "*",   "/",   "<<<",  ">>>",
    "<<~", "~>>", "<~",  "~>",  "<~>", ".",   "..",  "...",  "->",  "%",   "{}",  "<<>>", "%{}"};

bool contains(std::span<const std::string_view> set, std::string_view s) {
  for (auto x : set)
    if (x == s) return true;
  return false;
}

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_char(char c) { return is_upper(c) || is_lower(c) || is_digit(c) || c == '_' || (c & 0x80); }

// 'Elixir' followed by zero or more `.Piece`s, each piece starting upper-case.
bool is_alias(std::string_view s) {
  if (s.substr(0, 6) != "Elixir") return false;
  s.remove_prefix(6);
  while (!s.empty()) {
    if (s.size() < 2 || s[0] != '.' || !is_upper(s[1])) return false;
    std::size_t i = 2;
    while (i < s.size() && is_ident_char(s[i])) ++i;
    s.remove_prefix(i);
  }
  return true;
}

bool is_identifier_like(std::string_view s) {
  if (s.empty()) return false;
  char c = s[0];
  if (!(is_upper(c) || is_lower(c) || c == '_' || (c & 0x80))) return false;
  std::size_t end = s.size();
  if (s.back() == '?' || s.back() == '!') --end;
  for (std::size_t i = 1; i < end; ++i)
    if (!is_ident_char(s[i]) && s[i] != '@') return false;
  return end > 0;
}

enum class Class { Alias, Bare, Quoted };

Class classify(std::string_view s) {
  if (contains(kNotCallable, s)) return Class::Bare;
  if (s == "::") return Class::Quoted;
  if (contains(kOperators, s)) return Class::Bare;
  if (is_alias(s)) return Class::Alias;
  return is_identifier_like(s) ? Class::Bare : Class::Quoted;
}

// Decodes one UTF-8 code point at s[i] (strict: no overlongs, no
// surrogates); returns its length or 0 if invalid.
int decode(std::string_view s, std::size_t i, uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  int n;
  uint32_t min;
  if (c < 0x80) { cp = c; return 1; }
  if (c >= 0xC2 && c < 0xE0) { n = 2; cp = c & 0x1F; min = 0x80; }
  else if (c >= 0xE0 && c < 0xF0) { n = 3; cp = c & 0x0F; min = 0x800; }
  else if (c >= 0xF0 && c < 0xF5) { n = 4; cp = c & 0x07; min = 0x10000; }
  else return 0;
  if (i + n > s.size()) return 0;
  for (int k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (cc & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

bool printable_cp(uint32_t c) {
  return (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF) || (c >= 7 && c <= 13) || c == 27 || c == 127;
}

}  // namespace

std::string escape_text(std::string_view s, char delim) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '\\': out += "\\\\"; continue;
      case '\a': out += "\\a"; continue;
      case '\b': out += "\\b"; continue;
      case '\x7f': out += "\\d"; continue;
      case '\x1b': out += "\\e"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      case '\v': out += "\\v"; continue;
      case '\0': out += "\\0"; continue;
      default: break;
    }
    if (c == delim) {
      out += '\\';
      out += c;
    } else if (c == '#' && i + 1 < s.size() && s[i + 1] == '{') {
      out += "\\#";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(c));
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

std::string inspect_atom(Atom a) {
  std::string_view s = a.name();
  if (a == atom::nil || a == atom::true_ || a == atom::false_) return std::string(s);
  switch (classify(s)) {
    case Class::Alias:
      if (s == "Elixir" || s == "Elixir.Elixir" || s.substr(0, 14) == "Elixir.Elixir.") return std::string(s);
      return std::string(s.substr(7));
    case Class::Quoted: return ":\"" + escape_text(s, '"') + "\"";
    case Class::Bare: break;
  }
  return ":" + std::string(s);
}

std::string inspect_atom_key(Atom a) {
  std::string_view s = a.name();
  switch (classify(s)) {
    case Class::Alias: return "\"" + std::string(s) + "\":";
    case Class::Quoted: return "\"" + escape_text(s, '"') + "\":";
    case Class::Bare: break;
  }
  return std::string(s) + ":";
}

bool is_printable_string(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    uint32_t cp;
    int n = decode(s, i, cp);
    if (n == 0 || !printable_cp(cp)) return false;
    i += n;
  }
  return true;
}

bool is_ascii_printable_list(const Term& list) {
  const Term* t = &list;
  for (; t->is_cons(); t = &t->tail()) {
    const Term& h = t->head();
    if (!h.is_small()) return false;
    int64_t c = h.small();
    if (!((c >= 0x20 && c <= 0x7E) || (c >= 7 && c <= 13) || c == 27)) return false;  // not 127
  }
  return t->is_nil_list();
}

bool is_keyword_list(const Term& list) {
  const Term* t = &list;
  for (; t->is_cons(); t = &t->tail()) {
    const Term& h = t->head();
    if (!h.is_tuple() || h.tuple_size() != 2 || !h[0].is_atom()) return false;
    if (h[0].atom().name().substr(0, 7) == "Elixir.") return false;
  }
  return t->is_nil_list();
}

}  // namespace otp

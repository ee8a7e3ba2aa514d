// The lexer's numbers (tokenize_number, 0x/0o/0b) and ?c characters.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "shell/lexer_internal.hpp"

namespace otp::shell::detail {

namespace {
bool ascii_alpha(char c) noexcept { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ascii_digit(char c) noexcept { return c >= '0' && c <= '9'; }
}  // namespace

// tokenize_number: digits, '_' between digits, one '.digit' and exponents.
bool Lexer::number() {
  const uint32_t line = line_, col = col_;
  size_t i = p_ + 1;
  bool is_float = false;
  auto digit = [&](size_t k) { return k < s_.size() && ascii_digit(s_[k]); };
  for (;;) {
    if (!is_float && i < s_.size() && s_[i] == '.' && digit(i + 1)) {
      i += 2;
      is_float = true;
    } else if (i < s_.size() && s_[i] == '_' && digit(i + 1)) {
      i += 2;
    } else if (is_float && i < s_.size() && (s_[i] == 'e' || s_[i] == 'E') && i + 1 < s_.size() &&
               (s_[i + 1] == '+' || s_[i + 1] == '-') && digit(i + 2)) {
      i += 3;
    } else if (is_float && i < s_.size() && (s_[i] == 'e' || s_[i] == 'E') && digit(i + 1)) {
      i += 2;
    } else if (digit(i)) {
      ++i;
    } else {
      break;
    }
  }
  std::string_view original = s_.substr(p_, i - p_);
  std::string digits;
  for (char c : original)
    if (c != '_') digits += c;
  if (i < s_.size() && (ascii_alpha(s_[i]) || s_[i] == '_')) {
    return fail(line, col,
                "invalid character \"" + std::string(1, s_[i]) + "\" after number " + std::string(original) +
                    ". If you intended to write a number, make sure to separate the number from the character "
                    "(using comma, space, etc). If you meant to write a function name or a variable, note that "
                    "identifiers in Elixir cannot start with numbers. Unexpected token: ",
                std::string(1, s_[i]));
  }
  Token t = make(is_float ? Tok::Flt : Tok::Int, line, col, static_cast<uint32_t>(out_.literals.size()));
  t.off = static_cast<uint32_t>(p_);
  t.len = static_cast<uint32_t>(original.size());
  if (is_float) {
    // Erlang's list_to_float: more than one exponent, or out of range, is an error.
    size_t e = digits.find_first_of("eE");
    bool bad = e != std::string::npos && digits.find_first_of("eE", e + 1) != std::string::npos;
    char* end = nullptr;
    double d = bad ? 0 : std::strtod(digits.c_str(), &end);
    if (bad || std::isinf(d) || (end && *end)) return fail(line, col, "invalid float number ", std::string(original));
    out_.literals.push_back(Term::from_double(d));
  } else {
    // Leading zeros are decimal in Elixir (Boost would read them as octal).
    size_t nz = digits.find_first_not_of('0');
    std::string_view d = nz == std::string::npos ? std::string_view("0") : std::string_view(digits).substr(nz);
    if (d.size() <= 18) {
      out_.literals.push_back(Term::integer(static_cast<int64_t>(std::strtoll(std::string(d).c_str(), nullptr, 10))));
    } else {
      out_.literals.push_back(Term::integer(BigInt(std::string(d))));
    }
  }
  push(t);
  advance(i - p_);
  return true;
}

bool Lexer::based_number(int base, uint32_t line, uint32_t col) {
  size_t i = p_ + 2;
  auto ok = [&](char c) {
    if (base == 16) return std::isxdigit(static_cast<unsigned char>(c)) != 0;
    if (base == 8) return c >= '0' && c <= '7';
    return c == '0' || c == '1';
  };
  std::string digits;
  while (i < s_.size()) {
    if (ok(s_[i])) {
      digits += s_[i++];
    } else if (s_[i] == '_' && i + 1 < s_.size() && ok(s_[i + 1])) {
      ++i;
    } else {
      break;
    }
  }
  BigInt v = 0;
  for (char c : digits) {
    int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    v = v * base + d;
  }
  Token t = make(Tok::Int, line, col, static_cast<uint32_t>(out_.literals.size()));
  t.off = static_cast<uint32_t>(p_);
  t.len = static_cast<uint32_t>(i - p_);
  out_.literals.push_back(Term::integer(v));
  push(t);
  advance(i - p_);
  return true;
}

// ?a, ?\n, ?\\: the code point as an integer.
bool Lexer::char_literal() {
  const uint32_t line = line_, col = col_;
  uint32_t cp = 0;
  size_t bytes;
  size_t text_len;
  if (peek(1) == '\\' && !at_end(2)) {
    uint32_t h;
    uint32_t n = decode(p_ + 2, h);
    static const struct {
      char c;
      uint32_t v;
    } kMap[] = {{'0', 0}, {'a', 7}, {'b', 8}, {'d', 127}, {'e', 27}, {'f', 12},
                {'n', 10}, {'r', 13}, {'s', 32}, {'t', 9},  {'v', 11}};
    cp = h;
    for (const auto& m : kMap)
      if (h == static_cast<uint32_t>(m.c)) cp = m.v;
    if (cp == h && h != '\\' && ((h >= 'a' && h <= 'z') || (h >= 'A' && h <= 'Z'))) {
      std::string c(s_.substr(p_ + 2, n));
      warn(line, col, "unknown escape sequence ?\\" + c + ", use ?" + c + " instead");
    }
    bytes = 2 + n;
    text_len = 3;
  } else {
    uint32_t n = decode(p_ + 1, cp);
    bytes = 1 + n;
    text_len = 2;
    static const struct {
      uint32_t cp;
      const char* esc;
      const char* name;
    } kNamed[] = {{0, "\\0", "null byte"}, {7, "\\a", "alert"}, {8, "\\b", "backspace"}, {127, "\\d", "delete"},
                  {27, "\\e", "escape"},   {12, "\\f", "form feed"}, {10, "\\n", "newline"},
                  {13, "\\r", "carriage return"}, {32, "\\s", "space"}, {9, "\\t", "tab"}, {11, "\\v", "vertical tab"}};
    for (const auto& k : kNamed)
      if (k.cp == cp) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "%X", cp);
        warn(line, col, std::string("found ? followed by code point 0x") + hex + " (" + k.name + "), please use ?" +
                            k.esc + " instead");
      }
  }
  Token t = make(Tok::Char, line, col, static_cast<uint32_t>(out_.literals.size()));
  t.off = static_cast<uint32_t>(p_);
  t.len = static_cast<uint32_t>(bytes);
  out_.literals.push_back(Term::integer(static_cast<int64_t>(cp)));
  push(t);
  // A newline after '?' is the character 10: Elixir does not count the line.
  p_ += bytes;
  col_ += static_cast<uint32_t>(text_len);
  return true;
}

}  // namespace otp::shell::detail

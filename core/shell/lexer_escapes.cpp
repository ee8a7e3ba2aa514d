// Escape sequences in strings (:elixir_interpolation.unescape_chars/2 with
// unescape_map/1): \n \t \e \s \xHH \uHHHH \u{H..} \<newline> and \c -> c.
#include <cctype>
#include <string>

#include "shell/lexer.hpp"

namespace otp::shell {

bool append_utf8(std::string& out, uint32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return true;
}

namespace {
bool hex(char c) noexcept { return std::isxdigit(static_cast<unsigned char>(c)) != 0; }
uint32_t hex_value(std::string_view h) {
  uint32_t v = 0;
  for (char c : h) v = v * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  return v;
}

}  // namespace

namespace detail {
// unescape_chars/3 with unescape_map/1. On error sets `msg` and `token`.
bool unescape_chars(std::string_view s, std::string& out, std::string& msg, std::string& token) {
  size_t i = 0;
  auto codepoint = [&](std::string_view digits) {
    if (!append_utf8(out, hex_value(digits))) {
      msg = "invalid or reserved Unicode code point \\u{" + std::string(digits) + "}";
      token = "\\u";
      return false;
    }
    return true;
  };
  // \x{H..} or \u{H..}: 1 to 6 hex digits in braces; returns the count or 0.
  auto braced = [&](size_t at) -> size_t {
    if (at >= s.size() || s[at] != '{') return 0;
    size_t k = at + 1;
    while (k < s.size() && k - at - 1 < 7 && hex(s[k])) ++k;
    size_t n = k - at - 1;
    if (n >= 1 && n <= 6 && k < s.size() && s[k] == '}') return n;
    return 0;
  };
  while (i < s.size()) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      ++i;
      continue;
    }
    char e = s[i + 1];
    if (e == 'x') {
      if (i + 3 < s.size() && hex(s[i + 2]) && hex(s[i + 3])) {
        out += static_cast<char>(hex_value(s.substr(i + 2, 2)));
        i += 4;
      } else if (i + 2 < s.size() && hex(s[i + 2])) {
        if (!codepoint(s.substr(i + 2, 1))) return false;
        i += 3;
      } else if (size_t n = braced(i + 2)) {
        if (!codepoint(s.substr(i + 3, n))) return false;
        i += 4 + n;
      } else {
        msg = "invalid hex escape character, expected \\xHH where H is a hexadecimal digit";
        token = "\\x";
        return false;
      }
    } else if (e == 'u') {
      if (i + 5 < s.size() && hex(s[i + 2]) && hex(s[i + 3]) && hex(s[i + 4]) && hex(s[i + 5])) {
        if (!codepoint(s.substr(i + 2, 4))) return false;
        i += 6;
      } else if (size_t n = braced(i + 2)) {
        if (!codepoint(s.substr(i + 3, n))) return false;
        i += 4 + n;
      } else {
        msg = "invalid Unicode escape character, expected \\uHHHH or \\u{H*} where H is a hexadecimal digit";
        token = "\\u";
        return false;
      }
    } else if (e == '\n') {
      i += 2;
    } else if (e == '\r' && i + 2 < s.size() && s[i + 2] == '\n') {
      i += 3;
    } else {
      static const struct {
        char c, v;
      } kMap[] = {{'0', 0}, {'a', 7}, {'b', 8}, {'d', 127}, {'e', 27}, {'f', 12},
                  {'n', 10}, {'r', 13}, {'s', 32}, {'t', 9},  {'v', 11}};
      char v = e;
      for (const auto& m : kMap)
        if (m.c == e) v = m.v;
      out += v;
      i += 2;
    }
  }
  return true;
}

}  // namespace detail

bool unescape_string(std::string_view raw, std::string& out, std::string* error) {
  std::string msg, token;
  if (detail::unescape_chars(raw, out, msg, token)) return true;
  if (error) *error = msg;
  return false;
}

}  // namespace otp::shell

// Case mapping, grapheme clusters and whitespace (see unicode.hpp).
#include "shell/lib/unicode.hpp"

#include "shell/lib/chars.hpp"

namespace otp::shell::lib {

namespace {

// Lower-case code point -> upper, or 0 if it has none in the covered ranges.
uint32_t to_upper(uint32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c < 0x80) return 0;
  if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
  if (c == 0xFF) return 0x178;
  if (c == 0xB5) return 0x39C;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x131) return 'I';
    if (c == 0x17F) return 'S';
    if (c == 0x138 || c == 0x149) return 0;
    bool odd_lower = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_lower) return (c % 2 == 0) ? c - 1 : 0;
    return (c % 2 == 1) ? c - 1 : 0;
  }
  if (c >= 0x3B1 && c <= 0x3C9 && c != 0x3C2) return c - 32;
  if (c == 0x3C2) return 0x3A3;
  if (c == 0x3AC) return 0x386;
  if (c >= 0x3AD && c <= 0x3AF) return c - 37;
  if (c == 0x3CC) return 0x38C;
  if (c == 0x3CD || c == 0x3CE) return c - 63;
  if (c >= 0x430 && c <= 0x44F) return c - 32;
  if (c >= 0x450 && c <= 0x45F) return c - 80;
  return 0;
}

uint32_t to_lower(uint32_t c) {
  if (c >= 'A' && c <= 'Z') return c + 32;
  if (c < 0x80) return 0;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 32;
  if (c == 0x178) return 0xFF;
  if (c >= 0x100 && c <= 0x17F) {
    if (c == 0x130) return 'i';
    bool odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
    if (odd_upper) return (c % 2 == 1) ? c + 1 : 0;
    if (c == 0x138 || c == 0x149 || c == 0x17F) return 0;
    return (c % 2 == 0) ? c + 1 : 0;
  }
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
  if (c == 0x386) return 0x3AC;
  if (c >= 0x388 && c <= 0x38A) return c + 37;
  if (c == 0x38C) return 0x3CC;
  if (c == 0x38E || c == 0x38F) return c + 63;
  if (c >= 0x410 && c <= 0x42F) return c + 32;
  if (c >= 0x400 && c <= 0x40F) return c + 80;
  return 0;
}

bool is_extender(uint32_t c) {
  return (c >= 0x300 && c <= 0x36F) || (c >= 0x483 && c <= 0x489) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F) ||
         (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) || (c >= 0x1F3FB && c <= 0x1F3FF) ||
         c == 0x200D;
}

bool is_regional(uint32_t c) { return c >= 0x1F1E6 && c <= 0x1F1FF; }

// Maps each code point with f (0: unchanged); invalid bytes are kept.
template <class F>
std::string map_codepoints(std::string_view s, F f) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    uint32_t cp;
    std::size_t start = i;
    if (!next_codepoint(s, i, &cp)) {
      out += s[i++];
      continue;
    }
    if (!f(cp, out)) out.append(s.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::string upcase(std::string_view s, bool ascii_only) {
  return map_codepoints(s, [ascii_only](uint32_t c, std::string& out) {
    if (ascii_only && c >= 0x80) return false;
    if (c == 0xDF && !ascii_only) {
      out += "SS";
      return true;
    }
    uint32_t u = to_upper(c);
    if (!u) return false;
    append_utf8(out, u);
    return true;
  });
}

std::string downcase(std::string_view s, bool ascii_only) {
  return map_codepoints(s, [ascii_only](uint32_t c, std::string& out) {
    if (ascii_only && c >= 0x80) return false;
    uint32_t l = to_lower(c);
    if (!l) return false;
    append_utf8(out, l);
    return true;
  });
}

std::string capitalize(std::string_view s, bool ascii_only) {
  std::vector<std::string_view> gs = graphemes(s);
  if (gs.empty()) return "";
  std::string first = upcase(gs[0], ascii_only);
  return first + downcase(s.substr(gs[0].size()), ascii_only);
}

std::vector<std::string_view> codepoints(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::size_t i = 0; i < s.size();) {
    uint32_t cp;
    std::size_t start = i;
    if (!next_codepoint(s, i, &cp)) i = start + 1;
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::vector<std::string_view> graphemes(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t start = i;
    uint32_t cp;
    if (!next_codepoint(s, i, &cp)) {
      out.push_back(s.substr(start, 1));
      i = start + 1;
      continue;
    }
    if (cp == '\r' && i < s.size() && s[i] == '\n') ++i;
    bool regional = is_regional(cp);
    while (i < s.size()) {
      std::size_t j = i;
      uint32_t next;
      if (!next_codepoint(s, j, &next)) break;
      if (regional && is_regional(next)) {
        regional = false;
        i = j;
        continue;
      }
      if (!is_extender(next)) break;
      i = j;
      if (next == 0x200D && i < s.size()) {  // ZWJ joins the next code point
        std::size_t k = i;
        uint32_t joined;
        if (next_codepoint(s, k, &joined)) i = k;
      }
    }
    out.push_back(s.substr(start, i - start));
  }
  return out;
}

bool is_whitespace(uint32_t c, bool breaking) {
  if ((c >= 9 && c <= 13) || c == ' ' || c == 0x85 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A && c != 0x2007) ||
      c == 0x2028 || c == 0x2029 || c == 0x205F || c == 0x3000)
    return true;
  return !breaking && (c == 0xA0 || c == 0x2007 || c == 0x202F);
}

std::size_t whitespace_at(std::string_view s, std::size_t i, bool breaking) {
  std::size_t j = i;
  uint32_t cp;
  if (!next_codepoint(s, j, &cp) || !is_whitespace(cp, breaking)) return 0;
  return j - i;
}

}  // namespace otp::shell::lib

// The number parsers that Integer, Float, String and :erlang share
// (string_detail.hpp): Integer.parse's and Float.parse's prefixes, and
// binary_to_integer's and binary_to_float's whole-string rules.
#include <cmath>
#include <cstdlib>

#include "shell/lib/string_detail.hpp"

namespace otp::shell::lib {

namespace {

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

std::size_t digits_run(std::string_view s, std::size_t i) {
  std::size_t j = i;
  while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
  return j - i;
}

}  // namespace

std::size_t parse_integer_prefix(std::string_view s, int base, Term* out) {
  std::size_t i = 0;
  bool neg = false;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) neg = s[i++] == '-';
  std::size_t start = i;
  BigInt v = 0;
  int64_t small = 0;
  bool big = false;
  for (; i < s.size() && digit_value(s[i]) < base; ++i) {
    int d = digit_value(s[i]);
    if (!big && small < (int64_t{1} << 55)) small = small * base + d;
    else {
      if (!big) v = small;
      big = true;
      v = v * base + d;
    }
  }
  if (i == start) return 0;
  Term t = big ? Term::integer(v) : Term::integer(small);
  *out = neg ? otp::neg(t) : t;
  return i;
}

bool parse_integer_exact(std::string_view s, int base, Term* out) {
  return !s.empty() && parse_integer_prefix(s, base, out) == s.size();
}

std::size_t parse_float_prefix(std::string_view s, double* out) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::size_t n = digits_run(s, i);
  if (n == 0) return 0;
  i += n;
  if (i + 1 < s.size() && s[i] == '.' && digits_run(s, i + 1) > 0) i += 1 + digits_run(s, i + 1);
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    std::size_t j = i + 1;
    if (j < s.size() && (s[j] == '-' || s[j] == '+')) ++j;
    if (std::size_t e = digits_run(s, j)) i = j + e;
  }
  std::string text(s.substr(0, i));
  double d = std::strtod(text.c_str(), nullptr);
  if (!std::isfinite(d)) return 0;
  *out = d;
  return i;
}

bool parse_float_exact(std::string_view s, double* out) {
  // binary_to_float: [sign] digits "." digits [(e|E) [sign] digits]
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  std::size_t n = digits_run(s, i);
  if (n == 0 || i + n >= s.size() || s[i + n] != '.' || digits_run(s, i + n + 1) == 0) return false;
  double d;
  return parse_float_prefix(s, &d) == s.size() && (*out = d, true);
}

}  // namespace otp::shell::lib

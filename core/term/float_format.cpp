// Shortest round-trip digits come from {fmt}'s default format of a double
// (Dragonbox: the shortest digits that read back exactly, the closest of
// them to the value), which is what Ryu, and so erts's [short], chooses.
// Formats are compiled (FMT_COMPILE, fmt::to_string), so no format-string
// parser is linked. fmt is used header-only (Debian's libfmt-dev; the wasm build sees its
// headers through cmake/OtpWasm.cmake's third_party folder).
#define FMT_HEADER_ONLY
#include "term/float_format.hpp"

#include <fmt/compile.h>
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

namespace otp {

ShortestDigits shortest_digits(double d) {
  // fmt prints "1e+16", "0.30000000000000004", "123.456" or "100": read the
  // digits, where the point falls, and the exponent.
  const std::string text = fmt::to_string(std::fabs(d));
  std::string digits;
  bool seen_point = false;
  int point = 0;  // where the point falls, counted in digits kept
  std::size_t i = 0;
  for (; i < text.size() && text[i] != 'e'; ++i) {
    if (text[i] == '.') {
      seen_point = true;
    } else if (digits.empty() && text[i] == '0') {
      if (seen_point) --point;  // "0.000123": each zero moves the point left
    } else {
      digits += text[i];
      if (!seen_point) ++point;
    }
  }
  int exp10 = i < text.size() ? std::atoi(text.c_str() + i + 1) : 0;
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  return {digits, point + exp10};
}

// Erlang (erts, "short" format): scientific iff shorter than plain decimal
// when |d| < 2^53 (ties go to decimal), and always scientific above it.
std::string erlang_float_short(double d) {
  std::string sign = std::signbit(d) ? "-" : "";
  if (d == 0.0) return sign + "0.0";
  ShortestDigits s = shortest_digits(d);
  const std::string& ds = s.digits;
  int n = static_cast<int>(ds.size());
  int place = s.exponent;  // digits before the decimal point (may be <= 0)

  std::string sci = ds.substr(0, 1) + "." + (n > 1 ? ds.substr(1) : std::string("0")) + "e" +
                    std::to_string(place - 1);
  std::string dec;
  if (place <= 0) dec = "0." + std::string(-place, '0') + ds;
  else if (place < n) dec = ds.substr(0, place) + "." + ds.substr(place);
  else dec = ds + std::string(place - n, '0') + ".0";

  bool big = std::fabs(d) >= 9007199254740992.0;  // 2^53
  return sign + ((big || sci.size() < dec.size()) ? sci : dec);
}

std::string elixir_float(double d) {
  double a = std::fabs(d);
  if (a >= 1.0 && a < 1.0e16 && std::trunc(a) == a) {
    return float_fixed(d, 0) + ".0";
  }
  return erlang_float_short(d);
}

std::string float_fixed(double d, int decimals) { return fmt::format(FMT_COMPILE("{:.{}f}"), d, decimals); }

std::string float_scientific(double d, int decimals) { return fmt::format(FMT_COMPILE("{:.{}e}"), d, decimals); }

}  // namespace otp

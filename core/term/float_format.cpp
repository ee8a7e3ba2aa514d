// Shortest round-trip digits are found portably: for precision 1..17, print
// with snprintf("%.*e") (correctly rounded by the C library) and keep the
// first that strtod reads back exactly. This matches Ryu's choice (shortest,
// then closest) except possibly when a shorter non-nearest candidate would
// round-trip, which only happens at the edges of binade boundaries; no
// std::to_chars, which emscripten's libc++ lacks for doubles.
#include "term/float_format.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace otp {

ShortestDigits shortest_digits(double d) {
  char buf[40];
  for (int prec = 0; prec <= 16; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*e", prec, d);
    if (std::strtod(buf, nullptr) == d || prec == 16) break;
  }
  // buf is "[-]D.DDDDe[+-]XX"
  std::string digits;
  const char* p = buf;
  if (*p == '-') ++p;
  for (; *p && *p != 'e'; ++p)
    if (*p != '.') digits += *p;
  int exp10 = std::atoi(p + 1);
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  return {digits, exp10 + 1};
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
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", d);
    return std::string(buf) + ".0";
  }
  return erlang_float_short(d);
}

}  // namespace otp

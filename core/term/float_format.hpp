// Float printing as Elixir 1.14's Inspect.Float on OTP 25.
#pragma once
#include <string>

namespace otp {

// Shortest decimal digits that read back as `d` (|d| > 0, finite): the
// digits without leading/trailing zeros and the decimal exponent such that
// d = 0.DIGITS * 10^exponent.
struct ShortestDigits {
  std::string digits;
  int exponent;
};
ShortestDigits shortest_digits(double d);

// Erlang's float_to_list(D, [short]) (io_lib_format:fwrite_g/1).
std::string erlang_float_short(double d);

// Elixir's inspect of a float: an integral value with 1.0 <= |d| < 1.0e16
// prints as the integer with ".0" (10000000000.0); anything else as Erlang.
std::string elixir_float(double d);

}  // namespace otp

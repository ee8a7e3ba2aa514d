// Float printing as Elixir 1.14's Inspect.Float on OTP 25, and the fixed
// and scientific texts of float_to_binary, Float.round and the observer.
// Every float-to-text conversion of the runtime goes through here, on the
// {fmt} library (Dragonbox for the shortest digits, exact for a given
// precision), never through the C library's printf: in the wasm build, C's
// printf("%e") inside a process intermittently printed garbage under
// Node (docs/architecture.md, "Floats"), and {fmt} is faster and exact.
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

// printf's "%.*f" and "%.*e" of a finite or infinite double, exactly rounded
// (round half to even on the exact binary value, as glibc does).
std::string float_fixed(double d, int decimals);
std::string float_scientific(double d, int decimals);

}  // namespace otp

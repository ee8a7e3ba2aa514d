// :math (OTP 25): float functions of numbers. A result that is not a
// finite number (sqrt(-1), log(0), pow(10, 400)) is ArithmeticError, a
// non-number argument the BIF's "not a number".
#include <cmath>

#include "shell/lib/support.hpp"

namespace otp::shell::lib {

namespace {

constexpr double kPi = 3.14159265358979323846;

// :math: a float function of one or two numbers; a result that is not a
// finite number is badarith.
double num(const Term& t, int position) {
  if (!t.is_number()) raise_badarg(position, "not a number");
  return to_double(t);
}
Term finite(double d) {
  if (!std::isfinite(d)) raise_arithmetic();
  return Term::from_double(d);
}
template <double (*F)(double)>
Term math1(Args a) {
  return finite(F(num(a[0], 1)));
}
template <double (*F)(double, double)>
Term math2(Args a) {
  return finite(F(num(a[0], 1), num(a[1], 2)));
}
double log_checked(double x) { return x <= 0 ? NAN : std::log(x); }
double log2_checked(double x) { return x <= 0 ? NAN : std::log2(x); }
double log10_checked(double x) { return x <= 0 ? NAN : std::log10(x); }
double sqrt_checked(double x) { return x < 0 ? NAN : std::sqrt(x); }
double fmod_checked(double x, double y) { return y == 0 ? NAN : std::fmod(x, y); }
double c_sin(double x) { return std::sin(x); }
double c_cos(double x) { return std::cos(x); }
double c_tan(double x) { return std::tan(x); }
double c_asin(double x) { return std::asin(x); }
double c_acos(double x) { return std::acos(x); }
double c_atan(double x) { return std::atan(x); }
double c_exp(double x) { return std::exp(x); }
double c_floor(double x) { return std::floor(x); }
double c_ceil(double x) { return std::ceil(x); }
double c_pow(double x, double y) { return std::pow(x, y); }
double c_atan2(double x, double y) { return std::atan2(x, y); }

}  // namespace

void add_math(Library& lib) {
  const char* M = ":math";
  lib.add(M, "pi", 0, [](Args) { return Term::from_double(kPi); }, "The ratio of a circle's circumference to its diameter.");
  lib.add(M, "sqrt", 1, math1<sqrt_checked>, "The square root.");
  lib.add(M, "pow", 2, math2<c_pow>, "x to the power y, a float.");
  lib.add(M, "exp", 1, math1<c_exp>, "e to the power x.");
  lib.add(M, "log", 1, math1<log_checked>, "The natural logarithm.");
  lib.add(M, "log2", 1, math1<log2_checked>, "The base-2 logarithm.");
  lib.add(M, "log10", 1, math1<log10_checked>, "The base-10 logarithm.");
  lib.add(M, "sin", 1, math1<c_sin>, "The sine (radians).");
  lib.add(M, "cos", 1, math1<c_cos>, "The cosine (radians).");
  lib.add(M, "tan", 1, math1<c_tan>, "The tangent (radians).");
  lib.add(M, "asin", 1, math1<c_asin>, "The arc sine.");
  lib.add(M, "acos", 1, math1<c_acos>, "The arc cosine.");
  lib.add(M, "atan", 1, math1<c_atan>, "The arc tangent.");
  lib.add(M, "atan2", 2, math2<c_atan2>, "The arc tangent of y/x, in the right quadrant.");
  lib.add(M, "floor", 1, math1<c_floor>, "The float not above.");
  lib.add(M, "ceil", 1, math1<c_ceil>, "The float not below.");
  lib.add(M, "fmod", 2, math2<fmod_checked>, "The float remainder of x / y.");
}

}  // namespace otp::shell::lib

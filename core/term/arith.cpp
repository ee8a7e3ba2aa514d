#include "term/arith.hpp"

#include <cmath>

namespace otp {
namespace {

[[noreturn]] void badarith() { throw ErlangError(Term(atom::badarith)); }

void need_number(const Term& t) {
  if (!t.is_number()) badarith();
}

Term make_float(double d) {
  if (!std::isfinite(d)) badarith();
  return Term::from_double(d);
}

// Small operands: both fit in 61 bits, so +, - cannot overflow int64.
template <typename SmallOp, typename BigOp, typename FloatOp>
Term binary_op(const Term& a, const Term& b, SmallOp small, BigOp big, FloatOp flt) {
  need_number(a);
  need_number(b);
  if (a.is_float() || b.is_float()) return make_float(flt(to_double(a), to_double(b)));
  if (a.is_small() && b.is_small()) return small(a.small(), b.small());
  return Term::integer(big(a.bigint(), b.bigint()));
}

}  // namespace

double to_double(const Term& t) {
  if (t.is_float()) return t.as_double();
  if (t.is_small()) return static_cast<double>(t.small());
  if (!t.is_integer()) badarith();
  double d = static_cast<double>(t.bigint());
  if (!std::isfinite(d)) badarith();
  return d;
}

Term add(const Term& a, const Term& b) {
  return binary_op(
      a, b, [](int64_t x, int64_t y) { return Term::integer(x + y); },
      [](const BigInt& x, const BigInt& y) { return BigInt(x + y); }, [](double x, double y) { return x + y; });
}

Term sub(const Term& a, const Term& b) {
  return binary_op(
      a, b, [](int64_t x, int64_t y) { return Term::integer(x - y); },
      [](const BigInt& x, const BigInt& y) { return BigInt(x - y); }, [](double x, double y) { return x - y; });
}

Term mul(const Term& a, const Term& b) {
  return binary_op(
      a, b,
      [](int64_t x, int64_t y) {
        int64_t r;
        if (!__builtin_mul_overflow(x, y, &r)) return Term::integer(r);
        return Term::integer(BigInt(x) * y);
      },
      [](const BigInt& x, const BigInt& y) { return BigInt(x * y); }, [](double x, double y) { return x * y; });
}

Term neg(const Term& a) {
  need_number(a);
  if (a.is_float()) return Term::from_double(-a.as_double());
  if (a.is_small()) return Term::integer(-a.small());
  return Term::integer(BigInt(-a.bigint()));
}

Term fdiv(const Term& a, const Term& b) {
  need_number(a);
  need_number(b);
  double y = to_double(b);
  if (y == 0.0) badarith();
  return make_float(to_double(a) / y);
}

Term int_div(const Term& a, const Term& b) {
  if (!a.is_integer() || !b.is_integer()) badarith();
  if (b.is_small() && b.small() == 0) badarith();
  if (a.is_small() && b.is_small()) return Term::integer(a.small() / b.small());
  return Term::integer(BigInt(a.bigint() / b.bigint()));  // cpp_int truncates
}

Term int_rem(const Term& a, const Term& b) {
  if (!a.is_integer() || !b.is_integer()) badarith();
  if (b.is_small() && b.small() == 0) badarith();
  if (a.is_small() && b.is_small()) return Term::integer(a.small() % b.small());
  return Term::integer(BigInt(a.bigint() % b.bigint()));  // sign of the dividend
}

Term pow(const Term& base, const Term& exponent) {
  need_number(base);
  need_number(exponent);
  if (base.is_integer() && exponent.is_integer() && exponent.bigint() >= 0) {
    if (!exponent.is_small() || exponent.small() > 0xFFFFFFF) {
      // Only 0, 1 and -1 have representable results for such exponents.
      BigInt b = base.bigint();
      if (b == 0 || b == 1) return base;
      if (b == -1) return Term::integer(exponent.bigint() % 2 == 0 ? 1 : -1);
      badarith();  // BEAM would run out of memory; refuse instead
    }
    return Term::integer(BigInt(boost::multiprecision::pow(base.bigint(), static_cast<unsigned>(exponent.small()))));
  }
  double x = to_double(base), y = to_double(exponent);
  if (x == 0.0 && y < 0) badarith();
  return make_float(std::pow(x, y));
}

int compare_numbers(const Term& a, const Term& b) {
  need_number(a);
  need_number(b);
  return compare(a, b);
}

}  // namespace otp

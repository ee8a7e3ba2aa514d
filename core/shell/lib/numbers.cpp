// Integer and Float (Elixir 1.14). Float.round/ceil/floor round the
// float's exact decimal value, as Elixir does (Float.round(2.675, 2) is
// 2.67, Float.round(0.125, 2) is 0.13).
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "shell/lib/chars.hpp"
#include "term/float_format.hpp"
#include "shell/lib/kernel_detail.hpp"
#include "shell/lib/string_detail.hpp"

namespace otp::shell::lib {

namespace {

// The float's exact decimal value rounded at `precision` fraction digits:
// mode 0 half away from zero, 1 toward +inf, 2 toward -inf.
double round_decimal(double x, int precision, int mode) {
  if (x == 0.0) return x;
  bool neg = std::signbit(x);
  std::string s = float_fixed(std::fabs(x), 1100);
  std::size_t dot = s.find('.');
  std::string kept = s.substr(0, dot) + s.substr(dot + 1, static_cast<std::size_t>(precision));
  std::string rest = s.substr(dot + 1 + static_cast<std::size_t>(precision));
  if (rest.find_first_not_of('0') == std::string::npos) return x;
  bool up = mode == 0 ? rest[0] >= '5' : mode == 1 ? !neg : neg;
  if (up) {
    std::size_t k = kept.size();
    while (k > 0 && kept[k - 1] == '9') kept[--k] = '0';
    if (k == 0) kept.insert(kept.begin(), '1');
    else ++kept[k - 1];
  }
  std::string text = kept.substr(0, kept.size() - static_cast<std::size_t>(precision)) + "." +
                     kept.substr(kept.size() - static_cast<std::size_t>(precision)) + "0";
  double v = std::strtod(text.c_str(), nullptr);
  if (v == 0.0) return 0.0;
  return neg ? -v : v;
}

Term float_round(Args a, int mode) {
  static const char* names[] = {"round", "ceil", "floor"};
  Term precision = a.size() > 1 ? a[1] : Term::integer(0);
  if (!a[0].is_float() || !precision.is_small()) no_clause("Float", names[mode], {a[0], precision});
  int64_t p = precision.small();
  if (p < 0 || p > 15) raise_argument_error("precision " + std::to_string(p) + " is out of valid range of 0..15");
  double x = a[0].as_double();
  if (p == 0) {
    if (mode == 0) return Term::from_double(to_double(round_number(a[0], 0)));
    return Term::from_double(mode == 1 ? std::ceil(x) : std::floor(x));
  }
  return Term::from_double(round_decimal(x, static_cast<int>(p), mode));
}

std::string to_base(const Term& n, int base) {
  std::string out;
  BigInt v = n.bigint();
  bool neg = v < 0;
  if (neg) v = -v;
  do {
    int d = static_cast<int>(v % base);
    out += static_cast<char>(d < 10 ? '0' + d : 'A' + d - 10);
    v /= base;
  } while (v > 0);
  if (neg) out += '-';
  return std::string(out.rbegin(), out.rend());
}

Term integer_to_string(Args a) {
  if (!a[0].is_integer()) raise_badarg(1, "not an integer");
  int base = 10;
  if (a.size() > 1) {
    if (!a[1].is_small() || a[1].small() < 2 || a[1].small() > 36) raise_badarg(2, "not an integer in the range 2 through 36");
    base = static_cast<int>(a[1].small());
  }
  return Term::binary(base == 10 && a[0].is_small() ? std::to_string(a[0].small()) : to_base(a[0], base));
}

Term integer_parse(Args a) {
  Term base = a.size() > 1 ? a[1] : Term::integer(10);
  if (!base.is_small() || base.small() < 2 || base.small() > 36) raise_argument_error("invalid base " + inspect(base));
  if (!a[0].is_binary()) no_clause("Integer", "parse", {a[0], base});
  Term v;
  std::string_view s = a[0].bytes();
  std::size_t used = parse_integer_prefix(s, static_cast<int>(base.small()), &v);
  if (!used) return Term(atom::error);
  return Term::tuple({v, Term::binary(s.substr(used))});
}

Term digits(Args a) {
  Term base = a.size() > 1 ? a[1] : Term::integer(10);
  if (!a[0].is_integer() || !base.is_small() || base.small() < 2) no_clause("Integer", "digits", {a[0], base});
  BigInt v = a[0].bigint();
  int b = static_cast<int>(base.small());
  std::vector<Term> out;
  bool negative = v < 0;
  if (negative) v = -v;
  do {
    BigInt d = v % b;
    out.insert(out.begin(), Term::integer(negative ? BigInt(-d) : d));
    v /= b;
  } while (v > 0);
  return list_of(out);
}

Term undigits(Args a) {
  Term base = a.size() > 1 ? a[1] : Term::integer(10);
  if (!a[0].is_list() || !base.is_small() || base.small() < 2) no_clause("Integer", "undigits", {a[0], base});
  Term acc = Term::integer(0);
  for (const Term* c = &a[0]; c->is_cons(); c = &c->tail()) {
    const Term& d = c->head();
    if (!d.is_integer()) raise_arithmetic(arith_blame("*", acc, base));
    if (compare(d, base) >= 0) raise_argument_error("invalid digit " + inspect(d) + " in base " + inspect(base));
    acc = add(mul(acc, base), d);
  }
  return acc;
}

Term int_pow(Args a) {
  if (!a[0].is_integer() || !a[1].is_integer()) no_clause("Integer", "pow", {a[0], a[1]});
  if (compare(a[1], Term::integer(0)) < 0) raise_arithmetic();
  return pow(a[0], a[1]);
}

Term gcd(Args a) {
  if (!a[0].is_integer() || !a[1].is_integer()) no_clause("Integer", "gcd", {a[0], a[1]});
  BigInt x = abs(a[0].bigint()), y = abs(a[1].bigint());
  while (y != 0) {
    BigInt r = x % y;
    x = y;
    y = r;
  }
  return Term::integer(x);
}

// Integer.mod/2 (sign of the divisor) and floor_div/2.
Term floor_op(Args a, bool mod) {
  const char* name = mod ? "mod" : "floor_div";
  if (!a[0].is_integer() || !a[1].is_integer()) no_clause("Integer", name, {a[0], a[1]});
  if (compare(a[1], Term::integer(0)) == 0) raise_arithmetic(arith_blame(mod ? "rem" : "div", a[0], a[1]));
  Term r = int_rem(a[0], a[1]);
  bool adjust = compare(r, Term::integer(0)) != 0 && (compare(r, Term::integer(0)) < 0) != (compare(a[1], Term::integer(0)) < 0);
  if (mod) return adjust ? add(r, a[1]) : r;
  Term q = int_div(a[0], a[1]);
  return adjust ? sub(q, Term::integer(1)) : q;
}

Term float_parse(Args a) {
  if (!a[0].is_binary()) no_clause("Float", "parse", {a[0]});
  std::string_view s = a[0].bytes();
  double d;
  std::size_t used = parse_float_prefix(s, &d);
  if (!used) return Term(atom::error);
  return Term::tuple({Term::from_double(d), Term::binary(s.substr(used))});
}

}  // namespace

void add_numbers(Library& lib) {
  lib.add("Integer", "to_string", 1, integer_to_string, "The integer in decimal.");
  lib.add("Integer", "to_string", 2, integer_to_string, "The integer in base 2..36 (upper-case digits).");
  lib.add("Integer", "to_charlist", 1, [](Args a) { return to_charlist(integer_to_string(a)); }, "The integer in decimal, as a charlist.");
  lib.add("Integer", "to_charlist", 2, [](Args a) { return to_charlist(integer_to_string(a)); }, "The integer in a base, as a charlist.");
  lib.add("Integer", "parse", 1, integer_parse, "{integer, rest} from the start of a string, or :error.");
  lib.add("Integer", "parse", 2, integer_parse, "Integer.parse/1 in base 2..36.");
  lib.add("Integer", "digits", 1, digits, "The digits of an integer, most significant first.");
  lib.add("Integer", "digits", 2, digits, "The digits in a base.");
  lib.add("Integer", "undigits", 1, undigits, "The integer of a list of digits.");
  lib.add("Integer", "undigits", 2, undigits, "The integer of a list of digits in a base.");
  lib.add("Integer", "pow", 2, int_pow, "base ** exponent for a non-negative exponent.");
  lib.add("Integer", "gcd", 2, gcd, "The greatest common divisor (non-negative).");
  lib.add("Integer", "mod", 2, [](Args a) { return floor_op(a, true); }, "The modulo (sign of the divisor).");
  lib.add("Integer", "floor_div", 2, [](Args a) { return floor_op(a, false); }, "Division rounded toward negative infinity.");
  lib.add("Integer", "is_even", 1, [](Args a) {
    if (!a[0].is_integer()) raise_argument_error("argument error");
    return Term::boolean(compare(int_rem(a[0], Term::integer(2)), Term::integer(0)) == 0);
  }, "True for an even integer (a guard macro in Elixir).");
  lib.add("Integer", "is_odd", 1, [](Args a) {
    if (!a[0].is_integer()) raise_argument_error("argument error");
    return Term::boolean(compare(int_rem(a[0], Term::integer(2)), Term::integer(0)) != 0);
  }, "True for an odd integer (a guard macro in Elixir).");

  lib.add("Float", "round", 1, [](Args a) { return float_round(a, 0); }, "The nearest integral float.");
  lib.add("Float", "round", 2, [](Args a) { return float_round(a, 0); }, "Rounded to 0..15 decimal digits (halves away from zero).");
  lib.add("Float", "ceil", 1, [](Args a) { return float_round(a, 1); }, "The smallest integral float not below.");
  lib.add("Float", "ceil", 2, [](Args a) { return float_round(a, 1); }, "Rounded up at 0..15 decimal digits.");
  lib.add("Float", "floor", 1, [](Args a) { return float_round(a, 2); }, "The largest integral float not above.");
  lib.add("Float", "floor", 2, [](Args a) { return float_round(a, 2); }, "Rounded down at 0..15 decimal digits.");
  lib.add("Float", "parse", 1, float_parse, "{float, rest} from the start of a string, or :error.");
  lib.add("Float", "to_string", 1, [](Args a) {
    if (!a[0].is_float()) no_clause("Float", "to_string", {a[0]});
    return Term::binary(float_chars(a[0].as_double()));
  }, "The shortest text that reads back as the float.");
  lib.add("Float", "to_charlist", 1, [](Args a) {
    if (!a[0].is_float()) no_clause("Float", "to_charlist", {a[0]});
    return Term::charlist(float_chars(a[0].as_double()));
  }, "Float.to_string/1 as a charlist.");
}

}  // namespace otp::shell::lib

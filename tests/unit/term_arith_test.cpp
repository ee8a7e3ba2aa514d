// Integer/float arithmetic with overflow into bignums and badarith.
#include <catch2/catch.hpp>

#include "term/arith.hpp"

using namespace otp;

namespace {
Term i(int64_t v) { return Term::integer(v); }
Term f(double v) { return Term::from_double(v); }
bool is_badarith(const ErlangError& e) { return e.reason.is_atom(atom::badarith); }
}  // namespace

TEST_CASE("integer arithmetic overflows into bignums and back", "[term][arith]") {
  Term max = i(Term::kSmallMax);
  Term over = add(max, i(1));
  CHECK(over.is_bignum());
  CHECK(sub(over, i(1)).is_small());
  CHECK(mul(i(int64_t{1} << 40), i(int64_t{1} << 40)).bigint() == BigInt(1) << 80);
  CHECK(inspect(pow(i(2), i(100))) == "1267650600228229401496703205376");
  CHECK(neg(i(Term::kSmallMin)).is_bignum());
  CHECK(mul(i(-5), i(-5)) == i(25));
  CHECK(add(i(1), i(2)) == i(3));
}

TEST_CASE("div and rem truncate toward zero as Elixir's do", "[term][arith]") {
  CHECK(int_div(i(10), i(4)) == i(2));
  CHECK(int_rem(i(-7), i(3)) == i(-1));
  CHECK(int_div(i(-7), i(2)) == i(-3));
  CHECK(int_rem(i(7), i(-3)) == i(1));
  Term big = pow(i(10), i(30));
  CHECK(int_rem(neg(big), i(7)) == i(-1));  // 10^6 ≡ 1 (mod 7), so 10^30 ≡ 1
  CHECK(int_div(big, pow(i(10), i(28))) == i(100));
  CHECK_THROWS_MATCHES(int_div(i(1), i(0)), ErlangError, Catch::Predicate<ErlangError>(is_badarith));
  CHECK_THROWS_MATCHES(int_rem(f(1.0), i(2)), ErlangError, Catch::Predicate<ErlangError>(is_badarith));
}

TEST_CASE("/ always returns a float and float overflow raises badarith", "[term][arith]") {
  CHECK(inspect(fdiv(i(10), i(4))) == "2.5");
  CHECK(inspect(fdiv(i(1), i(3))) == "0.3333333333333333");
  CHECK(inspect(mul(f(2.0), i(3))) == "6.0");
  CHECK(inspect(add(f(0.1), f(0.2))) == "0.30000000000000004");
  CHECK_THROWS_MATCHES(mul(f(1.5e300), f(1.0e10)), ErlangError, Catch::Predicate<ErlangError>(is_badarith));
  CHECK_THROWS_MATCHES(fdiv(i(1), i(0)), ErlangError, Catch::Predicate<ErlangError>(is_badarith));
  CHECK_THROWS_MATCHES(add(Term::atom("foo"), i(1)), ErlangError, Catch::Predicate<ErlangError>(is_badarith));
  CHECK_THROWS_MATCHES(neg(Term::binary("x")), ErlangError, Catch::Predicate<ErlangError>(is_badarith));
}

TEST_CASE("** is integral for non-negative integer exponents and a float otherwise", "[term][arith]") {
  CHECK(pow(i(3), i(0)) == i(1));
  CHECK(inspect(pow(i(2), i(-1))) == "0.5");
  CHECK(inspect(pow(f(2.0), i(3))) == "8.0");
  CHECK_THROWS_AS(pow(f(-8.0), f(0.5)), ErlangError);
}

TEST_CASE("mixed integer and float comparisons are exact", "[term][arith]") {
  CHECK(compare_numbers(i(1), f(1.0)) == 0);
  CHECK(compare_numbers(i(2), f(1.5)) > 0);
  CHECK(compare_numbers(pow(i(2), i(100)), f(1.2676506002282294e30)) == 0);
  CHECK(compare_numbers(add(pow(i(2), i(100)), i(1)), f(1.2676506002282294e30)) > 0);
  CHECK_THROWS_AS(compare_numbers(Term::atom("a"), i(1)), ErlangError);
}

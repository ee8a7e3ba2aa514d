// ==, ===, Erlang term order and hashing.
#include <catch2/catch.hpp>

#include "term/fun.hpp"
#include "term/term.hpp"

using namespace otp;

namespace {
Term i(int64_t v) { return Term::integer(v); }
Term f(double v) { return Term::from_double(v); }
Term a(const char* s) { return Term::atom(s); }
struct TestFun : FunObject {
  using FunObject::FunObject;
};
}  // namespace

TEST_CASE("== compares numbers by value while === also compares their type", "[term][order]") {
  CHECK(equal(i(1), f(1.0)));
  CHECK_FALSE(exact_equal(i(1), f(1.0)));
  CHECK(exact_equal(f(0.0), f(-0.0)));  // OTP 25 semantics
  CHECK(equal(Term::tuple({i(1), a("x")}), Term::tuple({f(1.0), a("x")})));
  CHECK_FALSE(Term::tuple({i(1)}) == Term::tuple({f(1.0)}));
  CHECK(Term::binary("abc") == Term::binary("abc"));
  CHECK(Term::list({i(1), i(2)}) == Term::list({i(1), i(2)}));
  BigInt big = BigInt(1) << 80;
  CHECK(Term::integer(big) == Term::integer(big));
  CHECK(equal(Term::integer(big), f(static_cast<double>(big))));
}

TEST_CASE("term order ranks kinds: number < atom < ref < fun < pid < tuple < map < list < binary",
          "[term][order]") {
  Term fun = Term::fun(new TestFun(Atom::intern("m"), "f/0", 0));
  std::vector<Term> ordered = {f(-1.5),  i(0),
                               f(0.5),   Term::integer(BigInt(1) << 70),
                               a("a"),   a("b"),
                               Term(Ref{1}), fun,
                               Term(Pid{1, 0}), Term::tuple({}),
                               Term::tuple({i(9)}), Term::tuple({i(1), i(1)}),
                               Term::map({}), Term::map({{i(1), i(1)}}),
                               Term::empty_list(), Term::list({i(1)}),
                               Term::list({i(1), i(2)}), Term::list({i(2)}),
                               Term::binary(""), Term::binary("a"),
                               Term::binary("ab"), Term::binary("b")};
  for (std::size_t x = 0; x < ordered.size(); ++x)
    for (std::size_t y = 0; y < ordered.size(); ++y) {
      INFO(inspect(ordered[x]) << " vs " << inspect(ordered[y]));
      CHECK(compare(ordered[x], ordered[y]) == (x < y ? -1 : x > y ? 1 : 0));
    }
}

TEST_CASE("integers and floats interleave by value in term order", "[term][order]") {
  CHECK(compare(i(1), f(1.5)) < 0);
  CHECK(compare(f(1.5), i(2)) < 0);
  CHECK(compare(i(1), f(1.0)) == 0);
  CHECK(compare_exact(i(1), f(1.0)) < 0);
  CHECK(compare(Term::integer((BigInt(1) << 64) + 1), f(18446744073709551616.0)) > 0);
  CHECK(compare(Term::integer(Term::kSmallMax), f(1e300)) < 0);
  CHECK(compare(i(9007199254740993), f(9007199254740992.0)) > 0);
}

TEST_CASE("maps order by size, then keys, then values", "[term][order]") {
  Term small = Term::map({{a("z"), i(1)}});
  Term bigger = Term::map({{a("a"), i(1)}, {a("b"), i(1)}});
  CHECK(compare(small, bigger) < 0);
  CHECK(compare(Term::map({{a("a"), i(2)}}), Term::map({{a("b"), i(1)}})) < 0);
  CHECK(compare(Term::map({{a("a"), i(1)}}), Term::map({{a("a"), i(2)}})) < 0);
  CHECK_FALSE(equal(Term::map({{i(1), a("x")}}), Term::map({{f(1.0), a("x")}})));
}

TEST_CASE("atoms order by their text, not their intern id", "[term][order]") {
  Term late = Term::atom("aaa_interned_late");
  CHECK(compare(late, Term(atom::ok)) < 0);
}

TEST_CASE("hashing is consistent with ===", "[term][hash]") {
  CHECK(hash(Term::binary("abc")) == hash(Term::binary("abc")));
  CHECK(hash(Term::tuple({i(1), Term::list({a("x")})})) == hash(Term::tuple({i(1), Term::list({a("x")})})));
  CHECK(hash(f(0.0)) == hash(f(-0.0)));
  CHECK(hash(Term::integer(BigInt(1) << 90)) == hash(Term::integer(BigInt(1) << 90)));
  CHECK(hash(i(1)) != hash(f(1.0)));
  CHECK(hash(Term::map({{a("a"), i(1)}})) == hash(Term::map({{a("a"), i(1)}})));
}

// Terms nested deeper than any stack would hold (a million levels): term
// order, List.flatten and freeing walk stacks of their own, as BEAM does.
// (Order itself is tested in term_order_test.cpp.)
#include <catch2/catch.hpp>

#include "shell/lib/list_detail.hpp"
#include "term/term.hpp"

using namespace otp;

namespace {
// [[[...[[], 1], 2]..., n] and {{...{0, 1}..., n}: a million levels.
Term nested_list(int64_t n, int64_t last) {
  Term t = Term::empty_list();
  for (int64_t i = 1; i <= n; ++i) t = Term::list({t, Term::integer(i == n ? last : i)});
  return t;
}
Term nested_tuple(int64_t n) {
  Term t = Term::integer(0);
  for (int64_t i = 1; i <= n; ++i) t = Term::tuple({t, Term::integer(i)});
  return t;
}
}  // namespace

TEST_CASE("terms nested a million deep compare without overflowing the stack", "[term][order]") {
  const int64_t n = 1'000'000;
  Term x = nested_list(n, n), y = nested_list(n, n), z = nested_list(n, n + 1);
  CHECK(equal(x, y));
  CHECK(compare(x, z) == -1);
  CHECK(compare(z, x) == 1);
  Term t = nested_tuple(n), u = nested_tuple(n);
  CHECK(compare_exact(t, u) == 0);
  CHECK(compare(Term::map({{t, Term::integer(1)}}), Term::map({{u, Term::integer(2)}})) == -1);
}

TEST_CASE("List.flatten walks a list nested a million deep", "[term][order][shell]") {
  const int64_t n = 1'000'000;
  std::vector<Term> out;
  shell::lib::flatten_into(nested_list(n, n), out);
  REQUIRE(out.size() == static_cast<std::size_t>(n));
  CHECK(out.front() == Term::integer(1));
  CHECK(out.back() == Term::integer(n));
  out.clear();
  shell::lib::flatten_into(Term::list({Term::integer(1), Term::list({Term::list({Term::integer(2)}), Term::empty_list()}),
                                  Term::integer(3)}), out);
  CHECK(Term::list(std::span<const Term>(out)) == Term::list({Term::integer(1), Term::integer(2), Term::integer(3)}));
}

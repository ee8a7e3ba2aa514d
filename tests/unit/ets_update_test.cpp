// ETS updates in place (update_counter, update_element) and folds, with
// OTP 25's results.
#include <string>
#include <vector>

#include "node_fixture.hpp"
#include "services/ets.hpp"
#include "term/arith.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

using namespace otp;
using namespace otp::test;

namespace {

std::string s(const Term& t) { return inspect(t); }
Term l(std::initializer_list<Term> xs) { return Term::list(xs); }

}  // namespace

TEST_CASE_METHOD(NodeFixture, "update_counter adds, saturates at thresholds and inserts defaults", "[ets][update]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term tab = ets::new_table(self, a("c"), l({a("set")}));
    ets::insert(self, tab, t({i(1), i(1)}));
    seen.push_back(s(ets::update_counter(self, tab, i(1), t({i(2), i(10)}))));
    seen.push_back(s(ets::update_counter(self, tab, i(1), l({t({i(2), i(10)}), t({i(2), i(-5)})}))));
    seen.push_back(s(ets::update_counter(self, tab, i(1), t({i(2), i(100), i(50), i(7)}))));
    seen.push_back(s(ets::update_counter(self, tab, i(1), t({i(2), i(-100), i(0), i(-1)}))));
    seen.push_back(s(ets::update_counter(self, tab, i(1), Term::empty_list())));
    seen.push_back(s(ets::update_counter(self, tab, a("zz"), i(5), t({a("zz"), i(1)}))));
    seen.push_back(s(ets::update_counter(self, tab, a("k"), i(1), t({a("other"), i(10)}))));
    seen.push_back(s(ets::lookup(self, tab, a("k"))));
    seen.push_back(s(ets::update_counter(self, tab, a("yy"), i(5), t({a("yy"), i(1), i(2), i(3)}))));
    seen.push_back(s(ets::update_element(self, tab, a("yy"), l({t({i(3), a("a")}), t({i(4), a("b")})}))));
    seen.push_back(s(ets::lookup(self, tab, a("yy"))));
    seen.push_back(s(ets::update_element(self, tab, a("nope"), t({i(2), a("a")}))));
    try {  // atomic: the second op fails, the first is not applied
      ets::update_counter(self, tab, a("yy"), l({t({i(2), i(1)}), t({i(3), i(1)})}));
    } catch (const ErlangError&) {
    }
    seen.push_back(s(ets::lookup(self, tab, a("yy"))));
    ets::insert(self, tab, t({a("big"), i(Term::kSmallMax)}));
    seen.push_back(s(ets::update_counter(self, tab, a("big"), i(1))));
  });
  CHECK(seen == std::vector<std::string>{"11", "[21, 16]", "7", "-1", "[]", "6", "11", "[k: 11]", "6", "true",
                                         "[{:yy, 6, :a, :b}]", "false", "[{:yy, 6, :a, :b}]",
                                         "1152921504606846976"});
}

TEST_CASE_METHOD(NodeFixture, "updates in an ordered_set find 1 under 1.0 and keep the stored key", "[ets][update]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term o = ets::new_table(self, a("o"), l({a("ordered_set")}));
    ets::insert(self, o, t({i(1), i(5)}));
    seen.push_back(s(ets::update_counter(self, o, Term::from_double(1.0), i(1))));
    seen.push_back(s(ets::tab2list(self, o)));
    seen.push_back(s(ets::update_element(self, o, Term::from_double(1.0), t({i(2), a("z")}))));
    seen.push_back(s(ets::update_counter(self, o, Term::from_double(2.0), i(1), t({i(7), i(0)}))));
    seen.push_back(s(ets::tab2list(self, o)));
  });
  CHECK(seen == std::vector<std::string>{"6", "[{1, 6}]", "true", "1", "[{1, :z}, {2.0, 1}]"});
}

TEST_CASE_METHOD(NodeFixture, "foldl and foldr walk an ordered_set both ways over a snapshot", "[ets][update]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term o = ets::new_table(self, a("o"), l({a("ordered_set"), a("public")}));
    ets::insert(self, o, l({t({i(2), a("b")}), t({i(1), a("a")}), t({i(3), a("c")})}));
    Term cons_key = make_fun(Atom::intern("erl_eval"), "expr/6", 2, [](std::span<const Term> args) {
      return Term::cons(args[0][0], args[1]);
    });
    seen.push_back(s(ets::foldl(self, cons_key, Term::empty_list(), o)));
    seen.push_back(s(ets::foldr(self, cons_key, Term::empty_list(), o)));
    Term erasing = make_fun(Atom::intern("erl_eval"), "expr/6", 2, [&self, o](std::span<const Term> args) {
      ets::delete_(self, o, args[0][0]);  // the fold goes on over what it started with
      return add(args[1], i(1));
    });
    seen.push_back(s(ets::foldl(self, erasing, i(0), o)));
    seen.push_back(s(ets::info(self, o, a("size"))));
    ets::insert(self, o, t({i(9), a("z")}));
    seen.push_back(s(ets::foldl(
        self, [](const Term& obj, const Term& acc) { return Term::cons(obj[1], acc); }, Term::empty_list(), o)));
  });
  CHECK(seen == std::vector<std::string>{"[3, 2, 1]", "[1, 2, 3]", "3", "0", "[:z]"});
}

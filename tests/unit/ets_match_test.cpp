// ETS match patterns and match specs: match, match_object, select and its
// count and delete forms, with the answers OTP 25 gives (ets:select and
// ets:test_ms in real Erlang), and badarg for invalid specs.
#include <string>
#include <vector>

#include "node_fixture.hpp"
#include "services/ets.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;

namespace {

std::string s(const Term& t) {
  InspectOptions one_line;
  one_line.width = 100000;
  return inspect(t, one_line);
}
Term l(std::initializer_list<Term> xs) { return Term::list(xs); }
Term v(int n) { return Term::atom("$" + std::to_string(n)); }
Term ms(Term head, Term guards, Term body) { return l({t({std::move(head), std::move(guards), std::move(body)})}); }
Term call(const char* f, std::initializer_list<Term> args) {
  std::vector<Term> xs{a(f)};
  xs.insert(xs.end(), args);
  return Term::tuple(std::span<const Term>(xs));
}

// An ordered_set of {1}, {2.0}, {3}, {:a}, {{:t}}, {'s'}: visited in that order.
Term sample(Process& self) {
  Term o = ets::new_table(self, a("o"), l({a("ordered_set")}));
  ets::insert(self, o, l({t({i(3)}), t({i(1)}), t({Term::from_double(2.0)}), t({a("a")}), t({Term::charlist("s")}),
                          t({t({a("t")})})}));
  return o;
}

template <class F>
std::string badarg_of(F&& f) {
  try {
    f();
  } catch (const ErlangError& e) {
    return s(e.reason) + " " + s(e.arguments_info);
  }
  return "no error";
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "select evaluates guards and bodies as OTP 25's match specs do", "[ets][match]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term o = sample(self);
    auto sel = [&](Term spec) { seen.push_back(s(ets::select(self, o, spec))); };
    sel(ms(t({v(1)}), l({call("is_integer", {v(1)})}), l({v(1)})));
    sel(ms(t({v(1)}), l({call("==", {v(1), i(2)})}), l({call("element", {i(1), a("$_")})})));
    sel(ms(t({v(1)}), Term::empty_list(), l({call("+", {v(1), i(1)})})));
    sel(ms(t({v(1)}), l({call("andalso", {call("is_number", {v(1)}), call(">", {v(1), i(1)})})}), l({l({v(1), v(1)})})));
    sel(ms(t({v(1)}), l({call("is_atom", {v(1)})}), l({Term::map({{a("a"), v(1)}})})));
    sel(ms(t({v(1)}), l({call("is_atom", {v(1)})}), l({call("const", {t({v(1)})}), a("self")})));
    sel(ms(t({v(1)}), l({call("is_atom", {v(1)})}), l({t({t({v(1), a("$_"), a("$$")})})})));
    sel(ms(t({v(1)}), Term::empty_list(), l({call("element", {v(1), i(1)})})));
    sel(ms(t({v(1)}), l({call("div", {i(1), i(0)})}), l({a("true")})));
    sel(Term::empty_list());
    sel(ms(a("_"), Term::empty_list(), l({i(1), i(2)})));
    sel(l({t({t({v(1)}), l({call(">", {call("+", {v(1), i(1)}), i(3)})}), l({a("big")})}),
           t({a("_"), Term::empty_list(), l({a("small")})})}));
    sel(ms(t({v(1), v(1)}), Term::empty_list(), l({v(1)})));
    sel(ms(t({v(3)}), l({call("orelse", {call("is_tuple", {v(3)}), call("is_list", {v(3)})})}), l({a("$$")})));
  });
  CHECK(seen == std::vector<std::string>{
                    "[1, 3]", "[2.0]", "[2, 3.0, 4, :EXIT, :EXIT, :EXIT]", "[[2.0, 2.0], [3, 3]]", "[%{a: :a}]",
                    "[:self]", "[{:a, {:a}, [:a]}]", "[:EXIT, :EXIT, :EXIT, :EXIT, :EXIT, :EXIT]", "[]", "[]",
                    "[2, 2, 2, 2, 2, 2]", "[:small, :small, :big, :small, :small, :small]", "[]",
                    "[[{:t}], ['s']]"});
}

TEST_CASE_METHOD(NodeFixture, "match binds variables in number order and match_object returns the objects",
                 "[ets][match]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term o = sample(self);
    seen.push_back(s(ets::match(self, o, v(1))));
    seen.push_back(s(ets::match(self, o, a("_"))));
    seen.push_back(s(ets::match(self, o, t({v(3), a("_")}))));
    Term d = ets::new_table(self, a("d"), l({a("duplicate_bag")}));
    ets::insert(self, d, l({t({a("k"), i(1), l({i(1), i(2)})}), t({a("k"), i(2), l({i(3)})}),
                            t({a("k"), i(1), Term::map({{a("m"), i(5)}})})}));
    seen.push_back(s(ets::match(self, d, t({v(2), v(1), a("_")}))));
    seen.push_back(s(ets::match(self, d, t({a("_"), v(1), Term::cons(v(2), v(3))}))));
    seen.push_back(s(ets::match(self, d, t({a("_"), a("_"), Term::map({{a("m"), v(0)}})}))));
    seen.push_back(s(ets::match_object(self, d, t({a("k"), i(1), a("_")}))));
    seen.push_back(s(ets::match_object(self, d, t({a("k"), Term::from_double(1.0), a("_")}))));  // exact
    seen.push_back(s(ets::match_delete(self, d, t({a("_"), i(1), a("_")}))));
    seen.push_back(s(ets::tab2list(self, d)));
  });
  CHECK(seen == std::vector<std::string>{
                    "[[{1}], [{2.0}], [{3}], [{:a}], [{{:t}}], [{'s'}]]", "[[], [], [], [], [], []]", "[]",
                    "[[1, :k], [2, :k], [1, :k]]", "[[1, 1, [2]], [2, 3, []]]", "[[5]]",
                    "[{:k, 1, [1, 2]}, {:k, 1, %{m: 5}}]", "[]", "true", "[{:k, 2, [3]}]"});
}

TEST_CASE_METHOD(NodeFixture, "select_count and select_delete act on the objects whose result is true",
                 "[ets][match]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term b = ets::new_table(self, a("b"), l({a("bag")}));
    ets::insert(self, b, l({t({a("k"), i(1)}), t({a("k"), i(2)}), t({a("j"), i(1)}), t({a("k"), i(3)})}));
    Term small = ms(t({a("_"), v(1)}), l({call("<", {v(1), i(3)})}), l({a("true")}));
    seen.push_back(s(ets::select_count(self, b, small)));
    seen.push_back(s(ets::select_count(self, b, ms(a("_"), Term::empty_list(), l({a("yes")})))));
    seen.push_back(s(ets::select(self, b, ms(t({a("k"), v(1)}), Term::empty_list(), l({v(1)})))));  // by key
    seen.push_back(s(ets::select_delete(self, b, small)));
    seen.push_back(s(ets::tab2list(self, b)));
    seen.push_back(s(ets::select(self, b, ms(a("_"), Term::empty_list(), l({call("self", {})})))) ==
                           "[" + s(Term(self.self())) + "]"
                       ? "self"
                       : "?");
  });
  CHECK(seen == std::vector<std::string>{"3", "0", "[3, 2, 1]", "3", "[k: 3]", "self"});
}

TEST_CASE_METHOD(NodeFixture, "an invalid match spec is badarg on its second argument", "[ets][match]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term o = sample(self);
    for (Term spec : {a("foo"), l({a("foo")}), l({t({a("a"), a("b")})}), ms(a("_"), a("foo"), l({i(1)})),
                      ms(a("_"), Term::empty_list(), Term::empty_list()), ms(t({v(1)}), Term::empty_list(), l({v(2)})),
                      ms(t({v(1)}), l({v(2)}), l({v(1)})), ms(t({v(1)}), l({call("foo", {v(1)})}), l({v(1)})),
                      ms(t({v(1)}), Term::empty_list(), l({t({i(1), i(2)})})),
                      ms(t({v(1)}), Term::empty_list(), l({call("tuple_size", {v(1)})})),
                      ms(a("_"), Term::empty_list(), l({call("andalso", {})})),
                      ms(a("_"), Term::empty_list(), l({call("self", {i(1)})})),
                      ms(Term::map({{v(1), i(1)}}), Term::empty_list(), l({i(1)}))})
      seen.push_back(badarg_of([&] { ets::select(self, o, spec); }));
  });
  CHECK(seen.size() == 13);
  for (const std::string& e : seen) CHECK(e == ":badarg %{2 => \"not a valid match specification\"}");
}

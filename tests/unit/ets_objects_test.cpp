// ETS object operations of each table type (set, ordered_set, bag,
// duplicate_bag), with OTP 25's answers: insert, insert_new, lookup,
// lookup_element, member, take, delete, delete_object, first/next/prev.
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
Term opts(std::initializer_list<Term> xs) { return Term::list(xs); }

}  // namespace

TEST_CASE_METHOD(NodeFixture, "a set keeps one object per key, matched exactly, and a list insert's last wins",
                 "[ets]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term tab = ets::new_table(self, a("s"), opts({a("set")}));
    ets::insert(self, tab, Term::list({t({a("a"), i(1)}), t({a("a"), i(2)}), t({i(1), a("int")})}));
    ets::insert(self, tab, t({Term::from_double(1.0), a("float")}));
    seen.push_back(s(ets::lookup(self, tab, a("a"))));
    seen.push_back(s(ets::lookup(self, tab, i(1))));
    seen.push_back(s(ets::info(self, tab, a("size"))));
    seen.push_back(s(ets::insert_new(self, tab, Term::list({t({a("b"), i(1)}), t({a("a"), i(9)})}))));
    seen.push_back(s(ets::member(self, tab, a("b"))));
    seen.push_back(s(ets::insert_new(self, tab, Term::list({t({a("b"), i(1)}), t({a("b"), i(2)})}))));
    seen.push_back(s(ets::lookup(self, tab, a("b"))));
    seen.push_back(s(ets::lookup_element(self, tab, a("b"), i(2))));
    seen.push_back(s(ets::take(self, tab, a("b"))));
    seen.push_back(s(ets::take(self, tab, a("b"))));
    seen.push_back(s(ets::delete_object(self, tab, t({a("a"), i(1)}))));
    seen.push_back(s(ets::lookup(self, tab, a("a"))));
    seen.push_back(s(ets::delete_object(self, tab, t({a("a"), i(2)}))));
    seen.push_back(s(ets::delete_(self, tab, i(1))));
    seen.push_back(s(ets::delete_(self, tab, a("never"))));
    seen.push_back(s(ets::tab2list(self, tab)));
    seen.push_back(s(ets::delete_all_objects(self, tab)));
    seen.push_back(s(ets::info(self, tab, a("size"))));
    seen.push_back(s(ets::first(self, tab)));
  });
  CHECK(seen == std::vector<std::string>{"[a: 2]", "[{1, :int}]", "3", "false", "false", "true", "[b: 2]", "2",
                                         "[b: 2]", "[]", "true", "[a: 2]", "true", "true", "true",
                                         "[{1.0, :float}]", "true", "0", ":\"$end_of_table\""});
}

TEST_CASE_METHOD(NodeFixture, "bags keep insertion order, and a list insert into a bag goes last first as OTP 25",
                 "[ets]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term b = ets::new_table(self, a("b"), opts({a("bag")}));
    ets::insert(self, b, t({a("k"), i(0)}));
    ets::insert(self, b, Term::list({t({a("k"), i(1)}), t({a("k"), i(2)}), t({a("k"), i(1)}), t({a("k"), i(3)})}));
    ets::insert(self, b, t({a("k"), i(4)}));
    ets::insert(self, b, t({a("k"), i(0)}));
    seen.push_back(s(ets::lookup(self, b, a("k"))));
    seen.push_back(s(ets::lookup_element(self, b, a("k"), i(2))));
    ets::delete_object(self, b, t({a("k"), i(2)}));
    seen.push_back(s(ets::lookup(self, b, a("k"))));
    Term d = ets::new_table(self, a("d"), opts({a("duplicate_bag")}));
    ets::insert(self, d, Term::list({t({a("k"), i(1)}), t({a("j"), i(1)}), t({a("k"), i(2)}), t({a("k"), i(1)})}));
    seen.push_back(s(ets::lookup(self, d, a("k"))));
    ets::delete_object(self, d, t({a("k"), i(1)}));
    seen.push_back(s(ets::lookup(self, d, a("k"))));
    seen.push_back(s(ets::info(self, d, a("size"))));
    seen.push_back(s(ets::take(self, d, a("j"))));
    seen.push_back(s(ets::insert_new(self, d, t({a("k"), i(7)}))));
  });
  CHECK(seen == std::vector<std::string>{"[k: 0, k: 3, k: 1, k: 2, k: 4]", "[0, 3, 1, 2, 4]",
                                         "[k: 0, k: 3, k: 1, k: 4]", "[k: 1, k: 2, k: 1]", "[k: 2]", "2",
                                         "[j: 1]", "false"});
}

TEST_CASE_METHOD(NodeFixture, "an ordered_set walks keys in term order, and next finds a key's successor",
                 "[ets]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term o = ets::new_table(self, a("o"), opts({a("ordered_set")}));
    ets::insert(self, o, Term::list({t({i(3)}), t({i(1)}), t({Term::from_double(2.0)}), t({a("a")}),
                                     t({Term::charlist("s")}), t({t({a("t")})})}));
    seen.push_back(s(ets::tab2list(self, o)));
    seen.push_back(s(ets::next(self, o, Term::from_double(1.5))));  // not a key: still its successor
    seen.push_back(s(ets::prev(self, o, i(2))));
    seen.push_back(s(ets::prev(self, o, i(1))));
    seen.push_back(s(ets::next(self, o, a("zzz"))));
    seen.push_back(s(ets::member(self, o, i(2))));
    seen.push_back(s(ets::lookup(self, o, i(2))));
    Term h = ets::new_table(self, a("h"), opts({a("set")}));
    ets::insert(self, h, t({a("only")}));
    seen.push_back(s(ets::first(self, h)) + " " + s(ets::last(self, h)) + " " + s(ets::next(self, h, a("only"))));
  });
  CHECK(seen == std::vector<std::string>{"[{1}, {2.0}, {3}, {:a}, {{:t}}, {'s'}]", "2.0", "1",
                                         ":\"$end_of_table\"", "{:t}", "true", "[{2.0}]",
                                         ":only :only :\"$end_of_table\""});
}

TEST_CASE_METHOD(NodeFixture, "a hundred thousand inserts and lookups find every object and leave nothing behind",
                 "[ets]") {
  bool all_found = true;
  std::size_t size = 0;
  run([&](Process& self) {
    Term tab = ets::new_table(self, a("big"), opts({a("set"), a("public")}));
    for (int64_t k = 1; k <= 100000; ++k) ets::insert(self, tab, t({i(k), i(k)}));
    for (int64_t k = 1; k <= 100000 && all_found; ++k) {
      Term r = ets::lookup(self, tab, i(k));
      all_found = r.is_cons() && r.head()[1] == i(k);
    }
    size = static_cast<std::size_t>(ets::info(self, tab, a("size")).small());
  });
  CHECK(all_found);
  CHECK(size == 100000);
}

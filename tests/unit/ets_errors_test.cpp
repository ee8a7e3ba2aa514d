// ETS misuse: every failure is error(:badarg) carrying the per-argument
// texts OTP 25's erl_stdlib_errors gives for the same call (each expected
// map below was printed by real Erlang), and the caller survives to catch it.
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "node_fixture.hpp"
#include "runtime/crash.hpp"
#include "services/ets.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;

namespace {

Term l(std::initializer_list<Term> xs) { return Term::list(xs); }

std::string texts_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const ErlangError& e) {
    InspectOptions one_line;
    one_line.width = 100000;
    return (e.reason.is_atom(atom::badarg) ? "" : inspect(e.reason) + " ") + inspect(e.arguments_info, one_line);
  }
  return "no error";
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "ETS badargs carry OTP 25's texts for each wrong argument", "[ets][errors]") {
  std::vector<std::pair<std::string, std::string>> seen;  // {got, expected}
  run([&](Process& self) {
    Term tab = ets::new_table(self, a("t"), l({a("set"), a("public")}));
    ets::insert(self, tab, t({a("a"), i(1), a("x")}));
    Term bag = ets::new_table(self, a("b"), l({a("bag")}));
    Term ord = ets::new_table(self, a("o"), l({a("ordered_set")}));
    ets::new_table(self, a("named"), l({a("named_table")}));
    Term not_a_table(node.make_ref());
    auto expect = [&](std::function<void()> f, const char* want) { seen.emplace_back(texts_of(f), want); };
    const char* no_table = "the table identifier does not refer to an existing ETS table";
    std::string missing = std::string("%{1 => \"") + no_table + "\"}";

    expect([&] { ets::lookup(self, a("nosuch"), a("k")); }, missing.c_str());
    expect([&] { ets::insert(self, tab, t({})); }, "%{2 => \"is an empty tuple\"}");
    expect([&] { ets::insert(self, tab, i(1)); }, "%{2 => \"not a tuple\"}");
    expect([&] { ets::insert(self, tab, l({i(1)})); }, "%{2 => \"not a non-empty tuple or a list of non-empty tuples\"}");
    expect([&] { ets::insert(self, tab, Term::cons(t({a("a")}), a("b"))); },
           "%{2 => \"not a non-empty tuple or a list of non-empty tuples\"}");
    expect([&] { ets::insert(self, a("nosuch"), i(1)); },
           (std::string("%{1 => \"") + no_table + "\", 2 => \"not a tuple\"}").c_str());
    expect([&] { ets::insert_new(self, tab, i(1)); }, "%{2 => \"not a tuple\"}");
    expect([&] { ets::insert(self, ord, t({})); }, "%{2 => \"is an empty tuple\"}");
    expect([&] { ets::new_table(self, a("t2"), l({a("foo")})); }, "%{2 => \"invalid options\"}");
    expect([&] { ets::new_table(self, a("t2"), l({t({a("keypos"), i(0)})})); }, "%{2 => \"invalid options\"}");
    expect([&] { ets::new_table(self, a("t2"), a("foo")); }, "%{2 => \"not a list\"}");
    expect([&] { ets::new_table(self, i(1), Term::empty_list()); }, "%{1 => \"not an atom\"}");
    expect([&] { ets::new_table(self, a("named"), l({a("named_table")})); }, "%{1 => \"table name already exists\"}");
    expect([&] { ets::update_counter(self, tab, a("a"), t({i(3), i(1)})); },
           "%{3 => \"the value in the given position, in the object, is not an integer\"}");
    expect([&] { ets::update_counter(self, tab, a("zz"), i(1)); }, "%{2 => \"not a key that exists in the table\"}");
    expect([&] { ets::update_counter(self, tab, a("zz"), a("foo")); },
           "%{2 => \"not a key that exists in the table\", 3 => \"not a valid update operation\"}");
    expect([&] { ets::update_counter(self, tab, a("a"), t({i(1), i(1)})); },
           "%{3 => \"the position is the same as the key position\"}");
    expect([&] { ets::update_counter(self, tab, a("a"), t({i(9), i(1)})); },
           "%{3 => \"the position in the update operation is out of range\"}");
    expect([&] { ets::update_counter(self, tab, a("a"), a("foo")); }, "%{3 => \"not a valid update operation\"}");
    expect([&] { ets::update_counter(self, bag, a("a"), i(1)); },
           "%{1 => \"the table identifier refers to an ETS table of a type not supported by this operation\"}");
    expect([&] { ets::update_counter(self, tab, a("zz"), i(1), t({a("zz")})); },
           "%{3 => \"the position in the update operation is out of range\"}");
    expect([&] { ets::update_counter(self, tab, a("zz"), i(1), a("foo")); }, "%{4 => \"not a tuple\"}");
    expect([&] { ets::update_element(self, tab, a("a"), t({i(1), a("x")})); },
           "%{3 => \"the position is the same as the key position\"}");
    expect([&] { ets::update_element(self, tab, a("a"), t({i(9), a("x")})); }, "%{3 => \"out of range\"}");
    expect([&] { ets::update_element(self, bag, a("a"), t({i(2), a("x")})); }, "%{3 => \"out of range\"}");
    expect([&] { ets::update_element(self, tab, a("a"), a("foo")); },
           "%{3 => \"is not a valid element specification\"}");
    expect([&] { ets::lookup_element(self, tab, a("zz"), i(2)); }, "%{2 => \"not a key that exists in the table\"}");
    expect([&] { ets::lookup_element(self, tab, a("a"), i(9)); },
           "%{3 => \"position is greater than the size of the object\"}");
    expect([&] { ets::lookup_element(self, tab, a("a"), i(0)); }, "%{3 => \"out of range\"}");
    expect([&] { ets::select(self, tab, a("foo")); }, "%{2 => \"not a valid match specification\"}");
    expect([&] { ets::select_count(self, tab, a("foo")); }, "%{2 => \"not a valid match specification\"}");
    expect([&] { ets::select_delete(self, tab, a("foo")); }, "%{2 => \"not a valid match specification\"}");
    expect([&] { ets::next(self, tab, a("nokey")); }, "%{2 => \"not a key that exists in the table\"}");
    expect([&] { ets::prev(self, tab, a("nokey")); }, "%{2 => \"not a key that exists in the table\"}");
    expect([&] { ets::info(self, tab, a("foo")); }, "%{2 => \"not a valid info item\"}");
    expect([&] { ets::info(self, Term::from_double(1.0), a("size")); },
           "%{1 => \"not an atom or a table identifier\"}");
    expect([&] { ets::lookup(self, not_a_table, a("k")); }, "%{1 => \"not a valid table identifier\"}");
    expect([&] { ets::info(self, not_a_table); }, "%{1 => \"not a valid table identifier\"}");
    expect([&] { ets::rename(self, tab, i(1)); }, "%{2 => \"invalid table name (must be an atom)\"}");
    expect([&] { ets::rename(self, a("named"), a("named")); }, "%{2 => \"table name already exists\"}");
    expect([&] { ets::delete_object(self, tab, i(1)); }, "%{2 => \"not a tuple\"}");
    expect([&] { ets::delete_object(self, tab, t({})); }, "%{2 => \"is an empty tuple\"}");
    expect([&] { ets::whereis(self, i(1)); }, "%{1 => \"invalid table name (must be an atom)\"}");
    expect([&] { ets::take(self, a("nosuch"), i(1)); }, missing.c_str());
    expect([&] { ets::tab2list(self, a("nosuch")); }, missing.c_str());
    expect([&] { ets::first(self, a("nosuch")); }, missing.c_str());
    expect([&] { ets::delete_(self, a("nosuch")); }, missing.c_str());
    expect([&] { ets::delete_(self, tab, a("a")); ets::delete_(self, tab); ets::delete_(self, tab); }, missing.c_str());
  });
  for (const auto& [got, want] : seen) CHECK(got == want);
  CHECK(seen.size() == 48);
}

TEST_CASE("an ETS badarg prints as Elixir prints it, one line per argument", "[ets][errors]") {
  Term info = Term::map({{i(1), Term::binary("the table identifier does not refer to an existing ETS table")},
                         {i(3), Term::binary("not a valid update operation")}});
  CHECK(error_headline(Term(atom::badarg), info) ==
        "** (ArgumentError) errors were found at the given arguments:\n\n"
        "  * 1st argument: the table identifier does not refer to an existing ETS table\n"
        "  * 3rd argument: not a valid update operation\n");
  CHECK(error_headline(Term(atom::badarg), Term()) == "** (ArgumentError) argument error");
  CHECK(error_headline(Term(atom::badarg), Term::map({})) == "** (ArgumentError) argument error");
}

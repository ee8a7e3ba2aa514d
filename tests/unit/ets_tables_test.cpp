// ETS tables: the transcript t7_ets_ordered_bag, creating, naming, renaming
// and deleting tables, and info (ets_objects_test.cpp: object operations).
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

TEST_CASE_METHOD(NodeFixture, "ordered_set, bag and duplicate_bag tables behave as in t7_ets_ordered_bag",
                 "[ets]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    seen.push_back(s(ets::new_table(self, a("o"), opts({a("ordered_set"), a("named_table")}))));
    seen.push_back(s(ets::insert(self, a("o"), Term::list({t({i(3), a("c")}), t({i(1), a("a")}), t({i(2), a("b")})}))));
    seen.push_back(s(ets::tab2list(self, a("o"))));
    seen.push_back(s(ets::first(self, a("o"))));
    seen.push_back(s(ets::next(self, a("o"), i(1))));
    seen.push_back(s(ets::last(self, a("o"))));
    seen.push_back(s(ets::next(self, a("o"), i(3))));
    seen.push_back(s(ets::insert(self, a("o"), t({Term::from_double(1.0), a("float_key")}))));
    seen.push_back(s(ets::lookup(self, a("o"), i(1))));
    seen.push_back(s(ets::new_table(self, a("b"), opts({a("bag"), a("named_table")}))));
    seen.push_back(s(ets::insert(self, a("b"), Term::list({t({a("k"), i(1)}), t({a("k"), i(2)}), t({a("k"), i(1)})}))));
    seen.push_back(s(ets::lookup(self, a("b"), a("k"))));
    seen.push_back(s(ets::new_table(self, a("d"), opts({a("duplicate_bag"), a("named_table")}))));
    seen.push_back(s(ets::insert(self, a("d"), Term::list({t({a("k"), i(1)}), t({a("k"), i(2)}), t({a("k"), i(1)})}))));
    seen.push_back(s(ets::lookup(self, a("d"), a("k"))));
  });
  CHECK(seen == std::vector<std::string>{":o", "true", "[{1, :a}, {2, :b}, {3, :c}]", "1", "2", "3",
                                         ":\"$end_of_table\"", "true", "[{1.0, :float_key}]", ":b", "true",
                                         "[k: 1, k: 2]", ":d", "true", "[k: 1, k: 2, k: 1]"});
}

TEST_CASE_METHOD(NodeFixture, "an unnamed table is known by a reference and a named one by its name too",
                 "[ets]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term tid = ets::new_table(self, a("t"), Term::empty_list());
    seen.push_back(tid.is_ref() ? "ref" : s(tid));
    ets::insert(self, tid, t({a("a"), i(1)}));
    seen.push_back(s(ets::lookup(self, tid, a("a"))));
    seen.push_back(s(ets::info(self, a("t"))));  // the name of an unnamed table is not an identifier
    Term named = ets::new_table(self, a("n"), opts({a("named_table")}));
    Term id = ets::info(self, named, a("id"));
    ets::insert(self, id, t({a("via_id")}));
    seen.push_back(s(ets::lookup(self, a("n"), a("via_id"))));
    seen.push_back(ets::whereis(self, a("n")) == id ? "whereis: id" : "whereis: ?");
    seen.push_back(s(ets::whereis(self, a("nope"))));
    seen.push_back(ets::all(node) == Term::list({tid, a("n")}) ? "all: both" : s(ets::all(node)));
    seen.push_back(s(ets::rename(self, a("n"), a("n2"))));
    seen.push_back(s(ets::info(self, a("n"), a("size"))));
    seen.push_back(s(ets::info(self, a("n2"), a("size"))));
    seen.push_back(ets::rename(self, tid, a("n2")) == tid ? "renamed unnamed: tid" : "?");
    seen.push_back(s(ets::info(self, tid, a("name"))));
    seen.push_back(s(ets::delete_(self, tid)));
    seen.push_back(s(ets::info(self, tid)));
    seen.push_back(s(ets::info(self, tid, a("owner"))));
  });
  CHECK(seen == std::vector<std::string>{"ref", "[a: 1]", ":undefined", "[{:via_id}]", "whereis: id", ":undefined",
                                         "all: both", ":n2", ":undefined", "1", "renamed unnamed: tid", ":n2",
                                         "true", ":undefined", ":undefined"});
}

TEST_CASE_METHOD(NodeFixture, "info lists a table's settings in OTP 25's order", "[ets]") {
  std::string listed, memory;
  Pid me = run([&](Process& self) {
    Term tab = ets::new_table(self, a("cfg"), opts({a("named_table"), a("ordered_set"), t({a("keypos"), i(2)}),
                                                   a("private"), t({a("heir"), a("none")}),
                                                   t({a("write_concurrency"), a("auto")}), a("compressed")}));
    ets::insert(self, tab, t({a("x"), i(1)}));
    Term info = ets::info(self, tab);
    listed = s(Term::list(std::span<const Term>(list_to_vector(info)).subspan(1)));  // without the id
    memory = s(ets::info(self, tab, a("memory")));
    self.receive();
  });
  CHECK(listed == "[decentralized_counters: false, read_concurrency: false, write_concurrency: :auto, "
                  "compressed: true, memory: 147, owner: " + s(Term(me)) + ", heir: :none, name: :cfg, size: 1, "
                  "node: :nonode@nohost, named_table: true, type: :ordered_set, keypos: 2, protection: :private]");
  CHECK(memory == "147");
  node.send(me, a("stop"));
}

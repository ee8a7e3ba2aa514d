// ETS ownership and access: protection checked against the calling
// process, tables dying with their owner (or going to their heir, with
// ETS-TRANSFER before the owner's :DOWN), give_away, setopts, and tables
// going with their node (../shared/conformance/t7_ets_access_heir.out and
// t7_ets_owner_dies.out).
#include <string>
#include <vector>

#include "node_fixture.hpp"
#include "services/ets.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;

namespace {

std::string s(const Term& t) { return inspect(t); }
Term l(std::initializer_list<Term> xs) { return Term::list(xs); }

// The texts of the badarg `f` raises, or "no error".
template <class F>
std::string badarg_of(F&& f) {
  try {
    f();
  } catch (const ErlangError& e) {
    const Term* text = e.arguments_info.is_map() ? e.arguments_info.map_get(i(1)) : nullptr;
    if (!text) text = e.arguments_info.is_map() ? e.arguments_info.map_get(i(2)) : nullptr;
    return s(e.reason) + ": " + (text ? std::string(text->bytes()) : "-");
  }
  return "no error";
}

// A process that runs `setup` and then waits for :stop.
Pid keeper(Process& self, std::function<void(Process&)> setup) {
  return self.spawn([setup](Process& p) {
    setup(p);
    p.receive([](const Term& m) { return m == a("stop"); }, Timeout::infinity());
  }).pid;
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "protected tables are read by all but written by their owner, private ones are the owner's",
                 "[ets][access]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Pid p1 = keeper(self, [](Process& p) {
      ets::new_table(p, a("prot"), l({a("named_table"), a("protected")}));
      ets::insert(p, a("prot"), t({a("k"), a("v")}));
    });
    Pid p2 = keeper(self, [](Process& p) { ets::new_table(p, a("priv"), l({a("named_table"), a("private")})); });
    self.yield();
    seen.push_back(s(ets::lookup(self, a("prot"), a("k"))));
    seen.push_back(badarg_of([&] { ets::insert(self, a("prot"), t({a("k"), a("changed")})); }));
    seen.push_back(s(ets::info(self, a("priv"), a("protection"))));
    seen.push_back(badarg_of([&] { ets::lookup(self, a("priv"), a("k")); }));
    seen.push_back(badarg_of([&] { ets::delete_(self, a("prot")); }));
    seen.push_back(badarg_of([&] { ets::rename(self, a("priv"), a("x")); }));
    seen.push_back(s(ets::info(self, a("priv"), a("size"))));
    self.send(p1, a("stop"));
    self.send(p2, a("stop"));
  });
  CHECK(seen == std::vector<std::string>{
                    "[k: :v]",
                    ":badarg: the table identifier refers to an ETS table with insufficient access rights",
                    ":private",
                    ":badarg: the table identifier refers to an ETS table with insufficient access rights",
                    ":badarg: the table identifier refers to an ETS table with insufficient access rights",
                    ":badarg: the table identifier refers to an ETS table with insufficient access rights", "0"});
}

TEST_CASE_METHOD(NodeFixture, "a table dies with its owner, and is gone when the owner's monitor fires",
                 "[ets][owner]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Pid owner = keeper(self, [](Process& p) { ets::new_table(p, a("owned"), l({a("named_table"), a("public")})); });
    self.yield();
    seen.push_back(ets::info(self, a("owned"), a("owner")) == Term(owner) ? "owner: pid" : "owner: ?");
    seen.push_back(s(ets::insert(self, a("owned"), t({a("x"), i(1)}))));
    seen.push_back(s(ets::lookup(self, a("owned"), a("x"))));
    self.monitor(Term(owner));
    self.send(owner, a("stop"));
    self.receive(tagged(Term(atom::DOWN)), Timeout::infinity());
    seen.push_back(s(ets::info(self, a("owned"))));
    seen.push_back(badarg_of([&] { ets::lookup(self, a("owned"), a("x")); }));
    seen.push_back(s(ets::all(node)));
  });
  CHECK(seen == std::vector<std::string>{
                    "owner: pid", "true", "[x: 1]", ":undefined",
                    ":badarg: the table identifier does not refer to an existing ETS table", "[]"});
}

TEST_CASE_METHOD(NodeFixture, "a table whose owner is killed goes to its heir with ETS-TRANSFER before the DOWN",
                 "[ets][owner]") {
  std::vector<std::string> seen;
  Pid child{};
  run([&](Process& self) {
    Term parent(self.self());
    child = keeper(self, [parent](Process& p) {
      ets::new_table(p, a("inh"), l({a("named_table"), a("public"), t({a("heir"), parent, a("my_gift")})}));
      ets::insert(p, a("inh"), t({a("kept"), a("true")}));
    });
    self.yield();
    self.monitor(Term(child));
    self.exit(Term(child), a("kill"));
    Term first = self.receive();
    Term second = self.receive();
    seen.push_back(s(first));
    seen.push_back(s(second[0]));
    seen.push_back(ets::info(self, a("inh"), a("owner")) == parent ? "owner: parent" : "owner: ?");
    seen.push_back(ets::info(self, a("inh"), a("heir")) == parent ? "heir: parent" : "heir: ?");
    seen.push_back(s(ets::lookup(self, a("inh"), a("kept"))));
  });
  CHECK(seen == std::vector<std::string>{"{:\"ETS-TRANSFER\", :inh, " + s(Term(child)) + ", :my_gift}", ":DOWN",
                                         "owner: parent", "heir: parent", "[kept: true]"});
}

TEST_CASE_METHOD(NodeFixture, "a dead heir, or the owner as its own heir, does not keep a table alive",
                 "[ets][owner]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Pid gone = self.spawn([](Process&) {}).pid;
    self.yield();
    Pid a1 = keeper(self, [gone](Process& p) {
      ets::new_table(p, a("h1"), l({a("named_table"), t({a("heir"), Term(gone), i(1)})}));
    });
    Pid a2 = keeper(self, [](Process& p) {
      ets::new_table(p, a("h2"), l({a("named_table"), t({a("heir"), Term(p.self()), i(2)})}));
    });
    self.yield();
    seen.push_back(s(ets::all(node)));
    self.send(a1, a("stop"));
    self.send(a2, a("stop"));
    self.yield();
    seen.push_back(s(ets::all(node)));
    seen.push_back(self.receive([](const Term&) { return true; }, Timeout{0}) ? "a message" : "no message");
  });
  CHECK(seen == std::vector<std::string>{"[:h1, :h2]", "[]", "no message"});
}

TEST_CASE_METHOD(NodeFixture, "give_away hands a table over and only its owner may give it", "[ets][owner]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term tab = ets::new_table(self, a("g"), l({a("public")}));
    Pid other = keeper(self, [](Process&) {});
    Pid dead = self.spawn([](Process&) {}).pid;
    self.yield();
    seen.push_back(badarg_of([&] { ets::give_away(self, tab, Term(self.self()), i(0)); }));
    seen.push_back(badarg_of([&] { ets::give_away(self, tab, Term(dead), i(0)); }));
    seen.push_back(badarg_of([&] { ets::give_away(self, tab, a("nobody"), i(0)); }));
    seen.push_back(s(ets::give_away(self, tab, Term(other), a("gift"))));
    seen.push_back(ets::info(self, tab, a("owner")) == Term(other) ? "owner: other" : "owner: ?");
    seen.push_back(badarg_of([&] { ets::give_away(self, tab, Term(self.self()), i(0)); }));
    seen.push_back(badarg_of([&] { ets::setopts(self, tab, t({a("heir"), a("none")})); }));
    self.send(other, a("stop"));
    self.yield();
    seen.push_back(s(ets::info(self, tab)));
  });
  CHECK(seen == std::vector<std::string>{":badarg: the process is already the owner of the table",
                                         ":badarg: the pid refers to a terminated process", ":badarg: not a pid",
                                         "true", "owner: other", ":badarg: the current process is not the owner",
                                         ":badarg: invalid options", ":undefined"});
}

TEST_CASE_METHOD(NodeFixture, "the owner's setopts changes heir and protection", "[ets][owner]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term tab = ets::new_table(self, a("o"), l({t({a("heir"), Term(self.self()), a("x")})}));
    seen.push_back(s(ets::setopts(self, tab, l({t({a("heir"), a("none")}), t({a("protection"), a("public")})}))));
    seen.push_back(s(ets::info(self, tab, a("heir"))) + " " + s(ets::info(self, tab, a("protection"))));
    seen.push_back(badarg_of([&] { ets::setopts(self, tab, l({t({a("heir"), a("none")}), t({a("heir"), a("none")})})); }));
    seen.push_back(badarg_of([&] { ets::setopts(self, tab, t({a("protection"), a("open")})); }));
  });
  CHECK(seen == std::vector<std::string>{"true", ":none :public", ":badarg: invalid options",
                                         ":badarg: invalid options"});
}

TEST_CASE_METHOD(NodeFixture, "a process that crashes on an ETS badarg logs Elixir's ArgumentError text",
                 "[ets][errors]") {
  Term reason;
  run([&](Process& self) {
    Pid p = self.spawn([](Process& c) { ets::lookup(c, a("nosuch"), a("k")); }).pid;
    self.monitor(Term(p));
    reason = (*self.receive(tagged(Term(atom::DOWN)), Timeout::infinity()))[4];
  });
  CHECK(s(reason) == "{:badarg, []}");
  CHECK(count(logs, "raised an exception\n** (ArgumentError) errors were found at the given arguments:\n\n"
                    "  * 1st argument: the table identifier does not refer to an existing ETS table\n") == 1);
}

TEST_CASE_METHOD(NodeFixture, "a node's tables go with it, heirs and all", "[ets][owner]") {
  std::ptrdiff_t tables = 0;
  run([&](Process& self) {
    Pid heir = keeper(self, [](Process&) {});
    keeper(self, [heir](Process& p) {
      Term tab = ets::new_table(p, a("kept"), l({a("named_table"), t({a("heir"), Term(heir), a("g")})}));
      ets::insert(p, tab, t({Term::binary("a binary key"), l({i(1), Term::from_double(2.5)})}));
      ets::new_table(p, a("plain"), l({a("bag")}));
    });
  });
  tables = list_length(ets::all(node));
  CHECK(tables == 2);
  // The fixture checks at teardown that no term outlives the node.
}

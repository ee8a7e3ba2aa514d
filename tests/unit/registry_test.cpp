#include <string>
#include <vector>

#include "behaviours/agent.hpp"
#include "behaviours/gen_server.hpp"
#include "node_fixture.hpp"
#include "runtime/exit.hpp"
#include "services/registry.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

using namespace otp;
using namespace otp::test;
namespace reg = otp::registry;

namespace {

Term opts(const char* keys, const char* name) {
  return Term::list({t({a("keys"), a(keys)}), t({a("name"), a(name)})});
}

// The message of the ArgumentError `body` raises, or "" if none.
template <class F>
std::string argument_error(F&& body) {
  try {
    body();
  } catch (const ErlangError& e) {
    const Term* m = e.reason.is_map() ? e.reason.map_get(Term(atom::message)) : nullptr;
    return m ? std::string(m->bytes()) : inspect(e.reason);
  }
  return "";
}

Term links_of(Node& node, Pid p) { return node.process_info(Term(p), Term(atom::links))[1]; }

}  // namespace

TEST_CASE_METHOD(NodeFixture, "a unique registry registers, looks up and forgets keys, as in t8_registry_unique",
                 "[registry]") {
  std::vector<std::string> seen;
  Term r = a("Elixir.R");
  Pid bob{};
  Pid me = node.spawn([&](Process& self) {
    Term started = reg::start_link(self, opts("unique", "Elixir.R"));
    std::string rp = inspect(started[1]);
    seen.push_back(inspect(started[0]));
    seen.push_back(inspect(reg::register_(self, r, Term::binary("alice"), a("meta"))) == "{:ok, " + rp + "}" ? "ok" : "?");
    seen.push_back(inspect(reg::lookup(node, r, Term::binary("alice"))));
    seen.push_back(inspect(reg::register_(self, r, Term::binary("alice"), a("again"))));
    seen.push_back(inspect(reg::keys(node, r, Term(self.self()))));
    seen.push_back(inspect(reg::count(node, r)));
    seen.push_back(inspect(reg::unregister(self, r, Term::binary("alice"))));
    seen.push_back(inspect(reg::lookup(node, r, Term::binary("alice"))));
    bob = self.spawn([&](Process& b) {
      reg::register_(b, r, Term::binary("bob"), i(1));
      b.receive(tagged(a("stop")), Timeout::infinity());
    }).pid;
    self.sleep(50);
    seen.push_back(inspect(reg::lookup(node, r, Term::binary("bob"))) == "[{" + inspect(Term(bob)) + ", 1}]" ? "true" : "false");
    self.send(bob, t({a("stop")}));
    self.sleep(50);
    seen.push_back(inspect(reg::lookup(node, r, Term::binary("bob"))));
    seen.push_back(inspect(reg::count(node, r)));
    self.receive(tagged(a("done")), Timeout::infinity());
  });
  node.run_until_idle();
  node.advance(50);
  node.advance(50);
  std::string self_pid = inspect(Term(me));
  CHECK(seen == std::vector<std::string>{":ok", "ok", "[{" + self_pid + ", :meta}]",
                                         "{:error, {:already_registered, " + self_pid + "}}", "[\"alice\"]", "1",
                                         ":ok", "[]", "true", "[]", "0"});
  node.send(me, t({a("done")}));
  node.run_until_idle();
  CHECK(node.process_count() == 0);
}

TEST_CASE_METHOD(NodeFixture, "a dead registrant's entries vanish from lookup at once and from the table soon",
                 "[registry][cleanup]") {
  std::string before, just_after, count_after, holder_after;
  run([&](Process& self) {
    Term r = a("Elixir.Names");
    reg::start_link(self, opts("unique", "Elixir.Names"));
    Pid owner = node.whereis(r).value();
    Spawned w = self.spawn([&](Process& p) {
      reg::register_(p, r, a("k"), i(1));
      p.receive(tagged(a("go")), Timeout::infinity());
    });
    self.yield();
    before = inspect(reg::lookup(node, r, a("k")));
    CHECK(list_length(links_of(node, owner)) == 2);  // the starter and the registrant
    self.exit(Term(w.pid), a("kill"));
    just_after = inspect(reg::lookup(node, r, a("k")));  // the owner has not seen the EXIT yet
    holder_after = inspect(reg::register_(self, r, a("k"), i(2)));  // a dead holder's key is free
    self.yield();
    count_after = inspect(reg::count(node, r));
  });
  CHECK(before.rfind("[{#PID<", 0) == 0);
  CHECK(just_after == "[]");
  CHECK(holder_after.rfind("{:ok, #PID<", 0) == 0);
  CHECK(count_after == "1");
}

TEST_CASE_METHOD(NodeFixture, "a duplicate registry keeps every entry in order and matches values",
                 "[registry]") {
  std::vector<std::string> seen;
  std::vector<std::string> dispatched;
  run([&](Process& self) {
    Term d = a("Elixir.D");
    reg::start_link(self, opts("duplicate", "Elixir.D"));
    std::string me = inspect(Term(self.self()));
    reg::register_(self, d, a("t"), t({i(1), i(2)}));
    reg::register_(self, d, a("t"), t({i(1), i(3)}));
    reg::register_(self, d, a("t"), t({i(2), i(2)}));
    reg::register_(self, d, a("u"), i(3));
    seen.push_back(inspect(reg::lookup(node, d, a("t"))));
    seen.push_back(inspect(reg::keys(node, d, Term(self.self()))));
    seen.push_back(inspect(reg::count(node, d)));
    seen.push_back(inspect(reg::match(node, d, a("t"), t({a("$1"), a("$1")}))));
    seen.push_back(inspect(reg::match(node, d, a("t"), t({i(1), a("_")}))));
    seen.push_back(inspect(reg::count_match(node, d, a("t"), a("_"))));
    seen.push_back(inspect(reg::values(node, d, a("u"), Term(self.self()))));
    seen.push_back(inspect(reg::unregister_match(self, d, a("t"), t({i(1), a("_")}))));
    seen.push_back(inspect(reg::lookup(node, d, a("t"))));
    reg::dispatch(self, d, a("t"), [&](const Term& entries) { dispatched.push_back(inspect(entries)); });
    reg::dispatch(self, d, a("none"), [&](const Term& entries) { dispatched.push_back(inspect(entries)); });
    seen.push_back(argument_error([&] { reg::match(node, d, a("t"), a("_"), Term::list({a("guard")})); }));
    for (auto& s : seen) {  // pids vary: name ours
      for (std::size_t at; (at = s.find(me)) != std::string::npos;) s.replace(at, me.size(), "ME");
    }
    for (auto& s : dispatched)
      for (std::size_t at; (at = s.find(me)) != std::string::npos;) s.replace(at, me.size(), "ME");
  });
  CHECK(seen == std::vector<std::string>{"[{ME, {1, 2}}, {ME, {1, 3}}, {ME, {2, 2}}]", "[:u, :t, :t, :t]", "4",
                                         "[{ME, {2, 2}}]", "[{ME, {1, 2}}, {ME, {1, 3}}]", "3", "[3]", ":ok",
                                         "[{ME, {2, 2}}]", "match guards are not supported here"});
  CHECK(dispatched == std::vector<std::string>{"[{ME, {2, 2}}]"});
}

TEST_CASE_METHOD(NodeFixture, "unregistering the last key unlinks the registrant but not the starter",
                 "[registry]") {
  std::size_t worker_links = 99, worker_links_registered = 99, starter_links = 99;
  run([&](Process& self) {
    Term r = a("Elixir.U");
    reg::start_link(self, opts("unique", "Elixir.U"));
    reg::register_(self, r, a("mine"), i(0));
    reg::unregister(self, r, a("mine"));
    starter_links = static_cast<std::size_t>(list_length(links_of(node, self.self())));
    self.spawn([&](Process& w) {
      reg::register_(w, r, a("a"), i(1));
      reg::register_(w, r, a("b"), i(2));
      reg::unregister(w, r, a("a"));
      worker_links_registered = static_cast<std::size_t>(list_length(links_of(node, w.self())));
      reg::unregister(w, r, a("b"));
      worker_links = static_cast<std::size_t>(list_length(links_of(node, w.self())));
    });
    self.yield();
  });
  CHECK(starter_links == 1);
  CHECK(worker_links_registered == 1);
  CHECK(worker_links == 0);
}

TEST_CASE_METHOD(NodeFixture, "a GenServer named {:via, Registry, {reg, key}} is started and called by that name",
                 "[registry][via]") {
  std::string got, again, missing, dup, value;
  run([&](Process& self) {
    reg::start_link(self, opts("unique", "reg"));
    reg::start_link(self, opts("duplicate", "dups"));
    Term via = t({Term(atom::via), a("Elixir.Registry"), t({a("reg"), a("k")})});
    Term started = agent::start(self, [] { return i(7); }, via);
    got = inspect(gen::call(self, via, t({a("get"), make_fun(Atom::intern("erl_eval"), "expr/6", 1,
                                                               [](std::span<const Term> s) { return s[0]; })})));
    Term second = agent::start(self, [] { return i(8); }, via);
    again = inspect(second) == "{:error, {:already_started, " + inspect(started[1]) + "}}" ? "already" : inspect(second);
    missing = exit_of([&] { gen::call(self, t({Term(atom::via), a("Elixir.Registry"), t({a("reg"), a("zz")})}), a("x")); });
    Term with_value = t({Term(atom::via), a("Elixir.Registry"), t({a("reg"), a("v"), a("val")})});
    Term third = agent::start(self, [] { return i(9); }, with_value);
    value = inspect(reg::lookup(node, a("reg"), a("v"))) == "[{" + inspect(third[1]) + ", :val}]" ? "ok" : "?";
    dup = inspect(agent::start(self, [] { return i(1); }, t({Term(atom::via), a("Elixir.Registry"), t({a("dups"), a("k")})})));
    agent::stop(self, via);
    agent::stop(self, third[1]);
  });
  CHECK(got == "7");
  CHECK(again == "already");
  CHECK(missing == "{:noproc, {GenServer, :call, [{:via, Registry, {:reg, :zz}}, :x, 5000]}}");
  CHECK(value == "ok");
  CHECK(dup.find(":via is not supported for duplicate registries") != std::string::npos);
}

TEST_CASE_METHOD(NodeFixture, "bad options, unknown and stopped registries raise ArgumentError as Elixir's",
                 "[registry]") {
  std::vector<std::string> seen;
  std::string twice, exit_msg;
  run([&](Process& self) {
    self.trap_exit(true);
    seen.push_back(argument_error([&] { reg::start_link(self, opts("bad", "X")); }));
    seen.push_back(argument_error([&] { reg::start_link(self, Term::list({t({a("keys"), a("unique")})})); }));
    seen.push_back(argument_error([&] {
      reg::start_link(self, Term::list({t({a("keys"), a("unique")}), t({a("name"), Term::binary("x")})}));
    }));
    seen.push_back(argument_error([&] { reg::lookup(node, a("Elixir.NoReg"), a("k")); }));
    Term first = reg::start_link(self, opts("unique", "Elixir.R"));
    Term second = reg::start_link(self, opts("unique", "Elixir.R"));
    twice = inspect(second) == "{:error, {:already_started, " + inspect(first[1]) + "}}" ? "already" : inspect(second);
    reg::register_(self, a("Elixir.R"), a("k"), i(1));
    gen_server::stop(self, a("Elixir.R"), a("shutdown"));
    Term from_registry = first[1];
    exit_msg = inspect(*self.receive(
        [&](const Term& m) { return m.is_tuple() && m.tuple_size() == 3 && m[1] == from_registry; }, Timeout{0}));
    seen.push_back(argument_error([&] { reg::lookup(node, a("Elixir.R"), a("k")); }));
    seen.push_back(argument_error([&] { reg::register_(self, a("Elixir.R"), a("k"), i(1)); }));
  });
  CHECK(seen == std::vector<std::string>{
                    "expected :keys to be given and be one of :unique or :duplicate, got: :bad",
                    "expected :name option to be present", "expected :name to be an atom, got: \"x\"",
                    "unknown registry: NoReg", "unknown registry: R", "unknown registry: R"});
  CHECK(twice == "already");
  CHECK(exit_msg.rfind("{:EXIT, #PID<", 0) == 0);
  CHECK(exit_msg.find(", :shutdown}") != std::string::npos);
}

TEST_CASE_METHOD(NodeFixture, "a killed registry takes its registrants down and a new one takes its name",
                 "[registry][cleanup]") {
  Pid worker{};
  std::string fresh;
  Pid starter = node.spawn([&](Process& self) {
    self.trap_exit(true);
    reg::start_link(self, opts("unique", "Elixir.K"));
    worker = self.spawn([&](Process& w) {
      reg::register_(w, a("Elixir.K"), a("k"), i(1));
      w.receive(tagged(a("never")), Timeout::infinity());
    }).pid;
    self.receive(tagged(a("restart")), Timeout::infinity());
    self.receive(tagged(Term(atom::EXIT)), Timeout{0});
    reg::start_link(self, opts("unique", "Elixir.K"));
    fresh = inspect(reg::lookup(node, a("Elixir.K"), a("k"))) + " " + inspect(reg::count(node, a("Elixir.K")));
    self.receive(tagged(a("never")), Timeout::infinity());
  });
  node.run_until_idle();
  node.exit(Term(node.whereis(a("Elixir.K")).value()), a("kill"));
  node.run_until_idle();
  CHECK_FALSE(node.alive(worker));
  node.send(starter, t({a("restart")}));
  node.run_until_idle();
  CHECK(fresh == "[] 0");
}

TEST_CASE_METHOD(NodeFixture, "meta values are set at start and with put_meta", "[registry]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    Term options = Term::list({t({a("keys"), a("unique")}), t({a("name"), a("m")}),
                               t({a("meta"), Term::list({t({a("custom"), i(1)})})})});
    reg::start_link(self, options);
    seen.push_back(inspect(reg::meta(node, a("m"), a("custom"))));
    seen.push_back(inspect(reg::meta(node, a("m"), a("foo"))));
    seen.push_back(inspect(reg::put_meta(node, a("m"), a("foo"), a("bar"))));
    seen.push_back(inspect(reg::meta(node, a("m"), a("foo"))));
  });
  CHECK(seen == std::vector<std::string>{"{:ok, 1}", ":error", ":ok", "{:ok, :bar}"});
}

// Shared by the observer tests (observer_*_test.cpp): a node running a
// small application whose tree the observer should show,
//
//   :demo  Demo.Sup (one_for_one, 3 restarts in 5 s)
//          ├── :store   Demo.Store, a GenServer holding %{count: n}
//          ├── :a       a worker that waits
//          └── :inner   a supervisor (one_for_one, 1 restart in 5 s)
//                       └── :b   a worker that waits
//
// and helpers to read the observer's JSON.
#pragma once
#include <nlohmann/json.hpp>

#include <string>

#include "behaviours/application.hpp"
#include "behaviours/gen_server.hpp"
#include "behaviours/supervisor.hpp"
#include "node_fixture.hpp"
#include "services/observer.hpp"
#include "term/arith.hpp"

namespace otp::test {

using json = nlohmann::ordered_json;

// Demo.Store: state %{count: n}; :inc adds one; :block waits in the
// callback for a :release message (a busy server).
class DemoStore : public GenServer {
 public:
  Term module_name() const override { return a("Elixir.Demo.Store"); }
  Term init(const Term& n) const override { return gen_server::ok(Term::map({{a("count"), n}})); }
  Term handle_call(const Term& req, const Term& from, const Term& state) const override {
    if (req == a("inc")) {
      Term s = Term::map({{a("count"), add(*state.map_get(a("count")), i(1))}});
      return gen_server::reply(a("ok"), s);
    }
    if (req == a("block")) {
      Process::current()->receive([](const Term& m) { return m == a("release"); }, Timeout::infinity());
      return gen_server::reply(a("released"), Term::map({{a("count"), i(-1)}}));
    }
    return GenServer::handle_call(req, from, state);
  }
};

inline Term waiting_worker(const char* id) {
  return supervisor::child_spec(a(id), [](Process& self) {
    SpawnOptions so;
    so.link = true;
    Pid p = self.spawn([](Process& me) { for (;;) me.receive(); }, so).pid;
    return t({a("ok"), Term(p)});
  });
}

inline Term demo_children() {
  supervisor::ChildOptions sup_type;
  sup_type.type = a("supervisor");
  Term store = supervisor::child_spec(a("store"), [](Process& self) {
    GenServerOptions o;
    o.name = a("Elixir.Demo.Store");
    return gen_server::start(self, std::make_shared<DemoStore>(), i(0), o);
  });
  Term inner = supervisor::child_spec(a("inner"), [](Process& self) {
    supervisor::Options o;
    o.max_restarts = i(1);
    return supervisor::start_link(self, Term::list({waiting_worker("b")}), o);
  }, sup_type);
  return Term::list({store, waiting_worker("a"), inner});
}

struct ObserverFixture : NodeFixture {
  ObserverFixture() {
    run([this](Process& self) {
      application::boot(self);
      AppSpec s;
      s.name = Atom::intern("demo");
      s.description = "the observer's demo";
      s.vsn = "1.2.3";
      s.start = [](Process& me, const Term&) {
        supervisor::Options o;
        o.name = a("Elixir.Demo.Sup");
        return supervisor::start_link(me, demo_children(), o);
      };
      application::load(node, std::move(s));
      REQUIRE(application::start(self, a("demo")) == a("ok"));
    });
  }

  json snapshot(observer::SnapshotOptions o = {}) { return json::parse(observer::snapshot_json(node, o)); }
  json process(const std::string& pid_or_name) { return json::parse(observer::process_json(node, pid_or_name)); }
  json action(const json& request) { return json::parse(observer::action_json(node, request.dump())); }

  // The :demo application's tree from a snapshot.
  static json demo_tree(const json& snap) {
    for (const json& app : snap["applications"])
      if (app["name"] == "demo") return app["tree"];
    return nullptr;
  }
  // The child of `tree` with this id (inspect text, e.g. ":store").
  static json child(const json& tree, const std::string& id) {
    for (const json& c : tree["children"])
      if (c["id"] == id) return c;
    return nullptr;
  }
};

}  // namespace otp::test

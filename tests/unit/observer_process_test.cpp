// The observer's process view (observer::process_json): Process.info items,
// links, monitors, and a behaviour's state read without blocking on it.
#include "observer_fixture.hpp"

using namespace otp;
using namespace otp::test;

namespace {

std::string info(const json& view, const std::string& item) {
  for (const json& kv : view["info"])
    if (kv[0] == item) return kv[1];
  return "(missing)";
}

}  // namespace

TEST_CASE_METHOD(ObserverFixture, "the process view shows a GenServer's info, links and state", "[observer]") {
  json v = process("Demo.Store");
  CHECK(v["alive"] == true);
  CHECK(v["name"] == "Demo.Store");
  CHECK(info(v, "registered_name") == "Demo.Store");
  CHECK(info(v, "initial_call") == "{Demo.Store, :init, 1}");
  CHECK(info(v, "message_queue_len") == "0");
  CHECK(info(v, "memory") != "(missing)");
  // Linked to its supervisor.
  const std::string sup = inspect(Term(*node.whereis(a("Elixir.Demo.Sup"))));
  CHECK(v["links"] == json::array({sup}));
  CHECK(v["behaviour"]["module"] == "Demo.Store");
  CHECK(v["behaviour"]["state"] == "%{count: 0}");
  CHECK(v["behaviour"]["suspended"] == false);
  CHECK(v["supervisor"].is_null());
  run([](Process& self) { gen_server::call(self, a("Elixir.Demo.Store"), a("inc")); });
  CHECK(process("Demo.Store")["behaviour"]["state"] == "%{count: 1}");
  // The same process by pid, in each spelling.
  const std::string pid = v["pid"];
  CHECK(process(pid)["name"] == "Demo.Store");
  CHECK(process(pid.substr(4))["name"] == "Demo.Store");
}

TEST_CASE_METHOD(ObserverFixture, "the process view reads a busy server's state without waiting for it",
                 "[observer]") {
  Pid caller = node.spawn([](Process& self) { gen_server::call(self, a("Elixir.Demo.Store"), a("block"), Timeout::infinity()); });
  node.run_until_idle();
  // Demo.Store is inside handle_call, waiting for :release: :sys.get_state
  // would wait too; the observer answers at once with the state so far.
  json v = process("Demo.Store");
  CHECK(v["behaviour"]["state"] == "%{count: 0}");
  CHECK(info(v, "status") == ":waiting");
  node.send(*node.whereis(a("Elixir.Demo.Store")), a("release"));
  node.run_until_idle();
  CHECK(process("Demo.Store")["behaviour"]["state"] == "%{count: -1}");
  CHECK(!node.alive(caller));
}

TEST_CASE_METHOD(ObserverFixture, "the process view of a supervisor lists its children and intensity", "[observer]") {
  json v = process("Demo.Sup");
  CHECK(v["behaviour"]["module"] == "Supervisor.Default");
  CHECK(v["behaviour"]["state"].is_null());
  json s = v["supervisor"];
  CHECK(s["strategy"] == "one_for_one");
  CHECK(s["max_restarts"] == 3);
  CHECK(s["restarts"] == 0);
  CHECK(s["children_total"] == 3);
  CHECK(s["children"][2]["id"] == ":store");
  CHECK(s["children"][2]["pid"] == process("Demo.Store")["pid"]);
  CHECK(s["children"][0]["type"] == "supervisor");
  // A supervisor monitors nothing but is linked to its master and children.
  CHECK(v["links"].size() == 4);
}

TEST_CASE_METHOD(NodeFixture, "the process view shows monitors, messages and a plain process has no state",
                 "[observer]") {
  Pid target = node.spawn([](Process& self) { self.receive([](const Term& m) { return m == a("never"); }, Timeout::infinity()); });
  Pid watcher = node.spawn([target](Process& self) {
    self.monitor(Term(target));
    self.receive([](const Term& m) { return m == a("never"); }, Timeout::infinity());
  });
  node.send(target, t({a("hello"), i(1)}));
  node.run_until_idle();
  json w = json::parse(observer::process_json(node, watcher));
  CHECK(w["monitors"] == json::array({"{:process, " + inspect(Term(target)) + "}"}));
  json v = json::parse(observer::process_json(node, target));
  CHECK(v["monitored_by"] == json::array({inspect(Term(watcher))}));
  CHECK(v["messages"] == json::array({"{:hello, 1}"}));
  CHECK(v["message_queue_len"] == 1);
  CHECK(v["behaviour"].is_null());
  CHECK(v["name"].is_null());
  node.exit(Term(target), a("kill"));
  node.run_until_idle();
  json dead = json::parse(observer::process_json(node, target));
  CHECK(dead["alive"] == false);
  CHECK(dead["pid"] == inspect(Term(target)));
  node.exit(Term(watcher), a("kill"));
}

TEST_CASE_METHOD(NodeFixture, "the process view of an unknown name or bad pid text is an error", "[observer]") {
  for (const char* bad : {"Nobody.Here", ":nobody", "#PID<0.99999.0>", "<1.2.3>", "#PID<0.x.0>", "", "foo("}) {
    json e = json::parse(observer::process_json(node, std::string_view(bad)));
    CHECK(e["ok"] == false);
    CHECK(e["error"].get<std::string>().starts_with("no such process"));
  }
}

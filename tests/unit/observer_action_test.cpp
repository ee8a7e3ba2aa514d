// The observer's actions (observer::action_json): kill a process, exit it
// with a reason written as an Elixir literal, and errors for bad requests.
#include "observer_fixture.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(ObserverFixture, "killing a worker from the observer makes its supervisor restart it",
                 "[observer]") {
  const std::string old_pid = process("Demo.Store")["pid"];
  json r = action({{"action", "kill"}, {"pid", old_pid}});
  CHECK(r == json{{"ok", true}, {"action", "kill"}, {"pid", old_pid}, {"reason", ":kill"}, {"alive", false}});
  node.run_until_idle();
  json tree = demo_tree(snapshot());
  json store = child(tree, ":store");
  CHECK(store["pid"] != old_pid);
  CHECK(store["state"] == "alive");
  CHECK(tree["supervisor"]["restarts"] == 1);
  CHECK(process("Demo.Store")["behaviour"]["state"] == "%{count: 0}");  // restarted from init
}

TEST_CASE_METHOD(NodeFixture, "exit with a literal reason reaches a trapping process as that reason",
                 "[observer]") {
  std::vector<std::string> got;
  Pid p = node.spawn([&got](Process& self) {
    self.trap_exit(true);
    for (;;) got.push_back(inspect(self.receive()));
  });
  node.run_until_idle();
  const std::string pid = inspect(Term(p));
  for (const char* reason : {"{:shutdown, :maintenance}", ":normal", "[1, -2.5, \"x\", 'cl', %{a: Foo.Bar}]"}) {
    json r = json::parse(observer::action_json(node, json{{"action", "exit"}, {"pid", pid}, {"reason", reason}}.dump()));
    CHECK(r["ok"] == true);
    CHECK(r["alive"] == true);
  }
  node.run_until_idle();
  CHECK(got == std::vector<std::string>{"{:EXIT, #PID<0.0.0>, {:shutdown, :maintenance}}",
                                        "{:EXIT, #PID<0.0.0>, :normal}",
                                        "{:EXIT, #PID<0.0.0>, [1, -2.5, \"x\", 'cl', %{a: Foo.Bar}]}"});
  node.exit(Term(p), a("kill"));
}

TEST_CASE_METHOD(NodeFixture, "exit :normal leaves a process that does not trap exits alive", "[observer]") {
  Pid p = node.spawn([](Process& self) { self.receive([](const Term& m) { return m == a("never"); }, Timeout::infinity()); });
  node.register_name(a("sleeper"), Term(p));
  node.run_until_idle();
  json r = json::parse(observer::action_json(node, R"({"action": "exit", "pid": ":sleeper", "reason": ":normal"})"));
  CHECK(r["alive"] == true);
  r = json::parse(observer::action_json(node, R"({"action": "exit", "pid": "sleeper", "reason": ":bye"})"));
  CHECK(r["pid"] == inspect(Term(p)));
  CHECK(r["alive"] == false);
}

TEST_CASE_METHOD(NodeFixture, "bad action requests are answered with an error, never thrown", "[observer]") {
  Pid p = node.spawn([](Process& self) { self.receive([](const Term& m) { return m == a("never"); }, Timeout::infinity()); });
  node.run_until_idle();
  const std::string pid = inspect(Term(p));
  auto error_of = [&](const std::string& request) {
    json r = json::parse(observer::action_json(node, request));
    CHECK(r["ok"] == false);
    return r["error"].get<std::string>();
  };
  CHECK(error_of("not json").starts_with("an action is"));
  CHECK(error_of(R"({"action": "kill"})").starts_with("an action is"));
  CHECK(error_of(R"({"action": "suspend", "pid": ")" + pid + "\"}") == "unknown action \"suspend\" (kill or exit)");
  CHECK(error_of(R"({"action": "exit", "pid": ")" + pid + "\"}").starts_with("exit needs a \"reason\""));
  CHECK(error_of(R"({"action": "exit", "pid": ")" + pid + R"x(", "reason": "foo()"})x").starts_with("invalid reason: only literals"));
  CHECK(error_of(R"({"action": "exit", "pid": ")" + pid + R"(", "reason": "{:a,"})") == "invalid reason: incomplete expression");
  CHECK(error_of(R"({"action": "exit", "pid": ")" + pid + R"(", "reason": ":a :b"})").starts_with("invalid reason: "));
  CHECK(error_of(R"({"action": "kill", "pid": "#PID<0.4242.0>"})") == "no such process: #PID<0.4242.0>");
  CHECK(error_of(R"({"action": "kill", "pid": "Nobody"})") == "no such process: Nobody");
  CHECK(node.alive(p));
  node.exit(Term(p), a("kill"));
}

// The observer's snapshot (core/services/observer.hpp): application trees
// with pids and restart intensity, crashes and restarts as the page sees
// them, and the process table's sort, page and filter.
#include "observer_fixture.hpp"

using namespace otp;
using namespace otp::test;

namespace {

std::string pid_text(const Term& pid) { return inspect(pid); }

Term whereis(Node& node, const char* name) {
  std::optional<Pid> p = node.whereis(a(name));
  return p ? Term(*p) : Term();
}

}  // namespace

TEST_CASE_METHOD(ObserverFixture, "the snapshot shows a running application's supervision tree", "[observer]") {
  json snap = snapshot();
  json tree = demo_tree(snap);
  REQUIRE(tree.is_object());
  CHECK(tree["id"] == "Demo.Sup");
  CHECK(tree["pid"] == pid_text(whereis(node, "Elixir.Demo.Sup")));
  CHECK(tree["type"] == "supervisor");
  CHECK(tree["supervisor"] == json{{"strategy", "one_for_one"}, {"max_restarts", 3}, {"max_seconds", 5}, {"restarts", 0}});
  // which_children's order: newest first.
  std::vector<std::string> ids;
  for (const json& c : tree["children"]) ids.push_back(c["id"]);
  CHECK(ids == std::vector<std::string>{":inner", ":a", ":store"});
  json store = child(tree, ":store");
  CHECK(store["pid"] == pid_text(whereis(node, "Elixir.Demo.Store")));
  CHECK(store["name"] == "Demo.Store");
  CHECK(store["type"] == "worker");
  CHECK(store["restart"] == "permanent");
  CHECK(store["state"] == "alive");
  json inner = child(tree, ":inner");
  CHECK(inner["type"] == "supervisor");
  CHECK(inner["supervisor"]["max_restarts"] == 1);
  REQUIRE(inner["children"].size() == 1);
  CHECK(inner["children"][0]["id"] == ":b");
  // Library applications are listed without a tree.
  bool kernel = false;
  for (const json& app : snap["applications"])
    if (app["name"] == "kernel") kernel = app["tree"].is_null() && app["vsn"] == "8.5.3";
  CHECK(kernel);
  for (const json& app : snap["applications"])
    if (app["name"] == "demo") CHECK(app["description"] == "the observer's demo");
}

TEST_CASE_METHOD(ObserverFixture, "a crashed child shows its new pid and the restart counts in the intensity",
                 "[observer]") {
  json before = demo_tree(snapshot());
  const std::string old_pid = child(before, ":a")["pid"];
  node.exit(Term(*observer::parse_pid(old_pid)), a("boom"));
  node.run_until_idle();
  json after = demo_tree(snapshot());
  const std::string new_pid = child(after, ":a")["pid"];
  CHECK(new_pid != old_pid);
  CHECK(child(after, ":a")["state"] == "alive");
  CHECK(after["supervisor"]["restarts"] == 1);
  CHECK(child(after, ":store")["pid"] == child(before, ":store")["pid"]);  // one_for_one
  // The window slides: 6 s later the restart no longer counts.
  node.advance(6000);
  CHECK(demo_tree(snapshot())["supervisor"]["restarts"] == 0);
}

TEST_CASE_METHOD(ObserverFixture, "a supervisor past its intensity is restarted by its parent with a fresh count",
                 "[observer]") {
  json inner = child(demo_tree(snapshot()), ":inner");
  const std::string inner_pid = inner["pid"];
  // :inner allows 1 restart in 5 s: the second crash takes it down.
  node.exit(Term(*observer::parse_pid(inner["children"][0]["pid"].get<std::string>())), a("boom"));
  node.run_until_idle();
  inner = child(demo_tree(snapshot()), ":inner");
  CHECK(inner["pid"] == inner_pid);
  CHECK(inner["supervisor"]["restarts"] == 1);
  node.exit(Term(*observer::parse_pid(inner["children"][0]["pid"].get<std::string>())), a("boom"));
  node.run_until_idle();
  json tree = demo_tree(snapshot());
  inner = child(tree, ":inner");
  CHECK(inner["pid"] != inner_pid);
  CHECK(inner["supervisor"]["restarts"] == 0);
  CHECK(tree["supervisor"]["restarts"] == 1);
}

TEST_CASE_METHOD(NodeFixture, "the process table returns the page asked for, sorted by the column asked for",
                 "[observer]") {
  // Five processes with 0..4 messages waiting, named q0..q4.
  std::vector<Pid> ps;
  for (int k = 0; k < 5; ++k) {
    Pid p = node.spawn([](Process& self) { self.receive([](const Term& m) { return m == a("never"); }, Timeout::infinity()); });
    node.register_name(a(("q" + std::to_string(k)).c_str()), Term(p));
    for (int m = 0; m < k; ++m) node.send(p, i(m));
    ps.push_back(p);
  }
  node.run_until_idle();
  observer::SnapshotOptions o;
  o.sort = observer::SortKey::MessageQueue;
  o.limit = 2;
  o.applications = false;
  json rows = json::parse(observer::snapshot_json(node, o))["processes"]["rows"];
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["name"] == ":q4");
  CHECK(rows[0]["message_queue_len"] == 4);
  CHECK(rows[1]["name"] == ":q3");
  CHECK(rows[0]["status"] == "waiting");
  o.offset = 1;
  o.descending = false;
  rows = json::parse(observer::snapshot_json(node, o))["processes"]["rows"];
  CHECK(rows[0]["name"] == ":q1");
  CHECK(rows[1]["name"] == ":q2");
  o = {};
  o.sort = observer::SortKey::Name;
  o.descending = false;
  o.filter = ":q";
  json table = json::parse(observer::snapshot_json(node, o))["processes"];
  CHECK(table["matched"] == 5);
  CHECK(table["rows"][0]["name"] == ":q0");
  CHECK(table["rows"][0]["current_function"] == ":erlang.apply/2");
  for (Pid p : ps) node.exit(Term(p), a("kill"));
}

TEST_CASE_METHOD(NodeFixture, "a snapshot of 10,000 processes returns only the rows asked for", "[observer]") {
  for (int k = 0; k < 10000; ++k) node.spawn_handler([](Process&, const Term&) {});
  observer::SnapshotOptions o;
  o.limit = 25;
  json table = json::parse(observer::snapshot_json(node, o))["processes"];
  CHECK(table["total"] == 10000);
  CHECK(table["matched"] == 10000);
  CHECK(table["rows"].size() == 25);
  o.offset = 9990;
  CHECK(json::parse(observer::snapshot_json(node, o))["processes"]["rows"].size() == 10);
  o.offset = 20000;
  CHECK(json::parse(observer::snapshot_json(node, o))["processes"]["rows"].empty());
  json totals = json::parse(observer::snapshot_json(node, o))["totals"];
  CHECK(totals["processes"] == 10000);
  CHECK(totals["memory"].get<std::size_t>() >= 10000 * sizeof(void*));
}

TEST_CASE_METHOD(NodeFixture, "snapshot options come from the page's JSON and bad ones are answered with an error",
                 "[observer]") {
  node.spawn_handler([](Process&, const Term&) {});
  json j = json::parse(observer::snapshot_json(node, R"({"sort": "memory", "order": "asc", "limit": 1})"));
  CHECK(j["processes"]["sort"] == "memory");
  CHECK(j["processes"]["order"] == "asc");
  CHECK(j["processes"]["rows"].size() == 1);
  CHECK(json::parse(observer::snapshot_json(node, ""))["processes"]["sort"] == "reductions");
  for (const char* bad : {R"({"sort": "colour"})", R"({"limit": -1})", "[1, 2]", "{nope", R"({"filter": 3})"}) {
    json e = json::parse(observer::snapshot_json(node, bad));
    CHECK(e["ok"] == false);
    CHECK(e["error"].is_string());
  }
}

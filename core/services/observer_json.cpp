// The observer's JSON views (observer.hpp): snapshot_json and process_json,
// written with nlohmann-json over the model of observer_model.cpp. Called
// by wasm/bridge.cpp for the browser panel. Shapes: the top of observer.hpp.
#include <nlohmann/json.hpp>

#include "behaviours/dynamic_supervisor.hpp"
#include "behaviours/gen_server.hpp"
#include "behaviours/supervisor.hpp"
#include "services/observer.hpp"
#include "services/observer_internal.hpp"

namespace otp::observer {

using json = nlohmann::ordered_json;

namespace {

Term A(const char* name) { return Term::atom(name); }

json pid_or_null(const Term& t) { return t.is_pid() ? json(inspect(t)) : json(nullptr); }

json tree_json(const TreeNode& t) {
  json j;
  j["id"] = one_line(t.id);
  // What to call it: the id, or for a DynamicSupervisor's child (no id) its module.
  const bool anonymous = t.id.is_atom(atom::undefined) && t.modules.is_cons() && t.modules.head().is_atom();
  j["label"] = anonymous ? one_line(t.modules.head()) : one_line(t.id);
  j["pid"] = pid_or_null(t.pid);
  j["state"] = t.pid.is_pid() ? (t.alive ? "alive" : "dead") : t.pid.is_atom() ? std::string(t.pid.atom().name()) : "undefined";
  j["name"] = t.name.is_atom() ? json(inspect(t.name)) : json(nullptr);
  j["type"] = t.supervisor ? "supervisor" : "worker";
  j["restart"] = t.restart.is_atom() && !t.restart.is_atom(atom::nil) ? json(t.restart.atom().name()) : json(nullptr);
  j["modules"] = one_line(t.modules);
  if (t.view) {
    j["supervisor"] = {{"strategy", t.view->strategy.is_atom() ? t.view->strategy.atom().name() : "one_for_one"},
                       {"max_restarts", t.view->max_restarts},
                       {"max_seconds", t.view->max_seconds},
                       {"restarts", t.view->restarts_in_window}};
  } else {
    j["supervisor"] = nullptr;
  }
  j["children_total"] = t.children_total;
  json kids = json::array();
  for (const TreeNode& k : t.children) kids.push_back(tree_json(k));
  j["children"] = std::move(kids);
  return j;
}

json row_json(const ProcessRow& r) {
  return {{"pid", inspect(Term(r.pid))},
          {"name", r.name.is_atom() ? json(inspect(r.name)) : json(nullptr)},
          {"current_function", format_mfa(r.current_function)},
          {"initial_call", format_mfa(r.initial_call)},
          {"reductions", r.reductions},
          {"memory", r.memory},
          {"message_queue_len", r.message_queue_len},
          {"status", r.status.name()}};
}

json list_json(const Term& list, std::size_t max) {
  json out = json::array();
  for (const Term* l = &list; l->is_cons() && out.size() < max; l = &l->tail())
    out.push_back(one_line(l->head()));
  return out;
}

Term info_value(Node& node, Pid pid, const char* item) {
  Term kv = node.process_info(Term(pid), A(item));
  return kv.is_tuple() ? kv[1] : Term();
}

}  // namespace

std::string one_line(const Term& t, int limit) {
  InspectOptions o;
  o.width = 1 << 30;
  o.limit = limit;
  return inspect(t, o);
}

std::string dump(const nlohmann::ordered_json& j) {
  return j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

std::string error_json(std::string_view message) {
  return dump(json{{"ok", false}, {"error", std::string(message)}});
}

std::string snapshot_json(Node& node, const SnapshotOptions& o) {
  try {
    ProcessTable table = process_table(node, o);
    json j;
    j["now_ms"] = node.now_ms();
    const Totals& t = table.totals;
    j["totals"] = {{"processes", t.processes},       {"memory", t.memory},     {"reductions", t.reductions},
                   {"message_queue", t.message_queue}, {"runnable", t.runnable}, {"timers", t.timers}};
    json apps = json::array();
    if (o.applications)
      for (const AppView& a : applications(node, o))
        apps.push_back({{"name", a.name.name()},
                        {"description", a.description},
                        {"vsn", a.vsn},
                        {"master", a.master ? json(inspect(Term(*a.master))) : json(nullptr)},
                        {"tree", a.tree ? tree_json(*a.tree) : json(nullptr)}});
    j["applications"] = std::move(apps);
    json rows = json::array();
    for (const ProcessRow& r : table.rows) rows.push_back(row_json(r));
    j["processes"] = {{"sort", sort_key_name(o.sort)}, {"order", o.descending ? "desc" : "asc"},
                      {"offset", o.offset},            {"limit", o.limit},
                      {"total", t.processes},          {"matched", table.matched},
                      {"rows", std::move(rows)}};
    return dump(j);
  } catch (const std::exception& e) {
    return error_json(std::string("snapshot failed: ") + e.what());
  }
}

std::string process_json(Node& node, Pid pid) {
  try {
    json j;
    j["pid"] = inspect(Term(pid));
    const Process* p = node.find(pid);
    j["alive"] = p != nullptr;
    if (!p) return dump(j);
    j["name"] = p->registered_name().is_atom() ? json(inspect(p->registered_name())) : json(nullptr);
    json info = json::array();
    Term all = node.process_info(Term(pid));
    for (const Term* l = &all; l->is_cons(); l = &l->tail())
      info.push_back({l->head()[0].atom().name(), one_line(l->head()[1])});
    info.push_back({"memory", one_line(info_value(node, pid, "memory"))});
    j["info"] = std::move(info);
    j["links"] = list_json(info_value(node, pid, "links"), 1000);
    j["monitors"] = list_json(info_value(node, pid, "monitors"), 1000);
    j["monitored_by"] = list_json(info_value(node, pid, "monitored_by"), 1000);
    j["message_queue_len"] = p->message_queue_len();
    j["messages"] = list_json(info_value(node, pid, "messages"), 20);
    j["behaviour"] = nullptr;
    j["supervisor"] = nullptr;
    if (std::optional<gen_server::ServerView> sv = gen_server::peek(node, pid)) {
      supervisor::StateView v;
      const int64_t now = node.now_ms();
      const bool sup = supervisor::view_state(sv->state, now, 1000, &v) ||
                       dynamic_supervisor::view_state(sv->state, now, 1000, &v);
      InspectOptions pretty;
      pretty.width = 60;
      j["behaviour"] = {{"module", inspect(sv->module->module_name())},
                        {"state", sup ? json(nullptr) : json(inspect(sv->state, pretty))},
                        {"suspended", sv->suspended}};
      if (sup) {
        json kids = json::array();
        for (const supervisor::Child& c : v.children)
          kids.push_back({{"id", one_line(c.id)},
                          {"pid", c.pid.is_pid() ? json(inspect(c.pid)) : json(nullptr)},
                          {"state", c.pid.is_pid() ? "alive" : c.pid.is_tuple() ? "restarting" : "undefined"},
                          {"type", c.supervisor ? "supervisor" : "worker"},
                          {"restart", supervisor::restart_term(c.restart).atom().name()},
                          {"modules", one_line(c.modules)}});
        j["supervisor"] = {{"strategy", v.strategy.is_atom() ? v.strategy.atom().name() : "one_for_one"},
                           {"max_restarts", v.max_restarts},
                           {"max_seconds", v.max_seconds},
                           {"restarts", v.restarts_in_window},
                           {"children_total", v.child_count},
                           {"children", std::move(kids)}};
      }
    }
    return dump(j);
  } catch (const std::exception& e) {
    return error_json(std::string("process view failed: ") + e.what());
  }
}

std::string process_json(Node& node, std::string_view pid_or_name) {
  std::optional<Pid> pid = resolve_process(node, pid_or_name);
  if (!pid) return error_json("no such process: " + std::string(pid_or_name));
  return process_json(node, *pid);
}

}  // namespace otp::observer

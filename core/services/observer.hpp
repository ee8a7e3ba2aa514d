// The observer: what :observer shows of a node (its applications and their
// supervision trees, the process table, one process in detail) and what it
// can do to a process (kill it, exit it with a reason), as JSON for the
// browser panel (web/src/observer/, through wasm/bridge.cpp) and as an
// observer_cli-style text screen for otpsh.
//
// Everything is read directly from the node's tables, never by a message:
// the host calls these between run slices (or a process calls them while it
// runs), so a busy, blocked or suspended process can never make the observer
// wait. A behaviour's state is read as :sys.get_state would answer it once
// the server is back in its loop (gen_server::peek); a supervisor's children
// and restart intensity likewise (supervisor::view_state).
//
// Cost: a snapshot visits every process once (no term is built per
// process) and sorts only the rows asked for (offset + limit), so the table
// of 10,000 processes is a few milliseconds; trees list at most
// max_children children per supervisor.
//
// JSON shapes (pids are written as IEx prints them, "#PID<0.42.0>"; terms
// as inspect text):
//   snapshot: {"now_ms", "totals": {processes, memory, reductions,
//     message_queue, runnable, timers}, "applications": [{name, description,
//     vsn, master, tree}], "processes": {sort, order, offset, limit, total,
//     matched, rows: [{pid, name, current_function, initial_call, reductions,
//     memory, message_queue_len, status}]}}
//   a tree node: {id, label, pid, state ("alive" | "restarting" | "undefined" |
//     "dead"), name, type, restart, modules, children_total, children: [..],
//     supervisor: {strategy, max_restarts, max_seconds, restarts}}
//   process: {pid, alive, name, info: [[item, text]], links, monitors,
//     monitored_by, messages, behaviour: {module, state, suspended} | null,
//     supervisor: {...} | null}
//   action request: {"action": "kill" | "exit", "pid": "#PID<0.42.0>" or a
//     registered name, "reason": Elixir literal text (exit only)}
//   action reply: {"ok": true, action, pid, reason, alive} | {"ok": false, "error"}
// Bad input never throws: it is answered with {"error": "..."}.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "behaviours/child_spec.hpp"
#include "runtime/node.hpp"

namespace otp::observer {

// Columns the process table sorts by (JSON names in sort_key_name).
enum class SortKey : uint8_t { Pid, Name, Reductions, Memory, MessageQueue };
std::optional<SortKey> parse_sort_key(std::string_view name);  // "pid", "name", "reductions", "memory", "message_queue_len"
std::string_view sort_key_name(SortKey key) noexcept;

struct SnapshotOptions {
  SortKey sort = SortKey::Reductions;
  bool descending = true;
  std::size_t offset = 0;   // first row of the sorted table to return
  std::size_t limit = 100;  // rows to return (the page asks for what it shows)
  std::string filter;       // keep rows whose pid, name or functions contain it; empty: all
  bool applications = true;
  std::size_t max_children = 200;  // per supervisor in the trees
  int max_depth = 24;              // of the trees
};

// --- the model, shared by the JSON and text views ---------------------------

struct ProcessRow {
  Pid pid{0, 0};
  Term name;  // registered name or []
  Term current_function;
  Term initial_call;
  uint64_t reductions = 0;
  std::size_t memory = 0;
  std::size_t message_queue_len = 0;
  Atom status{};  // running | runnable | waiting
};

struct Totals {
  std::size_t processes = 0;
  std::size_t memory = 0;  // bytes of all processes
  uint64_t reductions = 0;
  std::size_t message_queue = 0;  // messages waiting in all queues
  std::size_t runnable = 0;
  std::size_t timers = 0;
  int64_t now_ms = 0;
};

struct ProcessTable {
  std::vector<ProcessRow> rows;  // the requested page of the sorted table
  std::size_t matched = 0;       // rows that passed the filter
  Totals totals;
};
ProcessTable process_table(const Node& node, const SnapshotOptions& options);

struct TreeNode {
  Term id;                 // the child id (the top of a tree: the registered name or the pid)
  Term pid;                // pid, :undefined, or :restarting
  bool alive = false;
  Term name = Term::empty_list();  // registered name or []
  bool supervisor = false;         // declared :supervisor (or found to be one)
  Term restart;                    // :permanent | :transient | :temporary; nil at the top
  Term modules;
  std::optional<supervisor::StateView> view;  // for a live Supervisor/DynamicSupervisor (children moved out)
  std::size_t children_total = 0;
  std::vector<TreeNode> children;
};

struct AppView {
  Atom name{};
  std::string description;
  std::string vsn;
  std::optional<Pid> master;
  std::optional<TreeNode> tree;  // none for a library application
};
std::vector<AppView> applications(Node& node, const SnapshotOptions& options);

// The supervision tree under `top` (any pid; a non-supervisor is a leaf).
TreeNode tree_of(Node& node, Pid top, const SnapshotOptions& options);

// "Mod.fun/arity" as Exception.format_mfa prints it ("Counter.init/1",
// ":gen_server.loop/7"); "" for something that is not an MFA tuple.
std::string format_mfa(const Term& mfa);
// "#PID<0.42.0>" / "<0.42.0>" / "0.42.0" -> Pid.
std::optional<Pid> parse_pid(std::string_view text);

// --- the views ----------------------------------------------------------------

std::string snapshot_json(Node& node, const SnapshotOptions& options = {});
// The same with the options as the page sends them: a JSON object with any
// of "sort", "order" ("asc" | "desc"), "offset", "limit", "filter",
// "applications", "max_children"; "" means the defaults.
std::string snapshot_json(Node& node, std::string_view options_json);

std::string process_json(Node& node, Pid pid);
// pid text as parse_pid reads it, or a registered name ("Chatroom.Repo", ":name").
std::string process_json(Node& node, std::string_view pid_or_name);

// Performs the action and answers how it went (see the top of this file).
// Must be called from the host or from a process that is not the target.
std::string action_json(Node& node, std::string_view request_json);

// An observer_cli-style screen of exactly `height` lines of at most `width`
// columns (UTF-8; box-drawing characters count as one column): totals, the
// application trees, and the top processes by reductions, memory and
// message queue length. A terminal front end redraws it until a key is
// pressed.
std::string render_text(Node& node, int width, int height);

}  // namespace otp::observer

// The observer's text screen for otpsh (observer.hpp: render_text), in the
// manner of observer_cli: a totals line, the running applications'
// supervision trees (each supervisor with its restart intensity), and the
// top processes by reductions, memory and message queue length. Lines are
// cut to the width in code points (the tree's box-drawing characters are
// one column each); the screen is exactly `height` lines.
#include <algorithm>
#include <cstdio>

#include "services/observer.hpp"
#include "services/observer_internal.hpp"
#include "term/float_format.hpp"

namespace otp::observer {

namespace {

std::string human_bytes(std::size_t n) {
  if (n < 1024) return std::to_string(n) + " B";
  const char* units[] = {"KB", "MB", "GB", "TB"};
  double v = double(n);
  int u = -1;
  while (v >= 1024 && u < 3) v /= 1024, ++u;
  return float_fixed(v, 1) + " " + units[u];
}

// Cuts `s` to `width` code points (UTF-8), marking a cut with "…".
std::string fit(const std::string& s, int width) {
  if (width <= 0) return "";
  std::size_t cps = 0, cut = std::string::npos;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
    if (cps == std::size_t(width - 1)) cut = i;
    if (++cps > std::size_t(width)) return s.substr(0, cut) + "…";
  }
  return s;
}

std::string pad_left(const std::string& s, std::size_t w) { return s.size() >= w ? s : std::string(w - s.size(), ' ') + s; }
std::string pad_right(const std::string& s, std::size_t w) { return s.size() >= w ? s : s + std::string(w - s.size(), ' '); }

std::string intensity(const supervisor::StateView& v) {
  return std::string(v.strategy.is_atom() ? v.strategy.atom().name() : "") + "  restarts " +
         std::to_string(v.restarts_in_window) + "/" + std::to_string(v.max_restarts) + " in " +
         std::to_string(v.max_seconds) + "s";
}

std::string node_label(const TreeNode& t) {
  // A DynamicSupervisor's children have no id: show their module instead.
  const bool anonymous = t.id.is_atom(atom::undefined) && t.modules.is_cons() && t.modules.head().is_atom();
  std::string s = one_line(anonymous ? t.modules.head() : t.id);
  s += "  " + (t.pid.is_pid() ? inspect(t.pid) : one_line(t.pid));
  if (t.pid.is_pid() && !t.alive) s += " (dead)";
  if (t.view) s += "  " + intensity(*t.view);
  return s;
}

void tree_lines(const TreeNode& t, const std::string& prefix, bool last, bool top, std::vector<std::string>* out) {
  out->push_back(top ? "  " + node_label(t) : prefix + (last ? "└─ " : "├─ ") + node_label(t));
  const std::string inner = top ? "  " : prefix + (last ? "   " : "│  ");
  for (std::size_t i = 0; i < t.children.size(); ++i)
    tree_lines(t.children[i], inner, i + 1 == t.children.size() && t.children_total <= t.children.size(), false, out);
  if (t.children_total > t.children.size())
    out->push_back(inner + "└─ … " + std::to_string(t.children_total - t.children.size()) + " more");
}

std::string row_label(const ProcessRow& r) {
  std::string s = r.name.is_atom() ? one_line(r.name) : format_mfa(r.current_function);
  return s.empty() ? format_mfa(r.initial_call) : s;
}

void table_lines(const char* title, const std::vector<ProcessRow>& rows, std::size_t n, int width,
                 std::vector<std::string>* out) {
  const std::size_t fixed = 15 + 13 + 11 + 7;  // pid, reductions, memory, queue
  const std::size_t label = width > int(fixed + 12) ? std::size_t(width) - fixed - 1 : 12;
  out->push_back(pad_right(std::string(" ") + title, 15 + label) + pad_left("Reductions", 13) +
                 pad_left("Memory", 11) + pad_left("MsgQ", 7));
  for (std::size_t i = 0; i < std::min(n, rows.size()); ++i) {
    const ProcessRow& r = rows[i];
    out->push_back(" " + pad_right(inspect(Term(r.pid)), 14) + pad_right(fit(row_label(r), int(label) - 1), label) +
                   pad_left(std::to_string(r.reductions), 13) + pad_left(human_bytes(r.memory), 11) +
                   pad_left(std::to_string(r.message_queue_len), 7));
  }
}

}  // namespace

std::string render_text(Node& node, int width, int height) {
  width = std::max(width, 20);
  height = std::max(height, 4);
  SnapshotOptions o;
  o.max_children = 8;
  o.limit = std::size_t(height);
  std::vector<std::string> head, tree, tables;

  ProcessTable by_red = process_table(node, o);
  const Totals& t = by_red.totals;
  head.push_back(" OTP Playground observer   processes " + std::to_string(t.processes) + "   memory " +
                 human_bytes(t.memory) + "   reductions " + std::to_string(t.reductions) + "   queued " +
                 std::to_string(t.message_queue) + "   runnable " + std::to_string(t.runnable) + "   timers " +
                 std::to_string(t.timers));
  std::string rule;
  for (int i = 0; i < width; ++i) rule += "─";
  head.push_back(rule);

  std::string libraries;
  for (const AppView& a : applications(node, o)) {
    if (!a.tree) {
      libraries += " " + std::string(a.name.name());
      continue;
    }
    tree.push_back(" " + std::string(a.name.name()) + " " + a.vsn + "  " + a.description);
    tree_lines(*a.tree, "", true, true, &tree);
  }
  if (!libraries.empty()) tree.push_back(" libraries:" + libraries);

  // Room: the trees get up to 40% of the lines left (more if the tables do
  // not need them), the three tables share the rest.
  const int footer = 1;
  const int room = height - int(head.size()) - footer;
  const int table_rows = std::max(0, int(std::min<std::size_t>(by_red.rows.size(), 1000)));
  int tree_room = std::min<int>(int(tree.size()), std::max(room * 2 / 5, room - 3 * (table_rows + 2)));
  tree_room = std::max(0, tree_room);
  if (int(tree.size()) > tree_room && tree_room > 0) {
    tree.resize(std::size_t(tree_room));
    tree.back() = "  … (the trees go on: widen or heighten the terminal)";
  } else {
    tree.resize(std::size_t(tree_room));
  }
  const int per_table = (room - tree_room) / 3;  // title line + rows + a blank line
  const std::size_t n = std::size_t(std::max(0, per_table - 2));

  if (per_table >= 2) {
    tables.push_back("");
    table_lines("Top by reductions", by_red.rows, n, width, &tables);
    o.sort = SortKey::Memory;
    tables.push_back("");
    table_lines("Top by memory", process_table(node, o).rows, n, width, &tables);
    o.sort = SortKey::MessageQueue;
    tables.push_back("");
    table_lines("Top by message queue", process_table(node, o).rows, n, width, &tables);
  }

  std::string out;
  int lines = 0;
  auto emit = [&](const std::string& line) {
    if (lines >= height - footer) return;
    out += fit(line, width);
    out += '\n';
    ++lines;
  };
  for (const auto& l : head) emit(l);
  for (const auto& l : tree) emit(l);
  for (const auto& l : tables) emit(l);
  while (lines < height - footer) emit("");
  out += fit(" press any key to return to the shell", width);
  out += '\n';
  return out;
}

}  // namespace otp::observer

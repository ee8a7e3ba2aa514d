// The observer's model (observer.hpp): the process table in one pass over
// the node's processes, and the applications' supervision trees read from
// the supervisors' states. The JSON and text views (observer_json.cpp,
// observer_text.cpp) only format what these return.
#include <algorithm>
#include <charconv>

#include "behaviours/application.hpp"
#include "behaviours/dynamic_supervisor.hpp"
#include "behaviours/gen_server.hpp"
#include "behaviours/supervisor.hpp"
#include "services/observer.hpp"

namespace otp::observer {

namespace {

Term A(const char* name) { return Term::atom(name); }

std::string pid_text(Pid p) { return "#PID<0." + std::to_string(p.number) + "." + std::to_string(p.serial) + ">"; }

Atom status_of(const Process& p) {
  if (Process::current() == &p) return atom::running;
  return p.in_run_queue() ? atom::runnable : atom::waiting;
}

std::string_view name_text(const Process& p) {
  return p.registered_name().is_atom() ? p.registered_name().atom().name() : std::string_view();
}

bool pid_less(const Process* a, const Process* b) {
  return a->self().number != b->self().number ? a->self().number < b->self().number
                                              : a->self().serial < b->self().serial;
}

// The sort order of the table: the key, then pids ascending (stable pages).
struct RowOrder {
  SortKey key;
  bool desc;
  bool operator()(const Process* a, const Process* b) const {
    auto by = [&](auto x, auto y) -> int { return x < y ? -1 : y < x ? 1 : 0; };
    int c = 0;
    switch (key) {
      case SortKey::Pid: c = pid_less(a, b) ? -1 : pid_less(b, a) ? 1 : 0; break;
      case SortKey::Name: {
        // Named processes first (in either order), then the unnamed.
        std::string_view x = name_text(*a), y = name_text(*b);
        if (x.empty() != y.empty()) return !x.empty();
        c = by(x, y);
        break;
      }
      case SortKey::Reductions: c = by(a->reductions(), b->reductions()); break;
      case SortKey::Memory: c = by(a->memory_bytes(), b->memory_bytes()); break;
      case SortKey::MessageQueue: c = by(a->message_queue_len(), b->message_queue_len()); break;
    }
    if (c != 0) return desc ? c > 0 : c < 0;
    return pid_less(a, b);
  }
};

bool matches(const Process& p, std::string_view filter) {
  auto has = [&](std::string_view s) { return s.find(filter) != std::string_view::npos; };
  // The texts as the table shows them (":q0", "Demo.Store").
  return has(pid_text(p.self())) || (p.registered_name().is_atom() && has(inspect(p.registered_name()))) ||
         has(format_mfa(p.current_function())) ||
         has(format_mfa(p.initial_call()));
}

std::string charlist_text(const Term& cl) {
  std::string out;
  for (const Term* l = &cl; l->is_cons(); l = &l->tail()) {
    if (!l->head().is_small()) continue;
    auto c = static_cast<uint32_t>(l->head().small());
    if (c < 0x80) {
      out += char(c);
    } else if (c < 0x800) {
      out += char(0xC0 | (c >> 6));
      out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += char(0xE0 | (c >> 12));
      out += char(0x80 | ((c >> 6) & 0x3F));
      out += char(0x80 | (c & 0x3F));
    } else {
      out += char(0xF0 | (c >> 18));
      out += char(0x80 | ((c >> 12) & 0x3F));
      out += char(0x80 | ((c >> 6) & 0x3F));
      out += char(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Fills t's liveness, name and (for a live supervisor) its children.
void fill(Node& node, TreeNode& t, const SnapshotOptions& o, int depth) {
  if (!t.pid.is_pid()) return;
  const Process* p = node.find(t.pid.pid());
  t.alive = p != nullptr;
  if (!p) return;
  t.name = p->registered_name();
  if (depth >= o.max_depth) return;
  std::optional<gen_server::ServerView> server = gen_server::peek(node, t.pid.pid());
  if (!server) return;
  supervisor::StateView v;
  const int64_t now = node.now_ms();
  if (!supervisor::view_state(server->state, now, o.max_children, &v) &&
      !dynamic_supervisor::view_state(server->state, now, o.max_children, &v))
    return;
  t.supervisor = true;
  t.children_total = v.child_count;
  t.children.reserve(v.children.size());
  for (const supervisor::Child& c : v.children) {
    TreeNode k;
    k.id = c.id;
    k.pid = c.pid.is_tuple() ? A("restarting") : c.pid;
    k.supervisor = c.supervisor;
    k.restart = supervisor::restart_term(c.restart);
    k.modules = c.modules;
    fill(node, k, o, depth + 1);
    t.children.push_back(std::move(k));
  }
  v.children.clear();
  t.view = std::move(v);
}

}  // namespace

std::optional<SortKey> parse_sort_key(std::string_view name) {
  for (SortKey k : {SortKey::Pid, SortKey::Name, SortKey::Reductions, SortKey::Memory, SortKey::MessageQueue})
    if (sort_key_name(k) == name) return k;
  return std::nullopt;
}

std::string_view sort_key_name(SortKey key) noexcept {
  switch (key) {
    case SortKey::Pid: return "pid";
    case SortKey::Name: return "name";
    case SortKey::Reductions: return "reductions";
    case SortKey::Memory: return "memory";
    case SortKey::MessageQueue: return "message_queue_len";
  }
  return "reductions";
}

std::string format_mfa(const Term& mfa) {
  if (!mfa.is_tuple() || mfa.tuple_size() != 3 || !mfa[0].is_atom() || !mfa[1].is_atom()) return "";
  std::string out = inspect(mfa[0]) + "." + std::string(mfa[1].atom().name()) + "/";
  out += mfa[2].is_small() ? std::to_string(mfa[2].small()) : inspect(mfa[2]);
  return out;
}

std::optional<Pid> parse_pid(std::string_view s) {
  if (s.starts_with("#PID")) s.remove_prefix(4);
  if (s.starts_with("<") && s.ends_with(">")) s = s.substr(1, s.size() - 2);
  uint64_t part[3];
  const char* at = s.data();
  const char* end = s.data() + s.size();
  for (int i = 0; i < 3; ++i) {
    auto [next, ec] = std::from_chars(at, end, part[i]);
    if (ec != std::errc() || (i < 2 ? next == end || *next != '.' : next != end)) return std::nullopt;
    at = next + 1;
  }
  if (part[0] != 0 || part[1] == 0 || part[1] > UINT32_MAX || part[2] > 0x1FFFFFFFu) return std::nullopt;
  return Pid{static_cast<uint32_t>(part[1]), static_cast<uint32_t>(part[2])};
}

ProcessTable process_table(const Node& node, const SnapshotOptions& o) {
  ProcessTable out;
  std::vector<const Process*> ps;
  const std::vector<Pid> pids = node.processes();
  ps.reserve(pids.size());
  for (Pid pid : pids) {
    const Process* p = node.find(pid);
    if (!p) continue;
    Totals& t = out.totals;
    ++t.processes;
    t.memory += p->memory_bytes();
    t.reductions += p->reductions();
    t.message_queue += p->message_queue_len();
    t.runnable += p->in_run_queue() || Process::current() == p;
    if (o.filter.empty() || matches(*p, o.filter)) ps.push_back(p);
  }
  out.totals.timers = node.stats().timers;
  out.matched = ps.size();
  const std::size_t from = std::min(o.offset, ps.size());
  const std::size_t to = from + std::min(o.limit, ps.size() - from);
  std::partial_sort(ps.begin(), ps.begin() + long(to), ps.end(), RowOrder{o.sort, o.descending});
  out.rows.reserve(to - from);
  for (std::size_t i = from; i < to; ++i) {
    const Process& p = *ps[i];
    out.rows.push_back(ProcessRow{p.self(), p.registered_name(), p.current_function(), p.initial_call(),
                                  p.reductions(), p.memory_bytes(), p.message_queue_len(), status_of(p)});
  }
  return out;
}

TreeNode tree_of(Node& node, Pid top, const SnapshotOptions& o) {
  TreeNode t;
  t.pid = Term(top);
  t.id = t.pid;
  t.restart = Term();
  t.modules = Term::empty_list();
  fill(node, t, o, 0);
  if (t.name.is_atom()) t.id = t.name;
  return t;
}

std::vector<AppView> applications(Node& node, const SnapshotOptions& o) {
  std::vector<AppView> out;
  Term started = application::started_applications(node);
  for (const Term* l = &started; l->is_cons(); l = &l->tail()) {
    const Term& a = l->head();  // {name, 'description', 'vsn'}
    AppView v;
    v.name = a[0].atom();
    v.description = charlist_text(a[1]);
    v.vsn = charlist_text(a[2]);
    v.master = application::master_of(node, v.name);
    if (v.master) {
      Term links = node.process_info(Term(*v.master), A("links"));  // {:links, [top]}
      if (links.is_tuple() && links[1].is_cons() && links[1].head().is_pid())
        v.tree = tree_of(node, links[1].head().pid(), o);
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace otp::observer

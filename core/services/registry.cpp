// Registry (see registry.hpp): the per-node tables, the owner process and
// the client functions, which work on the tables directly.
#include "services/registry.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "behaviours/gen_server.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

namespace otp::registry {

namespace {

uint64_t pid_key(Pid p) { return (uint64_t{p.number} << 32) | p.serial; }

struct Entry {
  Pid pid;
  Term value;
};

struct Table {
  Pid owner{0, 0};   // the registry process
  Pid parent{0, 0};  // who started it (stays linked through unregister)
  bool unique = true;
  std::size_t count = 0;
  std::unordered_map<Term, std::vector<Entry>, TermHash> by_key;  // exact (===) keys
  std::unordered_map<uint64_t, std::vector<Term>> by_pid;
  std::vector<std::pair<Term, Term>> meta;
};

// Every registry of a node, by name (atom id).
struct Tables {
  explicit Tables(Node&) {}
  std::unordered_map<uint32_t, Table> by_name;
};

const Term& atom_registry() {
  static const Term t = Term::atom("Elixir.Registry");
  return t;
}
const Term& atom_unique() {
  static const Term t = Term::atom("unique");
  return t;
}
const Term& atom_duplicate() {
  static const Term t = Term::atom("duplicate");
  return t;
}

Term argument_error(const std::string& message) {
  return Term::map({{Term(atom::__struct__), Term(atom::elixir_argument_error)},
                    {Term(atom::__exception__), Term(atom::true_)},
                    {Term(atom::message), Term::binary(message)}});
}

// The live registry named `registry`, or ArgumentError as Elixir's.
Table& table(Node& node, const Term& registry) {
  if (!registry.is_atom()) throw ErlangError(Term(atom::function_clause));
  auto& all = node.service<Tables>().by_name;
  auto it = all.find(registry.atom().id);
  if (it == all.end() || !node.alive(it->second.owner))
    throw ErlangError(argument_error("unknown registry: " + inspect(registry)));
  return it->second;
}

// Drops pid's entries under key (all of them); returns how many.
std::size_t remove_entries(Table& t, const Term& key, Pid pid, const std::function<bool(const Term&)>& which) {
  auto it = t.by_key.find(key);
  if (it == t.by_key.end()) return 0;
  auto& v = it->second;
  std::size_t before = v.size();
  v.erase(std::remove_if(v.begin(), v.end(), [&](const Entry& e) { return e.pid == pid && which(e.value); }),
          v.end());
  std::size_t removed = before - v.size();
  t.count -= removed;
  if (v.empty()) t.by_key.erase(it);
  return removed;
}

// Forgets `removed` registrations of key by pid in by_pid.
void forget_keys(Table& t, Pid pid, const Term& key, std::size_t removed) {
  auto it = t.by_pid.find(pid_key(pid));
  if (it == t.by_pid.end()) return;
  auto& keys = it->second;
  for (auto k = keys.begin(); removed > 0 && k != keys.end();)
    if (*k == key) {
      k = keys.erase(k);
      --removed;
    } else {
      ++k;
    }
  if (keys.empty()) t.by_pid.erase(it);
}

void remove_pid(Table& t, Pid pid) {
  auto it = t.by_pid.find(pid_key(pid));
  if (it == t.by_pid.end()) return;
  std::vector<Term> keys = std::move(it->second);
  t.by_pid.erase(it);
  for (const Term& k : keys) remove_entries(t, k, pid, [](const Term&) { return true; });
}

// The caller unlinks from the registry once it holds no key there (the
// process that started the registry keeps its start_link link).
void unlink_if_unregistered(Process& self, const Term& registry) {
  Table& t = table(self.node(), registry);
  if (t.by_pid.count(pid_key(self.self())) || t.parent == self.self()) return;
  Pid owner = t.owner;
  self.unlink(Term(owner));
}

// ---- match patterns: literals, :_ and :"$N" variables ----
bool is_variable(const Term& p) {
  if (!p.is_atom()) return false;
  std::string_view n = p.atom().name();
  return n.size() > 1 && n[0] == '$' &&
         std::all_of(n.begin() + 1, n.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool matches(const Term& pat, const Term& v, std::vector<std::pair<uint32_t, Term>>& bound) {
  if (pat.is_atom()) {
    static const Term any = Term::atom("_");
    if (pat == any) return true;
    if (!is_variable(pat)) return pat == v;
    for (const auto& [id, value] : bound)
      if (id == pat.atom().id) return value == v;
    bound.emplace_back(pat.atom().id, v);
    return true;
  }
  if (pat.is_tuple()) {
    if (!v.is_tuple() || v.tuple_size() != pat.tuple_size()) return false;
    for (std::size_t k = 0; k < pat.tuple_size(); ++k)
      if (!matches(pat[k], v[k], bound)) return false;
    return true;
  }
  if (pat.is_cons()) return v.is_cons() && matches(pat.head(), v.head(), bound) && matches(pat.tail(), v.tail(), bound);
  if (pat.is_map()) {
    if (!v.is_map()) return false;
    for (const MapEntry& e : pat.map_entries()) {
      const Term* got = v.map_get(e.key);
      if (!got || !matches(e.value, *got, bound)) return false;
    }
    return true;
  }
  return pat == v;
}

std::function<bool(const Term&)> matcher(const Term& pattern, const Term& guards) {
  if (!guards.is_nil_list()) throw ErlangError(argument_error("match guards are not supported here"));
  return [pattern](const Term& value) {
    std::vector<std::pair<uint32_t, Term>> bound;
    return matches(pattern, value, bound);
  };
}

std::vector<Term> matching(Node& node, const Term& registry, const Term& key, const Term& pattern,
                           const Term& guards) {
  auto pred = matcher(pattern, guards);
  Table& t = table(node, registry);
  std::vector<Term> out;
  auto it = t.by_key.find(key);
  if (it != t.by_key.end())
    for (const Entry& e : it->second)
      if (pred(e.value)) out.push_back(Term::tuple({Term(e.pid), e.value}));
  return out;
}

const Term* keyword(const Term& list, const char* name) {
  Term k = Term::atom(name);
  for (const Term* l = &list; l->is_cons(); l = &l->tail()) {
    const Term& h = l->head();
    if (h.is_tuple() && h.tuple_size() == 2 && h[0] == k) return &h[1];
  }
  return nullptr;
}

// The registry process: it owns the table and cleans up after registrants.
class RegistryServer final : public GenServer {
 public:
  Term module_name() const override { return atom_registry(); }
  // args: {kind, name, meta, parent}
  Term init(const Term& args) const override {
    Process& self = *Process::current();
    self.trap_exit(true);
    Table t;
    t.owner = self.self();
    t.parent = args[3].pid();
    t.unique = args[0] == atom_unique();
    for (const Term* l = &args[2]; l->is_cons(); l = &l->tail())
      if (l->head().is_tuple() && l->head().tuple_size() == 2) t.meta.emplace_back(l->head()[0], l->head()[1]);
    self.node().service<Tables>().by_name[args[1].atom().id] = std::move(t);  // replaces a killed one's
    return gen_server::ok(args[1]);
  }
  Term handle_info(const Term& msg, const Term& name) const override {
    if (msg.is_tuple() && msg.tuple_size() == 3 && msg[0].is_atom(atom::EXIT) && msg[1].is_pid()) {
      auto& all = Process::current()->node().service<Tables>().by_name;
      auto it = all.find(name.atom().id);
      if (it != all.end()) remove_pid(it->second, msg[1].pid());
      return gen_server::noreply(name);
    }
    return GenServer::handle_info(msg, name);
  }
  void terminate(const Term&, const Term& name) const override {
    Process* self = Process::current();
    auto& all = self->node().service<Tables>().by_name;
    auto it = all.find(name.atom().id);
    if (it != all.end() && it->second.owner == self->self()) all.erase(it);
  }
};

std::shared_ptr<const GenServer> server_module() {
  static const std::shared_ptr<const GenServer> m = std::make_shared<const RegistryServer>();
  return m;
}

bool via_name(const Term& name) {
  return name.is_tuple() && (name.tuple_size() == 2 || name.tuple_size() == 3);
}

}  // namespace

void install(Node& node) {
  Node* n = &node;
  gen::ViaModule via;
  via.whereis = [n](const Term& name) { return whereis_name(*n, name); };
  via.register_name = [](const Term& name, Pid pid) {
    Process* self = Process::current();
    if (!self || self->self() != pid) throw ErlangError(Term(atom::badarg));  // only for itself, as Elixir
    return register_name(*self, name);
  };
  gen::register_via(node, atom_registry().atom(), std::move(via));
}

Term start_link(Process& caller, const Term& options) {
  const Term* kind = keyword(options, "keys");
  if (!kind || !(*kind == atom_unique() || *kind == atom_duplicate()))
    throw ErlangError(argument_error("expected :keys to be given and be one of :unique or :duplicate, got: " +
                                     inspect(kind ? *kind : Term())));
  const Term* name = keyword(options, "name");
  if (!name) throw ErlangError(argument_error("expected :name option to be present"));
  if (!name->is_atom()) throw ErlangError(argument_error("expected :name to be an atom, got: " + inspect(*name)));
  const Term* meta = keyword(options, "meta");
  install(caller.node());
  GenServerOptions o;
  o.name = *name;
  o.link = true;
  return gen_server::start(
      caller, server_module(),
      Term::tuple({*kind, *name, meta ? *meta : Term::empty_list(), Term(caller.self())}), std::move(o));
}

Term register_(Process& self, const Term& registry, const Term& key, const Term& value) {
  Node& node = self.node();
  Pid owner = table(node, registry).owner;
  self.link(Term(owner));  // first, as Elixir: a registrant's death always reaches the owner
  Table& t = table(node, registry);  // again: link may have yielded
  auto it = t.by_key.find(key);
  if (t.unique && it != t.by_key.end() && !it->second.empty()) {
    Pid holder = it->second.front().pid;
    if (node.alive(holder)) {
      if (holder != self.self()) unlink_if_unregistered(self, registry);
      return Term::tuple({Term(atom::error), Term::tuple({Term::atom("already_registered"), Term(holder)})});
    }
    // The holder died and its EXIT is not handled yet: take its place.
    std::size_t n = remove_entries(t, key, holder, [](const Term&) { return true; });
    forget_keys(t, holder, key, n);
  }
  t.by_key[key].push_back(Entry{self.self(), value});
  t.by_pid[pid_key(self.self())].push_back(key);
  ++t.count;
  return Term::tuple({Term(atom::ok), Term(owner)});
}

Term unregister(Process& self, const Term& registry, const Term& key) {
  return unregister_match(self, registry, key, Term::atom("_"));
}

Term unregister_match(Process& self, const Term& registry, const Term& key, const Term& pattern,
                      const Term& guards) {
  auto pred = matcher(pattern, guards);
  Table& t = table(self.node(), registry);
  std::size_t n = remove_entries(t, key, self.self(), pred);
  forget_keys(t, self.self(), key, n);
  unlink_if_unregistered(self, registry);
  return Term(atom::ok);
}

Term lookup(Node& node, const Term& registry, const Term& key) {
  Table& t = table(node, registry);
  std::vector<Term> out;
  auto it = t.by_key.find(key);
  if (it != t.by_key.end())
    for (const Entry& e : it->second)
      if (node.alive(e.pid)) out.push_back(Term::tuple({Term(e.pid), e.value}));
  return Term::list(std::span<const Term>(out));
}

Term keys(Node& node, const Term& registry, const Term& pid) {
  if (!pid.is_pid()) throw ErlangError(Term(atom::function_clause));
  Table& t = table(node, registry);
  auto it = t.by_pid.find(pid_key(pid.pid()));
  if (it == t.by_pid.end()) return Term::empty_list();
  std::vector<Term> out(it->second.rbegin(), it->second.rend());
  return Term::list(std::span<const Term>(out));
}

Term values(Node& node, const Term& registry, const Term& key, const Term& pid) {
  if (!pid.is_pid()) throw ErlangError(Term(atom::function_clause));
  Table& t = table(node, registry);
  std::vector<Term> out;
  auto it = t.by_key.find(key);
  if (it != t.by_key.end())
    for (const Entry& e : it->second)
      if (e.pid == pid.pid()) out.push_back(e.value);
  return Term::list(std::span<const Term>(out));
}

Term count(Node& node, const Term& registry) {
  return Term::integer(static_cast<int64_t>(table(node, registry).count));
}

Term match(Node& node, const Term& registry, const Term& key, const Term& pattern, const Term& guards) {
  std::vector<Term> out = matching(node, registry, key, pattern, guards);
  return Term::list(std::span<const Term>(out));
}

Term count_match(Node& node, const Term& registry, const Term& key, const Term& pattern, const Term& guards) {
  return Term::integer(static_cast<int64_t>(matching(node, registry, key, pattern, guards).size()));
}

Term dispatch(Process& self, const Term& registry, const Term& key, const Term& fun) {
  if (!fun.is_fun() || fun.fun().arity() != 1) throw ErlangError(Term(atom::function_clause));
  Table& t = table(self.node(), registry);
  auto it = t.by_key.find(key);
  if (it == t.by_key.end() || it->second.empty()) return Term(atom::ok);
  std::vector<Term> entries;
  for (const Entry& e : it->second) entries.push_back(Term::tuple({Term(e.pid), e.value}));
  Term list = Term::list(std::span<const Term>(entries));  // the fun may change the table
  apply_fun(fun, std::span<const Term>(&list, 1));
  return Term(atom::ok);
}

Term dispatch(Process& self, const Term& registry, const Term& key, std::function<void(const Term&)> fun) {
  return dispatch(self, registry, key,
                  make_fun(atom_registry().atom(), "dispatch/3", 1, [f = std::move(fun)](std::span<const Term> a) {
                    f(a[0]);
                    return Term(atom::ok);
                  }));
}

Term meta(Node& node, const Term& registry, const Term& key) {
  for (const auto& [k, v] : table(node, registry).meta)
    if (k == key) return Term::tuple({Term(atom::ok), v});
  return Term(atom::error);
}

Term put_meta(Node& node, const Term& registry, const Term& key, Term value) {
  auto& m = table(node, registry).meta;
  for (auto& [k, v] : m)
    if (k == key) {
      v = std::move(value);
      return Term(atom::ok);
    }
  m.emplace_back(key, std::move(value));
  return Term(atom::ok);
}

bool register_name(Process& self, const Term& name) {
  if (!via_name(name)) throw ErlangError(Term(atom::function_clause));
  if (!table(self.node(), name[0]).unique)
    throw ErlangError(argument_error(":via is not supported for duplicate registries"));
  Term value = name.tuple_size() == 3 ? name[2] : Term();
  Term r = register_(self, name[0], name[1], value);
  return r[0].is_atom(atom::ok);
}

std::optional<Pid> whereis_name(Node& node, const Term& name) {
  if (!via_name(name)) throw ErlangError(Term(atom::function_clause));
  Table& t = table(node, name[0]);
  if (!t.unique) throw ErlangError(argument_error(":via is not supported for duplicate registries"));
  auto it = t.by_key.find(name[1]);
  if (it == t.by_key.end() || it->second.empty() || !node.alive(it->second.front().pid)) return std::nullopt;
  return it->second.front().pid;
}

}  // namespace otp::registry

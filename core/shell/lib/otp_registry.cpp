// Elixir's Registry over core/services/registry.hpp: a process per
// registry and a per-node table that register, lookup, keys, count, match,
// dispatch and meta read in the calling process. {:via, Registry, {r, key}}
// names work for Agent, GenServer, ... (resolved by the behaviours).
//
// Limits (the runtime's): one partition, no listeners, match guards must
// be []. select/count_select are not provided. update_value/3 re-registers
// the caller's single entry under key (it does not refuse duplicate
// registries as Elixir does).
#include "services/registry.hpp"
#include "shell/lib/otp_support.hpp"

namespace otp::shell::lib {

namespace {

Node& node_of(const char* what) { return caller(what).node(); }
Term guards(Args a, std::size_t at) { return a.size() > at ? a[at] : Term::empty_list(); }

Term start_link(Args a) {
  if (!proper_list(a[0])) no_clause_for("Keyword", "get", std::vector<Term>{a[0], Term::atom("keys"), Term()});
  return registry::start_link(caller("Registry.start_link/1"), a[0]);
}

Term dispatch(Args a) {
  Term opts = a.size() > 3 ? a[3] : Term::empty_list();
  if (!is_fun(a[2], 1)) no_clause_for("Registry", "dispatch", std::vector<Term>{a[0], a[1], a[2], opts});
  return registry::dispatch(caller("Registry.dispatch"), a[0], a[1], a[2]);
}

Term update_value(Args a) {
  if (!a[0].is_atom() || !is_fun(a[2], 1)) no_clause_for("Registry", "update_value", a);
  Process& self = caller("Registry.update_value/3");
  Term values = registry::values(self.node(), a[0], a[1], Term(self.self()));
  if (!values.is_cons() || !values.tail().is_nil_list()) return Term(atom::error);
  Term old = values.head();
  Term fresh = call(a[2], old);
  registry::unregister(self, a[0], a[1]);
  registry::register_(self, a[0], a[1], fresh);
  return Term::tuple({fresh, old});
}

}  // namespace

void add_otp_registry(Library& lib) {
  const char* R = "Registry";
  lib.add(R, "start_link", 1, start_link, "Starts a registry: keys: :unique | :duplicate, name: atom (meta:).");
  lib.add(R, "register", 3, [](Args a) { return registry::register_(caller("Registry.register/3"), a[0], a[1], a[2]); },
          "Registers the caller under key with a value: {:ok, owner} or {:error, {:already_registered, pid}}.");
  lib.add(R, "unregister", 2, [](Args a) { return registry::unregister(caller("Registry.unregister/2"), a[0], a[1]); },
          "Removes the caller's entries under key; :ok.");
  lib.add(R, "unregister_match", 3, [](Args a) {
    return registry::unregister_match(caller("Registry.unregister_match/3"), a[0], a[1], a[2]);
  }, "Removes the caller's entries under key whose value matches a pattern.");
  lib.add(R, "unregister_match", 4, [](Args a) {
    return registry::unregister_match(caller("Registry.unregister_match/4"), a[0], a[1], a[2], a[3]);
  }, "unregister_match/3 with guards (only [] here).");
  lib.add(R, "lookup", 2, [](Args a) { return registry::lookup(node_of("Registry.lookup/2"), a[0], a[1]); },
          "[{pid, value}] registered under key.");
  lib.add(R, "keys", 2, [](Args a) { return registry::keys(node_of("Registry.keys/2"), a[0], a[1]); },
          "The keys a pid registered.");
  lib.add(R, "values", 3, [](Args a) { return registry::values(node_of("Registry.values/3"), a[0], a[1], a[2]); },
          "The values a pid registered under key.");
  lib.add(R, "count", 1, [](Args a) { return registry::count(node_of("Registry.count/1"), a[0]); },
          "The number of entries.");
  lib.add(R, "match", 3, [](Args a) { return registry::match(node_of("Registry.match/3"), a[0], a[1], a[2]); },
          "[{pid, value}] under key whose value matches a pattern (:_, :\"$1\", literals).");
  lib.add(R, "match", 4, [](Args a) { return registry::match(node_of("Registry.match/4"), a[0], a[1], a[2], guards(a, 3)); },
          "match/3 with guards (only [] here).");
  lib.add(R, "count_match", 3, [](Args a) { return registry::count_match(node_of("Registry.count_match/3"), a[0], a[1], a[2]); },
          "The number of entries under key whose value matches a pattern.");
  lib.add(R, "count_match", 4, [](Args a) {
    return registry::count_match(node_of("Registry.count_match/4"), a[0], a[1], a[2], guards(a, 3));
  }, "count_match/3 with guards (only [] here).");
  lib.add(R, "dispatch", 3, dispatch, "Calls fun with the [{pid, value}] entries under key, if any; :ok.");
  lib.add(R, "dispatch", 4, dispatch, "dispatch/3 with options (ignored).");
  lib.add(R, "meta", 2, [](Args a) { return registry::meta(node_of("Registry.meta/2"), a[0], a[1]); },
          "{:ok, value} stored under a meta key, or :error.");
  lib.add(R, "put_meta", 3, [](Args a) { return registry::put_meta(node_of("Registry.put_meta/3"), a[0], a[1], a[2]); },
          "Stores registry metadata; :ok.");
  lib.add(R, "update_value", 3, update_value, "Updates the caller's value under a unique key: {new, old} or :error.");
  lib.add(R, "child_spec", 1, [](Args a) {
    const Term* name = opt(a[0], "name");
    return Term::map({{Term(atom::id), name ? *name : Term::atom("Elixir.Registry")},
                      {Term::atom("start"), Term::tuple({Term::atom("Elixir.Registry"), Term::atom("start_link"), Term::list({a[0]})})},
                      {Term::atom("type"), Term::atom("supervisor")}});
  }, "The child specification for a supervisor.");
}

}  // namespace otp::shell::lib

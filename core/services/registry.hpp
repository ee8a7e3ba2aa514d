// Registry: a local, decentralized key-value process registry, as Elixir
// 1.14's Registry (keys: :unique or :duplicate).
//
// Representation: each registry is one process (a GenServer running module
// Registry, registered under the registry's name) that owns its table; the
// table itself lives in a per-node service (Node::service) keyed by the
// registry's name, so register, lookup, keys, count, ... are plain function
// calls in the calling process, without a message round trip, as Elixir's
// ETS-backed Registry. A table is
//   by_key: key -> [{pid, value}] in registration order (unordered_map of vectors)
//   by_pid: pid -> [key]          in registration order
// Cleanup as Elixir: a process that registers links itself to the registry
// process, which traps exits and, on {:EXIT, pid, _}, drops pid's entries.
// Until then lookup already hides entries of dead processes (it checks
// liveness), as Elixir's does; count and dispatch see them, as Elixir's do.
// unregister unlinks once the caller has no key left. If the registry
// process dies its registrants get the exit signal (linked) and the table
// is dropped (terminate/2; after a kill, the next start under that name
// replaces it): every function then raises ArgumentError "unknown registry".
//
// {:via, Registry, {registry, key}} (and {registry, key, value}) names are
// resolved through gen::register_via, installed per node by install() (done
// by start_link), so GenServer, Agent, ... can be named by a Registry key.
//
// Limits: one partition (the :partitions option is accepted and ignored);
// no listeners; match patterns support literals, :_ and :"$N" variables
// (repeated ones must match equal values) inside tuples, lists and maps,
// and guards must be [] (else ArgumentError).
#pragma once
#include <functional>

#include "runtime/node.hpp"

namespace otp::registry {

// Registry.start_link(keys: :unique | :duplicate, name: atom, meta: [...]):
// {:ok, pid} | {:error, {:already_started, pid}}; ArgumentError for bad
// options (Elixir's messages).
Term start_link(Process& caller, const Term& options);

// Registers the {:via, Registry, ...} resolver on `node` (idempotent).
void install(Node& node);

// Registry.register/3, for the calling process: {:ok, registry_pid} |
// {:error, {:already_registered, pid}} (unique keys).
Term register_(Process& self, const Term& registry, const Term& key, const Term& value);
// Registry.unregister/2: the caller's entries under key; :ok.
Term unregister(Process& self, const Term& registry, const Term& key);
// Registry.unregister_match/4: the caller's entries under key whose value matches.
Term unregister_match(Process& self, const Term& registry, const Term& key, const Term& pattern,
                      const Term& guards = Term::empty_list());

// Registry.lookup/2: [{pid, value}] of live processes, in registration order.
Term lookup(Node& node, const Term& registry, const Term& key);
// Registry.keys/2: the keys `pid` registered (latest first, as Elixir lists them).
Term keys(Node& node, const Term& registry, const Term& pid);
// Registry.values/3: the values `pid` registered under key.
Term values(Node& node, const Term& registry, const Term& key, const Term& pid);
// Registry.count/1: the number of entries.
Term count(Node& node, const Term& registry);
// Registry.match/4: [{pid, value}] under key whose value matches `pattern`.
Term match(Node& node, const Term& registry, const Term& key, const Term& pattern,
           const Term& guards = Term::empty_list());
// Registry.count_match/4.
Term count_match(Node& node, const Term& registry, const Term& key, const Term& pattern,
                 const Term& guards = Term::empty_list());
// Registry.dispatch/3: calls fun (arity 1) with the [{pid, value}] entries
// under key, in the calling process, if there are any; :ok.
Term dispatch(Process& self, const Term& registry, const Term& key, const Term& fun);
Term dispatch(Process& self, const Term& registry, const Term& key, std::function<void(const Term&)> fun);
// Registry.meta/2 ({:ok, value} | :error) and Registry.put_meta/3 (:ok).
Term meta(Node& node, const Term& registry, const Term& key);
Term put_meta(Node& node, const Term& registry, const Term& key, Term value);

// The Registry.register_name/whereis_name pair behind {:via, Registry, name}:
// name is {registry, key} or {registry, key, value}.
bool register_name(Process& self, const Term& name);
std::optional<Pid> whereis_name(Node& node, const Term& name);

}  // namespace otp::registry

// The switch's functions for the shell, through the shell's native module
// table (core/shell/eval/behaviour_native.hpp), as if Switch were:
//
//   defmodule Switch do
//     def start_link(opts \\ [])   # Keyword.validate!(opts, @keys); {:ok, pid}
//     def child_spec(opts)         # %{id: Switch, start: {Switch, :start_link, [opts]}, type: :supervisor}
//     def place_call(ms, noisy \\ false) when is_integer(ms) and ms >= 0 and is_boolean(noisy)
//     def summary()                # %{set_up: n, completed: n, ..., dropped: n}
//   end
//
// start_link's options are Config's fields (partitions:, calls_per_tick:,
// tick_ms:, max_calls:, min_call_ms:, max_call_ms:, crash_every:,
// max_restarts:, max_seconds:), with gentler defaults than the program's:
// 16 partitions, 10 calls every 10 ms for ever, 1-10 s each, 1 in 100 noisy
// (about 5,000 calls up at a time). Stop it with Supervisor.stop(Switch.Supervisor).
#include <string>

#include "shell/eval/behaviour_native.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "switch/switch.hpp"

namespace otp::examples::telephone {

namespace {

using Args = std::span<const Term>;

struct Key {
  const char* name;
  int64_t Config::*field;
  int64_t least;
};
constexpr Key kKeys[] = {
    {"partitions", &Config::partitions, 1},     {"calls_per_tick", &Config::calls_per_tick, 0},
    {"tick_ms", &Config::tick_ms, 1},           {"max_calls", &Config::max_calls, 0},
    {"min_call_ms", &Config::min_call_ms, 0},   {"max_call_ms", &Config::max_call_ms, 0},
    {"crash_every", &Config::crash_every, 0},   {"max_restarts", &Config::max_restarts, 0},
    {"max_seconds", &Config::max_seconds, 1},
};

std::string allowed_keys() {
  std::string out = "[";
  for (const Key& k : kKeys) out += std::string(out.size() > 1 ? ", :" : ":") + k.name;
  return out + "]";
}

// Keyword.validate!(opts, keys) and each value's type, then the Config.
Config config_of(const Term& opts) {
  Config c;
  c.calls_per_tick = 10;
  std::vector<Term> unknown;
  for (const Term* l = &opts; l->is_cons(); l = &l->tail()) {
    const Term& kv = l->head();
    if (!kv.is_tuple() || kv.tuple_size() != 2 || !kv[0].is_atom())
      shell::raise_argument_error("expected a keyword list as first argument, got invalid entry: " + inspect(kv));
    const Key* key = nullptr;
    for (const Key& k : kKeys)
      if (kv[0].atom().name() == k.name) key = &k;
    if (!key) {
      unknown.push_back(kv[0]);
      continue;
    }
    if (!kv[1].is_small() || kv[1].small() < key->least)
      shell::raise_argument_error("expected :" + std::string(key->name) + " to be an integer >= " +
                                  std::to_string(key->least) + ", got: " + inspect(kv[1]));
    c.*(key->field) = kv[1].small();
  }
  if (!unknown.empty())
    shell::raise_argument_error("unknown keys " + inspect(Term::list(std::span<const Term>(unknown))) + " in " +
                                inspect(opts) + ", the allowed keys are: " + allowed_keys());
  if (c.max_call_ms < c.min_call_ms) c.max_call_ms = c.min_call_ms;
  return c;
}

Term shell_start_link(Process& self, Args a) {
  if (!a.empty() && !a[0].is_list()) shell::raise_function_clause("Switch", "start_link", {a[0]});
  return telephone::start_link(self, config_of(a.empty() ? Term::empty_list() : a[0]));
}

Term shell_place_call(Process& self, Args a) {
  const bool noisy = a.size() > 1 && a[1].is_atom(atom::true_);
  if (!a[0].is_small() || a[0].small() < 0 || (a.size() > 1 && !a[1].is_boolean()))
    shell::raise_function_clause("Switch", "place_call", std::vector<Term>(a.begin(), a.end()));
  return telephone::place_call(self, a[0].small(), noisy);
}

}  // namespace

void register_shell(Node& node) {
  load(node);
  using shell::register_native;
  register_native(node, "Switch", "start_link", 0, shell_start_link, "Starts the switch with the default traffic.");
  register_native(node, "Switch", "start_link", 1, shell_start_link, "Starts the switch: partitions:, calls_per_tick:, ...");
  register_native(node, "Switch", "child_spec", 1, [](Process&, Args a) {
    return Term::map({{Term::atom("id"), Term::atom("Elixir.Switch")},
                      {Term::atom("start"), Term::tuple({Term::atom("Elixir.Switch"), Term::atom("start_link"),
                                                         Term::list({a[0]})})},
                      {Term::atom("type"), Term::atom("supervisor")}});
  }, "The child spec of the switch (a supervisor).");
  register_native(node, "Switch", "place_call", 1, shell_place_call, "Places one call lasting ms: {:ok, pid}.");
  register_native(node, "Switch", "place_call", 2, shell_place_call, "Places one call; a noisy one crashes halfway.");
  register_native(node, "Switch", "summary", 0, [](Process& self, Args) { return summary_term(summary(self.node())); },
                  "%{set_up:, completed:, crashed:, restarts:, still_up:, dropped:, shell_callbacks:}");
}

}  // namespace otp::examples::telephone

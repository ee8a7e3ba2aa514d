// The switch around the calls (see switch.hpp): Switch.Supervisor, its
// partitions (DynamicSupervisors named Switch.Calls.P<k>), Switch.Traffic,
// placing a call, and the summary.
#include <cinttypes>
#include <cstdio>

#include "behaviours/dynamic_supervisor.hpp"
#include "behaviours/supervisor.hpp"
#include "switch/switch_internal.hpp"

namespace otp::examples::telephone {

namespace {

Term A(const char* s) { return Term::atom(s); }

// Switch.Traffic: every tick places config.calls_per_tick calls (durations
// spread evenly between min_call_ms and max_call_ms by a hash of the call's
// number, one in crash_every noisy) until max_calls; answers :summary.
// State: calls placed.
class Traffic final : public GenServer {
 public:
  Term module_name() const override { return A("Elixir.Switch.Traffic"); }

  Term init(const Term&) const override {
    Process& self = *Process::current();
    tick(self);
    return gen_server::ok(Term::integer(0));
  }

  // GenServer.call(Switch.Traffic, :summary): the summary as a map.
  Term handle_call(const Term& request, const Term& from, const Term& placed) const override {
    if (request != A("summary")) return GenServer::handle_call(request, from, placed);
    return gen_server::reply(summary_term(summary(Process::current()->node())), placed);
  }

  Term handle_info(const Term& msg, const Term& placed) const override {
    if (msg != A("tick")) return GenServer::handle_info(msg, placed);
    Process& self = *Process::current();
    const Config& c = switch_of(self.node()).config;
    int64_t n = placed.small();
    int64_t want = c.calls_per_tick;
    if (c.max_calls > 0) want = std::min(want, c.max_calls - n);
    for (int64_t k = 0; k < want; ++k, ++n) {
      const bool noisy = c.crash_every > 0 && (n + 1) % c.crash_every == 0;
      place_call(self, duration_of(c, n), noisy);
    }
    if (c.max_calls == 0 || n < c.max_calls) tick(self);
    return gen_server::noreply(Term::integer(n));
  }

 private:
  static void tick(Process& self) {
    self.send_after(switch_of(self.node()).config.tick_ms, Term(self.self()), A("tick"));
  }
  // splitmix64 of the call's number: the same durations on every run.
  static int64_t duration_of(const Config& c, int64_t n) {
    uint64_t z = static_cast<uint64_t>(n) + 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    const int64_t span = std::max<int64_t>(1, c.max_call_ms - c.min_call_ms + 1);
    return c.min_call_ms + static_cast<int64_t>(z % static_cast<uint64_t>(span));
  }
};

Term partition_spec(const Term& name, const Config& c) {
  supervisor::ChildOptions o;
  o.module = Atom::intern("Elixir.DynamicSupervisor");
  o.type = A("supervisor");
  return supervisor::child_spec(name, [name, c](Process& sup) {
    dynamic_supervisor::Options d;
    d.name = name;
    d.max_restarts = Term::integer(c.max_restarts);
    d.max_seconds = Term::integer(c.max_seconds);
    return dynamic_supervisor::start_link(sup, d);
  }, o);
}

Term traffic_spec() {
  static const auto module = std::make_shared<const Traffic>();
  supervisor::ChildOptions o;
  o.module = Atom::intern("Elixir.Switch.Traffic");
  return supervisor::child_spec(A("Elixir.Switch.Traffic"), [](Process& sup) {
    GenServerOptions g;
    g.name = A("Elixir.Switch.Traffic");
    return gen_server::start(sup, module, Term::empty_list(), g);
  }, o);
}

}  // namespace

void load(Node& node) {
  supervisor::register_start(node, call_module_name().atom(), Atom::intern("start_link"),
                             [](Process& self, std::span<const Term> args) {
                               if (args.size() != 1) return Term::tuple({Term(atom::error), Term(atom::badarg)});
                               return start_call(self, args[0]);
                             });
}

Term start_link(Process& self, const Config& config) {
  Node& node = self.node();
  load(node);
  SwitchNode& s = switch_of(node);
  s.config = config;
  s.partitions.clear();
  s.modules = Term::list({call_module_name()});
  std::vector<Term> children;
  for (int64_t k = 0; k < std::max<int64_t>(1, config.partitions); ++k) {
    s.partitions.push_back(Term::atom("Elixir.Switch.Calls.P" + std::to_string(k)));
    children.push_back(partition_spec(s.partitions.back(), config));
  }
  if (config.calls_per_tick > 0) children.push_back(traffic_spec());
  supervisor::Options o;
  o.name = A("Elixir.Switch.Supervisor");
  return supervisor::start_link(self, Term::list(std::span<const Term>(children)), o);
}

Term place_call(Process& self, int64_t duration_ms, bool noisy) {
  SwitchNode& s = switch_of(self.node());
  if (s.partitions.empty()) return Term::tuple({Term(atom::error), A("not_started")});
  static const Term start_link = A("start_link"), transient = A("transient");
  const int64_t id = s.next_id++;
  Term call = Term::tuple({Term::integer(id), Term::integer(self.node().now_ms() + duration_ms)});
  Term spec = Term::map({{A("id"), call_module_name()},
                         {A("start"), Term::tuple({call_module_name(), start_link, Term::list({call})})},
                         {A("restart"), transient},
                         {A("modules"), s.modules}});
  const Term& partition = s.partitions[static_cast<std::size_t>(id) % s.partitions.size()];
  Term r = dynamic_supervisor::start_child(self, partition, spec);
  if (r.is_tuple() && r[0].is_atom(atom::ok)) {
    ++s.set_up;
    if (noisy) self.send_after(duration_ms / 2, r[1], A("noise"));
  }
  return r;
}

Summary summary(Node& node) {
  SwitchNode& s = switch_of(node);
  Summary r;
  r.set_up = s.set_up;
  r.completed = s.completed;
  r.crashed = s.crashed;
  r.restarts = s.inits - s.set_up;
  r.shell_callbacks = s.shell_callbacks;
  const GenServer* call = call_module().get();
  for (Pid pid : node.processes()) {
    std::optional<gen_server::ServerView> v = gen_server::peek(node, pid);
    if (v && v->module.get() == call) ++r.still_up;
  }
  r.dropped = r.set_up - r.completed - r.still_up;
  return r;
}

Term summary_term(const Summary& s) {
  return Term::map({{A("set_up"), Term::integer(s.set_up)},
                    {A("completed"), Term::integer(s.completed)},
                    {A("crashed"), Term::integer(s.crashed)},
                    {A("restarts"), Term::integer(s.restarts)},
                    {A("still_up"), Term::integer(s.still_up)},
                    {A("dropped"), Term::integer(s.dropped)},
                    {A("shell_callbacks"), Term::integer(s.shell_callbacks)}});
}

std::string format(const Summary& s) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "calls set up      %10" PRId64 "\n"
                "completed         %10" PRId64 "\n"
                "crashed           %10" PRId64 "\n"
                "restarts          %10" PRId64 "\n"
                "still up          %10" PRId64 "\n"
                "dropped           %10" PRId64 "\n"
                "shell callbacks   %10" PRId64 "\n",
                s.set_up, s.completed, s.crashed, s.restarts, s.still_up, s.dropped, s.shell_callbacks);
  std::string out = buf;
  if (s.dropped == 0 && s.restarts == s.crashed)
    out += "every crashed call was restarted; no other call was affected\n";
  else
    out += "calls were lost: dropped " + std::to_string(s.dropped) + ", crashed " + std::to_string(s.crashed) +
           ", restarts " + std::to_string(s.restarts) + "\n";
  return out;
}

}  // namespace otp::examples::telephone

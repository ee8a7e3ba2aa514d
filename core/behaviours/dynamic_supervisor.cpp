#include "behaviours/dynamic_supervisor.hpp"

#include <algorithm>
#include <vector>

#include "term/fun.hpp"

namespace otp {
using supervisor::Child;
using supervisor::Restart;

namespace {

Term A(const char* name) { return Term::atom(name); }
Term error(Term r) { return Term::tuple({Term(atom::error), std::move(r)}); }

struct DynChild {
  Pid pid;  // the key; the old pid while restarting
  Child spec;
  bool restarting = false;
};
// The state: children keyed by pid (a vector; which_children sorts by pid).
struct DynState final : FunObject {
  DynState() : FunObject(Term::atom("Elixir.DynamicSupervisor").atom(), "state", 0) {}
  int64_t intensity = 3, period = 5;
  Term max_children = Term(atom::infinity);
  std::vector<Term> extra;
  std::vector<DynChild> children;
  std::vector<int64_t> restarts;  // seconds, newest first
};
DynState& st(const Term& s) { return const_cast<DynState&>(static_cast<const DynState&>(s.fun())); }

long find(const DynState& s, const Term& pid) {
  if (!pid.is_pid()) return -1;
  for (std::size_t i = 0; i < s.children.size(); ++i)
    if (s.children[i].pid == pid.pid()) return long(i);
  return -1;
}

// Elixir's terminate_children: every exit signal first, then wait for each
// DOWN, killing a child whose own shutdown time has passed.
void terminate_all(Process& self, const std::vector<DynChild>& kids) {
  struct W { Pid pid; Term mon; int64_t deadline; bool killed; bool done; };
  std::vector<W> ws;
  int64_t now = self.node().now_ms();
  for (const DynChild& c : kids) {
    if (c.restarting) continue;
    bool brutal = c.spec.shutdown == A("brutal_kill");
    Term mon(self.monitor(Term(c.pid)));
    self.exit(Term(c.pid), brutal ? Term(atom::kill) : Term(atom::shutdown));
    int64_t deadline = c.spec.shutdown.is_small() ? now + c.spec.shutdown.small() : -1;
    ws.push_back({c.pid, mon, deadline, brutal, false});
  }
  for (std::size_t left = ws.size(); left > 0;) {
    int64_t next = -1;
    for (const W& w : ws)
      if (!w.done && !w.killed && w.deadline >= 0 && (next < 0 || w.deadline < next)) next = w.deadline;
    now = self.node().now_ms();
    Timeout wait = next < 0 ? Timeout::infinity() : Timeout{std::max<int64_t>(0, next - now)};
    auto down = self.receive([&](const Term& m) {
      if (!m.is_tuple() || m.tuple_size() != 5 || !m[0].is_atom(atom::DOWN)) return false;
      return std::any_of(ws.begin(), ws.end(), [&](const W& w) { return !w.done && w.mon == m[1]; });
    }, wait);
    if (!down) {
      now = self.node().now_ms();
      for (W& w : ws)
        if (!w.done && !w.killed && w.deadline >= 0 && w.deadline <= now) {
          self.exit(Term(w.pid), Term(atom::kill));
          w.killed = true;
        }
      continue;
    }
    for (W& w : ws)
      if (w.mon == (*down)[1]) {
        w.done = true;
        self.unlink(Term(w.pid));
        Term p(w.pid);
        self.receive([&](const Term& m) { return m.is_tuple() && m.tuple_size() == 3 && m[0].is_atom(atom::EXIT) && m[1] == p; },
                     Timeout{0});
      }
    --left;
  }
}

bool add_restart(Process& self, DynState& s) {
  int64_t now = self.node().now_ms() / 1000;
  std::vector<int64_t> kept{now};
  for (int64_t r : s.restarts)
    if (now - r < s.period) kept.push_back(r);
  s.restarts = std::move(kept);
  return int64_t(s.restarts.size()) <= s.intensity;
}

// restart_child/3: false when the intensity is exceeded.
bool restart(Process& self, DynState& s, std::size_t i) {
  if (!add_restart(self, s)) {
    s.children.erase(s.children.begin() + long(i));
    return false;
  }
  Term r = supervisor::start_dynamic(self, s.children[i].spec.start, s.extra);
  if (r == A("ignore")) {
    s.children.erase(s.children.begin() + long(i));
  } else if (r[0].is_atom(atom::ok)) {
    s.children[i].pid = r[1].pid();
    s.children[i].restarting = false;
  } else {
    s.children[i].restarting = true;
    self.send(self.self(), Term::tuple({A("$gen_restart"), Term(s.children[i].pid)}));
  }
  return true;
}

Term check(const char* what, const Term& v, bool ok) {
  return ok ? Term(atom::ok) : Term::tuple({A(what), v});
}

}  // namespace

Term DynamicSupervisor::module_name() const { return A("Elixir.DynamicSupervisor"); }

Term DynamicSupervisor::init(const Term& args) const {
  Process::current()->trap_exit(true);
  const Term& o = args[1];
  auto get = [&](const char* k) { return *o.map_get(A(k)); };
  Term strategy = get("strategy"), in = get("intensity"), per = get("period"), max = get("max_children"),
       extra = get("extra_arguments");
  // Checked one by one: emscripten 3.1.6 miscompiles an array of Terms
  // initialised from calls that may throw (its elements came out wrong).
  std::vector<Term> errs;
  errs.push_back(check("invalid_strategy", strategy, strategy == A("one_for_one")));
  errs.push_back(check("invalid_intensity", in, in.is_small() && in.small() >= 0));
  errs.push_back(check("invalid_period", per, per.is_small() && per.small() > 0));
  errs.push_back(check("invalid_max_children", max, max.is_atom(atom::infinity) || (max.is_small() && max.small() >= 0)));
  errs.push_back(check("invalid_extra_arguments", extra, list_length(extra) >= 0));
  for (const Term& e : errs)
    if (!e.is_atom(atom::ok)) return Term::tuple({A("stop"), Term::tuple({A("supervisor_data"), e})});
  Term state = Term::fun(new DynState());
  DynState& s = st(state);
  s.intensity = in.small();
  s.period = per.small();
  s.max_children = max;
  s.extra = list_to_vector(extra);
  return gen_server::ok(state);
}

Term DynamicSupervisor::handle_call(const Term& req, const Term&, const Term& state) const {
  Process& self = *Process::current();
  DynState& s = st(state);
  auto reply = [&](Term r) { return gen_server::reply(std::move(r), state); };
  if (req == A("which_children")) {
    std::vector<DynChild*> kids;
    for (DynChild& c : s.children) kids.push_back(&c);
    std::sort(kids.begin(), kids.end(), [](auto* x, auto* y) { return compare(Term(x->pid), Term(y->pid)) < 0; });
    std::vector<Term> out;
    for (DynChild* c : kids)
      out.push_back(Term::tuple({Term(atom::undefined), c->restarting ? A("restarting") : Term(c->pid),
                                 supervisor::type_term(c->spec), c->spec.modules}));
    return reply(Term::list(out));
  }
  if (req == A("count_children")) {
    int64_t active = 0, sups = 0, n = int64_t(s.children.size());
    for (const DynChild& c : s.children) {
      active += !c.restarting;
      sups += c.spec.supervisor;
    }
    return reply(Term::map({{A("specs"), Term::integer(n)}, {A("active"), Term::integer(active)},
                            {A("supervisors"), Term::integer(sups)}, {A("workers"), Term::integer(n - sups)}}));
  }
  if (req.is_tuple() && req.tuple_size() == 2 && req[0] == A("start_child")) {
    if (s.max_children.is_small() && int64_t(s.children.size()) >= s.max_children.small())
      return reply(error(A("max_children")));
    Child c;
    supervisor::parse_child_spec(req[1], &c);  // validated by the caller
    Term r = supervisor::start_dynamic(self, c.start, s.extra);
    if (r.is_tuple() && r[0].is_atom(atom::ok)) s.children.push_back({r[1].pid(), std::move(c), false});
    return reply(r);
  }
  if (req.is_tuple() && req.tuple_size() == 2 && req[0] == A("terminate_child")) {
    long i = find(s, req[1]);
    if (i < 0) return reply(error(A("not_found")));
    terminate_all(self, {s.children[std::size_t(i)]});
    s.children.erase(s.children.begin() + i);
    return reply(Term(atom::ok));
  }
  return reply(error(A("badarg")));
}

Term DynamicSupervisor::handle_info(const Term& msg, const Term& state) const {
  DynState& s = st(state);
  Process& self = *Process::current();
  auto noreply = [&] { return gen_server::noreply(state); };
  auto shutdown = [&] { return gen_server::stop_noreply(Term(atom::shutdown), state); };
  if (msg.is_tuple() && msg.tuple_size() == 2 && msg[0] == A("$gen_restart")) {
    long i = find(s, msg[1]);
    if (i < 0 || !s.children[std::size_t(i)].restarting) return noreply();
    return restart(self, s, std::size_t(i)) ? noreply() : shutdown();
  }
  if (!msg.is_tuple() || msg.tuple_size() != 3 || !msg[0].is_atom(atom::EXIT)) return noreply();
  long i = find(s, msg[1]);
  if (i < 0 || s.children[std::size_t(i)].restarting) return noreply();
  const Term& reason = msg[2];
  Restart type = s.children[std::size_t(i)].spec.restart;
  bool clean = reason.is_atom(atom::normal) || reason.is_atom(atom::shutdown) ||
               (reason.is_tuple() && reason.tuple_size() == 2 && reason[0].is_atom(atom::shutdown));
  if (type == Restart::Temporary || (type == Restart::Transient && clean)) {
    s.children.erase(s.children.begin() + i);
    return noreply();
  }
  return restart(self, s, std::size_t(i)) ? noreply() : shutdown();
}

void DynamicSupervisor::terminate(const Term&, const Term& state) const {
  if (state.is_fun()) terminate_all(*Process::current(), st(state).children);
}

namespace dynamic_supervisor {

Term start_link(Process& caller, const Options& o) {
  static const auto module = std::make_shared<const DynamicSupervisor>();
  Term flags = Term::map({{A("strategy"), o.strategy}, {A("intensity"), o.max_restarts}, {A("period"), o.max_seconds},
                          {A("max_children"), o.max_children}, {A("extra_arguments"), o.extra_arguments}});
  GenServerOptions g;
  g.name = o.name;
  return gen_server::start(caller, module, Term::tuple({Term(caller.self()), flags}), g);
}

Term start_child(Process& self, const Term& sup, const Term& spec) {
  Child c;
  Term err = supervisor::parse_child_spec(spec, &c);
  if (err == A("missing_id") || err == A("missing_start")) err = Term::tuple({A("invalid_child_spec"), spec});
  if (!err.is_atom(atom::ok)) return error(err);
  return gen::call(self, sup, Term::tuple({A("start_child"), spec}), Timeout::infinity());
}
Term terminate_child(Process& self, const Term& sup, const Term& pid) {
  return gen::call(self, sup, Term::tuple({A("terminate_child"), pid}), Timeout::infinity());
}
Term which_children(Process& self, const Term& sup) {
  return gen::call(self, sup, A("which_children"), Timeout::infinity());
}
Term count_children(Process& self, const Term& sup) {
  return gen::call(self, sup, A("count_children"), Timeout::infinity());
}
Term stop(Process& self, const Term& sup, Term reason) {
  return gen_server::stop(self, sup, std::move(reason), Timeout::infinity());
}

bool view_state(const Term& state, int64_t now_ms, std::size_t max_children, supervisor::StateView* out) {
  const DynState* s = state.is_fun() ? dynamic_cast<const DynState*>(&state.fun()) : nullptr;
  if (!s) return false;
  out->strategy = A("one_for_one");
  out->max_restarts = s->intensity;
  out->max_seconds = s->period;
  const int64_t now = now_ms / 1000;  // add_restart's window
  out->restarts_in_window = 0;
  for (int64_t r : s->restarts) out->restarts_in_window += now - r < s->period;
  out->child_count = s->children.size();
  out->children.clear();
  for (const DynChild& c : s->children) {
    if (out->children.size() >= max_children) break;
    Child v = c.spec;
    v.id = Term(atom::undefined);
    v.pid = c.restarting ? Term::tuple({A("restarting"), Term(c.pid)}) : Term(c.pid);
    out->children.push_back(std::move(v));
  }
  return true;
}

}  // namespace dynamic_supervisor
}  // namespace otp

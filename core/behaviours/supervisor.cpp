// Supervisor's callbacks (see supervisor.hpp): the child table, the
// restart strategies and intensity, the shutdown protocol. The client
// functions are in supervisor_api.cpp.
#include "behaviours/supervisor.hpp"

#include <vector>

#include "term/error.hpp"
#include "term/fun.hpp"
#include "term/struct.hpp"

namespace otp {
using namespace supervisor;

namespace {

Term A(const char* name) { return Term::atom(name); }

// The supervisor's state (OTP's #state): children in START order (OTP keeps
// them newest first; which_children reverses this vector).
struct SupState final : FunObject {
  SupState() : FunObject(Term::atom("supervisor").atom(), "state", 0) {}
  Term strategy;
  int64_t intensity = 3, period = 5;
  std::vector<Child> children;
  std::vector<int64_t> restarts;  // seconds, newest first
  Term parent = Term(atom::undefined);
  Term init_args;                 // what init/1 was given (the #state's args)
};
SupState& st(const Term& s) { return const_cast<SupState&>(static_cast<const SupState&>(s.fun())); }

long find_id(const SupState& s, const Term& id) {
  for (std::size_t i = 0; i < s.children.size(); ++i)
    if (s.children[i].id == id) return long(i);
  return -1;
}
Term restarting(const Term& pid) { return pid.is_pid() ? Term::tuple({A("restarting"), pid}) : pid; }
bool is_restarting(const Term& pid) { return pid.is_tuple(); }

void do_terminate(Process& self, const Child& c) {
  if (c.pid.is_pid()) shutdown_child(self, c.pid.pid(), c.shutdown, c.restart);  // errors: SASL report only
}
void del_child(SupState& s, std::size_t i) {
  if (s.children[i].restart == Restart::Temporary) s.children.erase(s.children.begin() + long(i));
  else s.children[i].pid = Term(atom::undefined);
}
// terminate_children: [from, end) in reverse start order; temporaries go.
void terminate_from(Process& self, SupState& s, std::size_t from) {
  for (std::size_t i = s.children.size(); i-- > from;) {
    do_terminate(self, s.children[i]);
    del_child(s, i);
  }
}
// start_children: [from, end) in start order; false at the first failure.
bool start_from(Process& self, SupState& s, std::size_t from, Term* failed, Term* reason) {
  for (std::size_t i = from; i < s.children.size();) {
    Term r = start_child_process(self, s.children[i]);
    if (r[0].is_atom(atom::error)) {
      *failed = s.children[i].id;
      *reason = r[1];
      return false;
    }
    if (r[1].is_atom(atom::undefined) && s.children[i].restart == Restart::Temporary) {
      s.children.erase(s.children.begin() + long(i));
      continue;
    }
    s.children[i++].pid = r[1];
  }
  return true;
}

// add_restart: the sliding window, in whole seconds as OTP's monotonic_time(1).
bool add_restart(Process& self, SupState& s) {
  int64_t now = self.node().now_ms() / 1000, threshold = now - s.period;
  std::vector<int64_t> kept{now};
  for (int64_t r : s.restarts)
    if (r >= threshold) kept.push_back(r); else break;
  s.restarts = std::move(kept);
  return int64_t(s.restarts.size()) <= s.intensity;
}

void try_again(Process& self, const Term& id) {
  gen::cast(self.node(), Term(self.self()), Term::tuple({A("try_again_restart"), id}));
}

// restart/2: false when the intensity is exceeded (the caller stops with :shutdown).
bool restart(Process& self, SupState& s, std::size_t i) {
  if (!add_restart(self, s)) {
    del_child(s, i);
    return false;
  }
  Term id = s.children[i].id, old = s.children[i].pid;
  if (s.strategy == A("one_for_one")) {
    Term r = start_child_process(self, s.children[i]);
    if (r[0].is_atom(atom::ok)) {
      s.children[i].pid = r[1];
    } else {
      s.children[i].pid = restarting(old);
      try_again(self, id);
    }
    return true;
  }
  std::size_t from = s.strategy == A("rest_for_one") ? i : 0;  // one_for_all: everyone
  s.children[i].pid = Term(atom::undefined);
  terminate_from(self, s, from);
  Term failed, reason;
  if (!start_from(self, s, from, &failed, &reason)) {
    long f = find_id(s, failed);
    s.children[std::size_t(f)].pid = failed == id ? restarting(old) : Term::tuple({A("restarting"), Term(atom::undefined)});
    try_again(self, failed);
  }
  return true;
}

Term set_flags(SupState& s, const Term& flags) {
  auto get = [&](const char* k, Term dflt) {
    const Term* v = flags.is_map() ? flags.map_get(A(k)) : nullptr;
    return v ? *v : dflt;
  };
  Term strategy = get("strategy", A("one_for_one")), in = get("intensity", Term::integer(1)),
       per = get("period", Term::integer(5));
  if (strategy != A("one_for_one") && strategy != A("one_for_all") && strategy != A("rest_for_one"))
    return Term::tuple({A("invalid_strategy"), strategy});
  if (!in.is_small() || in.small() < 0) return Term::tuple({A("invalid_intensity"), in});
  if (!per.is_small() || per.small() < 1) return Term::tuple({A("invalid_period"), per});
  s.strategy = strategy;
  s.intensity = in.small();
  s.period = per.small();
  return Term(atom::ok);
}

Term stop_with(Term reason, const Term& state) { return gen_server::stop_noreply(std::move(reason), state); }

}  // namespace

Term Supervisor::module_name() const { return A("Elixir.Supervisor.Default"); }
Term Supervisor::sup_init(const Term& args) const { return Term::tuple({Term(atom::ok), args}); }

Term Supervisor::init(const Term& args) const {
  Process& self = *Process::current();
  self.trap_exit(true);
  Term state = Term::fun(new SupState());
  SupState& s = st(state);
  s.parent = args[0];
  s.init_args = module_name() == A("Elixir.Supervisor.Default") ? Term::tuple({Term(atom::ok), args[1]}) : args[1];
  Term r = sup_init(args[1]);
  if (r == A("ignore")) return r;
  auto stop = [](Term reason) { return Term::tuple({A("stop"), std::move(reason)}); };
  if (!r.is_tuple() || r.tuple_size() != 2 || !r[0].is_atom(atom::ok) || !r[1].is_tuple() || r[1].tuple_size() != 2)
    return stop(Term::tuple({A("bad_return"), Term::tuple({module_name(), A("init"), r})}));
  Term err = set_flags(s, r[1][0]);
  if (!err.is_atom(atom::ok)) return stop(Term::tuple({A("supervisor_data"), err}));
  const Term& specs = r[1][1];
  if (list_length(specs) < 0) return stop(Term::tuple({A("bad_start_spec"), specs}));
  for (const Term& spec : list_to_vector(specs)) {
    Child c;
    err = parse_child_spec(spec, &c);
    if (err.is_atom(atom::ok) && find_id(s, c.id) >= 0) err = Term::tuple({A("duplicate_child_name"), c.id});
    if (!err.is_atom(atom::ok)) return stop(Term::tuple({A("start_spec"), err}));
    s.children.push_back(std::move(c));
  }
  Term failed, reason;
  if (!start_from(self, s, 0, &failed, &reason)) {
    terminate_from(self, s, 0);
    return stop(Term::tuple({Term(atom::shutdown), Term::tuple({A("failed_to_start_child"), failed, reason})}));
  }
  return gen_server::ok(state);
}

// {:state, name, strategy, {ids newest first, %{id => #child}}, dynamics,
// intensity, period, restarts, dynamic_restarts, auto_shutdown, module,
// args}, each #child {:child, pid, id, mfa, restart, significant, shutdown,
// type, modules}, as supervisor.erl's records print in a crash report.
Term Supervisor::format_status(const Term& state) const {
  const SupState& s = st(state);
  Process* self = Process::current();
  Term name = self && self->registered_name().is_atom()
                  ? Term::tuple({A("local"), self->registered_name()})
                  : Term::tuple({self ? Term(self->self()) : Term(atom::undefined), module_name()});
  std::vector<Term> ids;
  std::vector<std::pair<Term, Term>> records;
  for (std::size_t i = s.children.size(); i-- > 0;) {
    const Child& c = s.children[i];
    ids.push_back(c.id);
    records.emplace_back(c.id, Term::tuple({A("child"), c.pid, c.id, c.start, restart_term(c.restart), Term(atom::false_),
                                            c.shutdown, type_term(c), c.modules}));
  }
  std::vector<Term> restarts;
  for (int64_t t : s.restarts) restarts.push_back(Term::integer(t));
  return Term::tuple({A("state"), name, s.strategy, Term::tuple({Term::list(ids), Term::map(std::move(records))}),
                      Term(atom::undefined), Term::integer(s.intensity), Term::integer(s.period), Term::list(restarts),
                      Term::integer(0), A("never"), module_name(), s.init_args});
}

Term Supervisor::handle_call(const Term& req, const Term&, const Term& state) const {
  Process& self = *Process::current();
  SupState& s = st(state);
  auto reply = [&](Term r) { return gen_server::reply(std::move(r), state); };
  if (req == A("which_children")) {
    std::vector<Term> out;
    for (std::size_t i = s.children.size(); i-- > 0;) {
      const Child& c = s.children[i];
      out.push_back(Term::tuple({c.id, is_restarting(c.pid) ? A("restarting") : c.pid, type_term(c), c.modules}));
    }
    return reply(Term::list(out));
  }
  if (req == A("count_children")) {
    int64_t active = 0, sups = 0;
    for (const Child& c : s.children) {
      active += c.pid.is_pid() && self.node().alive(c.pid.pid());
      sups += c.supervisor;
    }
    int64_t n = int64_t(s.children.size());
    auto kv = [](const char* k, int64_t v) { return Term::tuple({A(k), Term::integer(v)}); };
    return reply(Term::list({kv("specs", n), kv("active", active), kv("supervisors", sups), kv("workers", n - sups)}));
  }
  if (!req.is_tuple() || req.tuple_size() != 2) return reply(Term::tuple({Term(atom::error), A("badarg")}));
  const Term& op = req[0];
  const Term& arg = req[1];
  if (op == A("start_child")) {
    Child c;
    Term err = parse_child_spec(arg, &c);
    if (!err.is_atom(atom::ok)) return reply(Term::tuple({Term(atom::error), err}));
    long i = find_id(s, c.id);
    if (i >= 0) {
      const Term& p = s.children[std::size_t(i)].pid;
      if (p.is_pid()) return reply(Term::tuple({Term(atom::error), Term::tuple({A("already_started"), p})}));
      return reply(Term::tuple({Term(atom::error), A("already_present")}));
    }
    Term r = start_child_process(self, c);
    if (r[0].is_atom(atom::error)) {
      const Term& why = r[1];
      if (why.is_tuple() && why.tuple_size() == 2 && why[0] == A("already_started")) return reply(r);
      return reply(Term::tuple({Term(atom::error), Term::tuple({why, child_record(c)})}));
    }
    if (r[1].is_atom(atom::undefined) && c.restart == Restart::Temporary) return reply(r);
    c.pid = r[1];
    s.children.push_back(std::move(c));
    return reply(r);
  }
  long i = find_id(s, arg);
  if (i < 0) return reply(Term::tuple({Term(atom::error), A("not_found")}));
  Child& c = s.children[std::size_t(i)];
  if (op == A("terminate_child")) {
    do_terminate(self, c);
    del_child(s, std::size_t(i));
    return reply(Term(atom::ok));
  }
  if (op != A("restart_child") && op != A("delete_child")) return reply(Term::tuple({Term(atom::error), A("badarg")}));
  if (is_restarting(c.pid)) return reply(Term::tuple({Term(atom::error), A("restarting")}));
  if (c.pid.is_pid()) return reply(Term::tuple({Term(atom::error), A("running")}));
  if (op == A("delete_child")) {
    s.children.erase(s.children.begin() + i);
    return reply(Term(atom::ok));
  }
  Term r = start_child_process(self, c);
  if (r[0].is_atom(atom::ok)) c.pid = r[1];
  return reply(r);
}

Term Supervisor::handle_cast(const Term& req, const Term& state) const {
  SupState& s = st(state);
  if (req.is_tuple() && req.tuple_size() == 2 && req[0] == A("try_again_restart")) {
    long i = find_id(s, req[1]);
    if (i >= 0 && is_restarting(s.children[std::size_t(i)].pid) && !restart(*Process::current(), s, std::size_t(i)))
      return stop_with(Term(atom::shutdown), state);
  }
  return gen_server::noreply(state);
}

Term Supervisor::handle_info(const Term& msg, const Term& state) const {
  SupState& s = st(state);
  if (!msg.is_tuple() || msg.tuple_size() != 3 || !msg[0].is_atom(atom::EXIT)) return gen_server::noreply(state);
  if (msg[1] == s.parent) return stop_with(msg[2], state);
  std::size_t i = 0;
  while (i < s.children.size() && !(s.children[i].pid == msg[1])) ++i;
  if (i == s.children.size()) return gen_server::noreply(state);
  const Term& reason = msg[2];
  Restart type = s.children[i].restart;
  bool clean = reason.is_atom(atom::normal) || reason.is_atom(atom::shutdown) ||
               (reason.is_tuple() && reason.tuple_size() == 2 && reason[0].is_atom(atom::shutdown));
  if (type == Restart::Temporary || (type == Restart::Transient && clean)) {
    del_child(s, i);
    return gen_server::noreply(state);
  }
  if (!restart(*Process::current(), s, i)) return stop_with(Term(atom::shutdown), state);
  return gen_server::noreply(state);
}

// OTP's terminate/2 stops the children, newest first, and leaves the state
// as it was: the termination report prints it with the children's pids.
void Supervisor::terminate(const Term&, const Term& state) const {
  if (!state.is_fun()) return;
  const SupState& s = st(state);
  for (std::size_t i = s.children.size(); i-- > 0;) do_terminate(*Process::current(), s.children[i]);
}

bool supervisor::view_state(const Term& state, int64_t now_ms, std::size_t max_children, StateView* out) {
  const SupState* s = state.is_fun() ? dynamic_cast<const SupState*>(&state.fun()) : nullptr;
  if (!s) return false;
  out->strategy = s->strategy;
  out->max_restarts = s->intensity;
  out->max_seconds = s->period;
  const int64_t threshold = now_ms / 1000 - s->period;  // add_restart's window
  out->restarts_in_window = 0;
  for (int64_t r : s->restarts) out->restarts_in_window += r >= threshold;
  out->child_count = s->children.size();
  out->children.clear();
  for (std::size_t i = s->children.size(); i-- > 0 && out->children.size() < max_children;)
    out->children.push_back(s->children[i]);
  return true;
}

}  // namespace otp

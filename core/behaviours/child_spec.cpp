#include "behaviours/child_spec.hpp"

#include <unordered_map>
#include <vector>

#include "runtime/crash.hpp"
#include "runtime/exit.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

namespace otp::supervisor {

namespace {

struct StartTable {
  explicit StartTable(Node&) {}
  std::unordered_map<uint64_t, StartMfa> fns;  // module id << 32 | function id
  StartResolver resolver;
};

uint64_t key(Atom m, Atom f) { return (uint64_t{m.id} << 32) | f.id; }
Term A(const char* name) { return Term::atom(name); }
const Term* get(const Term& map, const char* k) { return map.map_get(A(k)); }

bool is_mfa(const Term& s) {
  return s.is_tuple() && s.tuple_size() == 3 && s[0].is_atom() && s[1].is_atom() && s[2].is_list() &&
         list_length(s[2]) >= 0;
}

// Applies an MFA or fun to args in the calling process.
Term apply_start(Process& self, const Term& start, std::span<const Term> args) {
  if (start.is_fun()) return apply_fun(start, args);
  auto& table = self.node().service<StartTable>();
  if (table.resolver) {
    StartResolver resolver = table.resolver;  // a copy: the table may change while it runs
    if (StartMfa fn = resolver(self.node(), start[0].atom(), start[1].atom(), args.size())) return fn(self, args);
  }
  auto& fns = table.fns;
  auto it = fns.find(key(start[0].atom(), start[1].atom()));
  if (it == fns.end()) {
    Term where = Term::tuple({start[0], start[1], Term::list(args), Term::empty_list()});
    throw ErlangError(Term::tuple({Term(atom::undef), Term::list({where})}));
  }
  StartMfa fn = it->second;  // a copy: the table may change while it runs
  return fn(self, args);
}

std::vector<Term> start_args(const Term& start, std::span<const Term> extra, bool prepend) {
  std::vector<Term> args;
  if (prepend) args.assign(extra.begin(), extra.end());
  if (start.is_tuple())
    for (Term& a : list_to_vector(start[2])) args.push_back(std::move(a));
  if (!prepend) args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

bool ok_pid(const Term& r, std::size_t n) { return r.is_tuple() && r.tuple_size() == n && r[0].is_atom(atom::ok) && r[1].is_pid(); }

}  // namespace

void register_start(Node& node, Atom module, Atom function, StartMfa fn) {
  node.service<StartTable>().fns[key(module, function)] = std::move(fn);
}

void set_start_resolver(Node& node, StartResolver resolver) {
  node.service<StartTable>().resolver = std::move(resolver);
}

Term child_spec(Term id, StartFn start, const ChildOptions& opts) {
  Atom mod = opts.module.id ? opts.module : Term::atom("Elixir.Supervisor").atom();
  Term fun = make_fun(mod, "start/0", 0, [start = std::move(start)](std::span<const Term>) {
    return start(*Process::current());
  });
  std::vector<std::pair<Term, Term>> kv{{A("id"), std::move(id)}, {A("start"), std::move(fun)}};
  if (!opts.restart.is_atom(atom::nil)) kv.emplace_back(A("restart"), opts.restart);
  if (!opts.shutdown.is_atom(atom::nil)) kv.emplace_back(A("shutdown"), opts.shutdown);
  if (!opts.type.is_atom(atom::nil)) kv.emplace_back(A("type"), opts.type);
  if (!opts.modules.is_atom(atom::nil)) kv.emplace_back(A("modules"), opts.modules);
  return Term::map(std::move(kv));
}

Term restart_term(Restart r) {
  return A(r == Restart::Permanent ? "permanent" : r == Restart::Transient ? "transient" : "temporary");
}
Term type_term(const Child& c) { return A(c.supervisor ? "supervisor" : "worker"); }

Term parse_child_spec(const Term& spec, Child* out) {
  if (!spec.is_map()) return Term::tuple({A("invalid_child_spec"), spec});
  const Term* id = get(spec, "id");
  if (!id) return A("missing_id");
  const Term* start = get(spec, "start");
  if (!start) return A("missing_start");
  if (!is_mfa(*start) && !start->is_fun()) return Term::tuple({A("invalid_mfa"), *start});
  const Term* r = get(spec, "restart");
  Term restart = r ? *r : A("permanent");
  if (restart == A("permanent")) out->restart = Restart::Permanent;
  else if (restart == A("transient")) out->restart = Restart::Transient;
  else if (restart == A("temporary")) out->restart = Restart::Temporary;
  else return Term::tuple({A("invalid_restart_type"), restart});
  const Term* ty = get(spec, "type");
  Term type = ty ? *ty : A("worker");
  if (type != A("worker") && type != A("supervisor")) return Term::tuple({A("invalid_child_type"), type});
  out->supervisor = type == A("supervisor");
  const Term* sh = get(spec, "shutdown");
  Term shutdown = sh ? *sh : out->supervisor ? Term(atom::infinity) : Term::integer(5000);
  bool valid_ms = shutdown.is_small() && shutdown.small() >= 0;
  if (!valid_ms && shutdown != A("brutal_kill") && !shutdown.is_atom(atom::infinity))
    return Term::tuple({A("invalid_shutdown"), shutdown});
  const Term* ms = get(spec, "modules");
  Term modules = ms ? *ms
                    : Term::list({start->is_fun() ? Term(start->fun().module()) : (*start)[0]});
  bool mods_ok = modules == A("dynamic");
  if (!mods_ok && list_length(modules) >= 0) {
    mods_ok = true;
    for (const Term& m : list_to_vector(modules)) mods_ok = mods_ok && m.is_atom();
  }
  if (!mods_ok) return Term::tuple({A("invalid_modules"), modules});
  out->id = *id;
  out->start = *start;
  out->shutdown = shutdown;
  out->modules = modules;
  out->pid = Term(atom::undefined);
  return Term(atom::ok);
}

Term start_child_process(Process& self, const Child& child, std::span<const Term> extra) {
  Term r;
  try {
    std::vector<Term> args = start_args(child.start, extra, false);
    r = apply_start(self, child.start, args);
  } catch (const KillUnwind&) {
    throw;
  } catch (const ThrownValue& t) {
    return Term::tuple({Term(atom::error), t.value});
  } catch (...) {
    CrashInfo info;
    return Term::tuple({Term(atom::error), Term::tuple({Term(atom::EXIT), crash_reason(std::current_exception(), &info)})});
  }
  if (ok_pid(r, 2) || ok_pid(r, 3)) return r;
  if (r == A("ignore")) return Term::tuple({Term(atom::ok), Term(atom::undefined)});
  if (r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom(atom::error)) return r;
  return Term::tuple({Term(atom::error), r});
}

Term start_dynamic(Process& self, const Term& start, std::span<const Term> extra) {
  Term r;
  try {
    std::vector<Term> args = start_args(start, extra, true);
    r = apply_start(self, start, args);
  } catch (const KillUnwind&) {
    throw;
  } catch (...) {
    CrashInfo info;
    return Term::tuple({Term(atom::error), crash_reason(std::current_exception(), &info)});
  }
  if (ok_pid(r, 2) || ok_pid(r, 3) || r == A("ignore")) return r;
  if (r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom(atom::error)) return r;
  return Term::tuple({Term(atom::error), r});
}

Term shutdown_child(Process& self, Pid pid, const Term& shutdown, Restart restart) {
  Term mon(self.monitor(Term(pid)));
  bool brutal = shutdown == A("brutal_kill");
  self.exit(Term(pid), brutal ? Term(atom::kill) : Term(atom::shutdown));
  auto is_down = [&mon](const Term& m) {
    return m.is_tuple() && m.tuple_size() == 5 && m[0].is_atom(atom::DOWN) && m[1] == mon;
  };
  Timeout wait = shutdown.is_small() ? Timeout{shutdown.small()} : Timeout::infinity();
  std::optional<Term> down = self.receive(is_down, wait);
  if (!down) {
    self.exit(Term(pid), Term(atom::kill));
    down = self.receive(is_down, Timeout::infinity());
  }
  // unlink_flush: the EXIT (if any) carries the reason the child gave.
  Term reason = (*down)[4];
  self.unlink(Term(pid));
  Term exit_tag(atom::EXIT), pid_term(pid);
  if (auto ex = self.receive(
          [&](const Term& m) { return m.is_tuple() && m.tuple_size() == 3 && m[0] == exit_tag && m[1] == pid_term; },
          Timeout{0}))
    reason = (*ex)[2];
  bool permanent = restart == Restart::Permanent;
  bool ok = reason.is_atom(brutal ? atom::killed : atom::shutdown) ||
            (!permanent && (reason.is_atom(atom::shutdown) || reason.is_atom(atom::normal) ||
                            (reason.is_tuple() && reason.tuple_size() == 2 && reason[0].is_atom(atom::shutdown))));
  return ok ? Term(atom::ok) : Term::tuple({Term(atom::error), reason});
}

Term child_record(const Child& c) {
  return Term::tuple({A("child"), c.pid, c.id, c.start, restart_term(c.restart), Term(atom::false_), c.shutdown,
                      type_term(c), c.modules});
}

}  // namespace otp::supervisor

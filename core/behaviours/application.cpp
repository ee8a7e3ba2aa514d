#include "behaviours/application.hpp"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "runtime/exit.hpp"
#include "term/error.hpp"
#include "runtime/crash.hpp"

namespace otp {
namespace {


struct App {
  AppSpec spec;
  bool running = false;
  Pid master{0, 0};
};

// The node's application controller.
struct Controller {
  explicit Controller(Node&) {}
  std::unordered_map<uint32_t, App> loaded;     // by atom id
  std::vector<Atom> started;                    // in start order
  std::unordered_map<uint32_t, Term> env;       // keyword list per application
};

Controller& controller(Node& node) { return node.service<Controller>(); }

Atom app_atom(const Term& app) {
  if (!app.is_atom()) throw ErlangError(Term(atom::badarg));
  return app.atom();
}

Term error(Term reason) { return Term::tuple({Term(atom::error), std::move(reason)}); }

Term argument_error(const std::string& message) {
  return Term::map({{Term(atom::__struct__), Term(atom::elixir_argument_error)},
                    {Term(atom::__exception__), Term(atom::true_)},
                    {Term(atom::message), Term::binary(message)}});
}

const Term* keyword_get(const Term& list, const Term& key) {
  for (const Term* l = &list; l->is_cons(); l = &l->tail()) {
    const Term& kv = l->head();
    if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0] == key) return &kv[1];
  }
  return nullptr;
}

Term keyword_put(const Term& list, const Term& key, Term value) {
  std::vector<Term> out;
  for (const Term* l = &list; l->is_cons(); l = &l->tail())
    if (!(l->head().is_tuple() && l->head()[0] == key)) out.push_back(l->head());
  out.push_back(Term::tuple({key, std::move(value)}));
  return Term::list(std::span<const Term>(out));
}

void mark_stopped(Node& node, Atom name) {
  Controller& c = controller(node);
  auto it = c.loaded.find(name.id);
  if (it != c.loaded.end()) it->second.running = false;
  c.started.erase(std::remove(c.started.begin(), c.started.end(), name), c.started.end());
}

// The master process of a running application (see application.hpp).
void master(Process& self, Atom name, Term type, Pid starter, Term ack) {
  Node& node = self.node();
  AppSpec spec = controller(node).loaded.at(name.id).spec;
  Term r;
  try {
    r = spec.start(self, type);
  } catch (const ExitSignal& e) {
    r = error(e.reason);
  } catch (const ErlangError& e) {
    r = error(e.reason);
  }
  const bool ok = r.is_tuple() && (r.tuple_size() == 2 || r.tuple_size() == 3) && r[0].is_atom(atom::ok) &&
                  r[1].is_pid();
  if (!ok) {
    Term reason = r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom(atom::error)
                      ? r : error(Term::tuple({Term(atom::bad_return_value), r}));
    node.send(starter, Term::tuple({ack, reason}));
    return;
  }
  const Pid top = r[1].pid();
  const Term state = r.tuple_size() == 3 ? r[2] : Term();
  self.trap_exit(true);
  self.link(r[1]);
  node.send(starter, Term::tuple({ack, Term(atom::ok)}));
  for (;;) {
    Term m = self.receive();
    if (m.is_tuple() && m.tuple_size() == 3 && m[0].is_atom(atom::EXIT) && m[1] == Term(top)) {
      mark_stopped(node, name);
      node.log(node.log_prefix("notice") + "Application " + std::string(name.name()) + " exited: " + format_exit_reason(m[2]) + "\n");
      return;
    }
    if (m.is_tuple() && m.tuple_size() == 3 && m[0].is_atom(atom::stop)) {
      self.exit(Term(top), Term(atom::shutdown));
      self.receive([&](const Term& x) { return x.is_tuple() && x.tuple_size() == 3 && x[0].is_atom(atom::EXIT) &&
                                               x[1] == Term(top); },
                   Timeout::infinity());
      if (spec.stop) spec.stop(state);
      mark_stopped(node, name);
      node.log(node.log_prefix("notice") + "Application " + std::string(name.name()) + " exited: :stopped\n");
      node.send(m[1].pid(), Term::tuple({m[2], Term(atom::ok)}));
      return;
    }
  }
}

}  // namespace

namespace application {

Term load(Node& node, AppSpec spec) {
  Controller& c = controller(node);
  auto it = c.loaded.find(spec.name.id);
  if (it != c.loaded.end() && it->second.running) return error(Term::tuple({Term::atom("already_loaded"), Term(spec.name)}));
  Term& env = c.env[spec.name.id];
  if (!env.is_list()) env = Term::empty_list();
  for (const Term* l = &spec.env; l->is_cons(); l = &l->tail())
    if (!keyword_get(env, l->head()[0])) env = keyword_put(env, l->head()[0], l->head()[1]);
  c.loaded[spec.name.id] = App{std::move(spec)};
  return Term(atom::ok);
}

Term start(Process& self, const Term& app, const Term& type) {
  Node& node = self.node();
  Controller& c = controller(node);
  Atom name = app_atom(app);
  auto it = c.loaded.find(name.id);
  if (it == c.loaded.end())
    return error(Term::tuple({Term::charlist("no such file or directory"),
                              Term::charlist(std::string(name.name()) + ".app")}));
  if (it->second.running) return error(Term::tuple({Term(atom::already_started), app}));
  for (Atom dep : it->second.spec.applications) {
    auto d = c.loaded.find(dep.id);
    if (d == c.loaded.end() || !d->second.running) return error(Term::tuple({Term::atom("not_started"), Term(dep)}));
  }
  if (!it->second.spec.start) {  // a library application
    it->second.running = true;
    c.started.push_back(name);
    return Term(atom::ok);
  }
  Term ack(node.make_ref());
  Pid me = self.self();
  SpawnOptions o;
  o.monitor = true;
  o.initial_call = Term::tuple({Term::atom("application_master"), Term::atom("init"), Term::integer(4)});
  Spawned m = self.spawn([name, type, me, ack](Process& p) { master(p, name, type, me, ack); }, o);
  Term mon(*m.monitor);
  Term got = *self.receive(
      [&](const Term& x) {
        return x.is_tuple() && ((x.tuple_size() == 2 && x[0] == ack) ||
                                (x.tuple_size() == 5 && x[0].is_atom(atom::DOWN) && x[1] == mon));
      },
      Timeout::infinity());
  if (got.tuple_size() == 5) return error(got[4]);
  self.demonitor(*m.monitor, true);
  if (got[1].is_atom(atom::ok)) {
    App& a = controller(node).loaded.at(name.id);
    a.running = true;
    a.master = m.pid;
    controller(node).started.push_back(name);
  }
  return got[1];
}

Term ensure_all_started(Process& self, const Term& app) {
  Node& node = self.node();
  std::vector<Term> started;
  std::function<Term(Atom)> go = [&](Atom name) -> Term {
    Controller& c = controller(node);
    auto it = c.loaded.find(name.id);
    if (it != c.loaded.end() && it->second.running) return Term(atom::ok);
    if (it != c.loaded.end())
      for (Atom dep : std::vector<Atom>(it->second.spec.applications)) {
        Term r = go(dep);
        if (!r.is_atom(atom::ok)) return r;
      }
    Term r = start(self, Term(name));
    if (!r.is_atom(atom::ok)) return error(Term::tuple({Term(name), r.is_tuple() ? r[1] : r}));
    started.push_back(Term(name));
    return r;
  };
  Term r = go(app_atom(app));
  if (!r.is_atom(atom::ok)) return r;
  return Term::tuple({Term(atom::ok), Term::list(std::span<const Term>(started))});
}

Term stop(Process& self, const Term& app) {
  Node& node = self.node();
  Atom name = app_atom(app);
  auto& loaded = controller(node).loaded;
  auto it = loaded.find(name.id);
  if (it == loaded.end() || !it->second.running) return error(Term::tuple({Term::atom("not_started"), app}));
  if (!it->second.spec.start) {
    mark_stopped(node, name);
    return Term(atom::ok);
  }
  Term ref(node.make_ref());
  Ref mon = self.monitor(Term(it->second.master));
  Term mon_t(mon);
  node.send(it->second.master, Term::tuple({Term(atom::stop), Term(self.self()), ref}));
  self.receive([&](const Term& x) {
    return x.is_tuple() && ((x.tuple_size() == 2 && x[0] == ref) ||
                            (x.tuple_size() == 5 && x[0].is_atom(atom::DOWN) && x[1] == mon_t));
  }, Timeout::infinity());
  self.demonitor(mon, true);
  return Term(atom::ok);
}

Term started_applications(Node& node) {
  Controller& c = controller(node);
  std::vector<Term> out;
  for (auto it = c.started.rbegin(); it != c.started.rend(); ++it) {
    const AppSpec& s = c.loaded.at(it->id).spec;
    out.push_back(Term::tuple({Term(s.name), Term::charlist(s.description), Term::charlist(s.vsn)}));
  }
  return Term::list(std::span<const Term>(out));
}

std::optional<Pid> master_of(Node& node, Atom app) {
  Controller& c = controller(node);
  auto it = c.loaded.find(app.id);
  if (it == c.loaded.end() || !it->second.running || it->second.master.number == 0) return std::nullopt;
  return it->second.master;
}

Term loaded_applications(Node& node) {
  std::vector<Term> out;
  for (const auto& [id, a] : controller(node).loaded)
    out.push_back(Term::tuple({Term(a.spec.name), Term::charlist(a.spec.description), Term::charlist(a.spec.vsn)}));
  std::sort(out.begin(), out.end(), [](const Term& x, const Term& y) { return compare(x, y) < 0; });
  return Term::list(std::span<const Term>(out));
}

Term spec(Node& node, const Term& app, const Term& key) {
  auto& loaded = controller(node).loaded;
  auto it = loaded.find(app_atom(app).id);
  if (it == loaded.end()) return Term();
  const AppSpec& s = it->second.spec;
  std::string_view k = key.is_atom() ? key.atom().name() : "";
  if (k == "description") return Term::charlist(s.description);
  if (k == "vsn") return Term::charlist(s.vsn);
  if (k == "modules") return s.modules;
  if (k == "applications") {
    std::vector<Term> deps;
    for (Atom d : s.applications) deps.push_back(Term(d));
    return Term::list(std::span<const Term>(deps));
  }
  if (k == "env") return get_all_env(node, app);
  throw ErlangError(argument_error("unknown application specification key " + inspect(key)));
}


Term spec(Node& node, const Term& app) {
  if (!controller(node).loaded.count(app_atom(app).id)) return Term();
  std::vector<Term> out;
  for (const char* k : {"description", "vsn", "modules", "applications", "env"})
    out.push_back(Term::tuple({Term::atom(k), spec(node, app, Term::atom(k))}));
  return Term::list(std::span<const Term>(out));
}

Term get_all_env(Node& node, const Term& app) {
  auto& env = controller(node).env;
  auto it = env.find(app_atom(app).id);
  return it == env.end() ? Term::empty_list() : it->second;
}

Term get_env(Node& node, const Term& app, const Term& key, const Term& fallback) {
  Term all = get_all_env(node, app);
  const Term* v = keyword_get(all, key);
  return v ? *v : fallback;
}

Term put_env(Node& node, const Term& app, const Term& key, Term value) {
  Term& env = controller(node).env[app_atom(app).id];
  if (!env.is_list()) env = Term::empty_list();
  env = keyword_put(env, key, std::move(value));
  return Term(atom::ok);
}

Term delete_env(Node& node, const Term& app, const Term& key) {
  auto& env = controller(node).env;
  auto it = env.find(app_atom(app).id);
  if (it == env.end()) return Term(atom::ok);
  std::vector<Term> kept;
  for (const Term* l = &it->second; l->is_cons(); l = &l->tail())
    if (!(l->head().is_tuple() && l->head()[0] == key)) kept.push_back(l->head());
  it->second = Term::list(std::span<const Term>(kept));
  return Term(atom::ok);
}
Term fetch_env(Node& node, const Term& app, const Term& key) {
  Term all = get_all_env(node, app);
  const Term* v = keyword_get(all, key);
  return v ? Term::tuple({Term(atom::ok), *v}) : Term(atom::error);
}

Term fetch_env_bang(Node& node, const Term& app, const Term& key) {
  Term r = fetch_env(node, app, key);
  if (r.is_tuple()) return r[1];
  const bool loaded = controller(node).loaded.count(app_atom(app).id) > 0;
  throw ErlangError(argument_error(
      "could not fetch application environment " + inspect(key) + " for application " + inspect(app) +
      (loaded ? " because configuration at " + inspect(key) + " was not set"
              : " because the application was not loaded nor configured")));
}

void boot(Process& self) {
  Node& node = self.node();
  auto lib = [&](const char* name, const char* desc, const char* vsn, std::vector<Atom> deps,
                 std::initializer_list<const char*> modules) {
    AppSpec s;
    s.name = Atom::intern(name);
    s.description = desc;
    s.vsn = vsn;
    s.applications = std::move(deps);
    std::vector<Term> mods;
    for (const char* m : modules) mods.push_back(Term::atom(m));
    s.modules = Term::list(std::span<const Term>(mods));
    load(node, std::move(s));
  };
  const Atom kernel = Atom::intern("kernel"), stdlib = Atom::intern("stdlib"), elixir = Atom::intern("elixir");
  // Descriptions and versions as the real node reports them; modules: what
  // this runtime implements of each.
  lib("kernel", "ERTS  CXC 138 10", "8.5.3", {}, {"erlang", "application", "timer"});
  lib("stdlib", "ERTS  CXC 138 10", "4.2", {kernel}, {"gen", "gen_server", "supervisor", "sys", "proc_lib"});
  lib("compiler", "ERTS  CXC 138 10", "8.2.3", {kernel, stdlib}, {});
  lib("elixir", "elixir", "1.14.0", {kernel, stdlib, Atom::intern("compiler")},
      {"Elixir.GenServer", "Elixir.Supervisor", "Elixir.Agent", "Elixir.Task", "Elixir.Registry", "Elixir.Application"});
  lib("logger", "logger", "1.14.0", {kernel, stdlib, elixir}, {"Elixir.Logger"});
  lib("iex", "iex", "1.14.0", {kernel, stdlib, elixir}, {"Elixir.IEx"});
  for (const char* a : {"kernel", "stdlib", "compiler", "elixir", "logger", "iex"})
    ensure_all_started(self, Term::atom(a));
}

}  // namespace application
}  // namespace otp

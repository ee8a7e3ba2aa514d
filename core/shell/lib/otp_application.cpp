// Elixir's Application over the node's application controller
// (core/behaviours/application.hpp): what is loaded and started (kernel,
// stdlib, compiler, elixir, logger, iex once the session has booted them,
// plus the applications of loaded examples) and each application's
// environment. Application.start of an unknown application answers OTP's
// {:error, {'no such file or directory', 'name.app'}}.
//
// The environment functions (get_env, put_env, ...) are in
// otp_application_env.cpp.
//
// Limits: spec keys this runtime does not keep (id, maxP, maxT, registered,
// mod, ...) answer a library application's defaults; app_dir/1 is not
// provided (there is no file system).
#include "behaviours/application.hpp"
#include "shell/lib/otp_support.hpp"

namespace otp::shell::lib {

namespace {

Node& node_of(const char* what) { return caller(what).node(); }

void need_app(const Term& app, const char* fun, Args a) {
  if (!app.is_atom()) no_clause_for("Application", fun, a);
}

bool is_spec_key(const Term& k) {
  static const char* const keys[] = {"description", "id",  "vsn",  "modules", "maxP", "maxT", "registered",
                                     "included_applications", "optional_applications", "applications", "mod",
                                     "start_phases"};
  for (const char* n : keys)
    if (k.is_atom() && k.atom().name() == n) return true;
  return false;
}

// Application.spec(app, key) for a loaded application.
Term spec_value(Node& node, const Term& app, const Term& key) {
  std::string_view k = key.atom().name();
  if (k == "description" || k == "vsn" || k == "modules" || k == "applications")
    return application::spec(node, app, key);
  if (k == "maxP" || k == "maxT") return Term(atom::infinity);
  if (k == "start_phases") return Term(atom::undefined);
  return Term::empty_list();
}

Term spec1(Args a) {
  need_app(a[0], "spec", a);
  Node& node = node_of("Application.spec/1");
  if (application::spec(node, a[0]).is_atom(atom::nil)) return Term();
  std::vector<Term> out;
  for (const char* k : {"description", "id", "vsn", "modules", "maxP", "maxT", "registered", "included_applications",
                        "optional_applications", "applications", "mod", "start_phases"})
    out.push_back(Term::tuple({Term::atom(k), spec_value(node, a[0], Term::atom(k))}));
  return list_of(out);
}

Term spec2(Args a) {
  if (!a[0].is_atom() || !is_spec_key(a[1])) no_clause_for("Application", "spec", a);
  Node& node = node_of("Application.spec/2");
  if (application::spec(node, a[0]).is_atom(atom::nil)) return Term();
  return spec_value(node, a[0], a[1]);
}

Term start(Args a) {
  Term type = a.size() > 1 ? a[1] : Term::atom("temporary");
  if (!a[0].is_atom()) no_clause_for("Application", "start", std::vector<Term>{a[0], type});
  return application::start(caller("Application.start"), a[0], type);
}

Term ensure_started(Args a) {
  Term type = a.size() > 1 ? a[1] : Term::atom("temporary");
  if (!a[0].is_atom()) no_clause_for("Application", "ensure_started", std::vector<Term>{a[0], type});
  Term r = application::start(caller("Application.ensure_started"), a[0], type);
  if (r.is_tuple() && r.tuple_size() == 2 && r[1].is_tuple() && r[1].tuple_size() == 2 && r[1][0].is_atom(atom::already_started))
    return Term(atom::ok);
  return r;
}

Term ensure_all_started(Args a) {
  Term type = a.size() > 1 ? a[1] : Term::atom("temporary");
  if (!a[0].is_atom()) no_clause_for("Application", "ensure_all_started", std::vector<Term>{a[0], type});
  return application::ensure_all_started(caller("Application.ensure_all_started"), a[0]);
}

Term load(Args a) {
  need_app(a[0], "load", a);
  if (!application::spec(node_of("Application.load/1"), a[0]).is_atom(atom::nil))
    return Term::tuple({Term(atom::error), Term::tuple({Term::atom("already_loaded"), a[0]})});
  return Term::tuple({Term(atom::error), Term::tuple({Term::charlist("no such file or directory"),
                                                       Term::charlist(std::string(a[0].atom().name()) + ".app")})});
}

// The application a built-in module belongs to on a real node.
Term home_of(Atom module) {
  std::string_view n = module.name();
  if (n == "Elixir.Logger" || n.rfind("Elixir.Logger.", 0) == 0) return Term::atom("logger");
  if (n == "Elixir.IEx" || n.rfind("Elixir.IEx.", 0) == 0) return Term::atom("iex");
  if (n.rfind("Elixir.", 0) == 0) return builtins().has_module(module) ? Term::atom("elixir") : Term();
  for (const char* m : {"application", "timer", "code", "file", "os", "logger"})
    if (n == m) return Term::atom("kernel");
  for (const char* m : {"ets", "lists", "maps", "math", "io_lib", "string", "proplists", "queue", "unicode",
                        "gen_server", "supervisor", "sys", "gen", "proc_lib", "binary", "rand"})
    if (n == m) return Term::atom("stdlib");
  return Term();
}

Term get_application(Args a) {
  need_app(a[0], "get_application", a);
  Node& node = node_of("Application.get_application/1");
  Term loaded = application::loaded_applications(node);
  for (const Term* c = &loaded; c->is_cons(); c = &c->tail()) {
    Term mods = application::spec(node, c->head()[0], Term::atom("modules"));
    for (const Term* m = &mods; m->is_cons(); m = &m->tail())
      if (m->head() == a[0]) return c->head()[0];
  }
  Term home = home_of(a[0].atom());
  if (home.is_atom(atom::nil) || application::spec(node, home).is_atom(atom::nil)) return Term();
  return home;
}

}  // namespace

void add_otp_application(Library& lib) {
  const char* A = "Application";
  lib.add(A, "started_applications", 0, [](Args) { return application::started_applications(node_of("Application.started_applications")); },
          "[{app, 'description', 'vsn'}] of the running applications.");
  lib.add(A, "started_applications", 1, [](Args) { return application::started_applications(node_of("Application.started_applications")); },
          "started_applications/0 (the timeout is not needed here).");
  lib.add(A, "loaded_applications", 0, [](Args) { return application::loaded_applications(node_of("Application.loaded_applications/0")); },
          "[{app, 'description', 'vsn'}] of the loaded applications.");
  lib.add(A, "spec", 1, spec1, "The application's specification as a keyword list, or nil.");
  lib.add(A, "spec", 2, spec2, "One key of the application's specification (:vsn, :modules, ...), or nil.");
  lib.add(A, "start", 1, start, "Starts an application (its dependencies must be started): :ok or {:error, reason}.");
  lib.add(A, "start", 2, start, "start/1 with a restart type.");
  lib.add(A, "stop", 1, [](Args a) {
    need_app(a[0], "stop", a);
    return application::stop(caller("Application.stop/1"), a[0]);
  }, "Stops an application: :ok or {:error, {:not_started, app}}.");
  lib.add(A, "load", 1, load, "Loads an application: here every known application is already loaded.");
  lib.add(A, "ensure_started", 1, ensure_started, "Starts an application unless it runs: :ok or {:error, reason}.");
  lib.add(A, "ensure_started", 2, ensure_started, "ensure_started/1 with a restart type.");
  lib.add(A, "ensure_all_started", 1, ensure_all_started, "Starts an application and its dependencies: {:ok, started}.");
  lib.add(A, "ensure_all_started", 2, ensure_all_started, "ensure_all_started/1 with a restart type.");
  lib.add(A, "get_application", 1, get_application, "The application a module belongs to, or nil.");
}

}  // namespace otp::shell::lib

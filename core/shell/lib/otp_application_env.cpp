// Application's environment functions (get_env, fetch_env!, put_env,
// delete_env, ...) over the node's application controller, with Elixir's
// guards (a non-atom application is a FunctionClauseError). Options such
// as persistent: are accepted and ignored (there is no configuration file).
#include "behaviours/application.hpp"
#include "shell/lib/otp_support.hpp"

namespace otp::shell::lib {

namespace {

Node& node_of(const char* what) { return caller(what).node(); }

void need_app(const Term& app, const char* fun, Args a) {
  if (!app.is_atom()) no_clause_for("Application", fun, a);
}

Term get_env(Args a) {
  Term fallback = a.size() > 2 ? a[2] : Term();
  if (!a[0].is_atom()) no_clause_for("Application", "get_env", std::vector<Term>{a[0], a[1], fallback});
  return application::get_env(node_of("Application.get_env"), a[0], a[1], fallback);
}

Term put_env(Args a) {
  Term opts = a.size() > 3 ? a[3] : Term::empty_list();
  if (!a[0].is_atom()) no_clause_for("Application", "put_env", std::vector<Term>{a[0], a[1], a[2], opts});
  return application::put_env(node_of("Application.put_env"), a[0], a[1], a[2]);
}

Term delete_env(Args a) {
  Term opts = a.size() > 2 ? a[2] : Term::empty_list();
  if (!a[0].is_atom()) no_clause_for("Application", "delete_env", std::vector<Term>{a[0], a[1], opts});
  return application::delete_env(node_of("Application.delete_env"), a[0], a[1]);
}

Term put_all_env(Args a) {
  Term opts = a.size() > 1 ? a[1] : Term::empty_list();
  if (!proper_list(a[0])) no_clause_for("Application", "put_all_env", std::vector<Term>{a[0], opts});
  Node& node = node_of("Application.put_all_env");
  for (const Term* c = &a[0]; c->is_cons(); c = &c->tail()) {
    const Term& app_env = c->head();
    if (!app_env.is_tuple() || app_env.tuple_size() != 2 || !app_env[0].is_atom() || !proper_list(app_env[1]))
      no_clause_for("Application", "put_all_env", std::vector<Term>{a[0], opts});
    for (const Term* kv = &app_env[1]; kv->is_cons(); kv = &kv->tail())
      if (kv->head().is_tuple() && kv->head().tuple_size() == 2)
        application::put_env(node, app_env[0], kv->head()[0], kv->head()[1]);
  }
  return Term(atom::ok);
}

}  // namespace

void add_otp_application_env(Library& lib) {
  const char* A = "Application";
  lib.add(A, "get_env", 2, get_env, "The value of an application's environment key, or nil.");
  lib.add(A, "get_env", 3, get_env, "The value of an application's environment key, or default.");
  lib.add(A, "fetch_env", 2, [](Args a) {
    need_app(a[0], "fetch_env", a);
    return application::fetch_env(node_of("Application.fetch_env/2"), a[0], a[1]);
  }, "{:ok, value} or :error.");
  lib.add(A, "fetch_env!", 2, [](Args a) {
    need_app(a[0], "fetch_env!", a);
    return application::fetch_env_bang(node_of("Application.fetch_env!/2"), a[0], a[1]);
  }, "The value, or ArgumentError if the key is not set.");
  lib.add(A, "put_env", 3, put_env, "Sets an environment key of an application; :ok.");
  lib.add(A, "put_env", 4, put_env, "put_env/3 with options (ignored).");
  lib.add(A, "delete_env", 2, delete_env, "Removes an environment key of an application; :ok.");
  lib.add(A, "delete_env", 3, delete_env, "delete_env/2 with options (ignored).");
  lib.add(A, "get_all_env", 1, [](Args a) {
    need_app(a[0], "get_all_env", a);
    return application::get_all_env(node_of("Application.get_all_env/1"), a[0]);
  }, "The whole environment of an application, as a keyword list.");
  lib.add(A, "put_all_env", 1, put_all_env, "Sets the environment of several applications: [app: [key: value]].");
  lib.add(A, "put_all_env", 2, put_all_env, "put_all_env/1 with options (ignored).");
}

}  // namespace otp::shell::lib

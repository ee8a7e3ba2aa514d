// Supervisor's client functions (see supervisor.hpp): start_link in its
// three forms and the calls to a running supervisor.
#include "behaviours/supervisor.hpp"

#include "term/error.hpp"
#include "term/struct.hpp"

namespace otp::supervisor {

namespace {
Term A(const char* name) { return Term::atom(name); }
std::shared_ptr<const Supervisor> default_module() {
  static const auto m = std::make_shared<const Supervisor>();
  return m;
}
Term do_call(Process& self, const Term& sup, Term req) {
  return gen::call(self, sup, std::move(req), Timeout::infinity());
}
}  // namespace

Term start_link(Process& caller, std::shared_ptr<const Supervisor> module, Term args, Term name) {
  GenServerOptions o;
  o.name = std::move(name);
  return gen_server::start(caller, std::move(module), Term::tuple({Term(caller.self()), std::move(args)}), o);
}

Term start_link(Process& caller, Term children, const Options& opts) {
  Term flags = Term::map({{A("strategy"), opts.strategy}, {A("intensity"), opts.max_restarts},
                          {A("period"), opts.max_seconds}});
  return start_link(caller, default_module(), Term::tuple({flags, std::move(children)}), opts.name);
}

Term start_link(Process& caller, Term children, const Term& keyword_opts) {
  Options o;
  bool has_strategy = false;
  for (const Term& kv : list_to_vector(keyword_opts)) {
    if (!kv.is_tuple() || kv.tuple_size() != 2) continue;
    if (kv[0] == A("strategy")) { o.strategy = kv[1]; has_strategy = true; }
    else if (kv[0] == A("max_restarts")) o.max_restarts = kv[1];
    else if (kv[0] == A("max_seconds")) o.max_seconds = kv[1];
    else if (kv[0] == A("name")) o.name = kv[1];
  }
  if (!has_strategy)
    throw ErlangError(make_struct(atom::elixir_argument_error,
                                  {{atom::message, Term::binary("expected :strategy option to be given")}}));
  return start_link(caller, std::move(children), o);
}

Term which_children(Process& self, const Term& sup) { return do_call(self, sup, A("which_children")); }
Term count_children(Process& self, const Term& sup) {
  std::vector<std::pair<Term, Term>> kv;
  for (const Term& p : list_to_vector(do_call(self, sup, A("count_children")))) kv.emplace_back(p[0], p[1]);
  return Term::map(std::move(kv));
}
Term start_child(Process& self, const Term& sup, Term spec) {
  return do_call(self, sup, Term::tuple({A("start_child"), std::move(spec)}));
}
Term terminate_child(Process& self, const Term& sup, Term id) {
  return do_call(self, sup, Term::tuple({A("terminate_child"), std::move(id)}));
}
Term restart_child(Process& self, const Term& sup, Term id) {
  return do_call(self, sup, Term::tuple({A("restart_child"), std::move(id)}));
}
Term delete_child(Process& self, const Term& sup, Term id) {
  return do_call(self, sup, Term::tuple({A("delete_child"), std::move(id)}));
}
Term stop(Process& self, const Term& sup, Term reason) {
  return gen_server::stop(self, sup, std::move(reason), Timeout::infinity());
}

}  // namespace otp::supervisor

// Agent.Server and the Agent client functions (see agent.hpp).
#include "behaviours/agent.hpp"

#include "term/error.hpp"
#include "term/fun.hpp"

namespace otp::agent {

namespace {

// Atoms not in atoms.def, interned once.
const Term& tag_get() {
  static const Term t = Term::atom("get");
  return t;
}
const Term& tag_update() {
  static const Term t = Term::atom("update");
  return t;
}
const Term& tag_get_and_update() {
  static const Term t = Term::atom("get_and_update");
  return t;
}
Atom agent_module() {
  static const Atom a = Atom::intern("Elixir.Agent");
  return a;
}

bool is_request(const Term& req, const Term& tag) {
  return req.is_tuple() && req.tuple_size() == 2 && req[0] == tag;
}

Term run(const Term& fun, const Term& state) { return apply_fun(fun, std::span<const Term>(&state, 1)); }

class AgentServer final : public GenServer {
 public:
  Term module_name() const override {
    static const Term name = Term::atom("Elixir.Agent.Server");
    return name;
  }
  Term init(const Term& fun) const override {
    return gen_server::ok(apply_fun(fun, std::span<const Term>()));
  }
  Term handle_call(const Term& req, const Term& from, const Term& state) const override {
    if (is_request(req, tag_get())) return gen_server::reply(run(req[1], state), state);
    if (is_request(req, tag_update())) return gen_server::reply(Term(atom::ok), run(req[1], state));
    if (is_request(req, tag_get_and_update())) {
      Term r = run(req[1], state);
      if (r.is_tuple() && r.tuple_size() == 2) return gen_server::reply(r[0], r[1]);
      return gen_server::stop_noreply(Term::tuple({Term(atom::bad_return_value), std::move(r)}), state);
    }
    return GenServer::handle_call(req, from, state);
  }
  Term handle_cast(const Term& req, const Term& state) const override {
    if (is_request(req, Term(atom::cast))) return gen_server::noreply(run(req[1], state));
    return GenServer::handle_cast(req, state);
  }
  // :sys.change_code's extra is a fun that migrates the state, as in Elixir.
  Term code_change(const Term&, const Term& state, const Term& fun) const override {
    return gen_server::ok(run(fun, state));
  }
};

// Elixir's `when is_function(fun, arity)` guards.
const Term& checked(const Term& fun, uint32_t arity) {
  if (!fun.is_fun() || fun.fun().arity() != arity) throw ErlangError(Term(atom::function_clause));
  return fun;
}

Term wrap(std::function<Term(const Term&)> f, const char* origin) {
  return make_fun(agent_module(), origin, 1,
                  [f = std::move(f)](std::span<const Term> args) { return f(args[0]); });
}

Term start_with(Process& caller, const Term& fun, Term name, bool link) {
  GenServerOptions o;
  o.name = std::move(name);
  o.link = link;
  return gen_server::start(caller, server_module(), checked(fun, 0), std::move(o));
}

Term wrap0(std::function<Term()> f, const char* origin) {
  return make_fun(agent_module(), origin, 0, [f = std::move(f)](std::span<const Term>) { return f(); });
}

Term call(Process& self, const Term& agent, const Term& tag, const Term& fun, Timeout timeout) {
  return gen::call(self, agent, Term::tuple({tag, checked(fun, 1)}), timeout);
}

}  // namespace

std::shared_ptr<const GenServer> server_module() {
  static const std::shared_ptr<const GenServer> module = std::make_shared<const AgentServer>();
  return module;
}

Term start_link(Process& caller, const Term& fun, Term name) {
  return start_with(caller, fun, std::move(name), true);
}
Term start_link(Process& caller, std::function<Term()> fun, Term name) {
  return start_with(caller, wrap0(std::move(fun), "start_link/2"), std::move(name), true);
}
Term start(Process& caller, const Term& fun, Term name) { return start_with(caller, fun, std::move(name), false); }
Term start(Process& caller, std::function<Term()> fun, Term name) {
  return start_with(caller, wrap0(std::move(fun), "start/2"), std::move(name), false);
}

Term get(Process& self, const Term& agent, const Term& fun, Timeout timeout) {
  return call(self, agent, tag_get(), fun, timeout);
}
Term get(Process& self, const Term& agent, std::function<Term(const Term&)> fun, Timeout timeout) {
  return call(self, agent, tag_get(), wrap(std::move(fun), "get/3"), timeout);
}

Term update(Process& self, const Term& agent, const Term& fun, Timeout timeout) {
  return call(self, agent, tag_update(), fun, timeout);
}
Term update(Process& self, const Term& agent, std::function<Term(const Term&)> fun, Timeout timeout) {
  return call(self, agent, tag_update(), wrap(std::move(fun), "update/3"), timeout);
}

Term get_and_update(Process& self, const Term& agent, const Term& fun, Timeout timeout) {
  return call(self, agent, tag_get_and_update(), fun, timeout);
}
Term get_and_update(Process& self, const Term& agent, std::function<Term(const Term&)> fun,
                    Timeout timeout) {
  return call(self, agent, tag_get_and_update(), wrap(std::move(fun), "get_and_update/3"), timeout);
}

Term cast(Process& self, const Term& agent, const Term& fun) {
  gen::cast(self.node(), agent, Term::tuple({Term(atom::cast), checked(fun, 1)}));
  return Term(atom::ok);
}
Term cast(Process& self, const Term& agent, std::function<Term(const Term&)> fun) {
  return cast(self, agent, wrap(std::move(fun), "cast/2"));
}

Term stop(Process& self, const Term& agent, Term reason, Timeout timeout) {
  return gen_server::stop(self, agent, std::move(reason), timeout);
}

}  // namespace otp::agent

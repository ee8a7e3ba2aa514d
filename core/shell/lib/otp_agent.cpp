// Elixir's Agent over core/behaviours/agent.hpp: an agent is a gen_server
// running Agent.Server whose state is the agent's, so :sys.get_state and
// :sys.replace_state work on it. Funs run in the agent process (an
// interpreted fun runs the evaluator there).
//
// The {module, fun, args} forms (Agent.get(agent, Map, :get, [:k])) are
// sent as funs that call apply(module, fun, [state | args]): the results
// are Elixir's, but a crash report shows that fun in "Last message".
// Options: name (atom or {:via, Registry, ...}), timeout; debug, spawn_opt
// and hibernate_after are accepted and ignored.
#include "behaviours/agent.hpp"
#include "behaviours/gen_server.hpp"
#include "shell/lib/otp_support.hpp"

namespace otp::shell::lib {

namespace {

const Term& server_name() {
  static const Term t = Term::atom("Elixir.Agent.Server");
  return t;
}

Term start(bool link, const Term& init, const Term& opts) {
  Process& self = caller(link ? "Agent.start_link" : "Agent.start");
  if (!opts.is_list()) no_clause_for("GenServer", link ? "start_link" : "start", std::vector<Term>{server_name(), init, opts});
  GenServerOptions o;
  o.name = name_option(opts);
  o.link = link;
  if (const Term* t = opt(opts, "timeout")) {
    std::optional<Timeout> to = timeout_arg(*t);
    if (to) o.timeout = *to;
  }
  return gen_server::start(self, agent::server_module(), init, std::move(o));
}

// Agent.start_link(fun, options \\ []) and Agent.start/2.
template <bool Link>
Term start_fun(Args a) {
  Term opts = a.size() > 1 ? a[1] : Term::empty_list();
  if (!is_fun(a[0], 0)) no_clause_for("Agent", Link ? "start_link" : "start", std::vector<Term>{a[0], opts});
  return start(Link, a[0], opts);
}

// Agent.start_link(module, fun, args, options \\ []) and Agent.start/4.
template <bool Link>
Term start_mfa(Args a) {
  Term opts = a.size() > 3 ? a[3] : Term::empty_list();
  if (!is_mfa(a[0], a[1], a[2])) no_clause_for("Agent", Link ? "start_link" : "start", std::vector<Term>{a[0], a[1], a[2], opts});
  return start(Link, mfa_fun(a[0], a[1], a[2], 0), opts);
}

enum class Op { Get, Update, GetAndUpdate };

const char* op_name(Op op) { return op == Op::Get ? "get" : op == Op::Update ? "update" : "get_and_update"; }

Term run(Op op, const Term& agent, const Term& fun, const Term& timeout_t) {
  Process& self = caller("Agent");
  std::optional<Timeout> t = timeout_arg(timeout_t);
  if (!t)
    no_clause_for("GenServer", "call",
                  std::vector<Term>{agent, Term::tuple({Term::atom(op_name(op)), fun}), timeout_t});
  switch (op) {
    case Op::Get: return agent::get(self, agent, fun, *t);
    case Op::Update: return agent::update(self, agent, fun, *t);
    default: return agent::get_and_update(self, agent, fun, *t);
  }
}

// Agent.get(agent, fun, timeout \\ 5000) and its siblings.
template <Op O>
Term with_fun(Args a) {
  Term timeout = a.size() > 2 ? a[2] : Term::integer(5000);
  if (!is_fun(a[1], 1)) no_clause_for("Agent", op_name(O), std::vector<Term>{a[0], a[1], timeout});
  return run(O, a[0], a[1], timeout);
}

// Agent.get(agent, module, fun, args, timeout \\ 5000) and its siblings.
template <Op O>
Term with_mfa(Args a) {
  Term timeout = a.size() > 4 ? a[4] : Term::integer(5000);
  if (!is_mfa(a[1], a[2], a[3])) no_clause_for("Agent", op_name(O), std::vector<Term>{a[0], a[1], a[2], a[3], timeout});
  return run(O, a[0], mfa_fun(a[1], a[2], a[3], 1), timeout);
}

Term stop(Args a) {
  Term reason = a.size() > 1 ? a[1] : Term(atom::normal);
  Term timeout_t = a.size() > 2 ? a[2] : Term(atom::infinity);
  std::optional<Timeout> t = timeout_arg(timeout_t);
  if (!t) no_clause_for("GenServer", "stop", std::vector<Term>{a[0], reason, timeout_t});
  return agent::stop(caller("Agent.stop"), a[0], reason, *t);
}

}  // namespace

void add_otp_agent(Library& lib) {
  const char* A = "Agent";
  lib.add(A, "start_link", 1, start_fun<true>, "Starts a linked agent whose state is fun.(): {:ok, pid}.");
  lib.add(A, "start_link", 2, start_fun<true>, "start_link/1 with options (name:, timeout:).");
  lib.add(A, "start_link", 3, start_mfa<true>, "Starts a linked agent whose state is apply(m, f, a).");
  lib.add(A, "start_link", 4, start_mfa<true>, "start_link/3 with options.");
  lib.add(A, "start", 1, start_fun<false>, "Starts an agent (not linked): {:ok, pid}.");
  lib.add(A, "start", 2, start_fun<false>, "start/1 with options (name:, timeout:).");
  lib.add(A, "start", 3, start_mfa<false>, "Starts an agent whose state is apply(m, f, a).");
  lib.add(A, "start", 4, start_mfa<false>, "start/3 with options.");
  lib.add(A, "get", 2, with_fun<Op::Get>, "fun.(state), computed in the agent.");
  lib.add(A, "get", 3, with_fun<Op::Get>, "get/2 with a timeout.");
  lib.add(A, "get", 4, with_mfa<Op::Get>, "apply(m, f, [state | a]), computed in the agent.");
  lib.add(A, "get", 5, with_mfa<Op::Get>, "get/4 with a timeout.");
  lib.add(A, "update", 2, with_fun<Op::Update>, "Replaces the state with fun.(state); :ok.");
  lib.add(A, "update", 3, with_fun<Op::Update>, "update/2 with a timeout.");
  lib.add(A, "update", 4, with_mfa<Op::Update>, "Replaces the state with apply(m, f, [state | a]); :ok.");
  lib.add(A, "update", 5, with_mfa<Op::Update>, "update/4 with a timeout.");
  lib.add(A, "get_and_update", 2, with_fun<Op::GetAndUpdate>, "fun.(state) returns {reply, new_state}; the reply.");
  lib.add(A, "get_and_update", 3, with_fun<Op::GetAndUpdate>, "get_and_update/2 with a timeout.");
  lib.add(A, "get_and_update", 4, with_mfa<Op::GetAndUpdate>, "get_and_update with apply(m, f, [state | a]).");
  lib.add(A, "get_and_update", 5, with_mfa<Op::GetAndUpdate>, "get_and_update/4 with a timeout.");
  lib.add(A, "cast", 2, [](Args a) {
    if (!is_fun(a[1], 1)) no_clause_for("Agent", "cast", a);
    return agent::cast(caller("Agent.cast/2"), a[0], a[1]);
  }, "Updates the state with fun.(state) without waiting; :ok.");
  lib.add(A, "cast", 4, [](Args a) {
    if (!is_mfa(a[1], a[2], a[3])) no_clause_for("Agent", "cast", a);
    return agent::cast(caller("Agent.cast/4"), a[0], mfa_fun(a[1], a[2], a[3], 1));
  }, "Updates the state with apply(m, f, [state | a]) without waiting; :ok.");
  lib.add(A, "stop", 1, stop, "Stops the agent (reason :normal); :ok.");
  lib.add(A, "stop", 2, stop, "Stops the agent with a reason.");
  lib.add(A, "stop", 3, stop, "Stops the agent with a reason and a timeout.");
  lib.add(A, "child_spec", 1, [](Args a) {
    return Term::map({{Term(atom::id), Term::atom("Elixir.Agent")},
                      {Term::atom("start"), Term::tuple({Term::atom("Elixir.Agent"), Term::atom("start_link"), Term::list({a[0]})})}});
  }, "The child specification for a supervisor.");
}

}  // namespace otp::shell::lib

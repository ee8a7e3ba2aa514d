#include "behaviours/gen.hpp"

#include <unordered_map>

#include "runtime/exit.hpp"
#include "term/error.hpp"

namespace otp::gen {

namespace {

struct ViaTable {
  explicit ViaTable(Node&) {}
  std::unordered_map<uint32_t, ViaModule> modules;
};

bool is_via(const Term& name) {
  return name.is_tuple() && name.tuple_size() == 3 && name[0].is_atom() &&
         name[0].is_atom(atom::via) && name[1].is_atom();
}

const Term& alias_atom() {
  static const Term t = Term::atom("alias");
  return t;
}

// Sends `msg_of(from)` to the server, from = {self(), [:alias | ref]} as OTP
// 25's gen:do_call makes it, and waits for {[:alias | ref], reply} or the
// monitor's DOWN.
Term request(Process& self, const Term& server, FunctionRef<Term(const Term&)> msg_of, Timeout timeout,
             FunctionRef<Term(Term)> exit_of) {
  Node& node = self.node();
  std::optional<Pid> pid = whereis(node, server);
  if (!pid) throw ExitSignal{exit_of(Term(atom::noproc))};
  Ref ref = self.monitor(Term(*pid));
  Term ref_term(ref);
  Term tag = Term::cons(alias_atom(), ref_term);
  self.add_alias(ref);
  node.send(*pid, msg_of(Term::tuple({Term(self.self()), tag})));
  std::optional<Term> got = self.receive(
      [&ref_term](const Term& m) {
        if (!m.is_tuple()) return false;
        if (m.tuple_size() == 2) return m[0].is_cons() && m[0].tail() == ref_term;
        return m.tuple_size() == 5 && m[0].is_atom(atom::DOWN) && m[1] == ref_term;
      },
      timeout);
  self.remove_alias(ref);
  if (!got) {
    self.demonitor(ref, true);
    throw ExitSignal{exit_of(Term(atom::timeout))};
  }
  if (got->tuple_size() == 2) {
    self.demonitor(ref, true);
    return (*got)[1];
  }
  throw ExitSignal{exit_of((*got)[4])};
}

}  // namespace

const Term& gen_call() {
  static const Term t(atom::gen_call);
  return t;
}
const Term& gen_cast() {
  static const Term t(atom::gen_cast);
  return t;
}
const Term& system_tag() {
  static const Term t(atom::system);
  return t;
}
const Term& genserver_module() {
  static const Term t(atom::elixir_genserver);
  return t;
}

Term timeout_term(Timeout t) { return t.is_infinity() ? Term(atom::infinity) : Term::integer(t.ms); }

void register_via(Node& node, Atom module, ViaModule via) {
  node.service<ViaTable>().modules[module.id] = std::move(via);
}

std::optional<Pid> whereis(Node& node, const Term& server) {
  if (server.is_pid()) {
    if (node.alive(server.pid())) return server.pid();
    return std::nullopt;
  }
  if (server.is_atom()) return node.whereis(server);
  if (is_via(server)) {
    auto& mods = node.service<ViaTable>().modules;
    auto it = mods.find(server[1].atom().id);
    if (it == mods.end() || !it->second.whereis) return std::nullopt;
    return it->second.whereis(server[2]);
  }
  return std::nullopt;
}

bool register_name(Node& node, const Term& name, Pid pid, std::optional<Pid>* holder) {
  if (name.is_atom()) {
    if (auto h = node.whereis(name)) {
      *holder = h;
      return false;
    }
    node.register_name(name, Term(pid));
    return true;
  }
  if (is_via(name)) {
    auto& mods = node.service<ViaTable>().modules;
    auto it = mods.find(name[1].atom().id);
    if (it == mods.end() || !it->second.register_name) throw ErlangError(Term(atom::badarg));
    if (it->second.register_name(name[2], pid)) return true;
    if (it->second.whereis) *holder = it->second.whereis(name[2]);
    return false;
  }
  throw ErlangError(Term(atom::badarg));
}

Term call(Process& self, const Term& server, Term req, Timeout timeout, const Term& tag) {
  const Term& module = tag.is_atom(atom::nil) ? genserver_module() : tag;
  return request(
      self, server, [&](const Term& from) { return Term::tuple({gen_call(), from, req}); }, timeout,
      [&](Term reason) {
        return Term::tuple(
            {std::move(reason),
             Term::tuple({module, Term(atom::call), Term::list({server, req, timeout_term(timeout)})})});
      });
}

Term system_call(Process& self, const Term& server, Term req, const Term& function, Timeout timeout) {
  return request(
      self, server, [&](const Term& from) { return Term::tuple({system_tag(), from, req}); }, timeout,
      [&](Term reason) {
        return Term::tuple({std::move(reason),
                            Term::tuple({Term::atom("sys"), function,
                                         Term::list({server, timeout_term(timeout)})})});
      });
}

void cast(Node& node, const Term& server, Term req) {
  // Like GenServer.cast: never fails, whatever the name (an unknown
  // registry behind a :via name included).
  std::optional<Pid> pid;
  try {
    pid = whereis(node, server);
  } catch (const ErlangError&) {
    return;
  }
  if (pid) node.send(*pid, Term::tuple({gen_cast(), std::move(req)}));
}

// gen:reply/2: {to, [:alias | ref]} replies through the caller's alias (a
// caller that gave up has dropped it); {to, tag} with any other tag sends
// {tag, reply} to `to`.
void reply(Node& node, const Term& from, Term reply) {
  if (!from.is_tuple() || from.tuple_size() != 2 || !from[0].is_pid())
    throw ErlangError(Term(atom::badarg));
  const Term& tag = from[1];
  if (tag.is_cons() && tag.head() == alias_atom() && tag.tail().is_ref()) {
    node.send_reply(from[0].pid(), tag.tail().ref(), Term::tuple({tag, std::move(reply)}));
    return;
  }
  node.send(from[0].pid(), Term::tuple({tag, std::move(reply)}));
}

}  // namespace otp::gen

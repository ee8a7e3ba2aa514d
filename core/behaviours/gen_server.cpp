// GenServer's API: default callbacks, start, stop, and staging a module for
// code change. The loop itself is in gen_server_loop.cpp.
#include "behaviours/gen_server.hpp"

#include "behaviours/gen_server_loop.hpp"
#include "term/error.hpp"

namespace otp {

using namespace gen_server_detail;

void gen_server_detail::ServerHandler::operator()(Process& self, const Term& msg) const {
  Loop(self, *server).handle(msg);
}

// ---- default callbacks (as `use GenServer` defines them) ----

Term GenServer::handle_call(const Term&, const Term&, const Term&) const {
  Process* p = Process::current();
  throw ErlangError(runtime_error("attempted to call GenServer " +
                                  (p ? inspect(Term(p->self())) : std::string("?")) +
                                  " but no handle_call/3 clause was provided"));
}

Term GenServer::handle_cast(const Term&, const Term&) const {
  Process* p = Process::current();
  throw ErlangError(runtime_error("attempted to cast GenServer " +
                                  (p ? inspect(Term(p->self())) : std::string("?")) +
                                  " but no handle_cast/2 clause was provided"));
}

Term GenServer::handle_info(const Term& msg, const Term& state) const {
  if (Process* p = Process::current())
    p->node().log("\n[error] " + inspect(module_name()) + " " + inspect(Term(p->self())) +
                  " received unexpected message in handle_info/2: " + inspect(msg) + "\n");
  return gen_server::noreply(state);
}

Term GenServer::handle_continue(const Term&, const Term&) const {
  throw ErlangError(runtime_error("attempted to continue GenServer but no handle_continue/2 clause was provided"));
}

void GenServer::terminate(const Term&, const Term&) const {}

Term GenServer::code_change(const Term&, const Term& state, const Term&) const {
  return gen_server::ok(state);
}

namespace gen_server {

Term reply(Term r, Term state) { return Term::tuple({Term(atom::reply), std::move(r), std::move(state)}); }
Term noreply(Term state) { return Term::tuple({Term(atom::noreply), std::move(state)}); }
Term stop_reply(Term reason, Term r, Term state) {
  return Term::tuple({Term(atom::stop), std::move(reason), std::move(r), std::move(state)});
}
Term stop_noreply(Term reason, Term state) {
  return Term::tuple({Term(atom::stop), std::move(reason), std::move(state)});
}

Term start(Process& caller, std::shared_ptr<const GenServer> module, Term args, GenServerOptions options) {
  Node& node = caller.node();
  auto server = std::make_shared<Server>();
  server->mod = std::move(module);
  server->parent = options.link ? caller.self() : Pid{0, 0};
  SpawnOptions so = options.spawn;
  so.link = options.link;
  so.monitor = true;
  if (!so.initial_call.is_tuple())
    so.initial_call = Term::tuple({server->mod->module_name(), Term(atom::function), Term::integer(1)});
  so.initial_call = Term::tuple({so.initial_call[0], Term::atom("init"), Term::integer(1)});
  Spawned sp = caller.spawn_handler(ServerHandler{server}, so);
  Ref ack = node.make_ref();
  Term ack_term(ack);
  Term mon(*sp.monitor);
  node.send(sp.pid, Term::tuple({init_tag(), Term(caller.self()), ack_term, std::move(args), options.name}));
  std::optional<Term> got = caller.receive(
      [&](const Term& m) {
        return (m.is_tuple() && m.tuple_size() == 2 && m[0] == ack_term) ||
               (m.is_tuple() && m.tuple_size() == 5 && m[0].is_atom(atom::DOWN) && m[1] == mon);
      },
      options.timeout);
  if (!got) {  // init took too long: OTP kills the server and answers {:error, :timeout}
    caller.demonitor(*sp.monitor, true);
    caller.unlink(Term(sp.pid));
    caller.exit(Term(sp.pid), Term(atom::kill));
    return Term::tuple({Term(atom::error), Term(atom::timeout)});
  }
  if (got->tuple_size() == 5) return Term::tuple({Term(atom::error), (*got)[4]});
  caller.demonitor(*sp.monitor, true);
  return (*got)[1];
}

Term start(Node& node, std::shared_ptr<const GenServer> module, Term args, GenServerOptions options) {
  // From the host: a short-lived starter process does the waiting.
  options.link = false;
  Term result;
  bool done = false;
  node.spawn([&](Process& self) {
    result = start(self, module, std::move(args), options);
    done = true;
  });
  while (!done) {
    RunResult r = node.run(1u << 20);
    if (r.idle && !done) {
      if (!r.next_timer) break;
      if (auto* manual = dynamic_cast<ManualClock*>(&node.clock()))
        if (*r.next_timer > manual->now_ms()) manual->set(*r.next_timer);
    }
  }
  if (!done) return Term::tuple({Term(atom::error), Term(atom::timeout)});
  return result;
}

Term stop(Process& self, const Term& server, Term reason, Timeout timeout) {
  Node& node = self.node();
  auto exit_with = [&](Term why) {
    return ExitSignal{Term::tuple(
        {std::move(why), Term::tuple({gen::genserver_module(), Term::atom("stop"),
                                      Term::list({server, reason, gen::timeout_term(timeout)})})})};
  };
  std::optional<Pid> pid = gen::whereis(node, server);
  if (!pid) throw exit_with(Term(atom::noproc));
  Ref mref = self.monitor(Term(*pid));
  Term mref_term(mref);
  node.send(*pid, Term::tuple({gen::system_tag(), Term::tuple({Term(self.self()), Term(node.make_ref())}),
                               Term::tuple({Term::atom("terminate"), reason})}));
  std::optional<Term> down = self.receive(
      [&](const Term& m) {
        return m.is_tuple() && m.tuple_size() == 5 && m[0].is_atom(atom::DOWN) && m[1] == mref_term;
      },
      timeout);
  if (!down) {
    self.demonitor(mref, true);
    throw exit_with(Term(atom::timeout));
  }
  const Term& why = (*down)[4];
  if (why == reason || (reason.is_atom(atom::normal) && why.is_atom(atom::noproc))) return Term(atom::ok);
  throw exit_with(why);
}

void stage_module(Node& node, Pid server, std::shared_ptr<const GenServer> module) {
  node.service<StagedModules>().by_pid[StagedModules::key(server)] = std::move(module);
}

std::optional<ServerView> peek(const Node& node, Pid pid) {
  const Process* p = node.find(pid);
  if (!p) return std::nullopt;
  const ServerHandler* h = p->handler().target<ServerHandler>();
  if (!h || !h->server->initialized) return std::nullopt;
  return ServerView{h->server->mod, h->server->state, h->server->name, h->server->suspended};
}

}  // namespace gen_server
}  // namespace otp

// The GenServer loop: one handler process per server, OTP's return shapes,
// :sys messages, timeouts, and Logger's termination report.
#include "behaviours/gen_server.hpp"

#include <cstdio>
#include <unordered_map>

#include "runtime/crash.hpp"
#include "runtime/exit.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

namespace otp {

namespace {

Term atom_of(const char* s) { return Term::atom(s); }

Term runtime_error(const std::string& message) {
  return Term::map({{Term(atom::__struct__), Term(atom::elixir_runtime_error)},
                    {Term(atom::__exception__), Term(atom::true_)},
                    {Term(atom::message), Term::binary(message)}});
}

bool is_tagged(const Term& t, Atom tag, std::size_t size) {
  return t.is_tuple() && t.tuple_size() == size && t[0].is_atom(tag);
}

// Reasons that end a server without a report: :normal, :shutdown, {:shutdown, _}.
bool is_quiet_reason(const Term& r) {
  return r.is_atom(atom::normal) || r.is_atom(atom::shutdown) ||
         (r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom(atom::shutdown));
}

// Modules staged by gen_server::stage_module, taken at :sys.change_code.
struct StagedModules {
  explicit StagedModules(Node&) {}
  std::unordered_map<uint64_t, std::shared_ptr<const GenServer>> by_pid;
  static uint64_t key(Pid p) { return (uint64_t{p.number} << 32) | p.serial; }
};

// Everything a running server keeps between messages.
struct Server {
  std::shared_ptr<const GenServer> mod;
  Term state;
  Term name = Term::empty_list();
  Pid parent{0, 0};
  bool initialized = false;
  bool suspended = false;
  bool trace = false;
  bool timeout_armed = false;
  uint64_t timeout_seq = 0;
  Ref timeout_ref{0};
};

Term timeout_tag() { return Term(atom::gen_timeout); }
Term init_tag() { return Term(atom::gen_init); }

class Loop {
 public:
  Loop(Process& self, Server& s) : self_(self), node_(self.node()), s_(s) {}

  void handle(const Term& msg);
  void init(const Term& msg);

 private:
  // Runs a callback; an exception ends the server (does not return).
  template <class F>
  Term guarded(const Term& msg, const Term* from, F&& f);
  [[noreturn]] void die(Term reason, const std::string& headline, const Term& msg, const Term* from);
  [[noreturn]] void stop(Term reason, const Term& msg, const Term* from);
  void after_callback(const Term& extra);
  void noreply_result(const Term& r, const Term& msg);
  void call_result(const Term& r, const Term& msg, const Term& from);
  void system(const Term& msg);
  void log_trace(const std::string& what);
  Term report_name() const { return s_.name.is_nil_list() ? Term(self_.self()) : s_.name; }

  Process& self_;
  Node& node_;
  Server& s_;
};

template <class F>
Term Loop::guarded(const Term& msg, const Term* from, F&& f) {
  std::exception_ptr e;
  try {
    return f();
  } catch (const KillUnwind&) {
    throw;
  } catch (...) {
    e = std::current_exception();
  }
  CrashInfo crash;
  Term reason = crash_reason(e, &crash);
  std::string headline = crash.crashed ? crash.headline : "** (stop) " + inspect(reason);
  die(std::move(reason), headline, msg, from);
}

void Loop::die(Term reason, const std::string& headline, const Term& msg, const Term* from) {
  std::exception_ptr e;
  try {
    s_.mod->terminate(reason, s_.state);
  } catch (const KillUnwind&) {
    throw;
  } catch (...) {
    e = std::current_exception();
  }
  std::string head = headline;
  if (e) {  // an exception in terminate/2 replaces the reason
    CrashInfo crash;
    reason = crash_reason(e, &crash);
    head = crash.crashed ? crash.headline : "** (stop) " + inspect(reason);
  }
  if (!is_quiet_reason(reason) && node_.reports()) {
    int64_t t = node_.clock().wall_ms_of_day();
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, "%02d:%02d:%02d.%03d", int(t / 3600000 % 24), int(t / 60000 % 60),
                  int(t / 1000 % 60), int(t % 1000));
    std::string text = std::string("\n") + stamp + " [error] GenServer " + inspect(report_name()) +
                       " terminating\n" + head + "\n";
    if (from) {
      const Term& client = (*from)[0];
      text += "Last message (from " + inspect(client) + "): " + inspect(msg) + "\nState: " +
              inspect(s_.state) + "\nClient " + inspect(client) +
              (node_.alive(client.pid()) ? " is alive\n\n" : " is dead\n");
    } else {
      text += "Last message: " + inspect(msg) + "\nState: " + inspect(s_.state) + "\n";
    }
    node_.log(text);
  }
  throw ExitSignal{std::move(reason)};
}

void Loop::stop(Term reason, const Term& msg, const Term* from) {
  std::string headline = "** (stop) " + inspect(reason);
  die(std::move(reason), headline, msg, from);
}

void Loop::log_trace(const std::string& what) {
  if (s_.trace) node_.log("*DBG* " + inspect(report_name()) + " " + what + "\n");
}

// The last element of a callback's return: a timeout, :hibernate or {:continue, c}.
void Loop::after_callback(const Term& extra) {
  if (extra.is_integer() && extra.is_small() && extra.small() >= 0) {
    const int64_t ms = extra.small();
    Term tick = Term::tuple({timeout_tag(), Term::integer(static_cast<int64_t>(++s_.timeout_seq))});
    s_.timeout_ref = node_.send_after(ms, Term(self_.self()), std::move(tick));
    s_.timeout_armed = true;
  } else if (is_tagged(extra, atom::continue_, 2)) {
    Term cont = extra[1];
    Term r = guarded(cont, nullptr, [&] { return s_.mod->handle_continue(cont, s_.state); });
    noreply_result(r, cont);
  } else if (!extra.is_atom(atom::infinity) && !extra.is_atom(atom::hibernate)) {
    Term bad = Term::tuple({Term(atom::bad_return_value), extra});
    stop(bad, extra, nullptr);
  }
}

void Loop::noreply_result(const Term& r, const Term& msg) {
  if (is_tagged(r, atom::noreply, 2) || is_tagged(r, atom::noreply, 3)) {
    s_.state = r[1];
    if (r.tuple_size() == 3) after_callback(r[2]);
    return;
  }
  if (is_tagged(r, atom::stop, 3)) {
    s_.state = r[2];
    stop(r[1], msg, nullptr);
  }
  die(Term::tuple({Term(atom::bad_return_value), r}), "** (stop) bad return value: " + inspect(r), msg,
      nullptr);
}

void Loop::call_result(const Term& r, const Term& msg, const Term& from) {
  if (is_tagged(r, atom::reply, 3) || is_tagged(r, atom::reply, 4)) {
    gen::reply(node_, from, r[1]);
    s_.state = r[2];
    if (r.tuple_size() == 4) after_callback(r[3]);
    return;
  }
  if (is_tagged(r, atom::noreply, 2) || is_tagged(r, atom::noreply, 3)) {
    s_.state = r[1];
    if (r.tuple_size() == 3) after_callback(r[2]);
    return;
  }
  if (is_tagged(r, atom::stop, 4)) {
    s_.state = r[3];
    gen::reply(node_, from, r[2]);
    stop(r[1], msg, &from);
  }
  if (is_tagged(r, atom::stop, 3)) {
    s_.state = r[2];
    stop(r[1], msg, &from);
  }
  die(Term::tuple({Term(atom::bad_return_value), r}), "** (stop) bad return value: " + inspect(r), msg,
      &from);
}

void Loop::init(const Term& msg) {
  // {:"$gen_init", starter, ack_ref, args, name}
  const Pid starter = msg[1].pid();
  const Term ack = msg[2];
  auto answer = [&](Term result) { node_.send(starter, Term::tuple({ack, std::move(result)})); };
  if (!msg[4].is_nil_list()) {
    std::optional<Pid> holder;
    if (!gen::register_name(node_, msg[4], self_.self(), &holder)) {
      answer(Term::tuple({Term(atom::error), Term::tuple({Term(atom::already_started),
                                                            holder ? Term(*holder) : Term(atom::undefined)})}));
      throw ExitSignal{Term(atom::normal)};
    }
    s_.name = msg[4].is_atom() ? msg[4] : Term::empty_list();
  }
  std::exception_ptr e;
  Term r;
  try {
    r = s_.mod->init(msg[3]);
  } catch (const KillUnwind&) {
    throw;
  } catch (...) {
    e = std::current_exception();
  }
  if (e) {
    CrashInfo crash;
    Term reason = crash_reason(e, &crash);
    answer(Term::tuple({Term(atom::error), reason}));
    throw ExitSignal{std::move(reason)};
  }
  if (is_tagged(r, atom::ok, 2) || is_tagged(r, atom::ok, 3)) {
    s_.state = r[1];
    s_.initialized = true;
    answer(Term::tuple({Term(atom::ok), Term(self_.self())}));
    if (r.tuple_size() == 3) after_callback(r[2]);
    return;
  }
  if (r.is_atom(atom::ignore)) {
    answer(r);
    throw ExitSignal{Term(atom::normal)};
  }
  Term reason = is_tagged(r, atom::stop, 2) ? r[1] : Term::tuple({Term(atom::bad_return_value), r});
  answer(Term::tuple({Term(atom::error), reason}));
  throw ExitSignal{std::move(reason)};
}

void Loop::handle(const Term& msg) {
  if (!s_.initialized) return init(msg);
  if (is_tagged(msg, atom::gen_timeout, 2)) {
    if (!s_.timeout_armed || msg[1].small() != static_cast<int64_t>(s_.timeout_seq)) return;  // stale
    s_.timeout_armed = false;
    Term to(atom::timeout);
    Term r = guarded(to, nullptr, [&] { return s_.mod->handle_info(to, s_.state); });
    return noreply_result(r, to);
  }
  if (s_.timeout_armed) {  // any other message cancels the pending timeout
    node_.cancel_timer(s_.timeout_ref);
    s_.timeout_armed = false;
  }
  if (msg.is_tuple() && msg.tuple_size() == 3 && msg[0] == gen::system_tag()) return system(msg);
  if (msg.is_tuple() && msg.tuple_size() == 3 && msg[0] == gen::gen_call()) {
    const Term& from = msg[1];
    const Term& req = msg[2];
    if (s_.trace) log_trace("got call " + inspect(req) + " from " + inspect(from[0]));
    Term r = guarded(req, &from, [&] { return s_.mod->handle_call(req, from, s_.state); });
    return call_result(r, req, from);
  }
  if (msg.is_tuple() && msg.tuple_size() == 2 && msg[0] == gen::gen_cast()) {
    const Term& req = msg[1];
    if (s_.trace) log_trace("got cast " + inspect(req));
    Term r = guarded(req, nullptr, [&] { return s_.mod->handle_cast(req, s_.state); });
    return noreply_result(r, req);
  }
  if (is_tagged(msg, atom::EXIT, 3) && self_.trapping_exits() && msg[1].is_pid() &&
      msg[1].pid() == s_.parent) {
    stop(msg[2], msg, nullptr);
  }
  if (s_.trace) log_trace("got " + inspect(msg));
  Term r = guarded(msg, nullptr, [&] { return s_.mod->handle_info(msg, s_.state); });
  noreply_result(r, msg);
}

// {:system, from, request}: the :sys protocol.
void Loop::system(const Term& msg) {
  const Term& from = msg[1];
  const Term& req = msg[2];
  auto answer = [&](Term t) { gen::reply(node_, from, std::move(t)); };
  if (req.is_atom(atom::get_state)) {
    answer(s_.state);
  } else if (is_tagged(req, atom::replace_state, 2)) {
    std::exception_ptr e;
    try {
      Term st = s_.state;
      s_.state = apply_fun(req[1], std::span<const Term>(&st, 1));
    } catch (const KillUnwind&) {
      throw;
    } catch (...) {
      e = std::current_exception();
    }
    if (e) {
      CrashInfo crash;
      answer(Term::tuple({Term::atom("$sys_error"),
                          Term::tuple({Term::atom("callback_failed"), crash_reason(e, &crash)})}));
    } else {
      answer(s_.state);
    }
  } else if (req.is_atom(atom::get_status)) {
    Term status = s_.suspended ? atom_of("suspended") : Term(atom::running);
    Term header = Term::tuple({atom_of("header"),
                               Term::charlist("Status for generic server " + inspect(report_name()))});
    Term data = Term::tuple({atom_of("data"), Term::list({Term::tuple({Term::charlist("Status"), status}),
                                                          Term::tuple({Term::charlist("Parent"), Term(s_.parent)}),
                                                          Term::tuple({Term::charlist("Logged events"),
                                                                       Term::empty_list()})})});
    Term state = Term::tuple({atom_of("data"), Term::list({Term::tuple({Term::charlist("State"), s_.state})})});
    answer(Term::tuple({atom_of("status"), Term(self_.self()),
                        Term::tuple({Term(atom::module), atom_of("gen_server")}),
                        Term::list({self_.dictionary(), status, Term(s_.parent), Term::empty_list(),
                                    Term::list({header, data, state})})}));
  } else if (req.is_atom(atom::suspend)) {
    s_.suspended = true;
    answer(Term(atom::ok));
    // Only system messages (and the parent's EXIT) are handled until :resume.
    while (s_.suspended) {
      Term next = *self_.receive(
          [this](const Term& m) {
            return (m.is_tuple() && m.tuple_size() == 3 && m[0] == gen::system_tag()) ||
                   (is_tagged(m, atom::EXIT, 3) && self_.trapping_exits() && m[1].is_pid() &&
                    m[1].pid() == s_.parent);
          },
          Timeout::infinity());
      if (next[0] == gen::system_tag())
        system(next);
      else
        stop(next[2], next, nullptr);
    }
  } else if (req.is_atom(atom::resume)) {
    s_.suspended = false;
    answer(Term(atom::ok));
  } else if (is_tagged(req, atom::change_code, 4)) {
    auto& staged = node_.service<StagedModules>().by_pid;
    auto it = staged.find(StagedModules::key(self_.self()));
    if (it != staged.end()) {
      s_.mod = it->second;
      staged.erase(it);
    }
    std::exception_ptr e;
    Term r;
    try {
      r = s_.mod->code_change(req[2], s_.state, req[3]);
    } catch (const KillUnwind&) {
      throw;
    } catch (...) {
      e = std::current_exception();
    }
    if (e) {
      CrashInfo crash;
      answer(Term::tuple({Term(atom::error), crash_reason(e, &crash)}));
    } else if (is_tagged(r, atom::ok, 2)) {
      s_.state = r[1];
      answer(Term(atom::ok));
    } else {
      answer(r);
    }
  } else if (is_tagged(req, atom::trace, 2)) {
    s_.trace = req[1].is_atom(atom::true_);
    answer(Term(atom::ok));
  } else if (is_tagged(req, atom::terminate, 2)) {
    stop(req[1], req, nullptr);
  } else {
    answer(Term::tuple({Term(atom::error), atom_of("unknown_system_msg")}));
  }
}

}  // namespace

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
  Spawned sp = caller.spawn_handler(
      [server](Process& self, const Term& msg) { Loop(self, *server).handle(msg); }, so);
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

}  // namespace gen_server
}  // namespace otp

// GenServer: a process that holds state and answers calls, casts and other
// messages through callbacks, with OTP's return shapes and semantics.
//
// A GenServer is a "module" (a stateless C++ object with the callbacks) plus
// a state term held by the server process, as in Erlang: the same module
// object can serve many processes, and replacing it (code_change via
// :sys.change_code, or a module redefined in the shell) upgrades them.
//
// The server runs as a handler process: while it waits for its next message
// it holds no stack. A callback that blocks (a nested call, a receive)
// borrows one until it returns.
//
// Callback returns, as in OTP (timeout: ms or :infinity; also :hibernate
// and {:continue, term} in the last place):
//   init          {:ok, state} | {:ok, state, timeout | :hibernate | {:continue, c}}
//                 | :ignore | {:stop, reason}
//   handle_call   {:reply, reply, state[, extra]} | {:noreply, state[, extra]}
//                 | {:stop, reason, reply, state} | {:stop, reason, state}
//   handle_cast,
//   handle_info,
//   handle_continue  {:noreply, state[, extra]} | {:stop, reason, state}
//   code_change   {:ok, state} | {:error, reason}
// Anything else stops the server with {:bad_return_value, value}.
//
// An exception in a callback (ErlangError, ExitSignal, ThrownValue, any C++
// exception) ends the server: terminate/2 runs, Logger's report is printed
// ("GenServer NAME terminating", the exception, "Last message", "State"),
// and the process exits with the reason.
//
// Who calls what: start(Process&), call and stop, a process of the node
// (`caller` / `self`, which waits); start(Node&), cast, reply and
// stage_module, the host too; peek, observers. The callbacks run in the
// server process (Process::current()), possibly for many servers at once.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "behaviours/gen.hpp"

namespace otp {

// Callbacks are const: a module object holds no per-process state (that is
// the state term), so one object can serve many servers, from any of them.
class GenServer {
 public:
  virtual ~GenServer() = default;

  // The module's name as Elixir prints it in reports, e.g. :"Elixir.Counter".
  virtual Term module_name() const = 0;

  virtual Term init(const Term& args) const = 0;
  // Defaults as `use GenServer`: an unexpected call or cast stops the server
  // with {:bad_call, req} / {:bad_cast, req}; an unexpected message is
  // logged and ignored.
  virtual Term handle_call(const Term& request, const Term& from, const Term& state) const;
  virtual Term handle_cast(const Term& request, const Term& state) const;
  virtual Term handle_info(const Term& msg, const Term& state) const;
  virtual Term handle_continue(const Term& cont, const Term& state) const;
  virtual void terminate(const Term& reason, const Term& state) const;
  virtual Term code_change(const Term& old_vsn, const Term& state, const Term& extra) const;
  // format_status(:terminate, ...): the state as the termination report
  // shows it (GenStage shows its user state, not its %GenStage{} struct).
  virtual Term format_status(const Term& state) const { return state; }
};

struct GenServerOptions {
  Term name = Term::empty_list();  // [] (none), an atom, or {:via, module, name}
  Timeout timeout = Timeout::infinity();  // for init to finish
  bool link = true;                 // start_link (true) or start (false)
  SpawnOptions spawn;               // initial_call is filled in
};

namespace gen_server {

// Starts a server from the calling process (or from the host, unlinked):
// {:ok, pid} | :ignore | {:error, reason}; {:error, {:already_started, pid}}
// when the name is taken. Blocks until init/1 has returned.
Term start(Process& caller, std::shared_ptr<const GenServer> module, Term args,
           GenServerOptions options = {});
Term start(Node& node, std::shared_ptr<const GenServer> module, Term args,
           GenServerOptions options = {});

// GenServer.call/cast/reply/stop.
inline Term call(Process& self, const Term& server, Term request, Timeout timeout = Timeout{5000}) {
  return gen::call(self, server, std::move(request), timeout);
}
inline void cast(Node& node, const Term& server, Term request) {
  gen::cast(node, server, std::move(request));
}
inline void reply(Node& node, const Term& from, Term reply) { gen::reply(node, from, std::move(reply)); }
// Stops the server with `reason` (terminate/2 runs) and waits until it has
// exited; :ok. Exits like call when the server is not alive.
Term stop(Process& self, const Term& server, Term reason = Term(atom::normal),
          Timeout timeout = Timeout::infinity());

// Helpers for callback returns.
inline Term ok(Term state) { return Term::tuple({Term(atom::ok), std::move(state)}); }
Term reply(Term reply, Term state);
Term noreply(Term state);
Term stop_reply(Term reason, Term reply, Term state);
Term stop_noreply(Term reason, Term state);

// Stages a new module object for a live server: it takes effect when the
// server handles :sys.change_code (suspend, change_code, resume), whose
// code_change/3 then runs on the new module.
void stage_module(Node& node, Pid server, std::shared_ptr<const GenServer> module);

// For observers (the host between run slices, or a process of the same
// node): the module, state and name of a live server built on this loop
// (GenServer, Supervisor, DynamicSupervisor, Agent, GenStage, Registry),
// read without a message, so a busy or blocked server never blocks the
// reader. The state is what :sys.get_state would answer once the server is
// back in its loop: a server blocked inside a callback shows the state from
// before that callback. nullopt for a dead pid, another kind of process, or
// a server whose init has not returned yet.
struct ServerView {
  std::shared_ptr<const GenServer> module;
  Term state;
  Term name;  // [] | atom | {:via, m, n}
  bool suspended = false;
};
std::optional<ServerView> peek(const Node& node, Pid pid);

}  // namespace gen_server
}  // namespace otp

// The request protocol every behaviour speaks, as OTP's gen module does:
//
//   call:  {:"$gen_call", {caller_pid, ref}, request}  ->  reply {ref, reply}
//   cast:  {:"$gen_cast", request}
//   sys:   {:system, {caller_pid, ref}, request}       (:sys.get_state, ...)
//
// A call monitors the server, so a dead or unknown server and a server that
// dies mid-call are told apart from a slow one; a caller that times out
// drops the reply if it comes later (OTP's alias semantics). Failures exit
// the caller as Elixir's GenServer.call does:
//   {:noproc, {GenServer, :call, [server, request, timeout]}}
//   {:timeout, {GenServer, :call, [server, request, timeout]}}
//   {reason, {GenServer, :call, [server, request, timeout]}}   (server died)
//
// Who calls what: call and system_call, a process of the node (`self`, which
// waits for the reply); cast, reply, whereis and the name functions, the
// host or any process of the node.
#pragma once
#include <functional>
#include <optional>

#include "runtime/node.hpp"

namespace otp::gen {

// A server reference: a pid, a registered name (atom), or
// {:via, module, name}. Resolves to the live pid, if any.
std::optional<Pid> whereis(Node& node, const Term& server);

// {:via, Module, Name} names are resolved by modules registered here (the
// Registry registers itself): whereis answers the pid, or nullopt;
// register answers false when the name is taken.
struct ViaModule {
  std::function<std::optional<Pid>(const Term& name)> whereis;
  std::function<bool(const Term& name, Pid pid)> register_name;
};
void register_via(Node& node, Atom module, ViaModule via);

// Registers `pid` under `name` (an atom or {:via, module, name}); false if
// the name is taken (the current holder is then in *holder).
bool register_name(Node& node, const Term& name, Pid pid, std::optional<Pid>* holder);

// Synchronous request from the calling process (see above for failures).
// `tag` is the call's label in exit reasons: usually :"Elixir.GenServer".
Term call(Process& self, const Term& server, Term request, Timeout timeout = Timeout{5000},
          const Term& tag = Term());

// Asynchronous request; :ok whether or not the server exists.
void cast(Node& node, const Term& server, Term request);

// Answers a call; `from` is the {pid, ref} a callback received.
void reply(Node& node, const Term& from, Term reply);

// A :sys request ({:system, from, request}) and its reply; failures exit
// with {reason, {:sys, function, [server, timeout]}}.
Term system_call(Process& self, const Term& server, Term request, const Term& function,
                 Timeout timeout = Timeout{5000});

// The term for a timeout in exit reasons: ms or :infinity.
Term timeout_term(Timeout t);

// Names used in messages and reasons.
const Term& gen_call();     // :"$gen_call"
const Term& gen_cast();     // :"$gen_cast"
const Term& system_tag();   // :system
const Term& genserver_module();  // :"Elixir.GenServer"

}  // namespace otp::gen

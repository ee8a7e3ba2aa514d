// Agent: a GenServer that holds one state term, read and changed by funs,
// as Elixir 1.14's Agent (module Agent.Server).
//
// Representation: an agent is a plain gen_server process running the
// Agent.Server module (agent.cpp); its state term IS the agent's state, so
// :sys.get_state / :sys.replace_state work on it. Requests travel as
// Elixir's do, so an agent started here and one addressed from the shell
// (later) are the same thing:
//   get             {:"$gen_call", from, {:get, fun}}            reply fun.(state)
//   update          {:"$gen_call", from, {:update, fun}}         reply :ok
//   get_and_update  {:"$gen_call", from, {:get_and_update, fun}} fun returns {reply, new_state}
//   cast            {:"$gen_cast", {:cast, fun}}
// Funs run in the agent process: a fun that raises or exits crashes the
// agent (GenServer's report is logged) and the caller exits as
// GenServer.call does: {reason, {GenServer, :call, [agent, request, timeout]}}.
//
// The std::function overloads wrap the callable in a fun term (printed as
// `#Function<0.0/1 in Agent.get/3>`), so requests always carry a fun.
// Limits: the {module, fun, args} forms of Elixir's Agent are not supported
// (there is no module table yet); a non-fun (or a fun of the wrong arity)
// is error(:function_clause) in the caller, as Elixir's guards.
//
// Who calls what: every function below is called by a process of the node
// (`caller` / `self`), which waits for the agent's answer (cast does not);
// the funs run in the agent process.
#pragma once
#include <functional>
#include <memory>

#include "behaviours/gen_server.hpp"

namespace otp::agent {

// The Agent.Server callback module (one object, shared by every agent).
std::shared_ptr<const GenServer> server_module();

// Agent.start_link/2 and Agent.start/2: `fun` (arity 0) computes the initial
// state in the new process. `name`: [] (none), an atom or {:via, mod, name}.
// {:ok, pid} | {:error, {:already_started, pid}} | {:error, reason}.
Term start_link(Process& caller, const Term& fun, Term name = Term::empty_list());
Term start_link(Process& caller, std::function<Term()> fun, Term name = Term::empty_list());
Term start(Process& caller, const Term& fun, Term name = Term::empty_list());
Term start(Process& caller, std::function<Term()> fun, Term name = Term::empty_list());

// Agent.get/3: fun.(state).
Term get(Process& self, const Term& agent, const Term& fun, Timeout timeout = Timeout{5000});
Term get(Process& self, const Term& agent, std::function<Term(const Term&)> fun,
         Timeout timeout = Timeout{5000});
// Agent.update/3: state = fun.(state); :ok.
Term update(Process& self, const Term& agent, const Term& fun, Timeout timeout = Timeout{5000});
Term update(Process& self, const Term& agent, std::function<Term(const Term&)> fun,
            Timeout timeout = Timeout{5000});
// Agent.get_and_update/3: fun.(state) must be {reply, new_state}; anything
// else stops the agent with {:bad_return_value, value}.
Term get_and_update(Process& self, const Term& agent, const Term& fun, Timeout timeout = Timeout{5000});
Term get_and_update(Process& self, const Term& agent, std::function<Term(const Term&)> fun,
                    Timeout timeout = Timeout{5000});
// Agent.cast/2: :ok, whether or not the agent exists.
Term cast(Process& self, const Term& agent, const Term& fun);
Term cast(Process& self, const Term& agent, std::function<Term(const Term&)> fun);
// Agent.stop/3 (GenServer.stop): :ok once the agent has exited with `reason`.
Term stop(Process& self, const Term& agent, Term reason = Term(atom::normal),
          Timeout timeout = Timeout::infinity());

}  // namespace otp::agent

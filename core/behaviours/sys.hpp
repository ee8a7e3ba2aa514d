// :sys, for every behaviour built on gen_server (GenServer, Supervisor,
// Agent, ...): read and replace the state, suspend and resume, code change,
// tracing. Each call is a {:system, from, request} message answered by the
// server's loop; failures exit like OTP's ({reason, {:sys, fun, [server, timeout]}}).
//
// Who calls what: a process of the node (`self`), which waits for the
// server's answer; never the server itself (it would wait for its own reply,
// as on BEAM).
#pragma once
#include <functional>

#include "behaviours/gen.hpp"

namespace otp::sys {

Term get_state(Process& self, const Term& server, Timeout timeout = Timeout{5000});
// `fun` is a fun term of arity 1 (state -> new state); returns the new state.
Term replace_state(Process& self, const Term& server, const Term& fun, Timeout timeout = Timeout{5000});
Term replace_state(Process& self, const Term& server, std::function<Term(const Term&)> fun,
                   Timeout timeout = Timeout{5000});
Term get_status(Process& self, const Term& server, Timeout timeout = Timeout{5000});
Term suspend(Process& self, const Term& server, Timeout timeout = Timeout{5000});
Term resume(Process& self, const Term& server, Timeout timeout = Timeout{5000});
// Runs code_change/3 (of the module staged with gen_server::stage_module, if
// any) on a suspended server: :ok | {:error, reason}.
Term change_code(Process& self, const Term& server, const Term& module, const Term& old_vsn,
                 const Term& extra, Timeout timeout = Timeout{5000});
// Prints each message the server handles to the node's log (*DBG* lines).
Term trace(Process& self, const Term& server, bool on, Timeout timeout = Timeout{5000});

}  // namespace otp::sys

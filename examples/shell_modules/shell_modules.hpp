// The examples' C++ modules made callable from the shell by name, through
// the shell's per-node native module table (core/shell/eval/behaviour_native.hpp):
//
//   Counter.start_link(0), Counter.value(pid), Counter.increment(pid),
//   Counter.add(pid, n), Counter.child_spec(arg); GenServer.start_link(Counter, 0)
//   Calc.start_link(arg), Calc.divide(a, b), Calc.child_spec(arg);
//   Supervisor.start_link([Calc], strategy: :one_for_one)
//   ChatroomWeb.Endpoint.connect(user, room), ChatroomWeb.Endpoint.say(conn, text),
//   ChatroomWeb.Endpoint.inbox(conn), Chatroom.Repo.messages(room), Chatroom.Room.room(room)
//
// Not registered by default (the conformance transcripts define their own
// Counter and Calc; a module defined in the shell wins anyway): the host
// calls register_shell_modules(node) at boot when it wants them.
#pragma once
#include "runtime/node.hpp"

namespace otp::examples {

void register_shell_modules(Node& node);

}  // namespace otp::examples

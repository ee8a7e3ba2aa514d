// What a playground node runs before its first prompt, in one place for
// every front end (the browser's wasm/playground.cpp, otpsh, the tutorial's
// doc-test): the applications a fresh IEx node has, the seed's examples
// (Counter and Calc loadable by child specs, the :chatroom application
// started, so Supervisor.which_children(Chatroom.Supervisor) answers), and
// the examples' modules callable by name from the shell (Counter, Calc,
// Chatroom, Switch).
//
// Called by the host on a fresh node; it spawns the booting process and
// runs the node until it is idle.
#pragma once
#include "runtime/node.hpp"

namespace otp::examples {

void boot_playground(Node& node);

}  // namespace otp::examples

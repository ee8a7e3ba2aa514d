// C++ modules callable from the shell by name: a per-node table of native
// functions (Counter.start_link/1, Calc.divide/2, ...) and of C++ GenServer
// modules (GenServer.start_link(Counter, 0) runs the C++ Counter), for the
// example programs (examples/shell_modules registers them).
//
// Nothing is registered by default: the host (the playground's boot) calls
// the examples' registration when it wants them. A module defined in the
// shell with the same name wins (it is looked up first, as a newer version
// of the module would be on BEAM); built-ins come before natives too.
//
// Who calls what: the host registers, on the host thread, before the node
// runs shell code; the evaluator (Interp::call_remote), the behaviour
// built-ins and the supervisors' start resolver look functions up from
// processes of that node.
#pragma once
#include <functional>
#include <memory>
#include <span>
#include <string_view>

#include "behaviours/gen_server.hpp"

namespace otp::shell {

// Called in the calling process with the call's arguments (arity checked).
using NativeFn = std::function<Term(Process& self, std::span<const Term> args)>;

// Module.name/arity; `module` as Elixir writes it ("Counter", "Chatroom.Repo").
void register_native(otp::Node& node, std::string_view module, std::string_view name, unsigned arity,
                     NativeFn fn, const char* doc = "");
// GenServer.start_link(Module, ...) / start starts this C++ module (named by
// its module_name()).
void register_native_gen_server(otp::Node& node, std::shared_ptr<const GenServer> module);

// Lookups (null / empty when unknown).
const NativeFn* find_native(otp::Node& node, Atom module, Atom name, unsigned arity);
std::shared_ptr<const GenServer> find_native_gen_server(otp::Node& node, Atom module);
bool has_native_module(otp::Node& node, Atom module);
// Module.name/arity of every native function of `module`, sorted (completion, h/1).
std::vector<std::pair<Atom, unsigned>> native_exports(otp::Node& node, Atom module);

}  // namespace otp::shell

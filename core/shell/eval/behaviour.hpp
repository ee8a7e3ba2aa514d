// OTP behaviours for modules written in the shell: the adapters that run an
// interpreted module on the C++ behaviours (core/behaviours/), the helpers
// the built-in GenServer, Supervisor, DynamicSupervisor, GenStage and :sys
// modules share, and `use` inside defmodule.
//
// Files: behaviour_common.cpp (callbacks, options, the supervisors' start
// resolver), behaviour_child_spec.cpp, behaviour_gen_server.cpp,
// behaviour_supervisor.cpp, behaviour_dynamic.cpp, behaviour_gen_stage.cpp,
// behaviour_sys.cpp, behaviour_use.cpp (`use X` and its default functions),
// behaviour_native.hpp/.cpp (C++ modules callable by name).
//
// Hot code upgrade: an adapter holds only the module's name and looks the
// module up in the node's ModuleTable at every callback, so redefining the
// module in the shell moves running servers to the new code at their next
// message (as BEAM's fully qualified calls do); :sys.change_code runs the
// current version's code_change/3.
//
// Who calls what: lib/modules.cpp registers the built-ins (add_behaviour_*);
// interp_module.cpp calls use_module() for each `use` and finish_module()
// before installing a module. Everything here runs in the calling process
// (Process::current()), as every built-in does.
#pragma once
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "behaviours/gen_server.hpp"
#include "shell/ast.hpp"

namespace otp::shell {

class Module;

// `use Mod, opts` inside defmodule (opts: the evaluated keyword list, or []):
// records the behaviour; raises as Elixir does for a module that cannot be
// used. `at` is the use call (for error lines).
void use_module(Module& mod, const Term& used, const Term& opts, const Node* at);
// Adds what the uses define and the body did not (child_spec/1, the
// GenServer defaults, init/1 with Elixir's warning), before the module is
// installed; `at` is the defmodule call.
void finish_module(Module& mod, const Node* at);

namespace behaviour {

Process& self();  // the calling process (a RuntimeError when called from the host)

// The current version of interpreted module `mod` exports fun/arity.
bool exports(Atom mod, Atom fun, unsigned arity);
// Where a callback is called from (BEAM would add gen_server.erl's frames
// below it; the loop here is C++, so the trace ends at the callback).
enum class Frames { None, Init, Call, Dispatch };
// Mod.fun(args) on the current version (interpreted, built-in or native),
// to completion. An error leaving it gets {Mod, :fun, args, []} as its
// frame when Mod.fun/arity does not exist (as BEAM's undef); traces are
// kept to 8 frames.
Term callback(Atom mod, const char* fun, std::vector<Term> args, Frames frames = Frames::None);

// A timeout argument (ms >= 0 or :infinity); false if it is neither.
bool timeout_of(const Term& t, Timeout* out);
// The reason (default :normal) and timeout (default :infinity) of
// `module`.stop(server, reason, timeout); a bad timeout raises
// FunctionClauseError module.stop/n.
struct StopArgs {
  Term reason;
  Timeout timeout;
};
StopArgs stop_args(const char* module, std::span<const Term> a);
// keyword[key] (first occurrence), or null.
const Term* keyword_get(const Term& keyword, const char* key);
// The `name:` option of a start function, checked as Elixir's do_start:
// [] when absent; raises ArgumentError for a bad one and RuntimeError for
// {:global, _} (not supported here).
Term start_name(const Term& opts);
// GenServer start options from Elixir's keyword list (name:, timeout:).
GenServerOptions start_options(const Term& opts, bool link);

// The adapter object that runs interpreted (or native, behaviour_native.cpp)
// module `mod` as a GenServer.
std::shared_ptr<const GenServer> gen_server_module(Atom mod);

// Supervisor's init_child/1: a module, {module, arg}, a map or a 6-tuple to
// a child spec (calls module.child_spec(arg)); ArgumentError as Elixir's.
Term init_child(const Term& child);
// Supervisor.child_spec/2.
Term child_spec(const Term& child, const Term& overrides);
// {flags, specs} for Supervisor.init/2 (raises as Elixir's).
Term supervisor_init(const Term& children, const Term& opts);

// Makes the node's supervisors resolve {Mod, :fun, args} starts of
// interpreted modules and built-ins (idempotent).
void install_start_resolver(otp::Node& node);

// Logger's report line: "\nHH:MM:SS.mmm [level] text\n" on the node's log.
void log(otp::Node& node, const char* level, const std::string& text);

}  // namespace behaviour
}  // namespace otp::shell

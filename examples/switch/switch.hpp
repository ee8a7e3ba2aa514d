// The telephone switch of the seed (what-is-otp.md): one process per call,
// calls arriving and hanging up all the time, a few crashing on purpose,
// and every other call unaffected.
//
//   Switch.Supervisor (one_for_one)
//   ├── Switch.Calls.P0 .. Switch.Calls.P<P-1>   DynamicSupervisors, one call
//   │                                            process per child (:transient)
//   └── Switch.Traffic                           places new calls every tick;
//                                                GenServer.call(Switch.Traffic, :summary)
//
// A call (Switch.Call) is a GenServer whose state is {id, hangup_at} (the
// node clock's ms): its init arms a :hangup timer and it stops :normal
// when the timer fires, so its supervisor forgets it. A call marked noisy
// is sent :noise halfway through and crashes on it ({:line_noise, id});
// being :transient, it is restarted with its own {id, hangup_at} and hangs
// up on time. The calls are spread over P DynamicSupervisors, as Elixir's
// PartitionSupervisor spreads children: a supervisor's bookkeeping per
// child exit here is linear in its children, so a million calls under one
// would make every hang-up cost a million steps.
//
// Hot code upgrade: every callback of a call first looks for a module
// Switch.Call defined in the shell (the node's ModuleTable) exporting that
// callback, and runs it if there is one, else the C++ version. Defining
// `defmodule Switch.Call do def handle_info(:hangup, call) ... end end` in
// the shell therefore moves every running call to the new code at its next
// message, and no call is dropped. The shell's functions see the same
// state, {id, hangup_at}.
//
// Who calls what: everything below runs in a process of the node (the
// `Process& self` argument), except load(), register_shell() and
// summary(Node&), which the host calls (summary between run slices, or a
// process of the node). One switch per node.
#pragma once
#include <cstdint>
#include <string>

#include "runtime/node.hpp"

namespace otp::examples::telephone {

struct Config {
  int64_t partitions = 16;        // DynamicSupervisors the calls are spread over
  int64_t calls_per_tick = 100;   // new calls per tick (0: no Switch.Traffic)
  int64_t tick_ms = 10;
  int64_t max_calls = 0;          // Switch.Traffic stops after this many (0: never)
  int64_t min_call_ms = 1000;     // call durations, spread evenly by call id
  int64_t max_call_ms = 10000;
  int64_t crash_every = 100;      // one call in crash_every is noisy (0: none)
  int64_t max_restarts = 1000;    // each partition's restart intensity
  int64_t max_seconds = 1;
};

// What the switch has done. Exact when the node is idle (every exit
// handled, every restart done); taken while calls are being placed or
// restarted it counts those as they stand.
struct Summary {
  int64_t set_up = 0;      // calls placed (start_child answered {:ok, pid})
  int64_t completed = 0;   // calls that hung up (terminate/2 with :normal or :shutdown)
  int64_t crashed = 0;     // call processes that stopped abnormally (terminate/2)
  int64_t restarts = 0;    // call inits beyond the first: restarts by a supervisor
  int64_t still_up = 0;    // live call processes
  int64_t dropped = 0;     // set_up - completed - still_up: calls lost
  int64_t shell_callbacks = 0;  // callbacks run by the shell's Switch.Call
};

// Registers the start function {Switch.Call, :start_link, [call]} with the
// node (the supervisors use it to restart calls). start_link calls it.
void load(Node& node);

// Switch.Supervisor with its partitions and, when config.calls_per_tick >
// 0, Switch.Traffic; linked to `self`: {:ok, pid} | {:error, reason}.
Term start_link(Process& self, const Config& config = {});

// Places one call lasting `duration_ms` under its partition (by id); a
// noisy call is sent :noise after half its duration. {:ok, pid} | {:error, r}.
Term place_call(Process& self, int64_t duration_ms, bool noisy = false);

// The counts, read without messages: from a process of the node or from
// the host between run slices.
Summary summary(Node& node);
// The summary as the shell shows it: %{set_up: n, completed: n, ...}.
Term summary_term(const Summary& s);
// The summary as the lines otp_switch prints.
std::string format(const Summary& s);

// The call module, :"Elixir.Switch.Call".
Term call_module_name();

// Makes Switch.start_link/0,1, Switch.child_spec/1, Switch.place_call/1,2
// and Switch.summary/0 callable from the shell on this node (shell.cpp,
// through the shell's native module table). The host calls it, at boot,
// beside the other examples' shell modules; nothing registers it by default.
void register_shell(Node& node);

}  // namespace otp::examples::telephone

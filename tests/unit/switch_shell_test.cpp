// The switch driven from the shell (examples/switch/shell.cpp): Switch.*
// through the shell's native module table, bad input as Elixir raises it.
#include "node_fixture.hpp"
#include "shell_behaviour_helpers.hpp"
#include "switch/switch.hpp"

using namespace otp;
using namespace otp::test;
namespace tel = otp::examples::telephone;

namespace {

void run_until_done(NodeFixture& f) {
  for (;;) {
    f.node.run_until_idle();
    RunResult r = f.node.run(0);
    if (!r.next_timer) return;
    if (*r.next_timer > f.clock.now_ms()) f.clock.set(*r.next_timer);
  }
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "the shell starts the switch, places calls and reads its summary", "[switch][shell]") {
  tel::register_shell(node);
  ShellProc sh(*this);
  CHECK(sh("{:ok, pid} = Switch.start_link(partitions: 2, calls_per_tick: 50, max_calls: 500, crash_every: 25)\n"
           "is_pid(pid)") == "true");
  CHECK(sh("{:ok, call} = Switch.place_call(2_000, true)\nis_pid(call)") == "true");
  CHECK(sh("Supervisor.which_children(Switch.Supervisor) |> length()") == "3");
  run_until_done(*this);
  CHECK(sh("Switch.summary()") ==
        "%{\n  completed: 501,\n  crashed: 21,\n  dropped: 0,\n  restarts: 21,\n  set_up: 501,\n"
        "  shell_callbacks: 0,\n  still_up: 0\n}");
  CHECK(sh("Supervisor.stop(Switch.Supervisor)") == ":ok");
}

TEST_CASE_METHOD(NodeFixture, "Switch functions called from the shell reject bad input as Elixir would", "[switch][shell]") {
  tel::register_shell(node);
  ShellProc sh(*this);
  CHECK(sh("Switch.place_call(10)") == "{:error, :not_started}");
  CHECK(sh("Switch.start_link(speed: 1, partitions: 2)") ==
        "** (ArgumentError) unknown keys [:speed] in [speed: 1, partitions: 2], the allowed keys are: "
        "[:partitions, :calls_per_tick, :tick_ms, :max_calls, :min_call_ms, :max_call_ms, :crash_every, "
        ":max_restarts, :max_seconds]");
  CHECK(sh("Switch.start_link([1])") ==
        "** (ArgumentError) expected a keyword list as first argument, got invalid entry: 1");
  CHECK(sh("Switch.start_link(tick_ms: 0)") == "** (ArgumentError) expected :tick_ms to be an integer >= 1, got: 0");
  CHECK_THAT(sh("Switch.place_call(-5)"),
             Catch::Matchers::StartsWith("** (FunctionClauseError) no function clause matching in Switch.place_call/1"));
  CHECK_THAT(sh("Switch.place_call(5, :yes)"),
             Catch::Matchers::StartsWith("** (FunctionClauseError) no function clause matching in Switch.place_call/2"));
  CHECK_THAT(sh("Switch.nope()"),
             Catch::Matchers::StartsWith("** (UndefinedFunctionError) function Switch.nope/0 is undefined or private"));
}

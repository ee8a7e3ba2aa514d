// Hot code upgrade of the telephone switch (examples/switch): while calls
// run, the shell defines a new Switch.Call and every running call moves to
// it at its next message; no call is dropped.
#include "node_fixture.hpp"
#include "shell_behaviour_helpers.hpp"
#include "switch/switch.hpp"

using namespace otp;
using namespace otp::test;
namespace tel = otp::examples::telephone;

namespace {


tel::Config traffic() {
  tel::Config c;
  c.partitions = 4;
  c.calls_per_tick = 100;
  c.tick_ms = 10;
  c.max_calls = 2'000;  // placed from 10 ms to 200 ms
  c.min_call_ms = 1'000;
  c.max_call_ms = 3'000;
  c.crash_every = 50;
  return c;
}

// Version 2 of the call: the same protocol, its own :info answer and its
// own crash on noise; restarts run its init.
const char* kCallV2 = R"(defmodule Switch.Call do
  use GenServer
  def init({_id, hangup_at} = call) do
    Process.send_after(self(), :hangup, hangup_at, abs: true)
    {:ok, call}
  end
  def handle_info(:hangup, call), do: {:stop, :normal, call}
  def handle_info(:noise, {id, _}), do: raise "line noise on call #{id}"
  def handle_call(:info, _from, call), do: {:reply, {:v2, call}, call}
end)";

}  // namespace

TEST_CASE_METHOD(NodeFixture, "redefining Switch.Call in the shell upgrades every running call and drops none",
                 "[switch][shell]") {
  Driver d(*this);
  ShellProc sh(*this);
  d([&](Process& self) { REQUIRE(tel::start_link(self, traffic())[0] == a("ok")); });
  run_timers_until(700);  // all placed; the first noisy calls crashed on C++ code
  tel::Summary before = tel::summary(node);
  CHECK(before.set_up == 2'000);
  CHECK(before.crashed > 0);
  CHECK(before.shell_callbacks == 0);
  CHECK(sh("[{_, pid, _, _} | _] = DynamicSupervisor.which_children(Switch.Calls.P0)\n"
           "{tag, _} = GenServer.call(pid, :info)\ntag") == ":cpp");

  CHECK_THAT(sh(kCallV2), Catch::Matchers::StartsWith("{:module, Switch.Call,"));
  CHECK(sh("[{_, pid, _, _} | _] = DynamicSupervisor.which_children(Switch.Calls.P1)\n"
           "{tag, _} = GenServer.call(pid, :info)\ntag") == ":v2");
  CHECK(tel::summary(node).still_up == before.still_up);

  run_timers_until();
  tel::Summary s = tel::summary(node);
  CHECK(s.set_up == 2'000);
  CHECK(s.completed == 2'000);
  CHECK(s.crashed == 40);
  CHECK(s.restarts == 40);
  CHECK(s.still_up == 0);
  CHECK(s.dropped == 0);
  CHECK(s.shell_callbacks > 0);
  CHECK(sh("%{dropped: d, set_up: n} = GenServer.call(Switch.Traffic, :summary)\n{d, n}") == "{0, 2000}");
  CHECK(count(logs, "{:line_noise, ") == static_cast<std::size_t>(before.crashed));
  CHECK(count(logs, "** (RuntimeError) line noise on call ") == static_cast<std::size_t>(40 - before.crashed));
}

TEST_CASE_METHOD(NodeFixture, "a shell Switch.Call that defines only handle_info keeps the C++ callbacks for the rest",
                 "[switch][shell]") {
  Driver d(*this);
  ShellProc sh(*this);
  tel::Config c = traffic();
  c.crash_every = 0;
  d([&](Process& self) { REQUIRE(tel::start_link(self, c)[0] == a("ok")); });
  run_timers_until(300);
  CHECK_THAT(sh("defmodule Switch.Call do\n"
                "  def handle_info(:hangup, call), do: {:stop, :normal, call}\n"
                "end"),
             Catch::Matchers::StartsWith("{:module, Switch.Call,"));
  // handle_call/3 is not in the shell's module: the C++ one answers.
  CHECK(sh("[{_, pid, _, _} | _] = DynamicSupervisor.which_children(Switch.Calls.P2)\n"
           "{tag, _} = GenServer.call(pid, :info)\ntag") == ":cpp");
  run_timers_until();
  tel::Summary s = tel::summary(node);
  CHECK(s.completed == 2'000);
  CHECK(s.dropped == 0);
  CHECK(s.shell_callbacks == 2'000);  // every hang-up ran the shell's handle_info
}

// The examples' C++ modules called from the shell by name once the host
// registers them (examples/shell_modules), and shell modules taking
// precedence over them.
#include "shell_behaviour_helpers.hpp"
#include "shell_modules/shell_modules.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(NodeFixture, "registered C++ modules are callable from the shell by name", "[shell][behaviour]") {
  ShellProc sh(*this);
  CHECK(sh("Counter.start_link(0)") ==
        "** (UndefinedFunctionError) function Counter.start_link/1 is undefined (module Counter is not available)");
  examples::register_shell_modules(node);
  CHECK(sh("{:ok, p} = Counter.start_link(5); Counter.increment(p); Counter.add(p, 10); Counter.value(p)") == "16");
  CHECK(sh("{:ok, q} = GenServer.start_link(Counter, 1); GenServer.call(q, :value)") == "1");
  CHECK(sh("{:ok, sup} = Supervisor.start_link([Calc, {Counter, 7}], strategy: :one_for_one); Calc.divide(10, 4)") ==
        "2.5");
  CHECK(sh("[{Counter, c, :worker, [Counter]}, {Calc, _, :worker, [Calc]}] = Supervisor.which_children(sup); "
           "Counter.value(c)") == "7");
  CHECK(sh("Counter.nope()") == "** (UndefinedFunctionError) function Counter.nope/0 is undefined or private");
}

TEST_CASE_METHOD(NodeFixture, "a module defined in the shell wins over a registered C++ one", "[shell][behaviour]") {
  examples::register_shell_modules(node);
  ShellProc sh(*this);
  sh("defmodule Counter do\n use GenServer\n def start_link(n), do: GenServer.start_link(__MODULE__, n)\n"
     " def init(n), do: {:ok, {:shell, n}}\n def handle_call(:value, _, s), do: {:reply, s, s}\nend");
  CHECK(sh("{:ok, p} = Counter.start_link(1); GenServer.call(p, :value)") == "{:shell, 1}");
  CHECK(sh("{:ok, q} = GenServer.start_link(Counter, 2); GenServer.call(q, :value)") == "{:shell, 2}");
  CHECK(sh("{:ok, s} = Supervisor.start_link([{Counter, 3}], strategy: :one_for_one); "
           "[{_, c, _, _}] = Supervisor.which_children(s); GenServer.call(c, :value)") == "{:shell, 3}");
}

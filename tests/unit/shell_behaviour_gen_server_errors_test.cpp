// GenServer errors from the shell language: use GenServer's default
// callbacks and their texts, missing callbacks without `use`, calls to dead
// or unknown servers (conformance case t5_call_dead).
#include "shell_behaviour_helpers.hpp"

using namespace otp;
using namespace otp::test;

namespace {

const char* kCounter =
    "defmodule Counter do\n"
    "  use GenServer\n"
    "  def init(n), do: {:ok, n}\n"
    "  def handle_call(:get, _from, n), do: {:reply, n, n}\n"
    "  def handle_cast(:inc, n), do: {:noreply, n + 1}\n"
    "  def handle_info(:reset, _n), do: {:noreply, 0}\n"
    "end";

}  // namespace

TEST_CASE_METHOD(NodeFixture, "use GenServer's defaults raise or log with Elixir's texts", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh("defmodule Bare do\n use GenServer\n def init(x), do: {:ok, x}\nend");
  sh("{:ok, p} = GenServer.start(Bare, 1, name: BareName)");
  CHECK(sh("send(BareName, :hello); :sys.get_state(BareName)") == "1");
  std::string all = joined(logs);
  CHECK(all.find(" [error] Bare BareName received unexpected message in handle_info/2: :hello\n\n") !=
        std::string::npos);
  std::string r = sh("GenServer.call(BareName, :x)");
  CHECK(r.find("** (exit) exited in: GenServer.call(BareName, :x, 5000)\n    ** (EXIT) an exception was raised:\n"
               "        ** (RuntimeError) attempted to call GenServer BareName but no handle_call/3 clause was "
               "provided") == 0);
  all = joined(logs);
  CHECK(all.find("[error] GenServer BareName terminating\n** (RuntimeError) attempted to call GenServer BareName "
                 "but no handle_call/3 clause was provided\n") != std::string::npos);
  CHECK(all.find("Last message (from #PID<") != std::string::npos);
  CHECK(all.find("State: 1\n") != std::string::npos);
  sh("{:ok, q} = GenServer.start(Bare, 2)");
  CHECK(sh("GenServer.cast(q, :x); Process.sleep(10); Process.alive?(q)") == "false");
  CHECK(joined(logs).find("but no handle_cast/2 clause was provided") != std::string::npos);
}

TEST_CASE_METHOD(NodeFixture, "a module without use GenServer fails on a missing callback as BEAM does",
                 "[shell][behaviour]") {
  ShellProc sh(*this);
  sh("defmodule Plain do\n def init(x), do: {:ok, x}\nend");
  sh("{:ok, p} = GenServer.start(Plain, 1)");
  CHECK(sh("send(p, :ignored); :sys.get_state(p)") == "1");  // no handle_info/2: dropped
  std::string r = sh("GenServer.call(p, :x)");
  CHECK(r.find("** (UndefinedFunctionError) function Plain.handle_call/3 is undefined or private") !=
        std::string::npos);
  CHECK(sh("{:error, {%UndefinedFunctionError{module: m, function: f, arity: a}, [frame | _]}} = "
           "GenServer.start(NotDefinedAnywhere, 1); {m, f, a, frame}") ==
        "{NotDefinedAnywhere, :init, 1, {NotDefinedAnywhere, :init, [1], []}}");
}

TEST_CASE_METHOD(NodeFixture, "GenServer.call to a dead pid or an unknown name exits with noproc as t5_call_dead",
                 "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kCounter);
  sh("{:ok, pid} = GenServer.start(Counter, 1); GenServer.stop(pid)");
  const std::string noproc =
      "\n    ** (EXIT) no process: the process is not alive or there's no process currently associated with the "
      "given name, possibly because its application isn't started";
  CHECK(sh("GenServer.call(pid, :anything)").find("** (exit) exited in: GenServer.call(#PID<") == 0);
  CHECK(sh("GenServer.call(:no_such_name, :x)") ==
        "** (exit) exited in: GenServer.call(:no_such_name, :x, 5000)" + noproc);
  CHECK(sh("GenServer.call(NoSuchServer, :x, 1000)") ==
        "** (exit) exited in: GenServer.call(NoSuchServer, :x, 1000)" + noproc);
  CHECK(sh("GenServer.cast(pid, :x)") == ":ok");
  CHECK(sh("GenServer.cast(:no_such_name, :x)") == ":ok");
  CHECK(sh("GenServer.stop(:no_such_name)").find("** (exit) exited in: GenServer.stop(:no_such_name, :normal, "
                                                 ":infinity)") == 0);
  CHECK(sh("GenServer.call(self(), :x)").find("** (exit) exited in: GenServer.call(#PID<") == 0);
  CHECK(sh("GenServer.call(:x, :y, :soon)").find("** (FunctionClauseError) no function clause matching in "
                                                 "GenServer.call/3") == 0);
}

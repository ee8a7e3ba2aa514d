// DynamicSupervisor from the shell language: start_link with options or a
// `use DynamicSupervisor` module, start_child from modules, tuples and
// maps, terminate/which/count children (conformance case t6_dynamic).
#include "shell_behaviour_helpers.hpp"

using namespace otp;
using namespace otp::test;

namespace {

const char* kWorker =
    "defmodule DW do\n"
    "  use GenServer\n"
    "  def start_link(arg), do: GenServer.start_link(__MODULE__, arg)\n"
    "  def start_link(extra, arg), do: GenServer.start_link(__MODULE__, {extra, arg})\n"
    "  def init(arg), do: {:ok, arg}\n"
    "  def handle_call(:get, _from, s), do: {:reply, s, s}\n"
    "end";

}  // namespace

TEST_CASE_METHOD(NodeFixture, "a DynamicSupervisor starts, restarts and forgets children as t6_dynamic",
                 "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kWorker);
  CHECK(sh("{:ok, ds} = DynamicSupervisor.start_link(strategy: :one_for_one); :ok") == ":ok");
  CHECK(sh("{:ok, a} = DynamicSupervisor.start_child(ds, {DW, 1}); GenServer.call(a, :get)") == "1");
  CHECK(sh("{:ok, b} = DynamicSupervisor.start_child(ds, {DW, 2}); :ok") == ":ok");
  CHECK(sh("DynamicSupervisor.count_children(ds)") == "%{active: 2, specs: 2, supervisors: 0, workers: 2}");
  CHECK(sh("DynamicSupervisor.which_children(ds) |> length()") == "2");
  CHECK(sh("DynamicSupervisor.terminate_child(ds, a)") == ":ok");
  CHECK(sh("DynamicSupervisor.terminate_child(ds, a)") == "{:error, :not_found}");
  CHECK(sh("Process.exit(b, :kill); Process.sleep(50)") == ":ok");
  CHECK(sh("[{:undefined, b2, :worker, [DW]}] = DynamicSupervisor.which_children(ds); b2 == b") == "false");
  CHECK(sh("GenServer.call(b2, :get)") == "2");
  CHECK(sh("{:ok, t} = DynamicSupervisor.start_child(ds, %{id: :x, start: {DW, :start_link, [3]}, "
           "restart: :temporary}); Process.exit(t, :kill); Process.sleep(50)") == ":ok");
  CHECK(sh("DynamicSupervisor.count_children(ds)") == "%{active: 1, specs: 1, supervisors: 0, workers: 1}");
  CHECK(sh("{:ok, ag} = DynamicSupervisor.start_child(ds, {Agent, fn -> :agent end}); Agent.get(ag, & &1)") ==
        ":agent");
  CHECK(sh("DynamicSupervisor.start_child(ds, %{id: 1})") == "{:error, {:invalid_child_spec, %{id: 1}}}");
  CHECK(sh("DynamicSupervisor.stop(ds)") == ":ok");
  CHECK(sh("Process.alive?(b2)") == "false");
}

TEST_CASE_METHOD(NodeFixture, "a use DynamicSupervisor module takes its flags from init/1", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kWorker);
  sh("defmodule Pool do\n"
     "  use DynamicSupervisor\n"
     "  def start_link(extra), do: DynamicSupervisor.start_link(__MODULE__, extra, name: __MODULE__)\n"
     "  def init(extra), do: DynamicSupervisor.init(strategy: :one_for_one, max_children: 2, extra_arguments: [extra])\n"
     "end");
  CHECK(sh("Pool.child_spec(:e)") == "%{id: Pool, start: {Pool, :start_link, [:e]}, type: :supervisor}");
  CHECK(sh("DynamicSupervisor.init([])") ==
        "{:ok,\n %{\n   extra_arguments: [],\n   intensity: 3,\n   max_children: :infinity,\n   period: 5,\n"
        "   strategy: :one_for_one\n }}");
  CHECK(sh("{:ok, _} = Pool.start_link(:extra); {:ok, p} = DynamicSupervisor.start_child(Pool, {DW, :arg}); "
           "GenServer.call(p, :get)") == "{:extra, :arg}");
  CHECK(sh("DynamicSupervisor.start_child(Pool, {DW, :two}) |> elem(0)") == ":ok");
  CHECK(sh("DynamicSupervisor.start_child(Pool, {DW, :three})") == "{:error, :max_children}");
  std::string st = sh(":sys.get_state(Pool)");
  CHECK(st.find("%DynamicSupervisor{") == 0);
  CHECK(st.find("mod: Pool") != std::string::npos);
  CHECK(st.find("max_restarts: 3") != std::string::npos);
  sh("defmodule BadPool do\n use DynamicSupervisor\n def init(_), do: :oops\nend");
  CHECK(sh("Process.flag(:trap_exit, true); DynamicSupervisor.start_link(BadPool, 1)") ==
        "{:error, {:bad_return, {BadPool, :init, :oops}}}");
  CHECK(sh("DynamicSupervisor.start_link(strategy: :one_for_all)") ==
        "{:error, {:supervisor_data, {:invalid_strategy, :one_for_all}}}");
}

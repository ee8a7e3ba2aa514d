// `use` inside defmodule: what each behaviour's __using__ defines
// (child_spec/1 with the use options), @impl, and the errors Elixir gives
// for modules that cannot be used.
#include "shell_behaviour_helpers.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(NodeFixture, "each use defines the child_spec/1 of its behaviour", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh("defmodule UA do use Agent end");
  CHECK(sh("UA.child_spec(1)") == "%{id: UA, start: {UA, :start_link, [1]}}");
  sh("defmodule UT do use Task end");
  CHECK(sh("UT.child_spec(1)") == "%{id: UT, restart: :temporary, start: {UT, :start_link, [1]}}");
  sh("defmodule UT2 do use Task, restart: :transient end");
  CHECK(sh("UT2.child_spec(1)") == "%{id: UT2, restart: :transient, start: {UT2, :start_link, [1]}}");
  sh("defmodule US do use Supervisor, restart: :transient\n def init(_), do: Supervisor.init([], strategy: "
     ":one_for_one) end");
  CHECK(sh("US.child_spec(1)") == "%{id: US, restart: :transient, start: {US, :start_link, [1]}, type: :supervisor}");
  sh("defmodule UD do use DynamicSupervisor end");
  CHECK(sh("UD.child_spec(1)") == "%{id: UD, start: {UD, :start_link, [1]}, type: :supervisor}");
  sh("defmodule UG do use GenStage end");
  CHECK(sh("UG.child_spec(1)") == "%{id: UG, start: {UG, :start_link, [1]}}");
}

TEST_CASE_METHOD(NodeFixture, "use Agent and use Task modules run under a supervisor", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh("defmodule Bucket do\n"
     "  use Agent\n"
     "  def start_link(init), do: Agent.start_link(fn -> init end, name: __MODULE__)\n"
     "  def value, do: Agent.get(__MODULE__, & &1)\n"
     "end\n"
     "defmodule Once do\n"
     "  use Task\n"
     "  def start_link(parent), do: Task.start_link(fn -> send(parent, :ran) end)\n"
     "end");
  CHECK(sh("{:ok, sup} = Supervisor.start_link([{Bucket, 42}, {Once, self()}], strategy: :one_for_one); "
           "Bucket.value()") == "42");
  CHECK(sh("receive do :ran -> :ran after 100 -> :no end") == ":ran");
  CHECK(sh("Supervisor.which_children(sup) |> Enum.map(&elem(&1, 0))") == "[Bucket]");  // temporary: gone
}

TEST_CASE_METHOD(NodeFixture, "@impl and @behaviour are accepted and unknown modules cannot be used",
                 "[shell][behaviour]") {
  ShellProc sh(*this);
  CHECK(sh("defmodule Impl do\n use GenServer\n @behaviour GenServer\n @impl true\n def init(x), do: {:ok, x}\n"
           " @impl GenServer\n def handle_call(:x, _, s), do: {:reply, :x, s}\nend\n"
           "{:ok, p} = GenServer.start(Impl, 0); GenServer.call(p, :x)") == ":x");
  CHECK(sh("defmodule X1 do use Foo end") == "** (CompileError) iex:1: module Foo is not loaded and could not be found");
  CHECK(sh("defmodule X2 do use Enum end") ==
        "** (UndefinedFunctionError) function Enum.__using__/1 is undefined or private");
  CHECK(sh("defmodule X3 do use 1 end") ==
        "** (CompileError) iex:1: invalid arguments for use, expected a compile time atom or alias, got: 1");
}

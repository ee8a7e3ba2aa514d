// GenStage from the shell language: `use GenStage` producers and consumers
// run on the C++ GenStage, with automatic and manual demand, the producer's
// demand modes, calls and :sys. (The producer stops at 20 events: an
// endless one would keep the node busy forever.)
#include "shell_behaviour_helpers.hpp"

using namespace otp;
using namespace otp::test;

namespace {

const char* kStages =
    "defmodule Numbers do\n"
    "  use GenStage\n"
    "  def start_link(n), do: GenStage.start_link(__MODULE__, n, name: __MODULE__)\n"
    "  def init({n, opts}), do: {:producer, n, opts}\n"
    "  def init(n), do: {:producer, n}\n"
    "  def handle_demand(_demand, n) when n >= 20 and n < 1000, do: {:noreply, [], n}\n"
    "  def handle_demand(demand, n), do: {:noreply, Enum.to_list(n..(n + demand - 1)), n + demand}\n"
    "  def handle_call(:next, _from, n), do: {:reply, n, [], n}\n"
    "end\n"
    "defmodule Collect do\n"
    "  use GenStage\n"
    "  def init({parent, mode}), do: {:consumer, %{parent: parent, mode: mode, from: nil}}\n"
    "  def handle_subscribe(:producer, _opts, from, s) do\n"
    "    send(s.parent, {:subscribed, from})\n"
    "    {s.mode, %{s | from: from}}\n"
    "  end\n"
    "  def handle_events(events, _from, s) do\n"
    "    send(s.parent, {:got, events})\n"
    "    {:noreply, [], s}\n"
    "  end\n"
    "  def handle_info({:ask, n}, s) do\n"
    "    GenStage.ask(s.from, n)\n"
    "    {:noreply, [], s}\n"
    "  end\n"
    "end";

}  // namespace

TEST_CASE_METHOD(NodeFixture, "a shell producer feeds a shell consumer with back-pressure", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kStages);
  CHECK(sh("Numbers.child_spec(0)") == "%{id: Numbers, start: {Numbers, :start_link, [0]}}");
  CHECK(sh("{:ok, p} = Numbers.start_link(0); {:ok, c} = GenStage.start_link(Collect, {self(), :automatic}); :ok") ==
        ":ok");
  CHECK(sh("{:ok, _tag} = GenStage.sync_subscribe(c, to: p, max_demand: 4, min_demand: 2); :ok") == ":ok");
  CHECK(sh("receive do {:subscribed, _} -> :yes end") == ":yes");
  CHECK(sh("receive do {:got, e} -> e end") == "[0, 1]");
  CHECK(sh("receive do {:got, e} -> e end") == "[2, 3]");
  CHECK(sh("GenStage.call(Numbers, :next) >= 4") == "true");
  CHECK(sh(":sys.get_state(Numbers).state >= 4") == "true");
  CHECK(sh("GenStage.stop(c)") == ":ok");
}

TEST_CASE_METHOD(NodeFixture, "manual demand and the producer's demand modes", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kStages);
  sh("{:ok, p} = GenStage.start_link(Numbers, {1000, [demand: :accumulate]})");
  CHECK(sh("GenStage.demand(p)") == ":accumulate");
  sh("{:ok, c} = GenStage.start_link(Collect, {self(), :manual}); GenStage.sync_subscribe(c, to: p)");
  CHECK(sh("receive do {:subscribed, from} -> is_tuple(from) end") == "true");
  CHECK(sh("send(c, {:ask, 3}); receive do {:got, e} -> e after 100 -> :nothing end") == ":nothing");
  CHECK(sh("GenStage.demand(p, :forward)") == ":ok");
  CHECK(sh("receive do {:got, e} -> e after 100 -> :nothing end") == "[1000, 1001, 1002]");
  CHECK(sh("send(c, {:ask, 2}); receive do {:got, e} -> e after 100 -> :nothing end") == "[1003, 1004]");
  CHECK(sh("GenStage.estimate_buffered_count(p)") == "0");
  CHECK(sh("GenStage.ask({self(), make_ref()}, -1)").find("** (FunctionClauseError) no function clause matching in "
                                                         "GenStage.ask/2") == 0);
  CHECK(sh("GenStage.sync_subscribe(c, max_demand: 1)") ==
        "** (ArgumentError) expected :to argument in sync_(re)subscribe");
}

TEST_CASE_METHOD(NodeFixture, "a stage without handle_demand fails as GenStage does", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kStages);
  sh("defmodule Lazy do\n use GenStage\n def init(_), do: {:producer, :none}\nend");
  sh("{:ok, p} = GenStage.start(Lazy, 0); {:ok, c} = GenStage.start(Collect, {self(), :automatic})");
  CHECK(sh("ref = Process.monitor(p); GenStage.sync_subscribe(c, to: p); "
           "receive do {:DOWN, ^ref, _, _, {%UndefinedFunctionError{module: m, function: f, arity: a}, _}} -> "
           "{m, f, a} end") == "{Lazy, :handle_demand, 2}");
}

// GenServer from the shell language: modules with `use GenServer` run on the
// C++ GenServer loop, with Elixir 1.14's API (conformance cases
// t9_counter_genserver, t9_hot_reload). Errors: ..._gen_server_errors_test.
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

TEST_CASE_METHOD(NodeFixture, "a shell GenServer answers calls, casts and messages as t9_counter_genserver",
                 "[shell][behaviour]") {
  ShellProc sh(*this);
  CHECK(sh(kCounter).rfind("{:module, Counter,", 0) == 0);
  CHECK(sh("{:ok, pid} = GenServer.start_link(Counter, 10); :ok") == ":ok");
  CHECK(sh("GenServer.call(pid, :get)") == "10");
  CHECK(sh("GenServer.cast(pid, :inc)") == ":ok");
  CHECK(sh("GenServer.call(pid, :get)") == "11");
  CHECK(sh("send(pid, :reset)") == ":reset");
  CHECK(sh("GenServer.call(pid, :get)") == "0");
  CHECK(sh(":sys.get_state(pid)") == "0");
  CHECK(sh("GenServer.stop(pid)") == ":ok");
  CHECK(sh("Process.alive?(pid)") == "false");
  CHECK(logs.empty());
}

TEST_CASE_METHOD(NodeFixture, "the defmodule result ends with the last definition", "[shell][behaviour]") {
  ShellProc sh(*this);
  std::string r = sh(kCounter);
  CHECK(r.find("{:handle_info, 2}}") != std::string::npos);
  CHECK(sh("defmodule OnlyUse do use GenServer\n def init(x), do: {:ok, x}\n use Agent end")
            .find(", :ok}") != std::string::npos);
}

TEST_CASE_METHOD(NodeFixture, "redefining a module moves a running server to the new code as t9_hot_reload",
                 "[shell][behaviour]") {
  ShellProc sh(*this);
  sh("defmodule Hot do\n use GenServer\n def init(n), do: {:ok, n}\n"
     " def handle_call(:get, _from, n), do: {:reply, {:v1, n}, n}\nend");
  CHECK(sh("{:ok, pid} = GenServer.start_link(Hot, 7); GenServer.call(pid, :get)") == "{:v1, 7}");
  sh("defmodule Hot do\n use GenServer\n def init(n), do: {:ok, n}\n"
     " def handle_call(:get, _from, n), do: {:reply, {:v2, n}, n}\nend");
  CHECK(sh("GenServer.call(pid, :get)") == "{:v2, 7}");
  CHECK(sh("Process.alive?(pid)") == "true");
}

TEST_CASE_METHOD(NodeFixture, "use GenServer defines child_spec/1 with its options, overridable by the module",
                 "[shell][behaviour]") {
  ShellProc sh(*this);
  sh("defmodule A1 do use GenServer\n def init(x), do: {:ok, x} end");
  CHECK(sh("A1.child_spec(5)") == "%{id: A1, start: {A1, :start_link, [5]}}");
  sh("defmodule A2 do use GenServer, restart: :temporary, shutdown: 10, id: :foo\n def init(x), do: {:ok, x} end");
  CHECK(sh("A2.child_spec(5)") == "%{id: :foo, restart: :temporary, shutdown: 10, start: {A2, :start_link, [5]}}");
  sh("defmodule A3 do use GenServer\n def init(x), do: {:ok, x}\n def child_spec(x), do: {:mine, x} end");
  CHECK(sh("A3.child_spec(1)") == "{:mine, 1}");
  sh("defmodule A4 do use GenServer, bogus: 1\n def init(x), do: {:ok, x} end");
  CHECK(sh("A4.child_spec(1)") == "** (ArgumentError) unknown key :bogus in child specification override");
  // the defaults are ordinary functions of the module
  CHECK(sh("A1.terminate(:normal, 1)") == ":ok");
  CHECK(sh("A1.code_change(1, :st, 2)") == "{:ok, :st}");
}

TEST_CASE_METHOD(NodeFixture, "a module without init/1 gets Elixir's warning and the default init",
                 "[shell][behaviour]") {
  ShellProc sh(*this);
  sh("defmodule NoInit do\n  use GenServer\nend");
  std::string all = joined(logs);
  CHECK(all.find("warning: function init/1 required by behaviour GenServer is not implemented (in module "
                 "NoInit).\n\nWe will inject a default implementation for now:\n\n    def init(init_arg) do\n") !=
        std::string::npos);
  CHECK(all.find("the server state.\n\n  iex:1: NoInit (module)\n\n") != std::string::npos);
  CHECK(sh("{:ok, p} = GenServer.start_link(NoInit, 3); :sys.get_state(p)") == "3");
}

TEST_CASE_METHOD(NodeFixture, "start options: names, via Registry, bad names and duplicates", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kCounter);
  CHECK(sh("{:ok, p} = GenServer.start(Counter, 4, name: Cnt); GenServer.whereis(Cnt) == p") == "true");
  CHECK(sh("GenServer.call(Cnt, :get)") == "4");
  CHECK(sh("{:error, {:already_started, q}} = GenServer.start(Counter, 1, name: Cnt); q == p") == "true");
  CHECK(sh("GenServer.start(Counter, 1, name: \"bad\")") ==
        "** (ArgumentError) expected :name option to be one of the following:\n\n  * nil\n  * atom\n"
        "  * {:global, term}\n  * {:via, module, term}\n\nGot: \"bad\"\n");
  CHECK(sh("GenServer.start(Counter, 1, name: {:global, :g})").find("** (RuntimeError) {:global, term} names are "
                                                                     "not supported") == 0);
  CHECK(sh("{:ok, _} = Registry.start_link(keys: :unique, name: Reg); :ok") == ":ok");
  CHECK(sh("{:ok, v} = GenServer.start(Counter, 9, name: {:via, Registry, {Reg, :c}}); "
           "GenServer.call({:via, Registry, {Reg, :c}}, :get)") == "9");
  CHECK(sh("GenServer.whereis({:via, Registry, {Reg, :c}}) == v") == "true");
  CHECK(sh("GenServer.whereis(:nobody)") == "nil");
  CHECK(sh("GenServer.start_link(\"Counter\", 1)").find("** (FunctionClauseError) no function clause matching "
                                                         "in GenServer.start_link/3") == 0);
}

TEST_CASE_METHOD(NodeFixture, "init results, handle_continue, timeouts and GenServer.reply", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh("defmodule Life do\n"
     "  use GenServer\n"
     "  def init(:ignore), do: :ignore\n"
     "  def init(:stop), do: {:stop, :nope}\n"
     "  def init(:continue), do: {:ok, [], {:continue, :more}}\n"
     "  def init(:timeout), do: {:ok, :waiting, 100}\n"
     "  def handle_continue(:more, st), do: {:noreply, [:continued | st]}\n"
     "  def handle_info(:timeout, _st), do: {:noreply, :timed_out}\n"
     "  def handle_call(:later, from, st) do\n"
     "    send(self(), {:answer, from})\n"
     "    {:noreply, st}\n"
     "  end\n"
     "  def handle_call(:get, _from, st), do: {:reply, st, st}\n"
     "  def handle_info({:answer, from}, st) do\n"
     "    GenServer.reply(from, {:late, st})\n"
     "    {:noreply, st}\n"
     "  end\n"
     "  def terminate(reason, _st), do: send(:watcher, {:terminated, reason})\n"
     "end");
  CHECK(sh("GenServer.start(Life, :ignore)") == ":ignore");
  CHECK(sh("GenServer.start(Life, :stop)") == "{:error, :nope}");
  CHECK(sh("{:ok, c} = GenServer.start(Life, :continue); GenServer.call(c, :get)") == "[:continued]");
  CHECK(sh("GenServer.call(c, :later)") == "{:late, [:continued]}");
  CHECK(sh("{:ok, t} = GenServer.start(Life, :timeout); Process.sleep(200); GenServer.call(t, :get)") ==
        ":timed_out");
  CHECK(sh("Process.register(self(), :watcher); GenServer.stop(c, :shutdown)") == ":ok");
  CHECK(sh("receive do m -> m after 0 -> :none end") == "{:terminated, :shutdown}");
}

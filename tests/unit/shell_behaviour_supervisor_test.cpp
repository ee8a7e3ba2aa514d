// Supervisor from the shell language: children as modules, {module, arg}
// and maps, `use Supervisor` modules, child operations and restarts, with
// Elixir 1.14's texts (conformance cases t9_divide_let_it_crash, t6_*).
#include "shell_behaviour_helpers.hpp"

using namespace otp;
using namespace otp::test;

namespace {

const char* kCalc =
    "defmodule Calc do\n"
    "  use GenServer\n"
    "  def start_link(_), do: GenServer.start_link(__MODULE__, :ok, name: __MODULE__)\n"
    "  def divide(a, b), do: a / b\n"
    "  def init(:ok), do: {:ok, %{ops: 0}}\n"
    "  def handle_call({:divide, a, b}, _from, st), do: {:reply, divide(a, b), %{st | ops: st.ops + 1}}\n"
    "end";

const char* kWorker =
    "defmodule W do\n"
    "  use GenServer\n"
    "  def start_link(tag), do: GenServer.start_link(__MODULE__, tag)\n"
    "  def init(tag), do: {:ok, tag}\n"
    "  def handle_call(:tag, _from, tag), do: {:reply, tag, tag}\n"
    "end";

}  // namespace

TEST_CASE_METHOD(NodeFixture, "a supervised shell GenServer crashes and comes back as t9_divide_let_it_crash",
                 "[shell][behaviour]") {
  ShellProc sh(*this);
  CHECK(sh(kCalc).find("{:handle_call, 3}}") != std::string::npos);
  CHECK(sh("{:ok, _} = Supervisor.start_link([Calc], strategy: :one_for_one, name: CalcSup); :ok") == ":ok");
  CHECK(sh("GenServer.call(Calc, {:divide, 10, 2})") == "5.0");
  CHECK(sh("GenServer.call(Calc, {:divide, 9, 3})") == "3.0");
  CHECK(sh(":sys.get_state(Calc)") == "%{ops: 2}");
  std::string r = sh("GenServer.call(Calc, {:divide, 1, 0})");
  // (the evaluator's ArithmeticError message may carry IEx's blame ": 1 / 0")
  CHECK(r.rfind("** (exit) exited in: GenServer.call(Calc, {:divide, 1, 0}, 5000)\n    ** (EXIT) an exception was "
                "raised:\n        ** (ArithmeticError) bad argument in arithmetic expression",
                0) == 0);
  // The trace ends at the interpreted callback: there is no gen_server.erl here.
  CHECK(r.find("            iex:4: Calc.divide/2\n            iex:6: Calc.handle_call/3") != std::string::npos);
  CHECK(r.find("gen_server.erl") == std::string::npos);
  std::string all = joined(logs);
  CHECK(all.find("[error] GenServer Calc terminating\n** (ArithmeticError) bad argument in arithmetic expression") !=
        std::string::npos);
  CHECK(all.find("Last message (from #PID<") != std::string::npos);
  CHECK(all.find("): {:divide, 1, 0}\nState: %{ops: 2}\nClient #PID<") != std::string::npos);
  CHECK(sh("Process.sleep(50)") == ":ok");
  CHECK(sh(":sys.get_state(Calc)") == "%{ops: 0}");
  CHECK(sh("GenServer.call(Calc, {:divide, 8, 2})") == "4.0");
  CHECK(sh("Supervisor.count_children(CalcSup)") == "%{active: 1, specs: 1, supervisors: 0, workers: 1}");
}

TEST_CASE_METHOD(NodeFixture, "children may be modules, {module, arg} tuples and maps", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kWorker);
  CHECK(sh("{:ok, sup} = Supervisor.start_link([Supervisor.child_spec({W, :a}, id: :a), "
           "%{id: :b, start: {W, :start_link, [:b]}}], strategy: :one_for_one); :ok") == ":ok");
  CHECK(sh("for {id, pid, :worker, [W]} <- Supervisor.which_children(sup), do: {id, GenServer.call(pid, :tag)}") ==
        "[b: :b, a: :a]");
  CHECK(sh("Supervisor.child_spec({W, 1}, restart: :transient)") ==
        "%{id: W, restart: :transient, start: {W, :start_link, [1]}}");
  CHECK(sh("Supervisor.child_spec(%{id: 1, start: {W, :start_link, []}}, shutdown: :brutal_kill)") ==
        "%{id: 1, shutdown: :brutal_kill, start: {W, :start_link, []}}");
  CHECK(sh("Supervisor.child_spec(W, nope: 1)") ==
        "** (ArgumentError) unknown key :nope in child specification override");
  CHECK(sh("Supervisor.start_link([:nothing], strategy: :one_for_one)") ==
        "** (ArgumentError) The module :nothing was given as a child to a supervisor but it does not exist.");
  CHECK(sh("defmodule NoSpec do def x, do: 1 end; Supervisor.start_link([NoSpec], strategy: :one_for_one)")
            .rfind("** (ArgumentError) The module NoSpec was given as a child to a supervisor\nbut it does not "
                   "implement child_spec/1.\n",
                   0) == 0);
  CHECK(sh("Supervisor.start_link([{1, 2}], strategy: :one_for_one)")
            .rfind("** (ArgumentError) supervisors expect each child to be one of the following:\n", 0) == 0);
  CHECK(sh("Supervisor.start_link([W], [])") == "** (ArgumentError) expected :strategy option to be given");
}

TEST_CASE_METHOD(NodeFixture, "a use Supervisor module starts the children its init/1 returns", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kWorker);
  sh("defmodule MySup do\n"
     "  use Supervisor\n"
     "  def start_link(arg), do: Supervisor.start_link(__MODULE__, arg, name: __MODULE__)\n"
     "  @impl true\n"
     "  def init(tags) do\n"
     "    children = for t <- tags, do: Supervisor.child_spec({W, t}, id: t)\n"
     "    Supervisor.init(children, strategy: :rest_for_one, max_restarts: 5)\n"
     "  end\n"
     "end");
  CHECK(sh("MySup.child_spec([:x])") == "%{id: MySup, start: {MySup, :start_link, [[:x]]}, type: :supervisor}");
  CHECK(sh("Supervisor.init([], strategy: :one_for_all)") ==
        "{:ok, {%{intensity: 3, period: 5, strategy: :one_for_all}, []}}");
  CHECK(sh("{:ok, sup} = MySup.start_link([:x, :y]); Supervisor.count_children(MySup)") ==
        "%{active: 2, specs: 2, supervisors: 0, workers: 2}");
  // nested under a plain supervisor, as a :supervisor child
  CHECK(sh("Supervisor.stop(MySup); {:ok, top} = Supervisor.start_link([{MySup, [:z]}], strategy: :one_for_one); "
           "Supervisor.which_children(top)")
            .find("[{MySup, #PID<") == 0);
  CHECK(sh("[{MySup, _, :supervisor, [MySup]}] = Supervisor.which_children(top); :ok") == ":ok");
  // OTP's #state record, built from the C++ supervisor's state
  CHECK(sh("s = :sys.get_state(MySup); {elem(s, 0), elem(s, 1), elem(s, 2), elem(elem(s, 3), 0)}") ==
        "{:state, {:local, MySup}, :rest_for_one, [:z]}");
  CHECK(sh("s |> Tuple.delete_at(3) |> Tuple.delete_at(0) |> Tuple.delete_at(0)") ==
        "{:rest_for_one, :undefined, 5, 5, [], 0, :never, MySup, :undefined}");
  CHECK(sh("{:child, pid, :z, {W, :start_link, [:z]}, :permanent, false, 5000, :worker, [W]} = "
           "elem(s, 3) |> elem(1) |> Map.get(:z); GenServer.call(pid, :tag)") == ":z");
}

TEST_CASE_METHOD(NodeFixture, "child operations follow t6_child_ops with shell modules", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kWorker);
  sh("{:ok, sup} = Supervisor.start_link([Supervisor.child_spec({W, :a}, id: :a)], strategy: :one_for_one)");
  CHECK(sh("Supervisor.terminate_child(sup, :a)") == ":ok");
  CHECK(sh("Supervisor.which_children(sup)") == "[{:a, :undefined, :worker, [W]}]");
  CHECK(sh("Supervisor.count_children(sup)") == "%{active: 0, specs: 1, supervisors: 0, workers: 1}");
  CHECK(sh("{:ok, p} = Supervisor.restart_child(sup, :a); GenServer.call(p, :tag)") == ":a");
  CHECK(sh("Supervisor.restart_child(sup, :a)") == "{:error, :running}");
  CHECK(sh("Supervisor.delete_child(sup, :a)") == "{:error, :running}");
  CHECK(sh("Supervisor.terminate_child(sup, :a)") == ":ok");
  CHECK(sh("Supervisor.delete_child(sup, :a)") == ":ok");
  CHECK(sh("Supervisor.which_children(sup)") == "[]");
  CHECK(sh("{:ok, c} = Supervisor.start_child(sup, Supervisor.child_spec({W, :c}, id: :c)); :ok") == ":ok");
  CHECK(sh("{:error, {:already_started, ^c}} = Supervisor.start_child(sup, Supervisor.child_spec({W, :c}, id: :c)); "
           ":ok") == ":ok");
  CHECK(sh("Supervisor.start_child(sup, {W, :d}) |> elem(0)") == ":ok");
  CHECK(sh("Supervisor.terminate_child(sup, :nope)") == "{:error, :not_found}");
  CHECK(sh("Supervisor.stop(sup)") == ":ok");
  CHECK(sh("Supervisor.which_children(sup)").find("** (exit) exited in: GenServer.call(#PID<") == 0);
}

TEST_CASE_METHOD(NodeFixture, "Agent children and max restarts behave as t6_one_for_one and t6_max_restarts",
                 "[shell][behaviour]") {
  ShellProc sh(*this);
  sh("{:ok, sup} = Supervisor.start_link(for(id <- [:a, :b, :c], do: Supervisor.child_spec({Agent, fn -> id end}, "
     "id: id)), strategy: :one_for_one)");
  sh("ids = fn -> Map.new(Supervisor.which_children(sup), fn {id, pid, _, _} -> {id, pid} end) end");
  sh("before = ids.()");
  CHECK(sh("Process.exit(before.b, :kill); Process.sleep(50); after_kill = ids.(); "
           "for id <- [:a, :b, :c], do: {id, Map.get(before, id) == Map.get(after_kill, id)}") ==
        "[a: true, b: false, c: true]");
  CHECK(sh("Enum.map([:a, :b, :c], &Agent.get(Map.get(after_kill, &1), fn s -> s end))") == "[:a, :b, :c]");
  CHECK(sh("Process.flag(:trap_exit, true)") == "false");
  sh("{:ok, sup2} = Supervisor.start_link([{Agent, fn -> 0 end}], strategy: :one_for_one, max_restarts: 0)");
  CHECK(sh("[{_, p, _, _}] = Supervisor.which_children(sup2); Process.exit(p, :kill); Process.sleep(50); "
           "receive do {:EXIT, ^sup2, reason} -> {:sup_exited, reason} after 500 -> :timeout end") ==
        "{:sup_exited, :shutdown}");
}

// Agent, Task and Task.Supervisor from the shell language, checked against
// the t5_* transcripts and Elixir 1.14 run by hand.
#include "shell_lib_otp_helpers.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(OtpShell, "an agent follows the transcript of the basic Agent session", "[shell][otp]") {
  CHECK(operator()("{:ok, agent} = Agent.start_link(fn -> 0 end); is_pid(agent)") == "true");
  CHECK(operator()("Agent.get(agent, & &1)") == "0");
  CHECK(operator()("Agent.update(agent, &(&1 + 5))") == ":ok");
  CHECK(operator()("Agent.get(agent, fn s -> s * 10 end)") == "50");
  CHECK(operator()("Agent.get_and_update(agent, fn s -> {s, s * 2} end)") == "5");
  CHECK(operator()("Agent.get(agent, & &1)") == "10");
  CHECK(operator()("Agent.cast(agent, fn s -> s + 1 end)") == ":ok");
  CHECK(operator()("Agent.get(agent, & &1)") == "11");
  CHECK(operator()("Agent.stop(agent)") == ":ok");
  CHECK(operator()("Process.alive?(agent)") == "false");
}

TEST_CASE_METHOD(OtpShell, "agents take names, {module, fun, args} and Elixir's errors", "[shell][otp]") {
  CHECK(operator()("{:ok, pid} = Agent.start_link(fn -> %{} end, name: Store); Process.whereis(Store) == pid") == "true");
  CHECK(operator()("Agent.update(Store, &Map.put(&1, :k, 1)); Agent.get(Store, &Map.keys/1)") == "[:k]");
  CHECK(operator()("{:error, {:already_started, p}} = Agent.start_link(fn -> 0 end, name: Store); p == pid") == "true");
  CHECK(operator()("Agent.stop(Store); Process.whereis(Store)") == "nil");
  CHECK(operator()("{:ok, m} = Agent.start(Map, :new, []); Agent.update(m, Map, :put, [:k, 1]); Agent.get(m, Map, :get, [:k])") == "1");
  CHECK(operator()("Agent.get_and_update(m, Map, :pop, [:k])") == "1");
  CHECK(operator()("Agent.cast(m, Map, :put, [:j, 2]); Agent.get(m, & &1)") == "%{j: 2}");
  CHECK(operator()("Agent.start_link(1)")
            .rfind("** (FunctionClauseError) no function clause matching in Agent.start_link/2", 0) == 0);
  CHECK(operator()("Agent.get(m, 1)").rfind("** (FunctionClauseError) no function clause matching in Agent.get/3", 0) == 0);
  CHECK(operator()("Agent.get(m, & &1, :bad)").rfind("** (FunctionClauseError) no function clause matching in GenServer.call/3", 0) == 0);
  CHECK(operator()("Agent.start_link(fn -> 1 end, name: \"x\")") ==
        "** (ArgumentError) expected :name option to be one of the following:\n\n  * nil\n  * atom\n  * {:global, term}\n"
        "  * {:via, module, term}\n\nGot: \"x\"\n");
  CHECK(operator()("Agent.cast(:nobody, & &1)") == ":ok");
  CHECK(operator()("Agent.stop(:nobody)") ==
        "** (exit) exited in: GenServer.stop(:nobody, :normal, :infinity)\n    ** (EXIT) no process: the process is not "
        "alive or there's no process currently associated with the given name, possibly because its application isn't started");
  CHECK(operator()("Agent.get(m, fn _ -> Process.sleep(200) end, 10)").find("** (EXIT) time out") != std::string::npos);
  CHECK(operator()("Agent.start(fn -> exit(:boom) end)") == "{:error, :boom}");
  CHECK(operator()("Agent.child_spec([])") == "%{id: Agent, start: {Agent, :start_link, [[]]}}");
}

TEST_CASE_METHOD(OtpShell, "tasks follow the transcript of the Task session", "[shell][otp]") {
  std::string task = operator()("task = Task.async(fn -> 1 + 1 end)");
  CHECK(task.rfind("%Task{\n  mfa: {:erlang, :apply, 2},\n  owner: #PID<", 0) == 0);
  CHECK(operator()("Task.await(task)") == "2");
  CHECK(operator()("Task.async(fn -> :done end) |> Task.await()") == ":done");
  std::string late = operator()("Task.async(fn -> Process.sleep(300); :slow end) |> Task.await(50)");
  CHECK(late.rfind("** (exit) exited in: Task.await(%Task{mfa: {:erlang, :apply, 2}, owner: #PID<", 0) == 0);
  CHECK(late.find("}, 50)\n    ** (EXIT) time out") != std::string::npos);
  CHECK(operator()("Process.sleep(400); Process.info(self(), :message_queue_len)") == "{:message_queue_len, 0}");
  CHECK(operator()("t = Task.async(fn -> Process.sleep(200); :later end); Task.yield(t, 10)") == "nil");
  CHECK(operator()("Task.yield(t, 1000)") == "{:ok, :later}");
  CHECK(operator()("Task.yield(t, 0)") == "nil");
  CHECK(operator()("Task.async_stream(1..3, fn x -> x * 2 end) |> Enum.to_list()") == "[ok: 2, ok: 4, ok: 6]");
  CHECK(operator()("Task.await_many([Task.async(fn -> 1 end), Task.async(fn -> 2 end)])") == "[1, 2]");
}

TEST_CASE_METHOD(OtpShell, "Task's other functions and its errors", "[shell][otp]") {
  CHECK(operator()("t = Task.async(Enum, :sum, [[1, 2]]); t.mfa") == "{Enum, :sum, 1}");
  CHECK(operator()("Task.await(t)") == "3");
  CHECK(operator()("Task.async(fn x -> x end)").rfind("** (FunctionClauseError) no function clause matching in Task.async/1", 0) == 0);
  CHECK(operator()("Task.await(1)").rfind("** (FunctionClauseError) no function clause matching in Task.await/2", 0) == 0);
  CHECK(operator()("Task.await(Task.async(fn -> 1 end), :infinity)") == "1");
  CHECK(operator()("Task.yield_many([Task.async(fn -> 1 end), Task.async(fn -> Process.sleep(100) end)], 50) |> Enum.map(&elem(&1, 1))") ==
        "[{:ok, 1}, nil]");
  CHECK(operator()("Task.shutdown(Task.async(fn -> Process.sleep(100) end))") == "nil");
  CHECK(operator()("t = Task.async(fn -> 1 end); Process.sleep(10); Task.shutdown(t, :brutal_kill)") == "{:ok, 1}");
  CHECK(operator()("Task.ignore(Task.async(fn -> Process.sleep(100) end))") == "nil");
  CHECK(operator()("{:ok, pid} = Task.start(fn -> :ok end); is_pid(pid)") == "true");
  CHECK(operator()("c = Task.completed(5); {c.pid, Task.await(c)}") == "{nil, 5}");
  CHECK(operator()("Task.async_stream([1, 2], Kernel, :*, [3]) |> Enum.to_list()") == "[ok: 3, ok: 6]");
  CHECK(operator()("Task.async_stream([1, 2], fn x -> Process.sleep(x * 100) end, timeout: 150, on_timeout: :kill_task) |> Enum.to_list()") ==
        "[ok: :ok, exit: :timeout]");
  CHECK(operator()("Task.async_stream([1, 2], fn x -> Process.sleep(x * 100) end, timeout: 150) |> Enum.to_list()") ==
        "** (exit) exited in: Task.Supervised.stream(150)\n    ** (EXIT) time out");
  CHECK(operator()("Task.async_stream(1..1000, fn x -> x end, max_concurrency: 4) |> Enum.take(2)") == "[ok: 1, ok: 2]");
  CHECK(operator()("Process.sleep(10); length(Process.list())") == "1");
  CHECK(operator()("Task.async_stream([1], fn x -> x end, max_concurrency: 0) |> Enum.to_list()") ==
        "** (ArgumentError) :max_concurrency must be an integer greater than zero");
  CHECK(operator()("Task.await_many([1])") == "** (MatchError) no match of right hand side value: 1");
  CHECK(operator()("inspect(Task.async_stream([1], & &1)) =~ \"in Task.build_stream/3>\"") == "true");
}

TEST_CASE_METHOD(OtpShell, "Task.Supervisor runs tasks under a supervisor", "[shell][otp]") {
  CHECK(operator()("{:ok, s} = Task.Supervisor.start_link(); Task.Supervisor.async(s, fn -> 3 end) |> Task.await()") == "3");
  CHECK(operator()("Task.Supervisor.async_nolink(s, fn -> exit(:x) end) |> Task.yield()") == "{:exit, :x}");
  CHECK(operator()("Task.Supervisor.async(s, Enum, :sum, [[1]]).mfa") == "{Enum, :sum, 1}");
  CHECK(operator()("{:ok, c} = Task.Supervisor.start_child(s, fn -> Process.sleep(:infinity) end); Task.Supervisor.children(s) == [c]") == "true");
  CHECK(operator()("Task.Supervisor.terminate_child(s, c); Task.Supervisor.children(s)") == "[]");
  CHECK(operator()("Task.Supervisor.async_stream(s, [1, 2], fn x -> x end) |> Enum.to_list()") == "[ok: 1, ok: 2]");
  CHECK(operator()("{:ok, _} = Task.Supervisor.start_link(name: TS); Task.Supervisor.async(TS, fn -> :named end) |> Task.await()") == ":named");
}

// Process and :erlang's process BIFs from the shell language, checked
// against what IEx prints (the t4_* transcripts of the conformance folder
// and Elixir 1.14 / OTP 25 run by hand for the error texts).
#include "shell_lib_otp_helpers.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(OtpShell, "Process.exit follows the transcript of exit signals", "[shell][otp]") {
  CHECK(operator()("pid = spawn(fn -> Process.sleep(:infinity) end); Process.alive?(pid)") == "true");
  CHECK(operator()("Process.exit(pid, :normal)") == "true");
  CHECK(operator()("Process.alive?(pid)") == "true");
  CHECK(operator()("Process.exit(pid, :kill)") == "true");
  CHECK(operator()("Process.alive?(pid)") == "false");
  CHECK(operator()("Process.exit(pid, :kill)") == "true");
  CHECK(operator()("Process.info(pid)") == "nil");
  CHECK(operator()("p2 = spawn(fn -> Process.sleep(:infinity) end); Process.exit(p2, :shutdown)") == "true");
  CHECK(operator()("Process.alive?(p2)") == "false");
  CHECK(operator()("trapper = spawn(fn -> Process.flag(:trap_exit, true); Process.sleep(:infinity) end)").rfind("#PID<", 0) == 0);
  CHECK(operator()("Process.exit(trapper, :shutdown); Process.sleep(50); Process.alive?(trapper)") == "true");
  CHECK(operator()("{:messages, [{:EXIT, from, :shutdown}]} = Process.info(trapper, :messages); from == self()") == "true");
  CHECK(operator()("Process.exit(trapper, :kill); Process.sleep(50); Process.alive?(trapper)") == "false");
}

TEST_CASE_METHOD(OtpShell, "Process.register, whereis and unregister follow the transcript", "[shell][otp]") {
  CHECK(operator()("pid = spawn(fn -> receive do {:from, f} -> send(f, :hi_from_worker) end end); Process.register(pid, :worker)") == "true");
  CHECK(operator()("Process.whereis(:worker) == pid") == "true");
  CHECK(operator()(":worker in Process.registered()") == "true");
  CHECK(operator()("send(:worker, {:from, self()}); receive do m -> m after 500 -> :timeout end") == ":hi_from_worker");
  CHECK(operator()("Process.sleep(50); Process.whereis(:worker)") == "nil");
  CHECK(operator()("Process.register(self(), :shell)") == "true");
  std::string taken = operator()("Process.register(spawn(fn -> Process.sleep(:infinity) end), :shell)");
  CHECK(taken.rfind("** (ArgumentError) could not register #PID<", 0) == 0);
  CHECK(taken.find("with name :shell because it is not alive, the name is already taken, or it has already been given another name") != std::string::npos);
  CHECK(operator()("Process.unregister(:shell)") == "true");
  CHECK(operator()("Process.whereis(:shell)") == "nil");
  CHECK(operator()("Process.register(self(), :undefined)")
            .rfind("** (FunctionClauseError) no function clause matching in Process.register/2", 0) == 0);
  CHECK(operator()(":erlang.register(:undefined, self())") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: 'undefined' is not a valid name\n");
  CHECK(operator()(":erlang.register(:a1, self()); :erlang.register(:a2, self())") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 2nd argument: this process or port already has a name\n");
  CHECK(operator()(":erlang.register(:a1, spawn(fn -> :ok end))") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: name is in use\n");
  CHECK(operator()(":erlang.whereis(:nobody)") == ":undefined");
  CHECK(operator()("Process.whereis(\"x\")") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not an atom\n");
}

TEST_CASE_METHOD(OtpShell, "Process.list counts processes as they come and go", "[shell][otp]") {
  CHECK(operator()("is_list(Process.list())") == "true");
  CHECK(operator()("before = length(Process.list()); pids = for _ <- 1..10, do: spawn(fn -> Process.sleep(:infinity) end); length(pids)") == "10");
  CHECK(operator()("length(Process.list()) - before") == "10");
  CHECK(operator()("Enum.each(pids, &Process.exit(&1, :kill))") == ":ok");
  CHECK(operator()("Process.sleep(50)") == ":ok");
  CHECK(operator()("length(Process.list()) - before") == "0");
  CHECK(operator()(":erlang.system_info(:process_count) == length(Process.list())") == "true");
  CHECK(operator()(":erlang.processes() == Process.list()") == "true");
}

TEST_CASE_METHOD(OtpShell, "Process.sleep spends the node's clock", "[shell][otp]") {
  int64_t t0 = node.now_ms();
  CHECK(operator()("Process.sleep(1500)") == ":ok");
  CHECK(node.now_ms() - t0 == 1500);
  CHECK(operator()(":timer.sleep(500)") == ":ok");
  CHECK(node.now_ms() - t0 == 2000);
  CHECK(operator()("Process.sleep(-1)").rfind("** (FunctionClauseError) no function clause matching in Process.sleep/1", 0) == 0);
  CHECK(operator()(":timer.sleep(:x)") == "** (ErlangError) Erlang error: :timeout_value");
}

TEST_CASE_METHOD(OtpShell, "flags, info, links and monitors answer as OTP 25", "[shell][otp]") {
  CHECK(operator()("Process.flag(:trap_exit, true)") == "false");
  CHECK(operator()("Process.flag(:trap_exit, false)") == "true");
  CHECK(operator()("Process.flag(:priority, :high)") == ":normal");
  CHECK(operator()("Process.flag(:trap_exit, 1)") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 2nd argument: invalid value for this process flag\n");
  CHECK(operator()("Process.flag(:foo, true)") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: invalid process flag\n");
  CHECK(operator()("Process.info(self(), :registered_name)") == "{:registered_name, []}");
  CHECK(operator()(":erlang.process_info(self(), :registered_name)") == "[]");
  CHECK(operator()("Process.info(self(), [:trap_exit, :status])") == "[trap_exit: false, status: :running]");
  CHECK(operator()("Process.info(self(), :foo)") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 2nd argument: invalid item or item list\n");
  CHECK(operator()("Process.info(:a)") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a pid\n");
  CHECK(operator()("Process.info(self()) |> Keyword.keys() |> hd()") == ":current_function");
  CHECK(operator()("p = spawn(fn -> Process.sleep(:infinity) end); Process.link(p); {:links, [^p]} = Process.info(self(), :links); Process.unlink(p)") == "true");
  CHECK(operator()("ref = Process.monitor(p); Process.exit(p, :kill); receive do {:DOWN, ^ref, :process, ^p, r} -> r end") == ":killed");
  CHECK(operator()("Process.monitor(:nobody); receive do {:DOWN, _, :process, who, :noproc} -> who end") ==
        "{:nobody, :nonode@nohost}");
  CHECK(operator()("r = Process.monitor(spawn(fn -> Process.sleep(:infinity) end)); Process.demonitor(r, [:info])") == "true");
  CHECK(operator()("Process.demonitor(r, [:info])") == "false");
  CHECK(operator()("Process.demonitor(make_ref(), [:bad])") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 2nd argument: invalid option in list\n");
}

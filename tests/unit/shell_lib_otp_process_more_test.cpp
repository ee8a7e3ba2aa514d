// Process and :erlang from the shell language, part 2: send, timers, the
// process dictionary, spawn with options, Kernel captures and system_info,
// checked against Elixir 1.14 / OTP 25 run by hand.
#include "shell_lib_otp_helpers.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(OtpShell, "send, timers and the process dictionary behave as OTP 25", "[shell][otp]") {
  CHECK(operator()("send(:nobody, :x)") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: invalid destination\n");
  CHECK(operator()("Process.send(self(), :hi, [:noconnect]); receive do m -> m end") == ":hi");
  CHECK(operator()("Process.send(self(), :hi, [:bad])") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 3rd argument: invalid option in list\n");
  CHECK(operator()(":erlang.send({:nobody, node()}, 1)") == "1");
  CHECK(operator()("r = Process.send_after(self(), :tick, 1000); Process.read_timer(r)") == "1000");
  CHECK(operator()("Process.sleep(400); Process.cancel_timer(r)") == "600");
  CHECK(operator()("Process.cancel_timer(r)") == "false");
  CHECK(operator()("Process.send_after(self(), :tick, 100); receive do :tick -> :got after 200 -> :none end") == ":got");
  CHECK(operator()("Process.send_after(self(), :x, -1)") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: out of range\n");
  CHECK(operator()("Process.send_after(1, :x, 10)") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 2nd argument: not a pid or an atom\n");
  CHECK(operator()("Process.cancel_timer(Process.send_after(self(), :x, 10), async: true)") == ":ok");
  CHECK(operator()("Process.put(:k, 1)") == "nil");
  CHECK(operator()("Process.put(:k, 2)") == "1");
  CHECK(operator()("{Process.get(:k), Process.get(:none), Process.get(:none, :d), Process.get_keys(2)}") == "{2, nil, :d, [:k]}");
  CHECK(operator()("Process.get()") == "[k: 2]");
  CHECK(operator()("{Process.delete(:k), Process.delete(:k)}") == "{2, nil}");
  CHECK(operator()(":erlang.put(:a, 1); :erlang.erase()") == "[a: 1]");
  CHECK(operator()(":erlang.get(:a)") == ":undefined");
}

TEST_CASE_METHOD(OtpShell, "spawn with options, :erlang.spawn/3 and Kernel captures", "[shell][otp]") {
  CHECK(operator()("{pid, ref} = Process.spawn(fn -> :ok end, [:monitor]); receive do {:DOWN, ^ref, :process, ^pid, r} -> r end") == ":normal");
  CHECK(operator()("Process.spawn(fn -> :ok end, [:bad])") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 2nd argument: invalid spawn option\n");
  CHECK(operator()("Process.spawn(Kernel, :send, [self(), :from_mfa], []); receive do m -> m end") == ":from_mfa");
  CHECK(operator()(":erlang.spawn(:a, :b, 1)") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 3rd argument: not a list\n");
  CHECK(operator()("{_, ref} = :erlang.spawn_monitor(fn -> exit(:bye) end); receive do {:DOWN, ^ref, _, _, r} -> r end") == ":bye");
  CHECK(operator()("f = &self/0; f.() == self()") == "true");
  CHECK(operator()("me = self(); Enum.each([1, 2], &Kernel.send(me, &1)); receive do 1 -> receive do 2 -> :both end end") == ":both");
  CHECK(operator()("{node(self()), :erlang.nodes(), :erlang.is_alive()}") == "{:nonode@nohost, [], false}");
  CHECK(operator()("{:erlang.system_info(:process_limit), :erlang.system_info(:otp_release)}") == "{262144, '25'}");
  CHECK(operator()(":erlang.system_info(:bad)") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: invalid system info item\n");
  CHECK(operator()("Process.hibernate(IO, :puts, [\"x\"])") == "** (RuntimeError) Process.hibernate/3 is not supported in this shell");
  CHECK(operator()("Process.group_leader(self(), Process.group_leader())") == "true");
  CHECK(operator()("try do Process.link(:a) catch :error, r -> r end") == ":badarg");
  CHECK(operator()("try do :ets.lookup(:nope, 1) rescue e in ArgumentError -> e.message end") ==
        "\"errors were found at the given arguments:\\n\\n  * 1st argument: the table identifier does not refer to an existing ETS table\\n\"");
  CHECK(operator()(":erlang.hibernate(IO, :puts, [\"x\"])") == "** (RuntimeError) :erlang.hibernate/3 is not supported in this shell");
}

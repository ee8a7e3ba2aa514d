// :ets and :timer from the shell language, checked against the t7_*
// transcripts and Elixir 1.14 / OTP 25 run by hand.
#include "shell_lib_otp_helpers.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(OtpShell, "ETS from the shell follows the transcripts of ordered sets, bags and access rights", "[shell][otp]") {
  CHECK(operator()(":ets.new(:o, [:ordered_set, :named_table])") == ":o");
  CHECK(operator()(":ets.insert(:o, [{3, :c}, {1, :a}, {2, :b}])") == "true");
  CHECK(operator()(":ets.tab2list(:o)") == "[{1, :a}, {2, :b}, {3, :c}]");
  CHECK(operator()("{:ets.first(:o), :ets.next(:o, 1), :ets.last(:o), :ets.next(:o, 3)}") == "{1, 2, 3, :\"$end_of_table\"}");
  CHECK(operator()(":ets.insert(:o, {1.0, :float_key}); :ets.lookup(:o, 1)") == "[{1.0, :float_key}]");
  CHECK(operator()(":ets.new(:b, [:bag, :named_table]); :ets.insert(:b, [{:k, 1}, {:k, 2}, {:k, 1}]); :ets.lookup(:b, :k)") == "[k: 1, k: 2]");
  CHECK(operator()(":ets.new(:d, [:duplicate_bag, :named_table]); :ets.insert(:d, [{:k, 1}, {:k, 2}, {:k, 1}]); :ets.lookup(:d, :k)") ==
        "[k: 1, k: 2, k: 1]");
  CHECK(operator()("spawn(fn -> :ets.new(:prot, [:named_table, :protected]); :ets.insert(:prot, {:k, :v}); Process.sleep(:infinity) end); Process.sleep(50); :ets.lookup(:prot, :k)") ==
        "[k: :v]");
  CHECK(operator()(":ets.insert(:prot, {:k, :changed})") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: the table identifier refers to "
        "an ETS table with insufficient access rights\n");
  CHECK(operator()("parent = self(); spawn(fn -> :ets.new(:inh, [:named_table, :public, {:heir, parent, :my_gift}]); :ets.insert(:inh, {:kept, true}) end); Process.sleep(100); receive do {:\"ETS-TRANSFER\", :inh, _, gift} -> gift end") ==
        ":my_gift");
  CHECK(operator()("{:ets.info(:inh, :owner) == self(), :ets.lookup(:inh, :kept)}") == "{true, [kept: true]}");
  CHECK(operator()("pid = spawn(fn -> :ets.new(:owned, [:named_table, :public]); receive do :stop -> :ok end end); Process.sleep(50); send(pid, :stop); Process.sleep(50); :ets.info(:owned)") ==
        ":undefined");
  CHECK(operator()(":ets.lookup(:owned, :x)") ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: the table identifier does not "
        "refer to an existing ETS table\n");
}

TEST_CASE_METHOD(OtpShell, "ETS counters, matches and folds work from the shell", "[shell][otp]") {
  CHECK(operator()("t = :ets.new(:c, []); :ets.insert(t, [{:a, 1}, {:b, 2}]); :ets.update_counter(t, :a, 10)") == "11");
  CHECK(operator()(":ets.update_counter(t, :z, 1, {:z, 0})") == "1");
  CHECK(operator()(":ets.match(t, {:\"$1\", 2})") == "[[:b]]");
  CHECK(operator()(":ets.select(t, [{{:\"$1\", :\"$2\"}, [{:>, :\"$2\", 5}], [:\"$1\"]}])") == "[:a]");
  CHECK(operator()(":ets.foldl(fn {_, v}, acc -> v + acc end, 0, t)") == "14");
  CHECK(operator()("{:ets.member(t, :b), :ets.take(t, :b), :ets.member(t, :b)}") == "{true, [b: 2], false}");
  CHECK(operator()(":ets.info(t, :size)") == "2");
  CHECK(operator()(":ets.delete(t); :ets.info(t)") == ":undefined");
}

TEST_CASE_METHOD(OtpShell, "the timer module sends, applies, cancels and measures on the node's clock", "[shell][otp]") {
  CHECK(operator()("{:ok, {:send_local, _}} = :timer.send_after(100, :hi); receive do :hi -> :got end") == ":got");
  CHECK(operator()(":timer.send_after(-1, self(), :hi)") == "{:error, :badarg}");
  CHECK(operator()("{:ok, tref} = :timer.send_interval(100, :tick); Process.sleep(350); :timer.cancel(tref)") == "{:ok, :cancel}");
  CHECK(operator()("Process.sleep(500); Process.info(self(), :messages)") == "{:messages, [:tick, :tick, :tick]}");
  CHECK(operator()("receive do :tick -> receive do :tick -> receive do :tick -> :three end end end") == ":three");
  CHECK(operator()("{:ok, {:once, _}} = :timer.apply_after(100, Kernel, :send, [self(), :applied]); receive do m -> m end") == ":applied");
  CHECK(operator()("{:ok, t2} = :timer.apply_after(100, Kernel, :send, [self(), :never]); :timer.cancel(t2); receive do m -> m after 300 -> :none end") == ":none");
  CHECK(operator()(":timer.cancel(:foo)") == "{:error, :badarg}");
  CHECK(operator()("Process.flag(:trap_exit, true); :timer.exit_after(100, :bye); receive do {:EXIT, _, r} -> r end") == ":bye");
  CHECK(operator()(":timer.tc(fn -> Process.sleep(25); :done end)") == "{25000, :done}");
  CHECK(operator()(":timer.tc(Enum, :sum, [[1, 2]])") == "{0, 3}");
  CHECK(operator()("{:timer.seconds(2), :timer.minutes(2), :timer.hours(1), :timer.hms(1, 2, 3), :timer.seconds(1.5)}") ==
        "{2000, 120000, 3600000, 3723000, 1500.0}");
  CHECK(operator()(":timer.seconds(:a)") == "** (ArithmeticError) bad argument in arithmetic expression");
  CHECK(operator()(":timer.now_diff({1, 2, 3}, {1, 2, 0})") == "3");
}

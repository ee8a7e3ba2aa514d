// Registry and Application from the shell language, checked against the
// t8_* transcripts and Elixir 1.14 run by hand.
#include "behaviours/application.hpp"
#include "shell_lib_otp_helpers.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(OtpShell, "a unique registry follows the transcript of the Registry session", "[shell][otp]") {
  CHECK(operator()("{:ok, _} = Registry.start_link(keys: :unique, name: R); :ok") == ":ok");
  CHECK(operator()("{:ok, owner} = Registry.register(R, \"alice\", :meta); owner == Process.whereis(R)") == "true");
  CHECK(operator()("Registry.lookup(R, \"alice\") == [{self(), :meta}]") == "true");
  CHECK(operator()("Registry.register(R, \"alice\", :again) == {:error, {:already_registered, self()}}") == "true");
  CHECK(operator()("Registry.keys(R, self())") == "[\"alice\"]");
  CHECK(operator()("Registry.count(R)") == "1");
  CHECK(operator()("Registry.unregister(R, \"alice\")") == ":ok");
  CHECK(operator()("Registry.lookup(R, \"alice\")") == "[]");
  CHECK(operator()("bob = spawn(fn -> Registry.register(R, \"bob\", 1); receive do :stop -> :ok end end); Process.sleep(50); Registry.lookup(R, \"bob\") == [{bob, 1}]") == "true");
  CHECK(operator()("send(bob, :stop); Process.sleep(50); Registry.lookup(R, \"bob\")") == "[]");
  CHECK(operator()("Registry.count(R)") == "0");
}

TEST_CASE_METHOD(OtpShell, "registries match, dispatch, keep metadata and name agents", "[shell][otp]") {
  CHECK(operator()("Registry.start_link(keys: :unique)") == "** (ArgumentError) expected :name option to be present");
  CHECK(operator()("Registry.start_link(keys: :bad, name: D)") ==
        "** (ArgumentError) expected :keys to be given and be one of :unique or :duplicate, got: :bad");
  CHECK(operator()("Registry.lookup(:nope, 1)") == "** (ArgumentError) unknown registry: :nope");
  CHECK(operator()("{:ok, _} = Registry.start_link(keys: :duplicate, name: D, meta: [a: 1]); Registry.register(D, :k, 1); Registry.register(D, :k, 2); length(Registry.lookup(D, :k))") == "2");
  CHECK(operator()("Registry.match(D, :k, 2) == [{self(), 2}]") == "true");
  CHECK(operator()("Registry.count_match(D, :k, :_)") == "2");
  CHECK(operator()("Registry.dispatch(D, :k, fn es -> send(self(), {:es, length(es)}) end); receive do m -> m end") == "{:es, 2}");
  CHECK(operator()("Registry.dispatch(D, :k, 1)").rfind("** (FunctionClauseError) no function clause matching in Registry.dispatch/4", 0) == 0);
  CHECK(operator()("{Registry.meta(D, :a), Registry.put_meta(D, :b, 2), Registry.meta(D, :b), Registry.meta(D, :c)}") ==
        "{{:ok, 1}, :ok, {:ok, 2}, :error}");
  CHECK(operator()("Registry.values(D, :k, self())") == "[1, 2]");
  CHECK(operator()("Registry.unregister_match(D, :k, 1); Registry.values(D, :k, self())") == "[2]");
  CHECK(operator()("{:ok, _} = Registry.start_link(keys: :unique, name: U); Registry.register(U, :c, 1); Registry.update_value(U, :c, &(&1 + 1))") == "{2, 1}");
  CHECK(operator()("Registry.update_value(U, :none, &(&1 + 1))") == ":error");
  CHECK(operator()("{:ok, a} = Agent.start(fn -> 1 end, name: {:via, Registry, {U, :agent}}); Registry.lookup(U, :agent) == [{a, nil}]") == "true");
  CHECK(operator()("Agent.get({:via, Registry, {U, :agent}}, & &1)") == "1");
}

TEST_CASE_METHOD(OtpShell, "applications follow the transcript of the Application session", "[shell][otp]") {
  node.spawn([](Process& p) { application::boot(p); });
  node.run_until_idle();
  CHECK(operator()("Application.started_applications() |> Enum.map(&elem(&1, 0)) |> Enum.sort()") ==
        "[:compiler, :elixir, :iex, :kernel, :logger, :stdlib]");
  CHECK(operator()("List.keyfind(Application.started_applications(), :elixir, 0)") == "{:elixir, 'elixir', '1.14.0'}");
  CHECK(operator()("Application.spec(:logger, :vsn)") == "'1.14.0'");
  CHECK(operator()("Application.ensure_all_started(:logger)") == "{:ok, []}");
  CHECK(operator()("Application.start(:nonexistent_app)") == "{:error, {'no such file or directory', 'nonexistent_app.app'}}");
  CHECK(operator()("Application.get_env(:nonexistent_app, :key, :default)") == ":default");
  CHECK(operator()("Application.put_env(:my_app, :key, 42)") == ":ok");
  CHECK(operator()("Application.fetch_env!(:my_app, :key)") == "42");
  CHECK(operator()("Application.fetch_env!(:my_app, :missing)") ==
        "** (ArgumentError) could not fetch application environment :missing for application :my_app because the "
        "application was not loaded nor configured");
  CHECK(operator()("{Application.fetch_env(:my_app, :key), Application.delete_env(:my_app, :key), Application.fetch_env(:my_app, :key)}") ==
        "{{:ok, 42}, :ok, :error}");
  CHECK(operator()("Application.spec(:nope)") == "nil");
  CHECK(operator()("Application.spec(:logger, :env)").rfind("** (FunctionClauseError) no function clause matching in Application.spec/2", 0) == 0);
  CHECK(operator()("Application.spec(:elixir) |> Keyword.keys() |> length()") == "12");
  CHECK(operator()("{Application.load(:logger), Application.ensure_started(:logger), Application.stop(:nope)}") ==
        "{{:error, {:already_loaded, :logger}}, :ok, {:error, {:not_started, :nope}}}");
  CHECK(operator()("{Application.get_application(Enum), Application.get_application(:ets), Application.get_application(:foo)}") ==
        "{:elixir, :stdlib, nil}");
  CHECK(operator()("Application.get_env(\"x\", :k)").rfind("** (FunctionClauseError) no function clause matching in Application.get_env/3", 0) == 0);
}

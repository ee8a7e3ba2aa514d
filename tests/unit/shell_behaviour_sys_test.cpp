// :sys from the shell language on shell GenServers: state, status,
// suspend/resume, code change through the module's new version, tracing.
#include "shell_behaviour_helpers.hpp"

using namespace otp;
using namespace otp::test;

namespace {

const char* kV1 =
    "defmodule Store do\n"
    "  use GenServer\n"
    "  def init(n), do: {:ok, n}\n"
    "  def handle_call(:get, _from, n), do: {:reply, n, n}\n"
    "end";

// Version 2 keeps a map and converts the old integer state in code_change/3.
const char* kV2 =
    "defmodule Store do\n"
    "  use GenServer\n"
    "  def init(n), do: {:ok, %{n: n}}\n"
    "  def handle_call(:get, _from, s), do: {:reply, {:v2, s.n}, s}\n"
    "  def code_change(old, n, extra), do: {:ok, %{n: n, from: old, extra: extra}}\n"
    "end";

}  // namespace

TEST_CASE_METHOD(NodeFixture, ":sys reads and replaces a shell server's state", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kV1);
  sh("{:ok, p} = GenServer.start_link(Store, 5, name: Store)");
  CHECK(sh(":sys.get_state(p)") == "5");
  CHECK(sh(":sys.replace_state(Store, fn n -> n * 2 end)") == "10");
  CHECK(sh("GenServer.call(Store, :get)") == "10");
  CHECK(sh(":sys.replace_state(Store, :not_a_fun)").find("** (FunctionClauseError) no function clause matching in "
                                                         ":sys.replace_state/2") == 0);
  std::string status = sh(":sys.get_status(Store)");
  CHECK(status.find("{:status, #PID<") == 0);
  CHECK(status.find("{:module, :gen_server}") != std::string::npos);
  CHECK(status.find("{'State', 10}") != std::string::npos);
  CHECK(sh(":sys.get_state(:nobody)").find("** (exit) exited in: :sys.get_state(:nobody, 5000)") == 0);
}

TEST_CASE_METHOD(NodeFixture, ":sys.change_code runs the new version's code_change/3 on a suspended server",
                 "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kV1);
  sh("{:ok, p} = GenServer.start_link(Store, 5)");
  CHECK(sh(":sys.suspend(p)") == ":ok");
  sh(kV2);
  CHECK(sh(":sys.change_code(p, Store, \"1\", :extra)") == ":ok");
  CHECK(sh(":sys.resume(p)") == ":ok");
  CHECK(sh(":sys.get_state(p)") == "%{extra: :extra, from: \"1\", n: 5}");
  CHECK(sh("GenServer.call(p, :get)") == "{:v2, 5}");
  // code_change may refuse
  sh("defmodule Store do\n use GenServer\n def init(n), do: {:ok, n}\n"
     " def code_change(_, _, _), do: {:error, :no_way}\nend");
  CHECK(sh(":sys.suspend(p); r = :sys.change_code(p, Store, 2, nil); :sys.resume(p); r") == "{:error, :no_way}");
}

TEST_CASE_METHOD(NodeFixture, ":sys.trace prints the messages a shell server handles", "[shell][behaviour]") {
  ShellProc sh(*this);
  sh(kV1);
  sh("{:ok, p} = GenServer.start_link(Store, 1, name: Traced)");
  CHECK(sh(":sys.trace(Traced, true)") == ":ok");
  CHECK(sh("GenServer.call(Traced, :get)") == "1");
  CHECK(joined(logs).find("*DBG* Traced got call :get from #PID<") != std::string::npos);
  CHECK(sh(":sys.trace(Traced, false)") == ":ok");
  CHECK(sh(":sys.terminate(Traced, :normal)") == ":ok");
  CHECK(sh("Process.alive?(p)") == "false");
}

// The IEx session end to end: lines in, the screen out, on a virtual clock.
#include <string>

#include "node_fixture.hpp"
#include "shell/session/session.hpp"

using namespace otp;
using namespace otp::test;

namespace {

// A session whose output and prompts go to one screen, as a terminal's.
struct Shell : NodeFixture {
  std::string screen;
  bool prompted = false;
  std::unique_ptr<shell::Session> session;

  Shell() {
    shell::SessionOptions o;
    o.output = [this](std::string_view s) { screen += s; };
    o.prompt = [this](std::string_view p) {
      screen += p;
      prompted = true;
    };
    o.banner_at_start = false;
    session = std::make_unique<shell::Session>(node, std::move(o));
    session->start();
    run_slices(1000);
  }
  ~Shell() {
    session.reset();
    node.run(100000);
  }

  // Runs the node in slices (as a front end does) until a prompt or
  // `slices` slices; moves the clock to the next timer when idle.
  void run_slices(int slices) {
    for (int i = 0; i < slices && !prompted; ++i) {
      RunResult r = node.run(20000);
      if (r.idle && r.next_timer && !prompted) clock.set(std::max(clock.now_ms(), *r.next_timer));
      if (r.idle && !r.next_timer) break;
    }
  }
  // Types a line (echoed, as a terminal shows it) and runs to the prompt.
  std::string type(const std::string& line, int slices = 1000) {
    std::size_t from = screen.size();
    screen += line + "\n";
    prompted = false;
    session->input(line);
    run_slices(slices);
    return screen.substr(from);
  }
};

}  // namespace

TEST_CASE_METHOD(Shell, "the session prints each result and numbers prompts as IEx does", "[shell][session]") {
  CHECK(screen == "iex(1)> ");
  CHECK(type("1 + 2") == "1 + 2\n3\niex(2)> ");
  CHECK(type("x = [1, 2]") == "x = [1, 2]\n[1, 2]\niex(3)> ");
  CHECK(type("") == "\niex(3)> ");
  CHECK(type("[") == "[\n...(3)> ");
  CHECK(type("3]") == "3]\n[3]\niex(4)> ");
  CHECK(type("v(2) ++ v()") == "v(2) ++ v()\n[1, 2, 3]\niex(5)> ");
}

TEST_CASE_METHOD(Shell, "an error keeps the bindings and the prompt number, a linked exit loses both",
                 "[shell][session]") {
  type("a = 1");
  CHECK(type("b = 2; 1 / 0") ==
        "b = 2; 1 / 0\n** (ArithmeticError) bad argument in arithmetic expression: 1 / 0\n    :erlang./(1, 0)\niex(2)> ");
  CHECK(type("binding()") == "binding()\n[a: 1]\niex(3)> ");
  std::string out = type("spawn_link(fn -> exit(:boom) end)");
  CHECK(out.find("** (EXIT from #PID<") != std::string::npos);
  CHECK(out.find(") shell process exited with reason: :boom\n\nInteractive ") != std::string::npos);
  CHECK(out.substr(out.size() - 8) == "iex(1)> ");
  CHECK(type("binding()") == "binding()\n[]\niex(2)> ");
}

TEST_CASE_METHOD(Shell, "an interrupt stops a runaway evaluation and the prompt comes back with the bindings",
                 "[shell][session]") {
  type("a = 7");
  type("defmodule Spin do def loop(n), do: loop(n + 1) end");
  std::string out = type("Spin.loop(0)", 50);
  CHECK(!prompted);
  CHECK(session->busy());
  session->interrupt();
  run_slices(100);
  CHECK(prompted);
  CHECK(screen.substr(screen.size() - std::string("** (EXIT) interrupted\niex(3)> ").size()) ==
        "** (EXIT) interrupted\niex(3)> ");
  CHECK(type("a") == "a\n7\niex(4)> ");
}

TEST_CASE_METHOD(Shell, "a spawned endless loop does not stall the shell", "[shell][session]") {
  type("defmodule Spin do def loop(n), do: loop(n + 1) end");
  std::string out = type("pid = spawn(fn -> Spin.loop(0) end); :started");
  CHECK(out.find(":started\niex(3)> ") != std::string::npos);
  CHECK(type("1 + 1") == "1 + 1\n2\niex(4)> ");
  CHECK(type("Process.exit(pid, :kill)") == "Process.exit(pid, :kill)\ntrue\niex(5)> ");
}

TEST_CASE_METHOD(Shell, "lines typed while an evaluation runs are read in order afterwards", "[shell][session]") {
  screen.clear();
  prompted = false;
  session->input("Process.sleep(1000); :slept");
  session->input("2 + 2");
  run_slices(1000);
  CHECK(screen == ":slept\niex(2)> 4\niex(3)> ");
}

TEST_CASE_METHOD(Shell, "#iex:break abandons an unfinished input", "[shell][session]") {
  type("[1,");
  CHECK(type("#iex:break") == "#iex:break\n** (TokenMissingError) iex:1: incomplete expression\n\niex(1)> ");
}

TEST_CASE_METHOD(Shell, "flush prints the shell's messages", "[shell][session]") {
  type("send(self(), :hello); send(self(), {:n, 1})");
  CHECK(type("flush()") == "flush()\n:hello\n{:n, 1}\n:ok\niex(3)> ");
}

TEST_CASE_METHOD(Shell, "completion offers modules, their functions and bound variables", "[shell][session]") {
  type("counter_value = 1");
  auto c = session->complete("Enu");
  CHECK(c.insert == "m.");
  c = session->complete("Enum.fla");
  CHECK(c.insert == "t_map");
  c = session->complete("coun");
  CHECK(c.insert == "ter_value");
  c = session->complete(":et");
  CHECK(c.insert == "s.");
  c = session->complete("Enum.ma");
  CHECK(c.insert.empty());
  CHECK(std::find(c.candidates.begin(), c.candidates.end(), "map/2") != c.candidates.end());
}

TEST_CASE_METHOD(Shell, "asking for more memory than there is is a SystemLimitError and the bindings stay",
                 "[shell][session][memory]") {
  type("x = 1");
  // 2 * 10^17 bytes: refused by the system natively, past size_t in wasm.
  CHECK(type("String.duplicate(\"ab\", 100_000_000_000_000_000)") ==
        "String.duplicate(\"ab\", 100_000_000_000_000_000)\n"
        "** (SystemLimitError) a system limit has been reached\n\niex(2)> ");
  CHECK(type("try do\n  String.duplicate(\"ab\", 100_000_000_000_000_000)\nrescue\n  e in SystemLimitError -> {:caught, e.message}\nend")
            .ends_with("{:caught, \"a system limit has been reached\"}\niex(3)> "));
  // An empty string is empty however many times: no endless loop.
  CHECK(type("String.duplicate(\"\", 100_000_000_000_000_000)") ==
        "String.duplicate(\"\", 100_000_000_000_000_000)\n\"\"\niex(4)> ");
  CHECK(type("x") == "x\n1\niex(5)> ");
}

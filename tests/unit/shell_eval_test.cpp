// The evaluator on small programs: each case parses, evaluates in a process
// and checks what IEx would print for the result (or the error's message).
#include "node_fixture.hpp"
#include "runtime/exit.hpp"
#include "shell/eval/interp.hpp"
#include "shell/lib/errors.hpp"
#include "shell/parser.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;

namespace {

// Evaluates `src` in a fresh process with fresh bindings: the inspected
// result, or "** (Kind) message" for an error.
std::string ev(Node& node, const std::string& src) {
  std::string out;
  node.spawn([&](Process&) {
    shell::ParseResult pr = shell::parse(src);
    if (!pr.complete()) {
      out = "parse: " + (pr.error ? pr.error->description : std::string("incomplete"));
      return;
    }
    shell::Env env;
    std::vector<std::pair<std::string, Atom>> aliases;
    shell::Interp in(env, nullptr, pr.arena);
    in.set_aliases(&aliases);
    std::string err;
    try {
      Term r;
      for (const shell::Node* e : pr.exprs) r = in.eval(e);
      out = inspect(r);
    } catch (const ErlangError& e) {
      Term ex = shell::blame_exception(e.reason, e.stacktrace.is_list() ? e.stacktrace : Term::empty_list());
      std::string mod(ex.map_get(Term(atom::__struct__))->atom().name().substr(7));
      err = "** (" + mod + ") " + shell::error_message(ex);
    } catch (const ThrownValue& t) {
      err = "** (throw) " + inspect(t.value);
    } catch (const ExitSignal& x) {
      err = "** (exit) " + inspect(x.reason);
    }
    if (!err.empty()) out = err;
  });
  node.run_until_idle();
  return out;
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "arithmetic, comparison and boolean operators follow Elixir", "[shell][eval]") {
  CHECK(ev(node, "1 + 2 * 3") == "7");
  CHECK(ev(node, "10 / 4") == "2.5");
  CHECK(ev(node, "2 ** 100") == "1267650600228229401496703205376");
  CHECK(ev(node, "1 == 1.0") == "true");
  CHECK(ev(node, "1 === 1.0") == "false");
  CHECK(ev(node, "1 < :a and :a < {1}") == "true");
  CHECK(ev(node, "nil || 3") == "3");
  CHECK(ev(node, "false && raise \"never\"") == "false");
  CHECK(ev(node, "[1, 2] ++ [3] -- [1]") == "[1, 2, 3]");
  CHECK(ev(node, "\"ab\" <> \"cd\"") == "\"abcd\"");
  CHECK(ev(node, "1 + :a") == "** (ArithmeticError) bad argument in arithmetic expression: 1 + :a");
}

TEST_CASE_METHOD(NodeFixture, "matching binds, pins and fails with MatchError", "[shell][eval]") {
  CHECK(ev(node, "{a, [b | c]} = {1, [2, 3]}; {a, b, c}") == "{1, 2, [3]}");
  CHECK(ev(node, "x = 1; ^x = 1; x") == "1");
  CHECK(ev(node, "x = 1; {^x, y} = {2, 3}") == "** (MatchError) no match of right hand side value: {2, 3}");
  CHECK(ev(node, "{x, x} = {1, 2}") == "** (MatchError) no match of right hand side value: {1, 2}");
  CHECK(ev(node, "%{a: v} = %{a: 1, b: 2}; v") == "1");
  CHECK(ev(node, "\"he\" <> rest = \"hello\"; rest") == "\"llo\"");
}

TEST_CASE_METHOD(NodeFixture, "case, cond, if and unless pick their branch", "[shell][eval]") {
  CHECK(ev(node, "case {1, 2} do {1, x} when x > 1 -> x * 10; _ -> :no end") == "20");
  CHECK(ev(node, "case 3 do 1 -> :one end") == "** (CaseClauseError) no case clause matching: 3");
  CHECK(ev(node, "cond do 1 > 2 -> :a; true -> :b end") == ":b");
  CHECK(ev(node, "if nil, do: 1, else: 2") == "2");
  CHECK(ev(node, "unless false do :yes end") == ":yes");
  CHECK(ev(node, "x = 1; case 2 do x -> x end; x") == "1");
}

TEST_CASE_METHOD(NodeFixture, "funs capture, take several clauses and pipe", "[shell][eval]") {
  CHECK(ev(node, "n = 10; f = fn x -> x + n end; f.(1)") == "11");
  CHECK(ev(node, "f = fn 0 -> :zero; x when x > 0 -> :pos end; {f.(0), f.(5)}") == "{:zero, :pos}");
  CHECK(ev(node, "[1, 2, 3] |> Enum.map(&(&1 * 2)) |> Enum.sum()") == "12");
  CHECK(ev(node, "Enum.map([1, 2], &Integer.to_string/1)") == "[\"1\", \"2\"]");
  CHECK(ev(node, "for x <- 1..4, rem(x, 2) == 0, do: x * x") == "[4, 16]");
  CHECK(ev(node, "with {:ok, a} <- {:ok, 1}, {:ok, b} <- {:error, 2} do a + b else {:error, e} -> e end") == "2");
}

TEST_CASE_METHOD(NodeFixture, "modules define functions with clauses, guards, defaults and recursion",
                 "[shell][eval]") {
  CHECK(ev(node,
           "defmodule M do\n"
           "  def fib(0), do: 0\n"
           "  def fib(1), do: 1\n"
           "  def fib(n) when n > 1, do: fib(n - 1) + fib(n - 2)\n"
           "  def greet(name \\\\ \"world\"), do: \"hello \" <> name\n"
           "  defp secret, do: 42\n"
           "  def reveal, do: secret()\n"
           "end\n"
           "{M.fib(15), M.greet(), M.greet(\"you\"), M.reveal()}") == "{610, \"hello world\", \"hello you\", 42}");
  CHECK(ev(node, "defmodule P do defp s, do: 1 end; P.s()") ==
        "** (UndefinedFunctionError) function P.s/0 is undefined or private");
}

// Body recursion as Elixir programs write it (a list summed on the way back)
// goes as deep as the process's stack: tens of thousands of calls natively,
// where stacks are reserved and only touched pages cost memory. In wasm a
// process's C stack (128 KB, allocated in full) holds about 90 interpreted
// calls, and the engine's own stack (about 1 MB, shared by every fiber)
// would overflow near 250, so the C stack's limit is kept below that one:
// deeper recursion ends the process with system_limit, never the node.
TEST_CASE_METHOD(NodeFixture, "a body-recursive function thousands of calls deep returns its result",
                 "[shell][eval][stack]") {
#if defined(__EMSCRIPTEN__)
  const std::string n = "60";
  const std::string sum = "1830";
#else
  const std::string n = "20000";
  const std::string sum = "200010000";
#endif
  CHECK(ev(node, "defmodule S do\n def sum([]), do: 0\n def sum([h | t]), do: h + sum(t)\nend\nS.sum(Enum.to_list(1.." + n + "))") == sum);
  CHECK(ev(node, "defmodule D do\n def down(0), do: []\n def down(n), do: [n | down(n - 1)]\nend\nlength(D.down(" + n + "))") == n);
  CHECK(ev(node, "defmodule I do\n def inf(n), do: 1 + inf(n + 1)\nend\nI.inf(0)") ==
        "** (SystemLimitError) a system limit has been reached");
  CHECK(ev(node, "D.down(3)") == "[3, 2, 1]");
}

TEST_CASE_METHOD(NodeFixture, "a tail-recursive loop runs in constant stack", "[shell][eval]") {
  CHECK(ev(node, "defmodule L do\n def count(0, acc), do: acc\n def count(n, acc), do: count(n - 1, acc + 1)\nend\nL.count(200000, 0)") == "200000");
}

TEST_CASE_METHOD(NodeFixture, "try rescues, catches and runs after", "[shell][eval]") {
  CHECK(ev(node, "try do raise \"boom\" rescue e in RuntimeError -> e.message end") == "\"boom\"");
  CHECK(ev(node, "try do throw(:x) catch v -> {:caught, v} end") == "{:caught, :x}");
  CHECK(ev(node, "try do exit(:bye) catch :exit, r -> r end") == ":bye");
  CHECK(ev(node, "try do 1 / 0 rescue ArithmeticError -> :div end") == ":div");
}

TEST_CASE_METHOD(NodeFixture, "processes spawn, send and receive from the shell language", "[shell][eval]") {
  CHECK(ev(node, "me = self(); spawn(fn -> send(me, {:hi, 1}) end); receive do {:hi, n} -> n + 1 end") == "2");
  CHECK(ev(node, "receive do :never -> 1 after 0 -> :timeout end") == ":timeout");
}

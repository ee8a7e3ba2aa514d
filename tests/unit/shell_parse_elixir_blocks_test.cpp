// The parser against Elixir's own: each input below (blocks, fn, clauses) was given to Elixir
// 1.14.0's tokenizer and parser (:elixir.string_to_tokens/5 and
// :elixir.tokens_to_quoted/3, as IEx calls them) and the answer recorded:
// "OK " + inspect of the quoted form with metadata removed, or INCOMPLETE.
// The shell parser must give the same quoted form (see quoted.hpp).
#include <catch2/catch.hpp>

#include "shell/parser.hpp"
#include "shell/quoted.hpp"
#include "term/term.hpp"

using namespace otp;
using namespace otp::shell;

namespace {
struct Case {
  const char* input;
  const char* elixir;  // what Elixir 1.14 answered (see the header comment)
};

// The same rendering as the recording: OK + inspect(quoted form),
// INCOMPLETE, or ERROR + inspect(IEx's error text).
std::string answer(std::string_view src) {
  ParseResult r = parse(src);
  InspectOptions wide;
  wide.width = 1 << 30;
  wide.limit = 1 << 30;
  if (r.complete()) return "OK " + inspect(to_quoted(r.exprs), wide);
  if (r.incomplete()) return "INCOMPLETE";
  return "ERROR " + inspect(Term::binary(render_iex_error(*r.error, src, 1)), wide);
}
}  // namespace

namespace {
const Case kCases[] = {
    {R"x(foo bar baz do 1 end)x",
     R"x(OK {:foo, [], [{:bar, [], [{:baz, [], nil}]}, [do: 1]]})x"},
    {R"x(foo x = bar do 1 end)x",
     R"x(OK {:foo, [], [{:=, [], [{:x, [], nil}, {:bar, [], nil}]}, [do: 1]]})x"},
    {R"x(foo bar do 1 end)x",
     R"x(OK {:foo, [], [{:bar, [], nil}, [do: 1]]})x"},
    {R"x(x = foo do 1 end)x",
     R"x(OK {:=, [], [{:x, [], nil}, {:foo, [], [[do: 1]]}]})x"},
    {R"x(foo a, b do 1 end)x",
     R"x(OK {:foo, [], [{:a, [], nil}, {:b, [], nil}, [do: 1]]})x"},
    {R"x(foo(a) do 1 end)x",
     R"x(OK {:foo, [], [{:a, [], nil}, [do: 1]]})x"},
    {R"x(foo a.b do 1 end)x",
     R"x(OK {:foo, [], [{{:., [], [{:a, [], nil}, :b]}, [], []}, [do: 1]]})x"},
    {R"x(f fn -> 1 end)x",
     R"x(OK {:f, [], [{:fn, [], [{:->, [], [[], 1]}]}]})x"},
    {R"x(x = foo bar do 1 end)x",
     R"x(OK {:=, [], [{:x, [], nil}, {:foo, [], [{:bar, [], nil}, [do: 1]]}]})x"},
    {R"x(foo a, if x do 1 end)x",
     R"x(OK {:foo, [], [{:a, [], nil}, {:if, [], [{:x, [], nil}]}, [do: 1]]})x"},
    {R"x(foo bar(1) do end)x",
     R"x(OK {:foo, [], [{:bar, [], [1]}, [do: {:__block__, [], []}]]})x"},
    {R"x(if x do !a end)x",
     R"x(OK {:if, [], [{:x, [], nil}, [do: {:__block__, [], [{:!, [], [{:a, [], nil}]}]}]]})x"},
    {R"x(fn -> !a end)x",
     R"x(OK {:fn, [], [{:->, [], [[], {:__block__, [], [{:!, [], [{:a, [], nil}]}]}]}]})x"},
    {R"x(fn x -> !a; y end)x",
     R"x(OK {:fn, [], [{:->, [], [[{:x, [], nil}], {:__block__, [], [{:!, [], [{:a, [], nil}]}, {:y, [], nil}]}]}]})x"},
    {R"x(case x do 1 -> :a; 2 -> :b end)x",
     R"x(OK {:case, [], [{:x, [], nil}, [do: [{:->, [], [[1], :a]}, {:->, [], [[2], :b]}]]]})x"},
    {R"x(case x do)x",
     R"x(INCOMPLETE)x"},
    {R"x(cond do)x",
     R"x(INCOMPLETE)x"},
    {R"x(try do)x",
     R"x(INCOMPLETE)x"},
    {R"x(receive do)x",
     R"x(INCOMPLETE)x"},
    {R"x(with {:ok, a} <- f(), {:ok, b} <- g(a) do)x",
     R"x(INCOMPLETE)x"},
    {R"x(for x <- xs, y <- ys, x > y, into: %{} do)x",
     R"x(INCOMPLETE)x"},
    {R"x(defmodule Foo.Bar do)x",
     R"x(INCOMPLETE)x"},
    {R"x(  def foo(x \\ 1), do: x)x",
     R"x(OK {:def, [], [{:foo, [], [{:\\, [], [{:x, [], nil}, 1]}]}, [do: {:x, [], nil}]]})x"},
    {R"x(  defp bar(x) when is_integer(x) do)x",
     R"x(INCOMPLETE)x"},
    {R"x(&Enum.map(&1, fn x -> x end))x",
     R"x(OK {:&, [], [{{:., [], [{:__aliases__, [], [:Enum]}, :map]}, [], [{:&, [], [1]}, {:fn, [], [{:->, [], [[{:x, [], nil}], {:x, [], nil}]}]}]}]})x"},
    {R"x(def foo(x), do: x)x",
     R"x(OK {:def, [], [{:foo, [], [{:x, [], nil}]}, [do: {:x, [], nil}]]})x"},
    {R"x(fn x, y -> x + y end)x",
     R"x(OK {:fn, [], [{:->, [], [[{:x, [], nil}, {:y, [], nil}], {:+, [], [{:x, [], nil}, {:y, [], nil}]}]}]})x"},
    {R"x(fn (x, y) -> x end)x",
     R"x(OK {:fn, [], [{:->, [], [[{:x, [], nil}, {:y, [], nil}], {:x, [], nil}]}]})x"},
    {R"x(fn () -> 1 end)x",
     R"x(OK {:fn, [], [{:->, [], [[], 1]}]})x"},
    {R"x(fn -> 1 end)x",
     R"x(OK {:fn, [], [{:->, [], [[], 1]}]})x"},
    {R"x(fn x, y when x > y -> x end)x",
     R"x(OK {:fn, [], [{:->, [], [[{:when, [], [{:x, [], nil}, {:y, [], nil}, {:>, [], [{:x, [], nil}, {:y, [], nil}]}]}], {:x, [], nil}]}]})x"},
    {R"x((a -> b))x",
     R"x(OK [{:->, [], [[{:a, [], nil}], {:b, [], nil}]}])x"},
    {R"x(unless x do 1 else 2 end)x",
     R"x(OK {:unless, [], [{:x, [], nil}, [do: 1, else: 2]]})x"},
    {R"x(if x do 1 else 2 end)x",
     R"x(OK {:if, [], [{:x, [], nil}, [do: 1, else: 2]]})x"},
    {R"x(if x, do: 1, else: 2)x",
     R"x(OK {:if, [], [{:x, [], nil}, [do: 1, else: 2]]})x"},
    {R"x(fn x, y when x > y -> x; _, y -> y end)x",
     R"x(OK {:fn, [], [{:->, [], [[{:when, [], [{:x, [], nil}, {:y, [], nil}, {:>, [], [{:x, [], nil}, {:y, [], nil}]}]}], {:x, [], nil}]}, {:->, [], [[{:_, [], nil}, {:y, [], nil}], {:y, [], nil}]}]})x"},
    {R"x(for x <- xs, y <- ys, x > y, into: %{} do {x, y} end)x",
     R"x(OK {:for, [], [{:<-, [], [{:x, [], nil}, {:xs, [], nil}]}, {:<-, [], [{:y, [], nil}, {:ys, [], nil}]}, {:>, [], [{:x, [], nil}, {:y, [], nil}]}, [into: {:%{}, [], []}], [do: {{:x, [], nil}, {:y, [], nil}}]]})x"},
    {R"x(with {:ok, a} <- f(), {:ok, b} <- g(a) do a + b else err -> err end)x",
     R"x(OK {:with, [], [{:<-, [], [{:ok, {:a, [], nil}}, {:f, [], []}]}, {:<-, [], [{:ok, {:b, [], nil}}, {:g, [], [{:a, [], nil}]}]}, [do: {:+, [], [{:a, [], nil}, {:b, [], nil}]}, else: [{:->, [], [[{:err, [], nil}], {:err, [], nil}]}]]]})x"},
    {R"x(try do f() rescue e in ArgumentError -> e catch kind, v -> {kind, v} after cleanup() end)x",
     R"x(OK {:try, [], [[do: {:f, [], []}, rescue: [{:->, [], [[{:in, [], [{:e, [], nil}, {:__aliases__, [], [:ArgumentError]}]}], {:e, [], nil}]}], catch: [{:->, [], [[{:kind, [], nil}, {:v, [], nil}], {{:kind, [], nil}, {:v, [], nil}}]}], after: {:cleanup, [], []}]]})x"},
    {R"x(receive do {:ok, x} when is_integer(x) -> x after 1000 -> :timeout end)x",
     R"x(OK {:receive, [], [[do: [{:->, [], [[{:when, [], [{:ok, {:x, [], nil}}, {:is_integer, [], [{:x, [], nil}]}]}], {:x, [], nil}]}], after: [{:->, [], [[1000], :timeout]}]]]})x"},
    {R"x(def foo(x \\ 1), do: x)x",
     R"x(OK {:def, [], [{:foo, [], [{:\\, [], [{:x, [], nil}, 1]}]}, [do: {:x, [], nil}]]})x"},
    {R"x(defp bar(x) when is_integer(x) do x + 1 end)x",
     R"x(OK {:defp, [], [{:when, [], [{:bar, [], [{:x, [], nil}]}, {:is_integer, [], [{:x, [], nil}]}]}, [do: {:+, [], [{:x, [], nil}, 1]}]]})x"},
    {R"x(-if x do 1 end + 2)x",
     R"x(OK {:-, [], [{:+, [], [{:if, [], [{:x, [], nil}, [do: 1]]}, 2]}]})x"},
};
}  // namespace

TEST_CASE("quoted forms of blocks, fns and clauses match Elixir 1.14", "[shell][parse][elixir]") {
  for (const Case& c : kCases) {
    INFO(c.input);
    CHECK(answer(c.input) == c.elixir);
  }
}

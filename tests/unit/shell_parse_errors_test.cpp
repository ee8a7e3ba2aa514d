// What the parser answers for unfinished and wrong input: Incomplete (IEx
// asks for more lines) or Error with Elixir 1.14's exact message, position
// and source excerpt; and the IEx reader built on it.
#include <catch2/catch.hpp>

#include "shell/iex_input.hpp"
#include "shell/parser.hpp"

using namespace otp::shell;

namespace {
// What IEx prints for `src` typed at prompt 1 (or "INCOMPLETE" / "OK").
std::string answer(std::string_view src, uint32_t line = 1) {
  ParseOptions o;
  o.line = line;
  ParseResult r = parse(src, o);
  if (r.complete()) return "OK";
  if (r.incomplete()) return "INCOMPLETE";
  return render_iex_error(*r.error, src, line);
}
}  // namespace

TEST_CASE("unfinished input is incomplete, as IEx's continuation prompt needs", "[shell][parse][errors]") {
  for (const char* src : {"1 +", "x =", "a |>", "[1, 2", "[1,", "foo(", "f(a,", "%{a: 1", "{", "<<1,",
                          "if x do", "case x do\n  1 ->", "fn x ->", "fn", "if true do 1 else", "\"abc",
                          "'abc", "\"\"\"\nabc", "~w(a b", "\"#{x", "\"#{1 +}\"", "a.", "x \\", "try do\n  f()\nrescue",
                          "%Foo{", "defmodule A do\n  def f(x) do\n    x\n  end"}) {
    INFO(src);
    ParseResult r = parse(src);
    CHECK(r.status == ParseStatus::Incomplete);
    REQUIRE(r.error.has_value());
    CHECK(r.error->kind == ErrorKind::TokenMissingError);
  }
}

TEST_CASE("syntax errors are worded, placed and excerpted as in IEx", "[shell][parse][errors]") {
  CHECK(answer(")", 2) == "** (SyntaxError) iex:2:1: unexpected token: )\n    |\n  2 | )\n    | ^");
  CHECK(answer("%{a: }", 2) == "** (SyntaxError) iex:2:6: syntax error before: '}'\n    |\n  2 | %{a: }\n    |      ^");
  CHECK(answer("[1, 2\n, 3]", 3) == "** (SyntaxError) iex:4:1: syntax error before: ','\n    |\n  4 | , 3]\n    | ^");
  CHECK(answer("1 2") == "** (SyntaxError) iex:1:3: syntax error before: \"2\"\n    |\n  1 | 1 2\n    |   ^");
  CHECK(answer("1 \"a\"") == "** (SyntaxError) iex:1:3: syntax error before: \"a\"");  // no excerpt for strings
  CHECK(answer("x = )") == "** (SyntaxError) iex:1:5: unexpected token: )\n    |\n  1 | x = )\n    |     ^");
  CHECK(answer("[1, 2)") == "** (SyntaxError) iex:1:6: unexpected token: ). The \"[\" at line 1 is missing terminator \"]\"");
  CHECK(answer("foo end") == "** (SyntaxError) iex:1:5: unexpected reserved word: end");
  CHECK(answer("x = fn end") ==
        "** (SyntaxError) iex:1:8: syntax error before: end. \"end\" is a reserved word in Elixir and therefore its "
        "usage is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function");
  CHECK(answer("fn x end") ==
        "** (SyntaxError) iex:1:1: expected anonymous functions to be defined with -> inside: 'fn'\n    |\n  1 | fn x end\n    | ^");
  CHECK(answer("f (1, 2)") ==
        "** (SyntaxError) iex:1:3: unexpected parentheses. If you are making a function call, do not insert spaces "
        "between the function name and the opening parentheses. Syntax error before: '('\n    |\n  1 | f (1, 2)\n    |   ^");
  CHECK(answer(":a.B") ==
        "** (SyntaxError) iex:1:4: atom cannot be followed by an alias. If the '.' was meant to be part of the atom's "
        "name, the atom name must be quoted. Syntax error before: '.'\n    |\n  1 | :a.B\n    |    ^");
  CHECK(answer("a // b") ==
        "** (SyntaxError) iex:1:3: the range step operator (//) must immediately follow the range definition operator "
        "(..), for example: 1..9//2. If you wanted to define a default argument, use (\\\\) instead. Syntax error "
        "before: '//'\n    |\n  1 | a // b\n    |   ^");
  CHECK(answer("%(a)") == "** (SyntaxError) iex:1:1: expected %{ to define a map, got: %(\n    |\n  1 | %(a)\n    | ^");
  CHECK(answer("1 ?a") == "** (SyntaxError) iex:1:3: syntax error before: ?a");
  CHECK(answer("1e3").rfind("** (SyntaxError) iex:1:1: invalid character \"e\" after number 1. ", 0) == 0);
}

TEST_CASE("errors of ambiguous calls name the comma without a column", "[shell][parse][errors]") {
  std::string nested = answer("foo a, bar b, c");
  CHECK(nested.rfind("** (SyntaxError) iex:1: unexpected comma. Parentheses are required to solve ambiguity in "
                     "nested calls.\n\n",
                     0) == 0);
  CHECK(nested.find("Elixir cannot compile otherwise. Syntax error before: ','") != std::string::npos);
  CHECK(answer("[f a, b]").rfind("** (SyntaxError) iex:1: unexpected comma. Parentheses are required to solve "
                                 "ambiguity inside containers.",
                                 0) == 0);
  CHECK(answer("[a: 1, 2]").rfind("** (SyntaxError) iex:1:6: unexpected expression after keyword list. Keyword lists "
                                  "must always come last in lists and maps.",
                                  0) == 0);
  CHECK(answer("f(a: 1, 2)").rfind("** (SyntaxError) iex:1:7: unexpected expression after keyword list. Keyword "
                                   "lists must always come as the last argument.",
                                   0) == 0);
  CHECK(answer("if x, do").rfind("** (SyntaxError) iex:1:7: unexpected reserved word: do. In case you wanted to "
                                 "write a \"do\" expression",
                                 0) == 0);
}

TEST_CASE("the excerpt pads line numbers of two digits and more", "[shell][parse][errors]") {
  CHECK(answer(")", 12) == "** (SyntaxError) iex:12:1: unexpected token: )\n    |\n 12 | )\n    | ^");
  CHECK(answer(")", 123) == "** (SyntaxError) iex:123:1: unexpected token: )\n     |\n 123 | )\n     | ^");
  CHECK(answer("x = 1 +\n)") == "** (SyntaxError) iex:2:1: unexpected token: )\n    |\n  2 | )\n    | ^");
}

TEST_CASE("nesting deeper than the stack budget is an error, not a crash", "[shell][parse][errors]") {
  for (const char* open_close : {"[]", "()", "{}"}) {
    std::string src(1000, open_close[0]);
    src += std::string(1000, open_close[1]);
    ParseResult r = parse(src);
    REQUIRE(r.status == ParseStatus::Error);
    CHECK(r.error->description.rfind("expression is nested too deeply. Syntax error before: ", 0) == 0);
  }
  std::string calls;
  for (int i = 0; i < 1000; ++i) calls += "f ";
  calls += "x";
  CHECK(parse(calls).status == ParseStatus::Error);
  std::string strings;
  for (int i = 0; i < 200; ++i) strings += "\"#{";
  strings += "x";
  for (int i = 0; i < 200; ++i) strings += "}\"";
  ParseResult s = parse(strings);
  REQUIRE(s.status == ParseStatus::Error);
  CHECK(s.error->description == "interpolation is nested too deeply. Syntax error before: #{");
  std::string ok(40, '[');
  ok += std::string(40, ']');
  CHECK(parse(ok).complete());  // real nesting is far below the limit
}

TEST_CASE("warnings come with the complete parse, as IEx prints them", "[shell][parse][errors]") {
  ParseResult r = parse(":a == :\"a\"");
  REQUIRE(r.complete());
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].line == 1);
  CHECK(r.warnings[0].column == 7);
  CHECK(r.warnings[0].text ==
        "found quoted atom \"a\" but the quotes are not required. Atoms made exclusively of ASCII letters, numbers, "
        "underscores, beginning with a letter or underscore, and optionally ending with ! or ? do not require quotes");
  CHECK(parse("f(a: 1,)").warnings.at(0).text == "trailing commas are not allowed inside function/macro call arguments");
}

TEST_CASE("the IEx reader accumulates lines until the input is complete", "[shell][parse][errors][iex]") {
  IexReader reader;
  IexReader::Result r = reader.feed("defmodule M do", 1);
  CHECK(r.status == ParseStatus::Incomplete);
  CHECK(reader.pending());
  CHECK(reader.feed("  def f(x), do: x", 1).status == ParseStatus::Incomplete);
  r = reader.feed("end", 1);
  REQUIRE(r.status == ParseStatus::Complete);
  CHECK_FALSE(reader.pending());
  CHECK(r.code == "defmodule M do\n  def f(x), do: x\nend\n");
  REQUIRE(r.parse.exprs.size() == 1);
  CHECK(r.parse.exprs[0]->line == 1);
  CHECK(reader.feed("#iex:break", 2).status == ParseStatus::Incomplete);  // nothing pending: nothing to break
  CHECK(reader.feed("[1,", 2).status == ParseStatus::Incomplete);
  r = reader.feed("#iex:break", 2);
  CHECK(r.status == ParseStatus::Error);
  CHECK(r.error_text == "** (TokenMissingError) iex:2: incomplete expression");
  CHECK_FALSE(reader.pending());
}

TEST_CASE("the IEx reader continues a pipe at the start of a line from v(-1)", "[shell][parse][errors][iex]") {
  IexReader reader;
  IexReader::Result r = reader.feed("|> Enum.sum()", 4);
  REQUIRE(r.status == ParseStatus::Complete);
  const Node* pipe = r.parse.exprs[0];
  CHECK(pipe->op == Op::Pipe);
  const Node* v = pipe->kid(0);
  CHECK(v->kind == NodeKind::LocalCall);
  CHECK(v->name.name() == "v");
  CHECK(reader.feed("x = [1, 2]", 5).status == ParseStatus::Complete);
  r = reader.feed("|> Enum.sum()", 6);
  REQUIRE(r.status == ParseStatus::Error);
  CHECK(r.error_text ==
        "** (SyntaxError) iex:6:1: pipe shorthand is not allowed immediately after a match expression in IEx. To make "
        "it work, surround the whole pipeline with parentheses '|>'\n    |\n  6 | |> Enum.sum()\n    | ^");
  CHECK(reader.feed("|> Enum.sum()", 6).status == ParseStatus::Complete);  // the error reset it
}

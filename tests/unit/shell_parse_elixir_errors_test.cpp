// The parser's syntax errors against Elixir's own: each input below was given
// to Elixir 1.14.0's tokenizer and parser as IEx does, and the error IEx
// prints was recorded ("ERROR " + inspect of the text, with the excerpt).
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
    {R"x(1;;2)x",
     R"x(ERROR "** (SyntaxError) iex:1:3: unexpected token: \";\" (column 3, code point U+003B)\n    |\n  1 | 1;;2\n    |   ^")x"},
    {R"x(a // b)x",
     R"x(ERROR "** (SyntaxError) iex:1:3: the range step operator (//) must immediately follow the range definition operator (..), for example: 1..9//2. If you wanted to define a default argument, use (\\\\) instead. Syntax error before: '//'\n    |\n  1 | a // b\n    |   ^")x"},
    {R"x(:a.B)x",
     R"x(ERROR "** (SyntaxError) iex:1:4: atom cannot be followed by an alias. If the '.' was meant to be part of the atom's name, the atom name must be quoted. Syntax error before: '.'\n    |\n  1 | :a.B\n    |    ^")x"},
    {R"x(f //x)x",
     R"x(ERROR "** (SyntaxError) iex:1:3: the range step operator (//) must immediately follow the range definition operator (..), for example: 1..9//2. If you wanted to define a default argument, use (\\\\) instead. Syntax error before: '//'\n    |\n  1 | f //x\n    |   ^")x"},
    {R"x(f (1, 2))x",
     R"x(ERROR "** (SyntaxError) iex:1:3: unexpected parentheses. If you are making a function call, do not insert spaces between the function name and the opening parentheses. Syntax error before: '('\n    |\n  1 | f (1, 2)\n    |   ^")x"},
    {R"x(f (a: 1))x",
     R"x(ERROR "** (SyntaxError) iex:1:3: unexpected parentheses. If you are making a function call, do not insert spaces between the function name and the opening parentheses. Syntax error before: '('\n    |\n  1 | f (a: 1)\n    |   ^")x"},
    {R"x([f a, b])x",
     R"x(ERROR "** (SyntaxError) iex:1: unexpected comma. Parentheses are required to solve ambiguity inside containers.\n\nThis error may happen when you forget a comma in a list or other container:\n\n    [a, b c, d]\n\nOr when you have ambiguous calls:\n\n    [one, two three, four, five]\n\nIn the example above, we don't know if the parameters \"four\" and \"five\" belongs to the list or the function \"two\". You can solve this by explicitly adding parentheses:\n\n    [one, two(three, four), five]\n\nElixir cannot compile otherwise. Syntax error before: ','")x"},
    {R"x(foo(x, f a, b))x",
     R"x(ERROR "** (SyntaxError) iex:1: unexpected comma. Parentheses are required to solve ambiguity in nested calls.\n\nThis error happens when you have nested function calls without parentheses. For example:\n\n    one a, two b, c, d\n\nIn the example above, we don't know if the parameters \"c\" and \"d\" apply to the function \"one\" or \"two\". You can solve this by explicitly adding parentheses:\n\n    one a, two(b, c, d)\n\nOr by adding commas (in case a nested call is not intended):\n\n    one, a, two, b, c, d\n\nElixir cannot compile otherwise. Syntax error before: ','")x"},
    {R"x(g x, f a, b)x",
     R"x(ERROR "** (SyntaxError) iex:1: unexpected comma. Parentheses are required to solve ambiguity in nested calls.\n\nThis error happens when you have nested function calls without parentheses. For example:\n\n    one a, two b, c, d\n\nIn the example above, we don't know if the parameters \"c\" and \"d\" apply to the function \"one\" or \"two\". You can solve this by explicitly adding parentheses:\n\n    one a, two(b, c, d)\n\nOr by adding commas (in case a nested call is not intended):\n\n    one, a, two, b, c, d\n\nElixir cannot compile otherwise. Syntax error before: ','")x"},
    {R"x([f a, b c, d])x",
     R"x(ERROR "** (SyntaxError) iex:1: unexpected comma. Parentheses are required to solve ambiguity in nested calls.\n\nThis error happens when you have nested function calls without parentheses. For example:\n\n    one a, two b, c, d\n\nIn the example above, we don't know if the parameters \"c\" and \"d\" apply to the function \"one\" or \"two\". You can solve this by explicitly adding parentheses:\n\n    one a, two(b, c, d)\n\nOr by adding commas (in case a nested call is not intended):\n\n    one, a, two, b, c, d\n\nElixir cannot compile otherwise. Syntax error before: ','")x"},
    {R"x({a: 1})x",
     R"x(ERROR "** (SyntaxError) iex:1:2: syntax error before: a\n    |\n  1 | {a: 1}\n    |  ^")x"},
    {R"x(<<a: 1>>)x",
     R"x(ERROR "** (SyntaxError) iex:1:3: syntax error before: a\n    |\n  1 | <<a: 1>>\n    |   ^")x"},
    {R"x(%{a => f b, c})x",
     R"x(ERROR "** (SyntaxError) iex:1:14: syntax error before: '}'\n    |\n  1 | %{a => f b, c}\n    |              ^")x"},
    {R"x(%{@a})x",
     R"x(ERROR "** (SyntaxError) iex:1:5: syntax error before: '}'\n    |\n  1 | %{@a}\n    |     ^")x"},
    {R"x(foo (a, b), c)x",
     R"x(ERROR "** (SyntaxError) iex:1:5: unexpected parentheses. If you are making a function call, do not insert spaces between the function name and the opening parentheses. Syntax error before: '('\n    |\n  1 | foo (a, b), c\n    |     ^")x"},
    {R"x(1 2)x",
     R"x(ERROR "** (SyntaxError) iex:1:3: syntax error before: \"2\"\n    |\n  1 | 1 2\n    |   ^")x"},
    {R"x(1 "a")x",
     R"x(ERROR "** (SyntaxError) iex:1:3: syntax error before: \"a\"")x"},
    {R"x(%{Foo})x",
     R"x(ERROR "** (SyntaxError) iex:1:6: syntax error before: '}'\n    |\n  1 | %{Foo}\n    |      ^")x"},
    {R"x(%{:a})x",
     R"x(ERROR "** (SyntaxError) iex:1:5: syntax error before: '}'\n    |\n  1 | %{:a}\n    |     ^")x"},
    {R"x(%{1})x",
     R"x(ERROR "** (SyntaxError) iex:1:4: syntax error before: '}'\n    |\n  1 | %{1}\n    |    ^")x"},
    {R"x(%{"a"})x",
     R"x(ERROR "** (SyntaxError) iex:1:6: syntax error before: '}'\n    |\n  1 | %{\"a\"}\n    |      ^")x"},
    {R"x(%{x[1]})x",
     R"x(ERROR "** (SyntaxError) iex:1:7: syntax error before: '}'\n    |\n  1 | %{x[1]}\n    |       ^")x"},
    {R"x(%{-a})x",
     R"x(ERROR "** (SyntaxError) iex:1:5: syntax error before: '}'\n    |\n  1 | %{-a}\n    |     ^")x"},
    {R"x(%{a: 1, b => 2})x",
     R"x(ERROR "** (SyntaxError) iex:1:7: unexpected expression after keyword list. Keyword lists must always come last in lists and maps. Therefore, this is not allowed:\n\n    [some: :value, :another]\n    %{some: :value, another => value}\n\nInstead, reorder it to be the last entry:\n\n    [:another, some: :value]\n    %{another => value, some: :value}\n\nSyntax error after: ','\n    |\n  1 | %{a: 1, b => 2}\n    |       ^")x"},
    {R"x(%"a"{})x",
     R"x(ERROR "** (SyntaxError) iex:1:5: syntax error before: '{'\n    |\n  1 | %\"a\"{}\n    |     ^")x"},
    {R"x(%1{})x",
     R"x(ERROR "** (SyntaxError) iex:1:3: syntax error before: '{'\n    |\n  1 | %1{}\n    |   ^")x"},
    {R"x(f(x) a: 1)x",
     R"x(ERROR "** (SyntaxError) iex:1:6: syntax error before: 'a:'\n    |\n  1 | f(x) a: 1\n    |      ^")x"},
    {R"x([1 a: 2])x",
     R"x(ERROR "** (SyntaxError) iex:1:4: syntax error before: 'a:'\n    |\n  1 | [1 a: 2]\n    |    ^")x"},
    {R"x(x[a, b])x",
     R"x(ERROR "** (SyntaxError) iex:1:6: syntax error before: b\n    |\n  1 | x[a, b]\n    |      ^")x"},
    {R"x(x[])x",
     R"x(ERROR "** (SyntaxError) iex:1:3: syntax error before: ']'\n    |\n  1 | x[]\n    |   ^")x"},
    {R"x([a: 1, 2])x",
     R"x(ERROR "** (SyntaxError) iex:1:6: unexpected expression after keyword list. Keyword lists must always come last in lists and maps. Therefore, this is not allowed:\n\n    [some: :value, :another]\n    %{some: :value, another => value}\n\nInstead, reorder it to be the last entry:\n\n    [:another, some: :value]\n    %{another => value, some: :value}\n\nSyntax error after: ','\n    |\n  1 | [a: 1, 2]\n    |      ^")x"},
    {R"x(f(a: 1, 2))x",
     R"x(ERROR "** (SyntaxError) iex:1:7: unexpected expression after keyword list. Keyword lists must always come as the last argument. Therefore, this is not allowed:\n\n    function_call(1, some: :option, 2)\n\nInstead, wrap the keyword in brackets:\n\n    function_call(1, [some: :option], 2)\n\nSyntax error after: ','\n    |\n  1 | f(a: 1, 2)\n    |       ^")x"},
    {R"x(f a: 1, 2)x",
     R"x(ERROR "** (SyntaxError) iex:1:7: unexpected expression after keyword list. Keyword lists must always come as the last argument. Therefore, this is not allowed:\n\n    function_call(1, some: :option, 2)\n\nInstead, wrap the keyword in brackets:\n\n    function_call(1, [some: :option], 2)\n\nSyntax error after: ','\n    |\n  1 | f a: 1, 2\n    |       ^")x"},
    {R"x(1.0e400)x",
     R"x(ERROR "** (SyntaxError) iex:1:1: invalid float number 1.0e400\n    |\n  1 | 1.0e400\n    | ^")x"},
    {R"x(1.0e5e5)x",
     R"x(ERROR "** (SyntaxError) iex:1:1: invalid float number 1.0e5e5\n    |\n  1 | 1.0e5e5\n    | ^")x"},
    {R"x(1e3)x",
     R"x(ERROR "** (SyntaxError) iex:1:1: invalid character \"e\" after number 1. If you intended to write a number, make sure to separate the number from the character (using comma, space, etc). If you meant to write a function name or a variable, note that identifiers in Elixir cannot start with numbers. Unexpected token: e\n    |\n  1 | 1e3\n    | ^")x"},
    {R"x(0x1Fz)x",
     R"x(ERROR "** (SyntaxError) iex:1:5: syntax error before: z\n    |\n  1 | 0x1Fz\n    |     ^")x"},
    {R"x(?\x41)x",
     R"x(ERROR "** (SyntaxError) iex:1:4: syntax error before: \"41\"\n    |\n  1 | ?\\x41\n    |    ^")x"},
    {R"x(  1 -> :a)x",
     R"x(ERROR "** (SyntaxError) iex:1:5: syntax error before: '->'\n    |\n  1 |   1 -> :a\n    |     ^")x"},
    {R"x(  2 -> :b)x",
     R"x(ERROR "** (SyntaxError) iex:1:5: syntax error before: '->'\n    |\n  1 |   2 -> :b\n    |     ^")x"},
    {R"x(end)x",
     R"x(ERROR "** (SyntaxError) iex:1:1: unexpected reserved word: end")x"},
    {R"x(  x > 1 -> :a)x",
     R"x(ERROR "** (SyntaxError) iex:1:9: syntax error before: '->'\n    |\n  1 |   x > 1 -> :a\n    |         ^")x"},
    {R"x(  true -> :b)x",
     R"x(ERROR "** (SyntaxError) iex:1:8: syntax error before: '->'\n    |\n  1 |   true -> :b\n    |        ^")x"},
    {R"x(rescue)x",
     R"x(ERROR "** (SyntaxError) iex:1:1: syntax error before: rescue. \"rescue\" is a reserved word in Elixir and therefore its usage is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function")x"},
    {R"x(  e in ArgumentError -> e)x",
     R"x(ERROR "** (SyntaxError) iex:1:22: syntax error before: '->'\n    |\n  1 |   e in ArgumentError -> e\n    |                      ^")x"},
    {R"x(catch)x",
     R"x(ERROR "** (SyntaxError) iex:1:1: syntax error before: catch. \"catch\" is a reserved word in Elixir and therefore its usage is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function")x"},
    {R"x(  kind, v -> {kind, v})x",
     R"x(ERROR "** (SyntaxError) iex:1:7: syntax error before: ','\n    |\n  1 |   kind, v -> {kind, v}\n    |       ^")x"},
    {R"x(after)x",
     R"x(ERROR "** (SyntaxError) iex:1:1: syntax error before: after. \"after\" is a reserved word in Elixir and therefore its usage is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function")x"},
    {R"x(  {:ok, x} when is_integer(x) -> x)x",
     R"x(ERROR "** (SyntaxError) iex:1:31: syntax error before: '->'\n    |\n  1 |   {:ok, x} when is_integer(x) -> x\n    |                               ^")x"},
    {R"x(  1000 -> :timeout)x",
     R"x(ERROR "** (SyntaxError) iex:1:8: syntax error before: '->'\n    |\n  1 |   1000 -> :timeout\n    |        ^")x"},
    {R"x(else)x",
     R"x(ERROR "** (SyntaxError) iex:1:1: syntax error before: else. \"else\" is a reserved word in Elixir and therefore its usage is limited. For instance, it can't be used as a variable or be defined nor invoked as a regular function")x"},
    {R"x(  err -> err)x",
     R"x(ERROR "** (SyntaxError) iex:1:7: syntax error before: '->'\n    |\n  1 |   err -> err\n    |       ^")x"},
    {R"x(  end)x",
     R"x(ERROR "** (SyntaxError) iex:1:3: unexpected reserved word: end")x"},
    {R"x(""")x",
     R"x(ERROR "** (SyntaxError) iex:1:1: heredoc allows only zero or more whitespace characters followed by a new line after \"\"\"\n    |\n  1 | \"\"\"\n    | ^")x"},
    {R"x([not f a, b])x",
     R"x(ERROR "** (SyntaxError) iex:1: unexpected comma. Parentheses are required to solve ambiguity inside containers.\n\nThis error may happen when you forget a comma in a list or other container:\n\n    [a, b c, d]\n\nOr when you have ambiguous calls:\n\n    [one, two three, four, five]\n\nIn the example above, we don't know if the parameters \"four\" and \"five\" belongs to the list or the function \"two\". You can solve this by explicitly adding parentheses:\n\n    [one, two(three, four), five]\n\nElixir cannot compile otherwise. Syntax error before: ','")x"},
    {R"x(case x do a; b -> c end)x",
     R"x(ERROR "** (SyntaxError) iex:1: unexpected operator ->. If you want to define multiple clauses, the first expression must use ->. Syntax error before: '->'")x"},
    {R"x(%{not f a, b | a: 1})x",
     R"x(ERROR "** (SyntaxError) iex:1:16: syntax error before: a\n    |\n  1 | %{not f a, b | a: 1}\n    |                ^")x"},
};
}  // namespace

TEST_CASE("syntax errors match Elixir 1.14 on a corpus of inputs", "[shell][parse][elixir]") {
  for (const Case& c : kCases) {
    INFO(c.input);
    CHECK(answer(c.input) == c.elixir);
  }
}

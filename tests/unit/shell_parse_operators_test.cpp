// Operator precedence and associativity of the shell parser, shown with the
// printer's explicit-parentheses form: "1 + 2 * 3" groups as "(1 + (2 * 3))".
// The expected groupings are Elixir 1.14's (checked against its parser).
#include <catch2/catch.hpp>

#include "shell/parser.hpp"
#include "shell/printer.hpp"

using namespace otp::shell;

namespace {
std::string grouped(std::string_view src) {
  ParseResult r = parse(src);
  INFO(src);
  REQUIRE(r.complete());
  return to_source(r.exprs, PrintOptions{true});
}
}  // namespace

TEST_CASE("arithmetic operators bind by Elixir's precedence", "[shell][parse][operators]") {
  CHECK(grouped("1 + 2 * 3") == "(1 + (2 * 3))");
  CHECK(grouped("1 * 2 + 3") == "((1 * 2) + 3)");
  CHECK(grouped("a - b - c") == "((a - b) - c)");
  CHECK(grouped("a / b * c") == "((a / b) * c)");
  CHECK(grouped("2 ** 3 ** 2") == "((2 ** 3) ** 2)");  // ** is left-associative in 1.14
  CHECK(grouped("2 * 3 ** 2") == "(2 * (3 ** 2))");
  CHECK(grouped("-a + b") == "((-a) + b)");
  CHECK(grouped("a + -b * c") == "(a + ((-b) * c))");
  CHECK(grouped("- -1") == "(-(-1))");
}

TEST_CASE("list, string and range operators are right-associative", "[shell][parse][operators]") {
  CHECK(grouped("a ++ b ++ c") == "(a ++ (b ++ c))");
  CHECK(grouped("a -- b ++ c") == "(a -- (b ++ c))");
  CHECK(grouped("a <> b <> c") == "(a <> (b <> c))");
  CHECK(grouped("a + b ++ c") == "((a + b) ++ c)");
  CHECK(grouped("1..10") == "(1..10)");
  CHECK(grouped("1..10//2") == "(1..10//2)");
  CHECK(grouped("a..b + 1") == "(a..(b + 1))");
}

TEST_CASE("comparison, boolean and pipe operators follow the table", "[shell][parse][operators]") {
  CHECK(grouped("a |> b |> c") == "((a |> b) |> c)");
  CHECK(grouped("a + b |> c") == "((a + b) |> c)");
  CHECK(grouped("a |> b == c") == "((a |> b) == c)");
  CHECK(grouped("a < b == c") == "((a < b) == c)");
  CHECK(grouped("a == b && c != d") == "((a == b) && (c != d))");
  CHECK(grouped("a || b && c") == "(a || (b && c))");
  CHECK(grouped("a or b and c") == "(a or (b and c))");
  CHECK(grouped("not a and b") == "((not a) and b)");
  CHECK(grouped("!a || b") == "((!a) || b)");
  CHECK(grouped("a in b or c") == "((a in b) or c)");
  CHECK(grouped("a not in b and c") == "((a not in b) and c)");
  CHECK(grouped("a in b in c") == "((a in b) in c)");
  CHECK(grouped("a =~ b or c === d") == "((a =~ b) or (c === d))");
  CHECK(grouped("a <<< b >>> c") == "((a <<< b) >>> c)");
}

TEST_CASE("match, type, when, bar and arrow operators bind loosest", "[shell][parse][operators]") {
  CHECK(grouped("a = b = c") == "(a = (b = c))");
  CHECK(grouped("a = b || c") == "(a = (b || c))");
  CHECK(grouped("{:ok, x} = f()") == "({:ok, x} = f())");
  CHECK(grouped("^x = y") == "((^x) = y)");
  CHECK(grouped("a :: b :: c") == "(a :: (b :: c))");
  CHECK(grouped("a when b when c") == "(a when (b when c))");
  CHECK(grouped("x when x > 0 and y") == "(x when ((x > 0) and y))");
  CHECK(grouped("a | b | c") == "(a | (b | c))");
  CHECK(grouped("a = b | c") == "((a = b) | c)");
  CHECK(grouped("x <- a + b") == "(x <- (a + b))");
  CHECK(grouped("x \\\\ a = b") == "(x \\\\ (a = b))");
}

TEST_CASE("capture, pin, attribute and dot operators bind as in Elixir", "[shell][parse][operators]") {
  CHECK(grouped("&a = b") == "(&(a = b))");
  CHECK(grouped("a = &b") == "(a = (&b))");
  CHECK(grouped("&(&1 + 1)") == "(&(&1 + 1))");
  CHECK(grouped("&1 + 2") == "(&1 + 2)");
  CHECK(grouped("!a = b") == "((!a) = b)");
  CHECK(grouped("-a.b") == "(-a.b)");
  CHECK(grouped("@a + 1") == "(@a + 1)");
  CHECK(grouped("@a.b") == "@a.b");
  CHECK(grouped("a.b.c + 1") == "(a.b.c + 1)");
}

TEST_CASE("calls without parentheses take the whole argument expression", "[shell][parse][operators]") {
  CHECK(grouped("f a + 1") == "f((a + 1))");
  CHECK(grouped("f - 1") == "(f - 1)");
  CHECK(grouped("f -1") == "f((-1))");
  CHECK(grouped("-foo a + b") == "(-foo((a + b)))");
  CHECK(grouped("a * foo b + c") == "(a * foo((b + c)))");
  CHECK(grouped("a |> b c") == "(a |> b(c))");
  CHECK(grouped("g f a, b") == "g(f(a, b))");
}

TEST_CASE("an operand ending in a do-block takes the operators after it", "[shell][parse][operators]") {
  CHECK(grouped("x = foo do 1 end") == "(x = foo do\n  1\nend)");
  CHECK(grouped("-if x do 1 end + 2") == "(-(if x do\n  1\nend + 2))");
  CHECK(grouped("if x do 1 end + 2") == "(if x do\n  1\nend + 2)");
}

TEST_CASE("the deprecated `not a in b` means not(a in b)", "[shell][parse][operators]") {
  ParseResult r = parse("not a in b");
  REQUIRE(r.complete());
  CHECK(to_source(r.exprs, PrintOptions{true}) == "(not (a in b))");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].text == "\"not expr1 in expr2\" is deprecated, use \"expr1 not in expr2\" instead");
  CHECK(grouped("(not a) in b") == "((not a) in b)");
}

TEST_CASE("binary operators carry their Op and both operands", "[shell][parse][operators]") {
  ParseResult r = parse("a <> b");
  REQUIRE(r.complete());
  const Node* n = r.exprs[0];
  CHECK(n->kind == NodeKind::BinaryOp);
  CHECK(n->op == Op::BinConcat);
  CHECK(n->kid(0)->kind == NodeKind::Var);
  CHECK(n->kid(1)->name.name() == "b");
  CHECK(n->column == 3);
  ParseResult s = parse("1..9//2");
  REQUIRE(s.complete());
  CHECK(s.exprs[0]->op == Op::RangeStep);
  CHECK(s.exprs[0]->count == 3);
  ParseResult t = parse("x not in y");
  REQUIRE(t.complete());
  CHECK(t.exprs[0]->op == Op::NotIn);
}

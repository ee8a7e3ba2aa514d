// Blocks of the shell language: fn clauses, do-blocks and their sections
// (case, cond, if, receive, try, with, for), defmodule/def, separators,
// parenthesized blocks, and the line/column of every node.
#include <catch2/catch.hpp>

#include "shell/parser.hpp"
#include "term/term.hpp"

using namespace otp;
using namespace otp::shell;

namespace {
struct One {
  ParseResult r;
  const Node* n = nullptr;
  explicit One(std::string_view src) : r(parse(src)) {
    INFO(src);
    REQUIRE(r.complete());
    REQUIRE(r.exprs.size() == 1);
    n = r.exprs[0];
  }
};
Atom a(std::string_view s) { return Atom::intern(s); }
const Node* section(const Node* call, std::string_view name) { return block_section(call, a(name)); }
}  // namespace

TEST_CASE("fn clauses have patterns, guards and bodies", "[shell][parse][blocks]") {
  One f("fn x when x > 0 -> :pos; 0 -> :zero; _ -> :neg end");
  REQUIRE(f.n->kind == NodeKind::Fn);
  REQUIRE(f.n->count == 3);
  const Node* c0 = f.n->kid(0);
  CHECK(c0->kind == NodeKind::Clause);
  REQUIRE(c0->patterns().size() == 1);
  CHECK(c0->patterns()[0]->kind == NodeKind::Var);
  REQUIRE(c0->guard() != nullptr);
  CHECK(c0->guard()->op == Op::Gt);
  CHECK(c0->body()->value == Term::atom("pos"));
  CHECK(f.n->kid(1)->guard() == nullptr);
  One two("fn a, b -> a + b end");
  CHECK(two.n->kid(0)->patterns().size() == 2);
  One none("fn -> 1 end");
  CHECK(none.n->kid(0)->patterns().empty());
  One parens("fn (a, b) when a > b -> a end");
  CHECK(parens.n->kid(0)->patterns().size() == 2);
  CHECK(parens.n->kid(0)->guard() != nullptr);
  One lines("fn\n  x ->\n    y = x\n    y\nend");
  const Node* body = lines.n->kid(0)->body();
  CHECK(body->kind == NodeKind::Block);
  CHECK(body->count == 2);
}

TEST_CASE("case, cond and receive sections are lists of clauses", "[shell][parse][blocks]") {
  One c("case x do\n  {:ok, v} -> v\n  _ -> nil\nend");
  REQUIRE(c.n->kind == NodeKind::LocalCall);
  REQUIRE(c.n->x != nullptr);
  CHECK(c.n->x->kind == NodeKind::DoBlock);
  const Node* clauses = section(c.n, "do");
  REQUIRE(clauses->kind == NodeKind::Stab);
  CHECK(clauses->count == 2);
  CHECK(clauses->kid(0)->patterns()[0]->kind == NodeKind::Tuple);
  One cond("cond do\n  x > 1 -> :big\n  true -> :small\nend");
  CHECK(section(cond.n, "do")->count == 2);
  One r("receive do\n  {:job, n} when is_integer(n) -> n * 6\nafter\n  1_000 -> :timeout\nend");
  const Node* after = section(r.n, "after");
  REQUIRE(after->kind == NodeKind::Stab);
  CHECK(after->kid(0)->patterns()[0]->value == Term::integer(1000));
  CHECK(section(r.n, "do")->kid(0)->guard()->kind == NodeKind::LocalCall);
}

TEST_CASE("if and unless have do and else bodies, in either syntax", "[shell][parse][blocks]") {
  One i("if x do 1 else 2 end");
  CHECK(section(i.n, "do")->value == Term::integer(1));
  CHECK(section(i.n, "else")->value == Term::integer(2));
  CHECK(i.n->x->has(kKwFromBlock));
  One k("if x, do: 1, else: 2");
  CHECK(k.n->x == nullptr);
  CHECK(section(k.n, "do")->value == Term::integer(1));
  CHECK(section(k.n, "else")->value == Term::integer(2));
  One u("unless x do :a end");
  CHECK(section(u.n, "else") == nullptr);
  One empty("if x do end");
  CHECK(section(empty.n, "do")->kind == NodeKind::Block);
  CHECK(section(empty.n, "do")->count == 0);
}

TEST_CASE("try has rescue, catch and after sections", "[shell][parse][blocks]") {
  One t("try do\n  f()\nrescue\n  e in ArgumentError -> e\ncatch\n  kind, v -> {kind, v}\nafter\n  cleanup()\nend");
  const Node* rescue = section(t.n, "rescue");
  REQUIRE(rescue->kind == NodeKind::Stab);
  CHECK(rescue->kid(0)->patterns()[0]->op == Op::In);
  CHECK(section(t.n, "catch")->kid(0)->patterns().size() == 2);
  CHECK(section(t.n, "after")->kind == NodeKind::LocalCall);
  REQUIRE(t.n->x->count == 4);
  CHECK(t.n->x->kid(3)->name == a("after"));
}

TEST_CASE("with and for take clauses and keyword options as arguments", "[shell][parse][blocks]") {
  One w("with {:ok, a} <- f(), {:ok, b} <- g(a) do\n  a + b\nelse\n  err -> err\nend");
  REQUIRE(w.n->args().size() == 2);
  CHECK(w.n->args()[0]->op == Op::LeftArrow);
  CHECK(section(w.n, "else")->kind == NodeKind::Stab);
  One f("for x <- xs, y <- ys, x > y, into: %{} do\n  {x, y}\nend");
  REQUIRE(f.n->args().size() == 4);
  CHECK(f.n->args()[2]->op == Op::Gt);
  CHECK(f.n->args()[3]->kind == NodeKind::List);
  CHECK(section(f.n, "do")->kind == NodeKind::Tuple);
  One one("for x <- xs, do: x * 2");
  CHECK(section(one.n, "do")->op == Op::Mul);
}

TEST_CASE("defmodule with def, defp, guards, defaults and attributes", "[shell][parse][blocks]") {
  One m(
      "defmodule Counter do\n"
      "  @moduledoc \"A counter\"\n"
      "  use GenServer\n"
      "  def init(n), do: {:ok, n}\n"
      "  def add(x, y \\\\ 1) when is_integer(x) do\n"
      "    x + y\n"
      "  end\n"
      "  defp helper(_), do: :ok\n"
      "end");
  CHECK(m.n->args()[0]->value == Term::atom("Elixir.Counter"));
  const Node* body = section(m.n, "do");
  REQUIRE(body->kind == NodeKind::Block);
  REQUIRE(body->count == 5);
  CHECK(body->kid(0)->kind == NodeKind::Attr);
  const Node* init = body->kid(2);
  CHECK(init->name == a("def"));
  CHECK(section(init, "do")->kind == NodeKind::Tuple);
  const Node* add = body->kid(3);
  const Node* head = add->args()[0];
  CHECK(head->op == Op::When);
  const Node* sig = head->kid(0);
  CHECK(sig->name == a("add"));
  CHECK(sig->args()[1]->op == Op::Default);
  CHECK(section(add, "do")->op == Op::Plus);
  CHECK(body->kid(4)->name == a("defp"));
}

TEST_CASE("separators, comments and parenthesized blocks", "[shell][parse][blocks]") {
  ParseResult r = parse("a = 1; b = 2\n# a comment\nc = a + b  # trailing\n");
  REQUIRE(r.complete());
  CHECK(r.exprs.size() == 3);
  One b("(a; b)");
  CHECK(b.n->kind == NodeKind::Block);
  CHECK(b.n->count == 2);
  One p("(1 + 2) * 3");
  CHECK(p.n->kid(0)->has(kParens));
  One e("()");
  CHECK(e.n->kind == NodeKind::Block);
  CHECK(e.n->count == 0);
  One s("(x -> y)");
  CHECK(s.n->kind == NodeKind::Stab);
  CHECK(parse("").exprs.empty());
  CHECK(parse("# only a comment\n").complete());
  CHECK(parse("\n\n").exprs.empty());
}

TEST_CASE("every node keeps its line and column", "[shell][parse][blocks]") {
  ParseOptions o;
  o.line = 5;  // IEx starts the parse at the prompt counter
  ParseResult r = parse("x =\n  foo(1,\n      :b)", o);
  REQUIRE(r.complete());
  const Node* m = r.exprs[0];
  CHECK(m->line == 5);
  CHECK(m->column == 3);  // the operator
  const Node* call = m->kid(1);
  CHECK(call->line == 6);
  CHECK(call->column == 3);
  CHECK(call->args()[1]->line == 7);
  CHECK(call->args()[1]->column == 7);
  ParseResult d = parse("defmodule M do\n  def f(x) do\n    x\n  end\nend");
  REQUIRE(d.complete());
  const Node* def = section(d.exprs[0], "do");
  CHECK(def->line == 2);
  CHECK(def->column == 3);
  CHECK(section(def, "do")->line == 3);
  CHECK(section(def, "do")->column == 5);
}

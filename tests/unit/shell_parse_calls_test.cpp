// Calls in the shell language: local, remote, anonymous, without
// parentheses, captures, keyword sugar, access, module attributes; and the
// shape the evaluator sees for each.
#include <catch2/catch.hpp>

#include "shell/parser.hpp"
#include "shell/printer.hpp"
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
std::string name_of(const Node* n) { return std::string(n->name.name()); }
}  // namespace

TEST_CASE("a local call with parentheses has its name and arguments", "[shell][parse][calls]") {
  One c("foo(1, x)");
  CHECK(c.n->kind == NodeKind::LocalCall);
  CHECK(name_of(c.n) == "foo");
  REQUIRE(c.n->args().size() == 2);
  CHECK(c.n->args()[0]->value == Term::integer(1));
  CHECK_FALSE(c.n->has(kNoParens));
  CHECK(One("foo()").n->args().empty());
}

TEST_CASE("an identifier alone is a variable in the tree", "[shell][parse][calls]") {
  One v("foo");
  CHECK(v.n->kind == NodeKind::Var);
  CHECK(name_of(v.n) == "foo");
  CHECK(One("__MODULE__").n->kind == NodeKind::Var);
  CHECK(One("_ignored").n->kind == NodeKind::Var);
}

TEST_CASE("remote calls name their module expression", "[shell][parse][calls]") {
  One r("Enum.map(list, f)");
  CHECK(r.n->kind == NodeKind::RemoteCall);
  CHECK(name_of(r.n) == "map");
  CHECK(r.n->target()->value == Term::atom("Elixir.Enum"));
  CHECK(r.n->args().size() == 2);
  One e(":erlang.abs(-1)");
  CHECK(e.n->target()->value == Term::atom("erlang"));
  One z("Mod.fun");  // zero arity, no parentheses (or a map field: the evaluator decides)
  CHECK(z.n->kind == NodeKind::RemoteCall);
  CHECK(z.n->has(kNoParens));
  CHECK(z.n->args().empty());
  One q("map.key.other");
  CHECK(name_of(q.n) == "other");
  CHECK(name_of(q.n->target()) == "key");
  One op("Kernel.+(1, 2)");
  CHECK(name_of(op.n) == "+");
}

TEST_CASE("calls without parentheses take one or several arguments", "[shell][parse][calls]") {
  One p("IO.puts \"hi\"");
  CHECK(p.n->kind == NodeKind::RemoteCall);
  CHECK(p.n->has(kNoParens));
  REQUIRE(p.n->args().size() == 1);
  CHECK(p.n->args()[0]->value == Term::binary("hi"));
  One many("foo a, b, c");
  CHECK(many.n->args().size() == 3);
  One nested("raise ArgumentError, \"msg\"");
  CHECK(nested.n->args().size() == 2);
  One kw("foo x, a: 1, b: 2");
  REQUIRE(kw.n->args().size() == 2);
  const Node* list = kw.n->args()[1];
  CHECK(list->kind == NodeKind::List);
  CHECK(list->has(kKwList));
  CHECK(list->count == 2);
  One amb("f -1");
  CHECK(amb.n->has(kAmbiguousOp));
  CHECK(amb.n->args()[0]->op == Op::Minus);
}

TEST_CASE("anonymous calls apply a fun expression", "[shell][parse][calls]") {
  One a("fun.(1, 2)");
  CHECK(a.n->kind == NodeKind::AnonCall);
  CHECK(a.n->target()->kind == NodeKind::Var);
  CHECK(a.n->args().size() == 2);
  One chain("f.(1).(2)");
  CHECK(chain.n->target()->kind == NodeKind::AnonCall);
  One e("(fn -> 1 end).()");
  CHECK(e.n->target()->kind == NodeKind::Fn);
}

TEST_CASE("pipes take calls on their right", "[shell][parse][calls]") {
  One p("list |> Enum.map(&(&1 * 2)) |> Enum.sum()");
  CHECK(p.n->op == Op::Pipe);
  CHECK(p.n->kid(0)->op == Op::Pipe);
  CHECK(p.n->kid(1)->kind == NodeKind::RemoteCall);
  CHECK(to_source(p.n) == "list |> Enum.map(&(&1 * 2)) |> Enum.sum()");
}

TEST_CASE("captures: function references, arguments and expressions", "[shell][parse][calls]") {
  One r("&Enum.map/2");
  CHECK(r.n->kind == NodeKind::CaptureFn);
  CHECK(name_of(r.n) == "map");
  CHECK(r.n->value == Term::integer(2));
  REQUIRE(r.n->count == 1);
  CHECK(r.n->kid(0)->value == Term::atom("Elixir.Enum"));
  One l("&is_atom/1");
  CHECK(l.n->kind == NodeKind::CaptureFn);
  CHECK(l.n->count == 0);
  One e("&:erlang.+/2");
  CHECK(name_of(e.n) == "+");
  One body("&(&1 + &2)");
  CHECK(body.n->kind == NodeKind::UnaryOp);
  CHECK(body.n->op == Op::Capture);
  const Node* plus = body.n->kid(0);
  CHECK(plus->kid(0)->kind == NodeKind::CaptureArg);
  CHECK(plus->kid(1)->value == Term::integer(2));
  One call("&Map.put(&1, :k, 1)");
  CHECK(call.n->kid(0)->kind == NodeKind::RemoteCall);
}

TEST_CASE("access, pins and module attributes", "[shell][parse][calls]") {
  One a("map[:key]");
  CHECK(a.n->kind == NodeKind::Access);
  CHECK(a.n->kid(1)->value == Term::atom("key"));
  One nested("a.b[1][2]");
  CHECK(nested.n->kid(0)->kind == NodeKind::Access);
  One pin("^x = 1");
  CHECK(pin.n->kid(0)->op == Op::Pin);
  One doc("@doc \"text\"");
  CHECK(doc.n->kind == NodeKind::Attr);
  CHECK(name_of(doc.n) == "doc");
  REQUIRE(doc.n->count == 1);
  CHECK(doc.n->kid(0)->value == Term::binary("text"));
  One impl("@impl true");
  CHECK(impl.n->kid(0)->value == Term::boolean(true));
  One read("@attr");
  CHECK(read.n->kind == NodeKind::Attr);
  CHECK(read.n->count == 0);
}

TEST_CASE("alias, import, require and use are ordinary calls", "[shell][parse][calls]") {
  One a("alias Foo.Bar, as: B");
  CHECK(a.n->kind == NodeKind::LocalCall);
  CHECK(name_of(a.n) == "alias");
  REQUIRE(a.n->args().size() == 2);
  CHECK(a.n->args()[0]->value == Term::atom("Elixir.Foo.Bar"));
  One m("alias Foo.{A, B}");
  const Node* multi = m.n->args()[0];
  CHECK(multi->kind == NodeKind::RemoteCall);
  CHECK(name_of(multi) == "{}");
  CHECK(multi->args().size() == 2);
  CHECK(name_of(One("import Enum, only: [map: 2]").n) == "import");
  CHECK(name_of(One("require Logger").n) == "require");
  One u("use GenServer");
  CHECK(u.n->args()[0]->value == Term::atom("Elixir.GenServer"));
}

TEST_CASE("calls print back as Elixir source", "[shell][parse][calls]") {
  CHECK(to_source(One("IO.puts \"hi\"").n) == "IO.puts(\"hi\")");
  CHECK(to_source(One("f(x, a: 1)").n) == "f(x, a: 1)");
  CHECK(to_source(One("%{a => 1, b: [c: 2]}").n) == "%{a => 1, b: [c: 2]}");
  CHECK(to_source(One("&Mod.fun/2").n) == "&Mod.fun/2");
  CHECK(to_source(One("\"a #{b} c\"").n) == "\"a #{b} c\"");
  CHECK(to_source(One("[1, 2 | t]").n) == "[1, 2 | t]");
  CHECK(to_source(One("%User{name: \"x\"}").n) == "%User{name: \"x\"}");
  CHECK(to_source(One("fun.(1)").n) == "fun.(1)");
}

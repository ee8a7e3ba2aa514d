// Literals of the shell language: numbers, atoms, aliases, strings with
// escapes and interpolation, heredocs, charlists, sigils; values are Terms.
#include <catch2/catch.hpp>

#include "shell/lexer.hpp"
#include "shell/parser.hpp"
#include "term/term.hpp"

using namespace otp;
using namespace otp::shell;

namespace {
// The single top-level expression of `src`; the parse result stays alive.
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
Term value(std::string_view src) {
  One o(src);
  REQUIRE(o.n->kind == NodeKind::Literal);
  return o.n->value;
}
}  // namespace

TEST_CASE("integer literals in every base and with underscores are integers", "[shell][parse][literals]") {
  CHECK(value("42") == Term::integer(42));
  CHECK(value("1_000") == Term::integer(1000));
  CHECK(value("0x1F") == Term::integer(31));
  CHECK(value("0o17") == Term::integer(15));
  CHECK(value("0b1010") == Term::integer(10));
  CHECK(value("0xFF_FF") == Term::integer(65535));
  Term big = value("123456789012345678901234567890");
  CHECK(big.is_bignum());
  CHECK(big == Term::integer(BigInt("123456789012345678901234567890")));
  CHECK(value("0x1FFFFFFFFFFFFFFFFF") == Term::integer(BigInt("0x1FFFFFFFFFFFFFFFFF")));
}

TEST_CASE("character literals are their code points", "[shell][parse][literals]") {
  One a("?a");
  CHECK(a.n->value == Term::integer(97));
  CHECK(a.n->has(kCharLiteral));
  CHECK(value("?\\n") == Term::integer(10));
  CHECK(value("?\\s") == Term::integer(32));
  CHECK(value("?\\\\") == Term::integer(92));
  CHECK(value("?é") == Term::integer(233));
}

TEST_CASE("float literals need digits on both sides of the point", "[shell][parse][literals]") {
  CHECK(value("1.5") == Term::from_double(1.5));
  CHECK(value("1.0e3") == Term::from_double(1000.0));
  CHECK(value("1.0E-5") == Term::from_double(1.0e-5));
  CHECK(value("1_0.2_5") == Term::from_double(10.25));
  ParseResult r = parse("1e3");
  REQUIRE(r.status == ParseStatus::Error);
  CHECK(r.error->description.rfind("invalid character \"e\" after number 1.", 0) == 0);
}

TEST_CASE("atoms: plain, quoted, operators and the reserved words", "[shell][parse][literals]") {
  CHECK(value(":ok") == Term::atom("ok"));
  CHECK(value(":foo?") == Term::atom("foo?"));
  CHECK(value(":Foo") == Term::atom("Foo"));
  CHECK(value(":\"quoted atom\"") == Term::atom("quoted atom"));
  CHECK(value(":'single'") == Term::atom("single"));
  CHECK(value(":+") == Term::atom("+"));
  CHECK(value(":<<>>") == Term::atom("<<>>"));
  CHECK(value(":...") == Term::atom("..."));
  CHECK(value(":\\\\") == Term::atom("\\\\"));
  CHECK(value("true") == Term::boolean(true));
  CHECK(value("false") == Term::boolean(false));
  CHECK(value("nil") == Term());
  One i(":\"a#{x}b\"");
  CHECK(i.n->kind == NodeKind::Interp);
  CHECK(i.n->interp_kind() == InterpKind::Atom);
  CHECK(i.n->count == 3);
}

TEST_CASE("aliases carry their segments and the Elixir. atom", "[shell][parse][literals]") {
  One a("Foo.Bar");
  CHECK(a.n->kind == NodeKind::Alias);
  CHECK(a.n->value == Term::atom("Elixir.Foo.Bar"));
  REQUIRE(a.n->count == 2);
  CHECK(a.n->kid(1)->value == Term::atom("Bar"));
  CHECK(One("Elixir.Foo").n->value == Term::atom("Elixir.Foo"));
  One d("__MODULE__.Sub");
  CHECK(d.n->kind == NodeKind::Alias);
  CHECK(d.n->value == Term());  // resolved at run time
  CHECK(d.n->kid(0)->kind == NodeKind::Var);
}

TEST_CASE("strings process escapes and split interpolations into parts", "[shell][parse][literals]") {
  CHECK(value("\"a\\tb\\n\\\"c\\\" \\\\ \\e\\s\"") == Term::binary("a\tb\n\"c\" \\ \x1b "));
  CHECK(value("\"\\x41\\u0042\\u{43}\\u00e9\"") == Term::binary("ABC\xc3\xa9"));
  CHECK(value("\"\\xFF\"") == Term::binary("\xff"));
  CHECK(value("\"line\\\ncontinued\"") == Term::binary("linecontinued"));
  CHECK(value("\"\\#{not interpolated}\"") == Term::binary("#{not interpolated}"));
  One s("\"a #{x} b #{1 + 2}\"");
  REQUIRE(s.n->kind == NodeKind::Interp);
  CHECK(s.n->interp_kind() == InterpKind::String);
  REQUIRE(s.n->count == 4);
  CHECK(s.n->kid(0)->has(kStrPart));
  CHECK(s.n->kid(0)->value == Term::binary("a "));
  CHECK(s.n->kid(1)->kind == NodeKind::Var);
  CHECK(s.n->kid(2)->value == Term::binary(" b "));
  CHECK(s.n->kid(3)->kind == NodeKind::BinaryOp);
  CHECK(s.n->kid(1)->column == 6);  // positions inside the string are exact
  One nested("\"#{\"in #{x}\"}\"");
  CHECK(nested.n->kid(0)->kind == NodeKind::Interp);
}

TEST_CASE("heredocs strip the closing delimiter's indentation", "[shell][parse][literals]") {
  CHECK(value("\"\"\"\n  one\n    two\n  \"\"\"") == Term::binary("one\n  two\n"));
  CHECK(value("\"\"\"\nflush\n\"\"\"") == Term::binary("flush\n"));
  CHECK(value("'''\n  cl\n  '''") == Term::charlist("cl\n"));
  One h("x = \"\"\"\n    a #{b}\n    \"\"\"");
  const Node* s = h.n->kid(1);
  REQUIRE(s->kind == NodeKind::Interp);
  CHECK(s->kid(0)->value == Term::binary("a "));
  CHECK(s->kid(2)->value == Term::binary("\n"));
}

TEST_CASE("charlists are lists of code points", "[shell][parse][literals]") {
  One c("'abc'");
  CHECK(c.n->value == Term::list({Term::integer(97), Term::integer(98), Term::integer(99)}));
  CHECK(c.n->has(kCharlist));
  CHECK(value("'é\\n'") == Term::list({Term::integer(233), Term::integer(10)}));
  One i("'a#{x}'");
  CHECK(i.n->kind == NodeKind::Interp);
  CHECK(i.n->interp_kind() == InterpKind::Charlist);
}

TEST_CASE("sigils keep their raw text, letter and modifiers", "[shell][parse][literals]") {
  One w("~w(a b c)a");
  REQUIRE(w.n->kind == NodeKind::Sigil);
  CHECK(w.n->name.name() == "sigil_w");
  REQUIRE(w.n->count == 1);
  CHECK(w.n->kid(0)->value == Term::binary("a b c"));
  CHECK(w.n->value == Term::charlist("a"));
  CHECK(One("~w[x y]").n->kid(0)->value == Term::binary("x y"));
  CHECK(One("~s{a\\nb}").n->kid(0)->value == Term::binary("a\\nb"));  // the sigil unescapes, not the parser
  CHECK(One("~r/a+\\/b/i").n->kid(0)->value == Term::binary("a+/b"));
  CHECK(One("~c'x'").n->name.name() == "sigil_c");
  One upper("~S(no #{interpolation})");
  CHECK(upper.n->kid(0)->value == Term::binary("no #{interpolation}"));
  One lower("~s(#{x}!)");
  CHECK(lower.n->count == 2);
  CHECK(lower.n->kid(0)->kind == NodeKind::Var);
  std::string out, err;
  CHECK(unescape_string("a\\tb\\u00e9", out));
  CHECK(out == "a\tb\xc3\xa9");
  out.clear();
  CHECK_FALSE(unescape_string("\\uZZ", out, &err));
  CHECK(err == "invalid Unicode escape character, expected \\uHHHH or \\u{H*} where H is a hexadecimal digit");
}

TEST_CASE("collections: tuples, lists, keywords, maps, structs, bitstrings", "[shell][parse][literals]") {
  One t("{1, :two, \"three\"}");
  CHECK(t.n->kind == NodeKind::Tuple);
  CHECK(t.n->count == 3);
  One l("[1, 2 | rest]");
  CHECK(l.n->kind == NodeKind::List);
  CHECK(l.n->count == 2);
  REQUIRE(l.n->x != nullptr);
  CHECK(l.n->x->name.name() == "rest");
  One kw("[a: 1, \"b c\": 2]");
  REQUIRE(kw.n->count == 2);
  CHECK(kw.n->kid(0)->kind == NodeKind::Tuple);
  CHECK(kw.n->kid(0)->has(kKwPair));
  CHECK(kw.n->kid(1)->kid(0)->value == Term::atom("b c"));
  One m("%{a => 1, b: 2}");
  CHECK(m.n->kind == NodeKind::Map);
  REQUIRE(m.n->count == 4);
  CHECK(m.n->kid(0)->kind == NodeKind::Var);
  CHECK(m.n->kid(2)->value == Term::atom("b"));
  One u("%{m | k: v}");
  CHECK(u.n->kind == NodeKind::MapUpdate);
  CHECK(u.n->count == 3);
  One s("%User{name: \"x\"}");
  CHECK(s.n->kind == NodeKind::Struct);
  CHECK(s.n->kid(0)->value == Term::atom("Elixir.User"));
  CHECK(s.n->kid(1)->kind == NodeKind::Map);
  One b("<<1, x::8, rest::binary>>");
  CHECK(b.n->kind == NodeKind::Bitstring);
  CHECK(b.n->count == 3);
  CHECK(b.n->kid(1)->op == Op::Type);
  One r("1..10");
  CHECK(r.n->op == Op::Range);
}

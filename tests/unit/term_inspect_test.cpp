// inspect beyond the transcripts; every expectation was printed by real
// Elixir 1.14 (`elixir -e 'IO.inspect(...)'`).
#include <catch2/catch.hpp>

#include "term/fun.hpp"
#include "term/term.hpp"

using namespace otp;

namespace {
Term i(int64_t v) { return Term::integer(v); }
Term f(double v) { return Term::from_double(v); }
Term a(const char* s) { return Term::atom(s); }
Term s(std::string v) { return Term::binary(v); }
Term l(std::initializer_list<Term> e, Term tail = Term::empty_list()) { return Term::list(e, std::move(tail)); }
Term kw(const char* k, Term v) { return Term::tuple({a(k), std::move(v)}); }
Term range(int from, int to) {
  std::vector<Term> v;
  for (int n = from; n <= to; ++n) v.push_back(i(n));
  return Term::list(v);
}
struct TestFun : FunObject {
  using FunObject::FunObject;
};
}  // namespace

TEST_CASE("atoms are quoted exactly when Elixir quotes them", "[term][inspect]") {
  const std::pair<const char*, const char*> cases[] = {
      {"::", ":\"::\""},       {"..", ":.."},           {"..//", ":..//"},     {"not in", ":\"not in\""},
      {"\\\\", ":\\\\"},       {"=>", ":\"=>\""},       {"&&&", ":&&&"},       {"->", ":->"},
      {"%{}", ":%{}"},         {"{}", ":{}"},           {"<<>>", ":<<>>"},     {"foo@bar", ":foo@bar"},
      {"Foo.bar", ":\"Foo.bar\""}, {"Elixir.foo", ":\"Elixir.foo\""}, {"Elixir", "Elixir"},
      {"Elixir.Elixir", "Elixir.Elixir"}, {"_", ":_"}, {"é", ":é"},             {"foo!", ":foo!"},
      {"foo?bar", ":\"foo?bar\""}, {"@", ":@"},          {"not", ":not"},       {"when", ":when"},
      {"|>", ":|>"},           {"<|>", ":\"<|>\""},     {"~~~", ":\"~~~\""},   {"^^^", ":\"^^^\""},
      {"//", ":\"//\""},       {"", ":\"\""},           {"a\"b", ":\"a\\\"b\""}, {"a\nb", ":\"a\\nb\""},
      {"A-b", ":\"A-b\""},     {"Foo!", ":Foo!"},       {"_1", ":_1"},         {"=", ":="},
      {"<-", ":<-"},           {"true", "true"},        {"---", ":---"},       {"<~>", ":<~>"}};
  for (auto [name, expected] : cases) {
    INFO(name);
    CHECK(inspect(a(name)) == expected);
  }
}

TEST_CASE("keyword keys are quoted exactly when Elixir quotes them", "[term][inspect]") {
  CHECK(inspect(l({kw("::", i(1))})) == "[\"::\": 1]");
  CHECK(inspect(l({kw("Elixir", i(1))})) == "[\"Elixir\": 1]");
  CHECK(inspect(l({kw("+", i(1))})) == "[+: 1]");
  CHECK(inspect(l({kw("true", i(1))})) == "[true: 1]");
  CHECK(inspect(l({kw("Elixir.Foo", i(1))})) == "[{Foo, 1}]");
  CHECK(inspect(l({kw("my key", l({kw("x", i(1))})), kw("ok", Term::map({{s("a"), l({f(1.5)})}}))})) ==
        "[\"my key\": [x: 1], ok: %{\"a\" => [1.5]}]");
}

TEST_CASE("a float prints the shortest way that round-trips", "[term][inspect][float]") {
  CHECK(inspect(f(1.0e15)) == "1000000000000000.0");
  CHECK(inspect(f(123456789012345.6)) == "123456789012345.6");
  CHECK(inspect(f(1234567890123456.7)) == "1234567890123456.8");
  CHECK(inspect(f(12345678901234567.0)) == "1.2345678901234568e16");
  CHECK(inspect(f(0.001)) == "0.001");
  CHECK(inspect(f(0.0001)) == "0.0001");
  CHECK(inspect(f(0.00012345)) == "1.2345e-4");
  CHECK(inspect(f(5.0e-324)) == "5.0e-324");
  CHECK(inspect(f(1.7976931348623157e308)) == "1.7976931348623157e308");
  CHECK(inspect(f(-0.0)) == "-0.0");
  CHECK(inspect(f(0.0)) == "0.0");
  CHECK(inspect(f(1.0e22)) == "1.0e22");
  CHECK(inspect(f(9007199254740993.0)) == "9007199254740992.0");
  CHECK(inspect(f(0.0025)) == "0.0025");
  CHECK(inspect(f(123.456)) == "123.456");
  CHECK(inspect(f(1.0e-10)) == "1.0e-10");
  CHECK(inspect(f(123.456e-10)) == "1.23456e-8");
  CHECK(inspect(f(-1.5e300)) == "-1.5e300");
}

TEST_CASE("integers print in decimal, bignums included", "[term][inspect]") {
  CHECK(inspect(Term::integer(BigInt("-123456789012345678901234567890"))) == "-123456789012345678901234567890");
  CHECK(inspect(i(Term::kSmallMin)) == std::to_string(Term::kSmallMin));
}

TEST_CASE("strings escape like Elixir and non-printable binaries print as bytes", "[term][inspect]") {
  CHECK(inspect(s("\x7f")) == "\"\\d\"");
  CHECK(inspect(s("\a\x1b")) == "\"\\a\\e\"");
  CHECK(inspect(s("#{x}")) == "\"\\#{x}\"");
  CHECK(inspect(s("back\\slash")) == "\"back\\\\slash\"");
  CHECK(inspect(s("\u00a0\u2028 1")) == "\"\u00a0\u2028 1\"");
  CHECK(inspect(s("a\x07\x7f\x1b" + std::string(1, '\0') + "x")) == "<<97, 7, 127, 27, 0, 120>>");
  CHECK(inspect(s("\xc3\xa9\xff")) == "<<195, 169, 255>>");
  CHECK(inspect(s("\xed\xa0\x80")) == "<<237, 160, 128>>");  // a surrogate is not UTF-8
  CHECK(inspect(s("")) == "\"\"");
  CHECK(inspect(s(std::string(60, '\0'))) ==
        "<<0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,\n"
        "  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...>>");
  CHECK(inspect(s(std::string(50, '\1'))) ==
        "<<1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,\n"
        "  1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1>>");
}

TEST_CASE("printable lists of integers print as charlists", "[term][inspect]") {
  CHECK(inspect(Term::charlist("hello")) == "'hello'");
  CHECK(inspect(l({i(104), i(0)})) == "[104, 0]");
  CHECK(inspect(l({i('a'), i(127)})) == "[97, 127]");
  CHECK(inspect(l({i('a'), i(7)})) == "'a\\a'");
  CHECK(inspect(l({i('a'), i('\'')})) == "'a\\''");
  CHECK(inspect(l({i('a'), i(31)})) == "[97, 31]");
}

TEST_CASE("the limit shrinks for each element and passes down to nested containers", "[term][inspect]") {
  InspectOptions two;
  two.limit = 2;
  CHECK(inspect(Term::map({{a("a"), i(1)}, {a("b"), l({i(1), i(2)})}}), two) == "%{a: 1, b: [...]}");
  InspectOptions three;
  three.limit = 3;
  CHECK(inspect(l({range(1, 3), range(4, 6)}), three) == "[[1, 2, ...], [4, ...]]");
  CHECK(inspect(Term::tuple({i(1), i(2), i(3), i(4)}), two) == "{1, 2, ...}");
  InspectOptions one;
  one.limit = 1;
  CHECK(inspect(l({i(1), i(2)}, i(3)), one) == "[1, ...]");
}

TEST_CASE("containers fill or break lines as Inspect.Algebra does", "[term][inspect]") {
  Term m = Term::map({{a("list"), range(1, 40)}, {a("name"), s("a fairly long string value that goes on")}});
  CHECK(inspect(m) ==
        "%{\n"
        "  list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,\n"
        "   21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39,\n"
        "   40],\n"
        "  name: \"a fairly long string value that goes on\"\n"
        "}");
  Term t = Term::tuple({a("a"), s(std::string(70, 'b')), a("c"), l({i(1), i(2)}, a("tail"))});
  CHECK(inspect(t) ==
        "{:a, \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\",\n"
        " :c, [1, 2 | :tail]}");
  CHECK(inspect(l({s(std::string(90, 'a')), i(1)})) == "[\"" + std::string(90, 'a') + "\",\n 1]");
  InspectOptions narrow;
  narrow.width = 40;
  CHECK(inspect(range(1, 30), narrow) ==
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,\n"
        " 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n"
        " 23, 24, 25, 26, 27, 28, 29, 30]");
  InspectOptions flat;
  flat.pretty = false;
  CHECK(inspect(range(1, 30), flat).find('\n') == std::string::npos);
  CHECK(inspect(l({f(-0.0), f(1.0e-4), f(123.456e-10), f(5.0e-324), f(1.7976931348623157e308), f(2.0e15),
                   f(9007199254740993.0), f(1.0e100)})) ==
        "[-0.0, 0.0001, 1.23456e-8, 5.0e-324, 1.7976931348623157e308, 2000000000000000.0,\n"
        " 9007199254740992.0, 1.0e100]");
}

TEST_CASE("maps with non-atom keys use => for every pair", "[term][inspect]") {
  CHECK(inspect(Term::map({{s("b"), i(2)}, {a("a"), i(1)}, {a("c"), i(3)}})) == "%{:a => 1, :c => 3, \"b\" => 2}");
  CHECK(inspect(Term::map({{a("Elixir.Foo"), i(2)}, {a("a b"), i(1)}})) == "%{Foo => 2, :\"a b\" => 1}");
}

TEST_CASE("pids, references and funs print in their # forms", "[term][inspect]") {
  CHECK(inspect(Term(Pid{110, 0})) == "#PID<0.110.0>");
  CHECK(inspect(Term(Ref{(uint64_t{1} << 40) | (uint64_t{2} << 20) | 3})) == "#Reference<0.1.2.3>");
  Term ext = Term::fun(new TestFun(Atom::intern("Elixir.String"), "upcase", 1, true));
  CHECK(inspect(ext) == "&String.upcase/1");
  Term loc = Term::fun(new TestFun(Atom::intern("erl_eval"), "expr/6", 0, false, 7, 99));
  CHECK(inspect(loc) == "#Function<7.99/0 in :erl_eval.expr/6>");
}

TEST_CASE("structs print as maps when unregistered or when their keys differ", "[term][inspect][struct]") {
  Term m = Term::map({{Term(atom::__struct__), a("Elixir.Unregistered")}, {a("x"), i(1)}});
  CHECK(inspect(m) == "%{__struct__: Unregistered, x: 1}");
}

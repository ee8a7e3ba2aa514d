// inspect against the real IEx transcripts in ../shared/conformance: every
// expected string must also appear verbatim (as whole lines) in NAME.out.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "term/fun.hpp"
#include "term/struct.hpp"
#include "term/term.hpp"

using namespace otp;

namespace {

std::string conformance_dir() {
  if (const char* env = std::getenv("OTP_CONFORMANCE_DIR")) return env;
#ifdef OTP_CONFORMANCE_DIR
  return OTP_CONFORMANCE_DIR;
#else
  std::string file = __FILE__;  // [<root>/]tests/unit/this.cpp
  std::size_t pos = file.rfind("tests/unit/");
  std::string root = (pos == 0 || pos == std::string::npos) ? "." : file.substr(0, pos - 1);
  return root + "/../shared/conformance";
#endif
}

std::string transcript(const std::string& name) {
  std::ifstream in(conformance_dir() + "/" + name + ".out");
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return "\n" + ss.str() + "\n";
}

// As normalize.py: pids, references and fun indices are masked.
std::string normalize(std::string s) {
  s = std::regex_replace(s, std::regex("#PID<[0-9.]+>"), "#PID<*>");
  s = std::regex_replace(s, std::regex("#Reference<[0-9.]+>"), "#Reference<*>");
  return std::regex_replace(s, std::regex("#Function<[0-9]+\\.[0-9]+/"), "#Function<*/");
}

void check(const std::string& name, const Term& t, const std::string& expected) {
  INFO(name << ": " << expected);
  REQUIRE(transcript(name).find("\n" + expected + "\n") != std::string::npos);
  CHECK(normalize(inspect(t)) == expected);
}

Term i(int64_t v) { return Term::integer(v); }
Term f(double v) { return Term::from_double(v); }
Term a(const char* s) { return Term::atom(s); }
Term s(const char* v) { return Term::binary(v); }
Term t(std::initializer_list<Term> e) { return Term::tuple(e); }
Term l(std::initializer_list<Term> e) { return Term::list(e); }
Term range(int from, int to) {
  std::vector<Term> v;
  for (int n = from; n <= to; ++n) v.push_back(i(n));
  return Term::list(v);
}
Term m(std::initializer_list<std::pair<Term, Term>> e) { return Term::map(e); }
Term kw(const char* k, Term v) { return t({a(k), std::move(v)}); }

struct TestFun : FunObject {
  using FunObject::FunObject;
};

}  // namespace

TEST_CASE("atoms print as in the t1_atoms transcript", "[term][inspect][conformance]") {
  check("t1_atoms", a("ok"), ":ok");
  check("t1_atoms", a("hello world"), ":\"hello world\"");
  check("t1_atoms", Term::boolean(true), "true");
  check("t1_atoms", Term(), "nil");
  check("t1_atoms", a("Elixir.Foo"), "Foo");
  check("t1_atoms", a("Elixir.Foo.Bar"), "Foo.Bar");
  check("t1_atoms", a("erlang"), ":erlang");
  check("t1_atoms", a("Foo"), ":Foo");
  check("t1_atoms", a("with-dash"), ":\"with-dash\"");
  check("t1_atoms", a("123abc"), ":\"123abc\"");
  check("t1_atoms", a("foo?"), ":foo?");
  check("t1_atoms", a("+"), ":+");
}

TEST_CASE("numbers print as in the t1_numbers transcript", "[term][inspect][conformance]") {
  check("t1_numbers", i(3), "3");
  check("t1_numbers", f(2.5), "2.5");
  check("t1_numbers", i(-1), "-1");
  check("t1_numbers", i(1000000), "1000000");
  check("t1_numbers", i(31), "31");
  check("t1_numbers", Term::integer(BigInt(1) << 100), "1267650600228229401496703205376");
  check("t1_numbers", i(25), "25");
  check("t1_numbers", s("FF"), "\"FF\"");
  check("t1_numbers", f(0.1 + 0.2), "0.30000000000000004");
  check("t1_numbers", f(1.0e10), "10000000000.0");
  check("t1_numbers", f(1.0e16), "1.0e16");
  check("t1_numbers", f(1.0e-5), "1.0e-5");
  check("t1_numbers", f(1.0 / 3), "0.3333333333333333");
  check("t1_numbers", f(6.0), "6.0");
  check("t1_numbers", f(100.0), "100.0");
  check("t1_numbers", f(3.14), "3.14");
  check("t1_numbers", Term::boolean(false), "false");
  // The operands in the ArithmeticError line of the same transcript.
  CHECK(transcript("t1_numbers").find(":erlang.*(1.5e300, 10000000000.0)") != std::string::npos);
  CHECK(inspect(f(1.5e300)) + ", " + inspect(f(1.0e10)) == "1.5e300, 10000000000.0");
}

TEST_CASE("strings and binaries print as in the t1_strings transcript", "[term][inspect][conformance]") {
  check("t1_strings", s("hello"), "\"hello\"");
  check("t1_strings", s("ab"), "\"ab\"");
  check("t1_strings", s("héllo"), "\"héllo\"");
  check("t1_strings", i(5), "5");
  check("t1_strings", i(6), "6");
  check("t1_strings", s("line1\nline2"), "\"line1\\nline2\"");
  check("t1_strings", a("ok"), ":ok");
  check("t1_strings", s("2 apples"), "\"2 apples\"");
  check("t1_strings", s("hi"), "\"hi\"");
  check("t1_strings", Term::binary(std::string("\xFF\x00", 2)), "<<255, 0>>");
  check("t1_strings", Term::binary(std::string("abc\0", 4)), "<<97, 98, 99, 0>>");
  check("t1_strings", s("quote\"d"), "\"quote\\\"d\"");
  check("t1_strings", s("tab\there"), "\"tab\\there\"");
  check("t1_strings", s("ELIXIR"), "\"ELIXIR\"");
  check("t1_strings", l({s("a"), s("b"), s("c")}), "[\"a\", \"b\", \"c\"]");
  check("t1_strings", s("x"), "\"x\"");
  REQUIRE(transcript("t1_strings").find("\nseen: " + inspect(s("x")) + "\n") != std::string::npos);
}

TEST_CASE("tuples and lists print as in the t1_tuples_lists transcript", "[term][inspect][conformance]") {
  check("t1_tuples_lists", t({i(1), a("two"), s("three")}), "{1, :two, \"three\"}");
  check("t1_tuples_lists", a("b"), ":b");
  check("t1_tuples_lists", t({a("x"), i(2)}), "{:x, 2}");
  check("t1_tuples_lists", l({i(1), i(2), i(3)}), "[1, 2, 3]");
  check("t1_tuples_lists", Term::cons(i(1), i(2)), "[1 | 2]");
  check("t1_tuples_lists", l({i(2), i(3)}), "[2, 3]");
  check("t1_tuples_lists", l({i(1), i(3), i(2)}), "[1, 3, 2]");
  check("t1_tuples_lists", range(1, 30),
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n"
        " 23, 24, 25, 26, 27, 28, 29, 30]");
  check("t1_tuples_lists", range(1, 60),
        "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n"
        " 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42,\n"
        " 43, 44, 45, 46, 47, 48, 49, 50, ...]");
  check("t1_tuples_lists", t({}), "{}");
  check("t1_tuples_lists", Term::empty_list(), "[]");
}

TEST_CASE("keyword lists print as in the t1_keyword transcript", "[term][inspect][conformance]") {
  check("t1_keyword", l({kw("a", i(1)), kw("b", i(2))}), "[a: 1, b: 2]");
  check("t1_keyword", l({kw("a", i(1)), t({s("b"), i(2)})}), "[{:a, 1}, {\"b\", 2}]");
  check("t1_keyword", l({kw("a", i(1)), kw("a", i(2))}), "[a: 1, a: 2]");
  check("t1_keyword", l({i(1), i(2)}), "[1, 2]");
  check("t1_keyword", l({kw("my key", i(1))}), "[\"my key\": 1]");
  check("t1_keyword", l({kw("B", i(1))}), "[B: 1]");
  check("t1_keyword", l({t({a("a"), i(1), i(2)})}), "[{:a, 1, 2}]");
  check("t1_keyword", l({kw("timeout", i(100)), kw("retries", i(3))}), "[timeout: 100, retries: 3]");
  check("t1_keyword", l({kw("timeout", i(5)), kw("retries", i(3))}), "[timeout: 5, retries: 3]");
}

TEST_CASE("maps print sorted with keyword or => syntax as in t1_maps", "[term][inspect][conformance]") {
  check("t1_maps", m({{a("b"), i(2)}, {a("a"), i(1)}}), "%{a: 1, b: 2}");
  check("t1_maps", m({{s("k"), i(1)}, {s("a"), i(2)}}), "%{\"a\" => 2, \"k\" => 1}");
  check("t1_maps", m({{i(1), a("x")}, {a("a"), i(2)}, {s("s"), i(3)}}), "%{1 => :x, :a => 2, \"s\" => 3}");
  Term ann = m({{a("name"), s("Ann")}, {a("age"), i(30)}});
  check("t1_maps", ann, "%{age: 30, name: \"Ann\"}");
  check("t1_maps", ann.map_put(a("city"), s("Oslo")), "%{age: 30, city: \"Oslo\", name: \"Ann\"}");
  check("t1_maps", ann.map_put(a("age"), i(31)), "%{age: 31, name: \"Ann\"}");
  check("t1_maps", *ann.map_get(a("name")), "\"Ann\"");
  check("t1_maps", Term(), "nil");
  check("t1_maps", m({}), "%{}");
  REQUIRE(transcript("t1_maps").find("key :zzz not found in: " + inspect(ann) + "\n") != std::string::npos);
}

TEST_CASE("a map of more than 32 keys prints one pair per line (in key order, not BEAM's hash order)",
          "[term][inspect]") {
  std::vector<std::pair<Term, Term>> entries;
  for (int n = 1; n <= 40; ++n) entries.emplace_back(i(n), i(n * n));
  std::string out = inspect(Term::map(entries));
  CHECK(out.substr(0, 16) == "%{\n  1 => 1,\n  2");
  CHECK(out.substr(out.size() - 14) == "  40 => 1600\n}");
  // Every line of our output is a line of the transcript, give or take the
  // trailing comma (the order differs, so the last pair differs).
  std::string tr = transcript("t1_maps");
  std::stringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == ',') line.pop_back();
    INFO(line);
    CHECK((tr.find("\n" + line + ",\n") != std::string::npos || tr.find("\n" + line + "\n") != std::string::npos));
  }
}

TEST_CASE("nested containers break over 80 columns as in t1_nested", "[term][inspect][conformance]") {
  Term users = m({{a("users"),
                   l({m({{a("name"), s("alice")},
                         {a("roles"), l({a("admin"), a("dev")})},
                         {a("meta"), m({{a("age"), i(30)}, {a("tags"), l({s("x"), s("y")})}})}}),
                      m({{a("name"), s("bob")},
                         {a("roles"), l({})},
                         {a("meta"), m({{a("age"), i(25)}, {a("tags"), l({})}})}})})}});
  check("t1_nested", users,
        "%{\n"
        "  users: [\n"
        "    %{meta: %{age: 30, tags: [\"x\", \"y\"]}, name: \"alice\", roles: [:admin, :dev]},\n"
        "    %{meta: %{age: 25, tags: []}, name: \"bob\", roles: []}\n"
        "  ]\n"
        "}");
  Term payloads =
      t({a("ok"), l({m({{a("id"), i(1)}, {a("payload"), t({a("data"), l({i(1), i(2), i(3)}), s("some longer string here")})}}),
                     m({{a("id"), i(2)}, {a("payload"), t({a("data"), l({i(4), i(5), i(6)}), s("another string value")})}})})});
  check("t1_nested", payloads,
        "{:ok,\n"
        " [\n"
        "   %{id: 1, payload: {:data, [1, 2, 3], \"some longer string here\"}},\n"
        "   %{id: 2, payload: {:data, [4, 5, 6], \"another string value\"}}\n"
        " ]}");
  Term deep = l({l({i(1), l({i(2), l({i(3), l({i(4), l({i(5)})})})})}), t({t({a("a"), t({a("b"), t({a("c")})})})})});
  check("t1_nested", deep, "[[1, [2, [3, [4, [5]]]]], {{:a, {:b, {:c}}}}]");
  Term kv = m({{a("key"), a("value")}, {a("other"), s("text")}});
  check("t1_nested", l({kv, kv, kv, kv}),
        "[\n"
        "  %{key: :value, other: \"text\"},\n"
        "  %{key: :value, other: \"text\"},\n"
        "  %{key: :value, other: \"text\"},\n"
        "  %{key: :value, other: \"text\"}\n"
        "]");
  Term err = t({a("error"), t({a("badmatch"), l({kw("timeout", i(5000)), kw("retries", i(3)),
                                                 kw("backoff", a("exponential")),
                                                 kw("on_error", a("log_and_continue"))})})});
  check("t1_nested", err,
        "{:error,\n"
        " {:badmatch,\n"
        "  [\n"
        "    timeout: 5000,\n"
        "    retries: 3,\n"
        "    backoff: :exponential,\n"
        "    on_error: :log_and_continue\n"
        "  ]}}");
}

TEST_CASE("structs, funs and pids print as in the t3/t5 transcripts", "[term][inspect][conformance]") {
  register_struct(atom::elixir_runtime_error, {atom::message, atom::__exception__});
  Term e = m({{Term(atom::__struct__), Term(atom::elixir_runtime_error)},
              {Term(atom::__exception__), Term::boolean(true)},
              {Term(atom::message), s("x")}});
  check("t3_raise", e, "%RuntimeError{message: \"x\"}");
  Atom task = Atom::intern("Elixir.Task");
  register_struct(task, {Atom::intern("mfa"), Atom::intern("owner"), Atom::intern("pid"), Atom::intern("ref")});
  Term tk = m({{Term(atom::__struct__), Term(task)},
               {a("mfa"), t({a("erlang"), a("apply"), i(2)})},
               {a("owner"), Term(Pid{110, 0})},
               {a("pid"), Term(Pid{111, 0})},
               {a("ref"), Term(Ref{0x123456789ABCull})}});
  check("t5_task", tk,
        "%Task{\n"
        "  mfa: {:erlang, :apply, 2},\n"
        "  owner: #PID<*>,\n"
        "  pid: #PID<*>,\n"
        "  ref: #Reference<*>\n"
        "}");
  check("t5_task", l({kw("ok", i(2)), kw("ok", i(4)), kw("ok", i(6))}), "[ok: 2, ok: 4, ok: 6]");
  check("t5_task", t({a("ok"), a("later")}), "{:ok, :later}");
  Term fun = Term::fun(new TestFun(Atom::intern("erl_eval"), "expr/6", 1, false, 42, 3316493));
  CHECK(inspect(fun) == "#Function<42.3316493/1 in :erl_eval.expr/6>");
  CHECK(transcript("t3_function_clause").find(normalize(inspect(fun))) != std::string::npos);
}

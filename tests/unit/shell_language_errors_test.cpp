// The shell's error machinery below the evaluator: IEx's blame
// (blame_exception), String.jaro_distance, the exception structs and
// Exception.* texts, the bit-syntax reader/writer and File's native
// implementation. Whole-language behaviour is in tests/language/ (run by
// shell_language_files_test.cpp).
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include "shell/lib/bitstring.hpp"
#include "shell_lib_helpers.hpp"

using namespace otp;
using namespace otp::test::lib;

namespace {

std::string blamed(Term reason, Term stacktrace) {
  Term e = shell::blame_exception(reason, stacktrace);
  return shell::exception_message(e);
}

Term frame(const char* op, std::initializer_list<Term> args) {
  return L({T({A("erlang"), A(op), L(args), L({})})});
}

}  // namespace

TEST_CASE("IEx blames arithmetic errors with the operator frame only at the prompt", "[shell][errors][blame]") {
  LeakCheck leaks;
  Term badarith = A("badarith");
  CHECK(blamed(badarith, frame("/", {I(1), I(0)})) == "bad argument in arithmetic expression: 1 / 0");
  CHECK(blamed(badarith, frame("-", {A("a")})) == "bad argument in arithmetic expression: -(:a)");
  CHECK(blamed(badarith, frame("div", {I(1), I(0)})) == "bad argument in arithmetic expression: div(1, 0)");
  CHECK(blamed(badarith, frame("band", {I(1), A("a")})) == "bad argument in arithmetic expression: Bitwise.band(1, :a)");
  CHECK(blamed(badarith, frame("*", {F(1.5e300), F(1.0e10)})) ==
        "bad argument in arithmetic expression: 1.5e300 * 10000000000.0");
  // no operator frame (compiled module code, crash reports): the plain text
  CHECK(blamed(badarith, L({})) == "bad argument in arithmetic expression");
  CHECK(shell::exception_message(badarith) == "bad argument in arithmetic expression");
}

TEST_CASE("arithmetic errors raise plain badarith with BEAM's first frame", "[shell][errors][blame]") {
  LeakCheck leaks;
  try {
    call("Kernel", "/", {I(1), I(0)});
    FAIL("no error");
  } catch (const ErlangError& e) {
    CHECK(e.reason == A("badarith"));
    CHECK(inspect(e.stacktrace) == "[{:erlang, :/, [1, 0], []}]");
  }
  CHECK(err("Kernel", "*", {F(1.5e300), F(1.0e10)}) ==
        "** (ArithmeticError) bad argument in arithmetic expression: 1.5e300 * 10000000000.0");
}

TEST_CASE("String.jaro_distance gives Elixir's values", "[shell][errors][blame]") {
  CHECK(shell::jaro_distance("Dwayne", "Duane") == Approx(0.8222222222222223));
  CHECK(shell::jaro_distance("even", "odd") == 0.0);
  CHECK(shell::jaro_distance("mapp", "map") == Approx(0.9166666666666666));
  CHECK(shell::jaro_distance("upcase", "downcase") == Approx(0.7222222222222222));
  CHECK(shell::jaro_distance("martha", "marhta") == Approx(0.9444444444444445));
  CHECK(shell::jaro_distance("jellyfish", "smellyfish") == Approx(0.8962962962962964));
  CHECK(shell::jaro_distance("same", "same") == 1.0);
  CHECK(shell::jaro_distance("", "x") == 0.0);
}

TEST_CASE("UndefinedFunctionError suggests functions as Elixir 1.14 does", "[shell][errors][blame]") {
  LeakCheck leaks;
  Term e = shell::make_exception(Atom::intern("Elixir.UndefinedFunctionError"),
                                 {{Atom::intern("module"), A("Elixir.String")},
                                  {Atom::intern("function"), A("upcase")},
                                  {Atom::intern("arity"), I(3)}});
  CHECK(shell::exception_message(e) == "function String.upcase/3 is undefined or private");
  CHECK(blamed(e, L({})) ==
        "function String.upcase/3 is undefined or private. Did you mean:\n\n      * upcase/1\n      * upcase/2\n");
  Term missing = shell::make_exception(Atom::intern("Elixir.UndefinedFunctionError"),
                                       {{Atom::intern("module"), A("Elixir.Nope")},
                                        {Atom::intern("function"), A("f")},
                                        {Atom::intern("arity"), I(0)}});
  CHECK(blamed(missing, L({})) == "function Nope.f/0 is undefined (module Nope is not available)");
  InspectOptions one_line;
  one_line.pretty = false;
  CHECK(inspect(missing, one_line) ==
        "%UndefinedFunctionError{module: Nope, function: :f, arity: 0, reason: nil, message: nil}");
}

TEST_CASE("KeyError suggests the keys of atom-keyed maps and keyword lists", "[shell][errors][blame]") {
  LeakCheck leaks;
  Term e = shell::make_exception(Atom::intern("Elixir.KeyError"),
                                 {{Atom::intern("key"), A("aple")}, {Atom::intern("term"), M({{A("apple"), I(1)}})}});
  CHECK(blamed(e, L({})) == "key :aple not found in: %{apple: 1}. Did you mean:\n\n      * :apple\n");
  Term s = shell::make_exception(Atom::intern("Elixir.KeyError"),
                                 {{Atom::intern("key"), A("aple")}, {Atom::intern("term"), M({{S("apple"), I(1)}})}});
  CHECK(blamed(s, L({})) == "key :aple not found in: %{\"apple\" => 1}");
}

TEST_CASE("exception structs have Elixir's fields, defaults and exception/1", "[shell][errors]") {
  LeakCheck leaks;
  CHECK(ev("RuntimeError", "__struct__", {}) == "%RuntimeError{message: \"runtime error\"}");
  CHECK(ev("KeyError", "exception", {L({KV("key", A("k")), KV("term", M({}))})}) ==
        "%KeyError{key: :k, term: %{}, message: nil}");
  CHECK(ev("ArgumentError", "exception", {S("m")}) == "%ArgumentError{message: \"m\"}");
  CHECK(err("MatchError", "exception", {S("x")}).rfind("** (FunctionClauseError) no function clause matching in "
                                                      "MatchError.exception/1",
                                                      0) == 0);
  CHECK(ev("Exception", "format_banner", {A("error"), A("badarg")}) == "\"** (ArgumentError) argument error\"");
  CHECK(ev("Exception", "format", {A("error"), A("badarith"), frame("/", {I(1), I(0)})}) ==
        "\"** (ArithmeticError) bad argument in arithmetic expression\\n    :erlang./(1, 0)\\n\"");
  CHECK(ev("Exception", "normalize", {A("error"), A("foo")}) == "%ErlangError{original: :foo, reason: nil}");
  CHECK(ev("Exception", "message", {M({{A("__struct__"), A("Elixir.CompileError")},
                                       {A("__exception__"), A("true")},
                                       {A("file"), Nil()},
                                       {A("line"), Nil()},
                                       {A("description"), S("compile error")}})}) == "\" compile error\"");
}

TEST_CASE("the bit-syntax writer and reader agree on every segment type", "[shell][bitstring]") {
  LeakCheck leaks;
  using shell::bits::Spec;
  using shell::bits::Type;
  shell::bits::Writer w;
  // {type, size, unit, signed, little, sized}
  Spec i16{Type::Integer, 16, 1, true, true, true};
  Spec f32{Type::Float, 32, 1, false, false, true};
  Spec u8{Type::Utf8, -1, 1, false, false, false};
  Spec u16{Type::Utf16, -1, 1, false, true, false};
  Spec nib{Type::Integer, 4, 1, false, false, true};
  Spec big{Type::Integer, 72, 1, true, false, true};
  w.append(I(-2), i16, 1);
  w.append(F(1.5), f32, 2);
  w.append(I(0x1F600), u8, 3);
  w.append(I(0x1F600), u16, 4);
  w.append(I(10), nib, 5);
  w.append(I(11), nib, 6);
  w.append(I(-1), big, 7);
  Term bin = w.finish();
  shell::bits::Reader r(bin.bytes());
  Term got;
  REQUIRE(r.read(i16, &got));
  CHECK(inspect(got) == "-2");
  REQUIRE(r.read(f32, &got));
  CHECK(inspect(got) == "1.5");
  REQUIRE(r.read(u8, &got));
  CHECK(inspect(got) == "128512");
  REQUIRE(r.read(u16, &got));
  CHECK(inspect(got) == "128512");
  REQUIRE(r.read(nib, &got));
  CHECK(inspect(got) == "10");
  REQUIRE(r.read(nib, &got));
  CHECK(inspect(got) == "11");
  REQUIRE(r.read(big, &got));
  CHECK(inspect(got) == "-1");
  CHECK(r.at_end());
  shell::bits::Writer half;
  half.append(I(1), nib, 1);
  CHECK_THROWS_AS(half.finish(), ErlangError);  // <<1::4>>: not representable here
}

TEST_CASE("File reads and writes natively and reports POSIX reasons", "[shell][file]") {
  LeakCheck leaks;
  CHECK(ev("File", "read", {S("/nonexistent/file")}) == "{:error, :enoent}");
  CHECK(err("File", "read!", {S("/nonexistent/file")}) ==
        "** (File.Error) could not read file \"/nonexistent/file\": no such file or directory");
  CHECK(ev("File", "exists?", {S("/nonexistent/file")}) == "false");
#ifndef __EMSCRIPTEN__
  std::string path = (std::filesystem::temp_directory_path() / "otp_shell_file_test.txt").string();
  CHECK(ev("File", "write", {S(path.c_str()), L({S("ab"), I('c')})}) == ":ok");
  CHECK(ev("File", "write", {S(path.c_str()), S("d"), L({A("append")})}) == ":ok");
  CHECK(ev("File", "read", {S(path.c_str())}) == "{:ok, \"abcd\"}");
  CHECK(ev("File", "exists?", {S(path.c_str())}) == "true");
  CHECK(ev("File", "read", {S(std::filesystem::temp_directory_path().string().c_str())}) == "{:error, :eisdir}");
  std::remove(path.c_str());
#endif
}

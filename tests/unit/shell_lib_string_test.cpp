// String, Integer and Float as Elixir 1.14 computes them (expected values
// printed by real Elixir for the same calls).
#include "shell_lib_helpers.hpp"

using namespace otp;
using namespace otp::test::lib;

namespace {
const std::string kBad = "** (ArgumentError) errors were found at the given arguments:\n\n  * ";
}

TEST_CASE("String case, trimming, splitting and replacing", "[shell][lib][string]") {
  LeakCheck leaks;
  CHECK(ev("String", "upcase", {S("stra\xc3\x9f" "e \xc3\xa9")}) == "\"STRASSE \xc3\x89\"");
  CHECK(ev("String", "downcase", {S("\xc3\x80\xc3\x89\xc3\x8e \xce\xa3\xce\x91\xce\xa3")}) ==
        "\"\xc3\xa0\xc3\xa9\xc3\xae \xcf\x83\xce\xb1\xcf\x83\"");
  CHECK(ev("String", "upcase", {S("abc"), A("ascii")}) == "\"ABC\"");
  CHECK(ev("String", "downcase", {S("\xc3\x80" "B"), A("ascii")}) == "\"\xc3\x80" "b\"");
  CHECK(ev("String", "capitalize", {S("hELLO wORLD")}) == "\"Hello world\"");
  CHECK(ev("String", "capitalize", {S("\xc3\xa9lan")}) == "\"\xc3\x89lan\"");
  CHECK(ev("String", "capitalize", {S("\xc3\xa1" "BC"), A("ascii")}) == "\"\xc3\xa1" "bc\"");
  CHECK(ev("String", "trim", {S("\xc2\xa0 a \xe3\x80\x80\n")}) == "\"a\"");
  CHECK(ev("String", "trim", {S("xxaxx"), S("x")}) == "\"a\"");
  CHECK(ev("String", "trim_leading", {S("  a ")}) == "\"a \"");
  CHECK(ev("String", "trim_leading", {S("xxa"), S("x")}) == "\"a\"");
  CHECK(ev("String", "trim_trailing", {S("a  \n")}) == "\"a\"");
  CHECK(ev("String", "trim_trailing", {S("axx"), S("x")}) == "\"a\"");
  CHECK(ev("String", "split", {S("  a b\tc \n")}) == "[\"a\", \"b\", \"c\"]");
  CHECK(ev("String", "split", {S("a,b,,c"), S(",")}) == "[\"a\", \"b\", \"\", \"c\"]");
  CHECK(ev("String", "split", {S("a,b,,c"), S(","), L({KV("trim", A("true"))})}) == "[\"a\", \"b\", \"c\"]");
  CHECK(ev("String", "split", {S("a,b,c"), S(","), L({KV("parts", I(2))})}) == "[\"a\", \"b,c\"]");
  CHECK(ev("String", "split", {S("abc"), S("")}) == "[\"\", \"a\", \"b\", \"c\", \"\"]");
  CHECK(ev("String", "split", {S("ab"), S(""), L({KV("trim", A("true"))})}) == "[\"a\", \"b\"]");
  CHECK(ev("String", "split", {S(""), S(",")}) == "[\"\"]");
  CHECK(ev("String", "split", {S("a-b_c"), L({S("-"), S("_")})}) == "[\"a\", \"b\", \"c\"]");
  CHECK(ev("String", "split", {S("a  b"), S(" ")}) == "[\"a\", \"\", \"b\"]");
  CHECK(ev("String", "replace", {S("a,b,c"), S(","), S("-")}) == "\"a-b-c\"");
  CHECK(ev("String", "replace", {S("a,b,c"), S(","), S("-"), L({KV("global", A("false"))})}) == "\"a-b,c\"");
  CHECK(ev("String", "replace", {S("abc"), S(""), S("-")}) == "\"-a-b-c-\"");
  CHECK(ev("String", "replace", {S("abc"), L({S("a"), S("c")}), S("x")}) == "\"xbx\"");
  CHECK(ev("String", "replace", {S("aaa"), S("a"), fn1([](const Term& m) {
          return Term::binary(std::string(m.bytes()) + std::string(m.bytes()));
        })}) == "\"aaaaaa\"");
  CHECK(ev("String", "replace_prefix", {S("hello"), S("he"), S("ye")}) == "\"yello\"");
  CHECK(ev("String", "replace_suffix", {S("hello"), S("lo"), S("p")}) == "\"help\"");
  CHECK(ev("String", "contains?", {S("hello"), L({S("x"), S("ll")})}) == "true");
  CHECK(ev("String", "contains?", {S("hello"), S("")}) == "true");
  CHECK(ev("String", "starts_with?", {S("hello"), L({S("he"), S("x")})}) == "true");
  CHECK(ev("String", "ends_with?", {S("hello"), S("lo")}) == "true");
  CHECK(ev("String", "ends_with?", {S("hello"), S("x")}) == "false");
}

TEST_CASE("String positions count graphemes", "[shell][lib][string]") {
  LeakCheck leaks;
  CHECK(ev("String", "length", {S("h\xc3\xa9llo")}) == "5");
  CHECK(ev("String", "length", {S("e\xcc\x81")}) == "1");
  CHECK(ev("String", "length", {S("\xf0\x9f\x87\xab\xf0\x9f\x87\xb7")}) == "1");
  CHECK(ev("String", "length", {S("\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd")}) == "1");
  CHECK(ev("String", "graphemes", {S("e\xcc\x81" "a")}) == "[\"e\xcc\x81\", \"a\"]");
  CHECK(ev("String", "graphemes", {S("\r\nx")}) == "[\"\\r\\n\", \"x\"]");
  CHECK(ev("String", "codepoints", {S("e\xcc\x81" "a")}) == "[\"e\", \"\xcc\x81\", \"a\"]");
  CHECK(ev("String", "reverse", {S("h\xc3\xa9llo")}) == "\"oll\xc3\xa9h\"");
  CHECK(ev("String", "reverse", {S("e\xcc\x81" "a")}) == "\"ae\xcc\x81\"");
  CHECK(ev("String", "slice", {S("hello"), R(1, 3)}) == "\"ell\"");
  CHECK(ev("String", "slice", {S("hello"), R(-3, -1)}) == "\"llo\"");
  CHECK(ev("String", "slice", {S("hello"), R(2, 100)}) == "\"llo\"");
  CHECK(ev("String", "slice", {S("h\xc3\xa9llo"), R(1, -1, 2)}) == "\"\xc3\xa9l\"");
  CHECK(ev("String", "slice", {S("hello"), I(1), I(2)}) == "\"el\"");
  CHECK(ev("String", "slice", {S("hello"), I(10), I(2)}) == "\"\"");
  CHECK(ev("String", "slice", {S("hello"), I(-2), I(10)}) == "\"lo\"");
  CHECK(ev("String", "at", {S("h\xc3\xa9llo"), I(1)}) == "\"\xc3\xa9\"");
  CHECK(ev("String", "at", {S("abc"), I(-1)}) == "\"c\"");
  CHECK(ev("String", "at", {S("abc"), I(5)}) == "nil");
  CHECK(ev("String", "first", {S("")}) == "nil");
  CHECK(ev("String", "last", {S("abc")}) == "\"c\"");
  CHECK(ev("String", "split_at", {S("hello"), I(2)}) == "{\"he\", \"llo\"}");
  CHECK(ev("String", "split_at", {S("hello"), I(-1)}) == "{\"hell\", \"o\"}");
  CHECK(ev("String", "duplicate", {S("ab"), I(3)}) == "\"ababab\"");
  CHECK(ev("String", "pad_leading", {S("7"), I(3), S("0")}) == "\"007\"");
  CHECK(ev("String", "pad_trailing", {S("ab"), I(5), S("xy")}) == "\"abxyx\"");
  CHECK(ev("String", "pad_leading", {S("abc"), I(2)}) == "\"abc\"");
  CHECK(ev("String", "pad_trailing", {S("a"), I(3)}) == "\"a  \"");
  CHECK(ev("String", "pad_leading", {S("\xc3\xa9"), I(3), S("ab")}) == "\"ab\xc3\xa9\"");
  CHECK(ev("String", "valid?", {Term::binary("\xff")}) == "false");
  CHECK(ev("String", "printable?", {Term::binary(std::string("a\0", 2))}) == "false");
}

TEST_CASE("String conversions raise the BIFs' argument errors", "[shell][lib][string]") {
  LeakCheck leaks;
  CHECK(ev("String", "to_integer", {S("-42")}) == "-42");
  CHECK(ev("String", "to_integer", {S("+5")}) == "5");
  CHECK(ev("String", "to_integer", {S("ff"), I(16)}) == "255");
  CHECK(ev("String", "to_float", {S("1.5e3")}) == "1500.0");
  CHECK(ev("String", "to_float", {S("-1.5")}) == "-1.5");
  CHECK(ev("String", "to_atom", {S("hello world")}) == ":\"hello world\"");
  CHECK(ev("String", "to_existing_atom", {S("ok")}) == ":ok");
  CHECK(ev("String", "to_charlist", {S("h\xc3\xa9llo")}) == "[104, 233, 108, 108, 111]");
  CHECK(err("String", "to_integer", {S("x")}) == kBad + "1st argument: not a textual representation of an integer\n");
  CHECK(err("String", "to_integer", {S(" 5")}) == kBad + "1st argument: not a textual representation of an integer\n");
  CHECK(err("String", "to_integer", {S("1_000")}) == kBad + "1st argument: not a textual representation of an integer\n");
  CHECK(err("String", "to_integer", {S("1"), I(40)}) == kBad + "2nd argument: not an integer in the range 2 through 36\n");
  CHECK(err("String", "to_integer", {I(1)}) == kBad + "1st argument: not a binary\n");
  for (const char* s : {"1", "1e5", ".5", "1."})
    CHECK(err("String", "to_float", {S(s)}) == kBad + "1st argument: not a textual representation of a float\n");
  CHECK(err("String", "to_atom", {I(1)}) == kBad + "1st argument: not a binary\n");
  CHECK(err("String", "to_existing_atom", {S("zzqq_not_there")}) == kBad + "1st argument: not an already existing atom\n");
  CHECK(err("String", "duplicate", {S("a"), I(-1)}) == kBad + "2nd argument: out of range\n");
  CHECK(err("String", "split", {S("a"), I(1)}) == kBad + "2nd argument: not a valid pattern\n");
  CHECK(err("String", "split", {I(1)}) == kBad + "1st argument: not a binary\n");
}

TEST_CASE("String's FunctionClauseErrors name the function and its arguments", "[shell][lib][string]") {
  LeakCheck leaks;
  CHECK(err("String", "upcase", {I(1)}) ==
        "** (FunctionClauseError) no function clause matching in String.upcase/2\n\nThe following arguments were "
        "given to String.upcase/2:\n\n    # 1\n    1\n\n    # 2\n    :default\n\nAttempted function clauses "
        "(showing 4 out of 4):\n\n    def upcase(\"\", _mode)\n    def upcase(string, :default) when "
        "is_binary(string)\n    def upcase(string, :ascii) when is_binary(string)\n    def upcase(string, mode) when "
        "is_binary(string) and mode === :greek or mode === :turkic\n");
  for (const char* f : {"length", "reverse", "graphemes", "trim"})
    CHECK(err("String", f, {I(1)}).rfind("** (FunctionClauseError) no function clause matching in String." + std::string(f) + "/1", 0) == 0);
  CHECK(err("String", "slice", {I(1), I(0), I(1)}).rfind("** (FunctionClauseError) no function clause matching in String.slice/3", 0) == 0);
  CHECK(err("String", "at", {S("abc"), A("a")}).rfind("** (FunctionClauseError) no function clause matching in String.at/2", 0) == 0);
  CHECK(err("String", "contains?", {I(1), S("a")}).rfind("** (FunctionClauseError) no function clause matching in String.contains?/2", 0) == 0);
  CHECK(err("String", "replace", {I(1), S("a"), S("b")}).rfind("** (FunctionClauseError) no function clause matching in String.replace/4", 0) == 0);
  CHECK(err("String", "pad_leading", {S("a"), I(-1)}).rfind("** (FunctionClauseError) no function clause matching in String.pad_leading/3", 0) == 0);
}

TEST_CASE("Integer parses, prints and divides as Elixir does", "[shell][lib][number]") {
  LeakCheck leaks;
  CHECK(ev("Integer", "parse", {S("12abc")}) == "{12, \"abc\"}");
  CHECK(ev("Integer", "parse", {S("+5")}) == "{5, \"\"}");
  CHECK(ev("Integer", "parse", {S("1_000")}) == "{1, \"_000\"}");
  CHECK(ev("Integer", "parse", {S(" 1")}) == ":error");
  CHECK(ev("Integer", "parse", {S("-")}) == ":error");
  CHECK(ev("Integer", "parse", {S("FFg"), I(16)}) == "{255, \"g\"}");
  CHECK(ev("Integer", "parse", {S("123456789012345678901234567890")}) == "{123456789012345678901234567890, \"\"}");
  CHECK(err("Integer", "parse", {S("1"), I(37)}) == "** (ArgumentError) invalid base 37");
  CHECK(err("Integer", "parse", {I(1)}).rfind("** (FunctionClauseError) no function clause matching in Integer.parse/2", 0) == 0);
  CHECK(ev("Integer", "to_string", {I(255), I(16)}) == "\"FF\"");
  CHECK(ev("Integer", "to_string", {I(-255), I(2)}) == "\"-11111111\"");
  CHECK(ev("Integer", "to_string", {I(42)}) == "\"42\"");
  CHECK(ev("Integer", "to_charlist", {I(42)}) == "'42'");
  CHECK(ev("Integer", "to_charlist", {I(255), I(16)}) == "'FF'");
  CHECK(err("Integer", "to_string", {F(1.5)}) == kBad + "1st argument: not an integer\n");
  CHECK(ev("Integer", "digits", {I(123)}) == "[1, 2, 3]");
  CHECK(ev("Integer", "digits", {I(-123)}) == "[-1, -2, -3]");
  CHECK(ev("Integer", "digits", {I(255), I(16)}) == "[15, 15]");
  CHECK(ev("Integer", "undigits", {L({I(1), I(2), I(3)})}) == "123");
  CHECK(ev("Integer", "undigits", {L({I(15), I(15)}), I(16)}) == "255");
  CHECK(ev("Integer", "pow", {I(2), I(100)}) == "1267650600228229401496703205376");
  CHECK(ev("Integer", "gcd", {I(12), I(-18)}) == "6");
  CHECK(ev("Integer", "mod", {I(-7), I(3)}) == "2");
  CHECK(ev("Integer", "floor_div", {I(-7), I(2)}) == "-4");
  CHECK(ev("Integer", "is_even", {I(4)}) == "true");
  CHECK(ev("Integer", "is_odd", {I(4)}) == "false");
  CHECK(err("Integer", "mod", {I(1), I(0)}) == "** (ArithmeticError) bad argument in arithmetic expression: rem(1, 0)");
  CHECK(err("Integer", "digits", {F(1.5)}).rfind("** (FunctionClauseError) no function clause matching in Integer.digits/2", 0) == 0);
}

TEST_CASE("Float rounds the exact decimal value and parses prefixes", "[shell][lib][number]") {
  LeakCheck leaks;
  CHECK(ev("Float", "round", {F(2.675), I(2)}) == "2.67");
  CHECK(ev("Float", "round", {F(0.125), I(2)}) == "0.13");
  CHECK(ev("Float", "round", {F(-0.125), I(2)}) == "-0.13");
  CHECK(ev("Float", "round", {F(5.5675), I(3)}) == "5.567");
  CHECK(ev("Float", "round", {F(1.5)}) == "2.0");
  CHECK(ev("Float", "round", {F(-0.4)}) == "0.0");
  CHECK(ev("Float", "round", {F(-0.001), I(2)}) == "0.0");
  CHECK(ev("Float", "round", {F(-0.006), I(2)}) == "-0.01");
  CHECK(ev("Float", "round", {F(0.1 + 0.2), I(15)}) == "0.3");
  CHECK(ev("Float", "round", {F(1.0e20), I(2)}) == "1.0e20");
  CHECK(ev("Float", "ceil", {F(1.234), I(2)}) == "1.24");
  CHECK(ev("Float", "ceil", {F(1.0000001), I(3)}) == "1.001");
  CHECK(ev("Float", "ceil", {F(-0.5)}) == "-0.0");
  CHECK(ev("Float", "ceil", {F(-0.001), I(2)}) == "0.0");
  CHECK(ev("Float", "floor", {F(-1.234), I(2)}) == "-1.24");
  CHECK(ev("Float", "floor", {F(-0.5)}) == "-1.0");
  CHECK(ev("Float", "floor", {F(1.0e300), I(2)}) == "1.0e300");
  CHECK(err("Float", "round", {F(1.5), I(16)}) == "** (ArgumentError) precision 16 is out of valid range of 0..15");
  CHECK(err("Float", "round", {I(1), I(2)}).rfind("** (FunctionClauseError) no function clause matching in Float.round/2", 0) == 0);
  CHECK(err("Float", "ceil", {I(1)}).rfind("** (FunctionClauseError) no function clause matching in Float.ceil/2", 0) == 0);
  CHECK(ev("Float", "parse", {S("1.5abc")}) == "{1.5, \"abc\"}");
  CHECK(ev("Float", "parse", {S("1")}) == "{1.0, \"\"}");
  CHECK(ev("Float", "parse", {S("1e5")}) == "{100000.0, \"\"}");
  CHECK(ev("Float", "parse", {S("1.5e")}) == "{1.5, \"e\"}");
  CHECK(ev("Float", "parse", {S("1.5e+3x")}) == "{1500.0, \"x\"}");
  CHECK(ev("Float", "parse", {S(".5")}) == ":error");
  CHECK(ev("Float", "parse", {S("1.")}) == "{1.0, \".\"}");
  CHECK(ev("Float", "parse", {S("1.0e400")}) == ":error");
  CHECK(ev("Float", "parse", {S("0.1e-2")}) == "{0.001, \"\"}");
  CHECK(ev("Float", "to_string", {F(1.0e16)}) == "\"1.0e16\"");
  CHECK(ev("Float", "to_charlist", {F(0.5)}) == "'0.5'");
  CHECK(err("Float", "to_string", {I(1)}).rfind("** (FunctionClauseError) no function clause matching in Float.to_string/1", 0) == 0);
}

// :erlang, :lists, :maps and :math as OTP 25 computes them, seen from
// Elixir 1.14 (expected values printed by real Elixir for the same calls).
#include "node_fixture.hpp"
#include "shell_lib_helpers.hpp"

using namespace otp;
using namespace otp::test;
using namespace otp::test::lib;

namespace {
const std::string kBad = "** (ArgumentError) errors were found at the given arguments:\n\n  * ";
Term twice() { return fn1([](const Term& x) { return mul(x, I(2)); }); }
}  // namespace

TEST_CASE(":erlang BIFs convert terms as OTP 25 does", "[shell][lib][erlang]") {
  LeakCheck leaks;
  CHECK(ev(":erlang", "element", {I(2), T({A("a"), A("b")})}) == ":b");
  CHECK(ev(":erlang", "setelement", {I(1), T({A("a")}), A("x")}) == "{:x}");
  CHECK(ev(":erlang", "tuple_to_list", {T({I(1), I(2)})}) == "[1, 2]");
  CHECK(ev(":erlang", "list_to_tuple", {L({I(1)})}) == "{1}");
  CHECK(ev(":erlang", "make_tuple", {I(3), A("x")}) == "{:x, :x, :x}");
  CHECK(ev(":erlang", "make_tuple", {I(2), I(0), L({T({I(2), A("y")})})}) == "{0, :y}");
  CHECK(ev(":erlang", "append_element", {T({I(1)}), I(2)}) == "{1, 2}");
  CHECK(ev(":erlang", "insert_element", {I(1), T({I(2)}), I(1)}) == "{1, 2}");
  CHECK(ev(":erlang", "delete_element", {I(1), T({I(1), I(2)})}) == "{2}");
  CHECK(ev(":erlang", "atom_to_binary", {A("ok")}) == "\"ok\"");
  CHECK(ev(":erlang", "atom_to_binary", {A("ok"), A("utf8")}) == "\"ok\"");
  CHECK(ev(":erlang", "atom_to_list", {A("abc")}) == "'abc'");
  CHECK(ev(":erlang", "binary_to_atom", {S("ok"), A("utf8")}) == ":ok");
  CHECK(ev(":erlang", "binary_to_existing_atom", {S("ok")}) == ":ok");
  CHECK(ev(":erlang", "binary_to_existing_atom", {S("ok"), A("utf8")}) == ":ok");
  CHECK(ev(":erlang", "binary_to_atom", {S("new_atom_here")}) == ":new_atom_here");
  CHECK(ev(":erlang", "list_to_atom", {Term::charlist("hi")}) == ":hi");
  CHECK(ev(":erlang", "list_to_existing_atom", {Term::charlist("ok")}) == ":ok");
  CHECK(ev(":erlang", "integer_to_binary", {I(255), I(16)}) == "\"FF\"");
  CHECK(ev(":erlang", "integer_to_binary", {I(-12)}) == "\"-12\"");
  CHECK(ev(":erlang", "integer_to_list", {I(10)}) == "'10'");
  CHECK(ev(":erlang", "integer_to_list", {I(255), I(16)}) == "'FF'");
  CHECK(ev(":erlang", "binary_to_integer", {S("ff"), I(16)}) == "255");
  CHECK(ev(":erlang", "list_to_integer", {Term::charlist("-12")}) == "-12");
  CHECK(ev(":erlang", "list_to_integer", {Term::charlist("z"), I(36)}) == "35");
  CHECK(ev(":erlang", "binary_to_float", {S("1.5")}) == "1.5");
  CHECK(ev(":erlang", "list_to_float", {Term::charlist("2.5")}) == "2.5");
  CHECK(ev(":erlang", "binary_to_list", {S("abc")}) == "'abc'");
  CHECK(ev(":erlang", "list_to_binary", {L({I('a'), S("b")})}) == "\"ab\"");
  CHECK(ev(":erlang", "iolist_to_binary", {L({S("a"), I('b'), L({S("c")})})}) == "\"abc\"");
  CHECK(ev(":erlang", "iolist_size", {L({S("ab"), I('c')})}) == "3");
  CHECK(ev(":erlang", "float_to_binary", {F(1.5)}) == "\"1.50000000000000000000e+00\"");
  CHECK(ev(":erlang", "float_to_binary", {F(0.1), L({A("short")})}) == "\"0.1\"");
  CHECK(ev(":erlang", "float_to_binary", {F(1.555), L({T({A("decimals"), I(2)})})}) == "\"1.55\"");
  CHECK(ev(":erlang", "float_to_binary", {F(1234.5), L({T({A("scientific"), I(3)})})}) == "\"1.234e+03\"");
  CHECK(ev(":erlang", "float_to_list", {F(1.5), L({T({A("decimals"), I(3)}), A("compact")})}) == "'1.5'");
  CHECK(ev(":erlang", "float_to_list", {F(0.1)}) == "'1.00000000000000005551e-01'");
}

TEST_CASE(":erlang conversion errors are OTP 25's error_info texts", "[shell][lib][erlang]") {
  LeakCheck leaks;
  CHECK(err(":erlang", "element", {I(1), T({})}) == kBad + "1st argument: out of range\n");
  CHECK(err(":erlang", "element", {A("a"), A("b")}) == kBad + "1st argument: not an integer\n  * 2nd argument: not a tuple\n");
  CHECK(err(":erlang", "setelement", {I(5), T({I(1)}), I(2)}) == kBad + "1st argument: out of range\n");
  CHECK(err(":erlang", "tuple_to_list", {I(1)}) == kBad + "1st argument: not a tuple\n");
  CHECK(err(":erlang", "list_to_tuple", {A("x")}) == kBad + "1st argument: not a list\n");
  CHECK(err(":erlang", "atom_to_binary", {S("a")}) == kBad + "1st argument: not an atom\n");
  CHECK(err(":erlang", "atom_to_list", {I(1)}) == kBad + "1st argument: not an atom\n");
  CHECK(err(":erlang", "binary_to_atom", {I(1), A("utf8")}) == kBad + "1st argument: not a binary\n");
  CHECK(err(":erlang", "list_to_atom", {A("a")}) == kBad + "1st argument: not a list\n");
  CHECK(err(":erlang", "list_to_atom", {L({I(-1)})}) == kBad + "1st argument: not a list of characters\n");
  CHECK(err(":erlang", "integer_to_list", {A("a")}) == kBad + "1st argument: not an integer\n");
  CHECK(err(":erlang", "integer_to_binary", {I(10), I(99)}) == kBad + "2nd argument: not an integer in the range 2 through 36\n");
  CHECK(err(":erlang", "list_to_integer", {Term::charlist("x")}) == kBad + "1st argument: not a textual representation of an integer\n");
  CHECK(err(":erlang", "list_to_integer", {A("a")}) == kBad + "1st argument: not a list\n");
  CHECK(err(":erlang", "binary_to_integer", {S("x")}) == kBad + "1st argument: not a textual representation of an integer\n");
  CHECK(err(":erlang", "binary_to_float", {S("1")}) == kBad + "1st argument: not a textual representation of a float\n");
  CHECK(err(":erlang", "iolist_to_binary", {L({I(256)})}) == kBad + "1st argument: not an iodata term\n");
  CHECK(err(":erlang", "list_to_binary", {L({I(256)})}) == kBad + "1st argument: not an iolist term\n");
  CHECK(err(":erlang", "binary_to_list", {I(1)}) == kBad + "1st argument: not a binary\n");
  CHECK(err(":erlang", "make_tuple", {I(-1), I(0)}) == kBad + "1st argument: out of range\n");
  CHECK(err(":erlang", "append_element", {I(1), I(2)}) == kBad + "1st argument: not a tuple\n");
  CHECK(err(":erlang", "insert_element", {I(5), T({I(1)}), I(0)}) == kBad + "1st argument: out of range\n");
  CHECK(err(":erlang", "float_to_binary", {I(1)}) == kBad + "1st argument: not a float\n");
  CHECK(err(":erlang", "float_to_binary", {F(1.0), L({KV("compact", A("true"))})}) == kBad + "2nd argument: invalid option in list\n");
}

TEST_CASE(":erlang operators, guards and arithmetic as functions", "[shell][lib][erlang]") {
  LeakCheck leaks;
  CHECK(ev(":erlang", "abs", {I(-1)}) == "1");
  CHECK(ev(":erlang", "max", {I(1), I(2)}) == "2");
  CHECK(ev(":erlang", "min", {I(1), I(2)}) == "1");
  CHECK(ev(":erlang", "length", {L({I(1)})}) == "1");
  CHECK(ev(":erlang", "hd", {L({I(1)})}) == "1");
  CHECK(ev(":erlang", "tl", {L({I(1)})}) == "[]");
  CHECK(ev(":erlang", "tuple_size", {T({I(1)})}) == "1");
  CHECK(ev(":erlang", "byte_size", {S("ab")}) == "2");
  CHECK(ev(":erlang", "map_size", {M({})}) == "0");
  CHECK(ev(":erlang", "is_atom", {A("a")}) == "true");
  const std::vector<std::pair<const char*, Term>> kinds = {
      {"is_binary", S("a")},       {"is_bitstring", S("a")},     {"is_boolean", A("true")}, {"is_float", F(1.0)},
      {"is_function", twice()},    {"is_integer", I(1)},         {"is_list", L({})},        {"is_map", M({})},
      {"is_number", I(1)},         {"is_pid", Term(Pid{1, 0})},  {"is_reference", Term(Ref{1})}, {"is_tuple", T({})}};
  for (const auto& [guard, value] : kinds) {
    CHECK(ev(":erlang", guard, {value}) == "true");
    CHECK(ev(":erlang", guard, {A("x")}) == "false");
  }
  CHECK(ev(":erlang", "is_port", {I(1)}) == "false");
  CHECK(ev(":erlang", "is_function", {twice(), I(1)}) == "true");
  CHECK(ev(":erlang", "is_map_key", {A("a"), M({{A("a"), I(1)}})}) == "true");
  CHECK(ev(":erlang", "div", {I(7), I(2)}) == "3");
  CHECK(ev(":erlang", "rem", {I(7), I(2)}) == "1");
  CHECK(ev(":erlang", "round", {F(2.5)}) == "3");
  CHECK(ev(":erlang", "trunc", {F(2.5)}) == "2");
  CHECK(ev(":erlang", "ceil", {F(2.1)}) == "3");
  CHECK(ev(":erlang", "floor", {F(-2.1)}) == "-3");
  CHECK(ev(":erlang", "float", {I(3)}) == "3.0");
  CHECK(ev(":erlang", "+", {I(1), I(2)}) == "3");
  CHECK(ev(":erlang", "-", {I(1), I(2)}) == "-1");
  CHECK(ev(":erlang", "*", {I(3), F(0.5)}) == "1.5");
  CHECK(ev(":erlang", "/", {I(1), I(4)}) == "0.25");
  CHECK(ev(":erlang", "-", {I(4)}) == "-4");
  CHECK(ev(":erlang", "=:=", {I(1), F(1.0)}) == "false");
  CHECK(ev(":erlang", "==", {I(1), F(1.0)}) == "true");
  CHECK(ev(":erlang", "=/=", {I(1), F(1.0)}) == "true");
  CHECK(ev(":erlang", "/=", {I(1), I(2)}) == "true");
  CHECK(ev(":erlang", "=<", {I(1), I(1)}) == "true");
  CHECK(ev(":erlang", ">=", {I(1), I(2)}) == "false");
  CHECK(ev(":erlang", "<", {I(1), A("a")}) == "true");
  CHECK(ev(":erlang", ">", {I(1), A("a")}) == "false");
  CHECK(ev(":erlang", "band", {I(12), I(10)}) == "8");
  CHECK(ev(":erlang", "bor", {I(12), I(10)}) == "14");
  CHECK(ev(":erlang", "bxor", {I(5), I(3)}) == "6");
  CHECK(ev(":erlang", "bsl", {I(1), I(10)}) == "1024");
  CHECK(ev(":erlang", "bsr", {I(-9), I(1)}) == "-5");
  CHECK(ev(":erlang", "bnot", {I(5)}) == "-6");
  CHECK(ev(":erlang", "and", {A("true"), A("false")}) == "false");
  CHECK(ev(":erlang", "or", {A("true"), A("false")}) == "true");
  CHECK(ev(":erlang", "xor", {A("true"), A("false")}) == "true");
  CHECK(ev(":erlang", "not", {A("false")}) == "true");
  CHECK(ev(":erlang", "phash2", {A("a")}) == ev(":erlang", "phash2", {A("a")}));
  CHECK(call(":erlang", "phash2", {T({I(1), I(2)}), I(100)}).small() < 100);
  CHECK(ev(":erlang", "node", {}) == ":nonode@nohost");
  CHECK(err(":erlang", "+", {A("a"), I(1)}) == "** (ArithmeticError) bad argument in arithmetic expression: :a + 1");
  CHECK(err(":erlang", "/", {I(1), I(0)}) == "** (ArithmeticError) bad argument in arithmetic expression: 1 / 0");
  CHECK(err(":erlang", "bsl", {A("a"), I(1)}) == "** (ArithmeticError) bad argument in arithmetic expression: Bitwise.bsl(:a, 1)");
  CHECK(err(":erlang", "float", {A("a")}) == kBad + "1st argument: not a number\n");
  CHECK(err(":erlang", "and", {I(1), A("true")}) == "** (ArgumentError) argument error");
  CHECK(err(":erlang", "phash2", {I(1), I(0)}) == kBad + "1st argument: out of range\n");
  try {
    call(":erlang", "error", {A("my_reason")});
  } catch (const ErlangError& e) {
    CHECK(inspect(e.reason) == ":my_reason");
  }
  try {
    call(":erlang", "error", {A("other"), L({})});
  } catch (const ErlangError& e) {
    CHECK(inspect(e.reason) == ":other");
  }
}

TEST_CASE(":erlang time reads the node's clock in the unit asked for", "[shell][lib][erlang]") {
  NodeFixture f;
  f.node.advance(1500);
  std::string out;
  f.node.spawn([&](Process&) {
    out = ev(":erlang", "monotonic_time", {A("millisecond")}) + " " + ev(":erlang", "system_time", {A("second")}) + " " +
          ev(":erlang", "system_time", {I(1000000)}) + " " + ev(":erlang", "monotonic_time", {});
    out += " " + err(":erlang", "system_time", {A("nope")});
    out += " " + ev(":erlang", "system_time", {});
    Term ref = call(":erlang", "make_ref", {});
    out += ref.is_ref() ? " ref" : " no ref";
    try {
      call(":erlang", "throw", {A("ball")});
    } catch (const ThrownValue& t) {
      out += " " + inspect(t.value);
    }
    out += " " + exit_of([] { call(":erlang", "exit", {A("bye")}); });
  });
  f.node.run_until_idle();
  CHECK(out == "1500 1 1500000 1500000000 " + kBad + "1st argument: invalid time unit\n 1500000000 ref :ball :bye");
}

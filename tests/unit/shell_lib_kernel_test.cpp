// Kernel's functions and their errors as Elixir 1.14 on OTP 25 gives them
// (expected values printed by real Elixir for the same calls).
#include "node_fixture.hpp"
#include "shell_lib_helpers.hpp"

using namespace otp;
using namespace otp::test;
using namespace otp::test::lib;

TEST_CASE("Kernel guards answer for every kind of term", "[shell][lib][kernel]") {
  LeakCheck leaks;
  CHECK(ev("Kernel", "is_atom", {Nil()}) == "true");
  CHECK(ev("Kernel", "is_boolean", {I(1)}) == "false");
  CHECK(ev("Kernel", "is_number", {F(1.0)}) == "true");
  CHECK(ev("Kernel", "is_binary", {S("a")}) == "true");
  CHECK(ev("Kernel", "is_bitstring", {S("a")}) == "true");
  CHECK(ev("Kernel", "is_float", {I(1)}) == "false");
  CHECK(ev("Kernel", "is_integer", {I(1)}) == "true");
  CHECK(ev("Kernel", "is_list", {L({})}) == "true");
  CHECK(ev("Kernel", "is_map", {M({})}) == "true");
  CHECK(ev("Kernel", "is_tuple", {T({})}) == "true");
  CHECK(ev("Kernel", "is_pid", {Term(Pid{1, 0})}) == "true");
  CHECK(ev("Kernel", "is_reference", {Term(Ref{7})}) == "true");
  CHECK(ev("Kernel", "is_port", {I(1)}) == "false");
  CHECK(ev("Kernel", "is_nil", {Nil()}) == "true");
  Term f2 = fn2([](const Term& a, const Term&) { return a; });
  CHECK(ev("Kernel", "is_function", {f2}) == "true");
  CHECK(ev("Kernel", "is_function", {f2, I(2)}) == "true");
  CHECK(ev("Kernel", "is_function", {f2, I(1)}) == "false");
  CHECK(err("Kernel", "is_function", {I(1), I(-1)}) ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 2nd argument: out of range\n");
  CHECK(ev("Kernel", "is_map_key", {M({{A("a"), I(1)}}), A("a")}) == "true");
  CHECK(err("Kernel", "is_map_key", {I(1), A("a")}) == "** (BadMapError) expected a map, got: 1");
  Term range = R(1, 2);
  CHECK(ev("Kernel", "is_struct", {range}) == "true");
  CHECK(ev("Kernel", "is_struct", {range, A("Elixir.Range")}) == "true");
  CHECK(ev("Kernel", "is_struct", {M({})}) == "false");
  Term e = shell::exception("ArgumentError", "x");
  CHECK(ev("Kernel", "is_exception", {e}) == "true");
  CHECK(ev("Kernel", "is_exception", {e, A("Elixir.KeyError")}) == "false");
  CHECK(ev("Kernel", "is_exception", {range}) == "false");
}

TEST_CASE("Kernel number functions follow Erlang's rounding and term order", "[shell][lib][kernel]") {
  LeakCheck leaks;
  CHECK(ev("Kernel", "abs", {I(-3)}) == "3");
  CHECK(ev("Kernel", "abs", {F(-2.5)}) == "2.5");
  CHECK(ev("Kernel", "max", {I(1), A("a")}) == ":a");
  CHECK(ev("Kernel", "min", {S("a"), I(1)}) == "1");
  CHECK(ev("Kernel", "max", {I(1), F(1.0)}) == "1");
  CHECK(ev("Kernel", "div", {I(-7), I(2)}) == "-3");
  CHECK(ev("Kernel", "rem", {I(-7), I(2)}) == "-1");
  CHECK(ev("Kernel", "round", {F(2.5)}) == "3");
  CHECK(ev("Kernel", "round", {F(-2.5)}) == "-3");
  CHECK(ev("Kernel", "round", {F(1.0e20)}) == "100000000000000000000");
  CHECK(ev("Kernel", "trunc", {F(-2.7)}) == "-2");
  CHECK(ev("Kernel", "ceil", {F(1.2)}) == "2");
  CHECK(ev("Kernel", "floor", {F(-1.2)}) == "-2");
  CHECK(ev("Kernel", "+", {I(1), F(2.0)}) == "3.0");
  CHECK(ev("Kernel", "-", {I(5)}) == "-5");
  CHECK(ev("Kernel", "*", {I(6), I(7)}) == "42");
  CHECK(ev("Kernel", "/", {I(10), I(2)}) == "5.0");
  CHECK(ev("Kernel", "===", {I(1), F(1.0)}) == "false");
  CHECK(ev("Kernel", "==", {I(1), F(1.0)}) == "true");
  CHECK(ev("Kernel", "<", {I(1), A("a")}) == "true");
  CHECK(ev("Kernel", "not", {A("true")}) == "false");
  CHECK(ev("Kernel", "!=", {I(1), F(1.0)}) == "false");
  CHECK(ev("Kernel", "!==", {I(1), F(1.0)}) == "true");
  CHECK(ev("Kernel", "<=", {I(2), I(2)}) == "true");
  CHECK(ev("Kernel", ">", {A("a"), I(2)}) == "true");
  CHECK(ev("Kernel", ">=", {I(1), I(2)}) == "false");
  CHECK(ev("Kernel", "+", {F(1.5)}) == "1.5");
  CHECK(ev("Kernel", "-", {I(1), F(0.5)}) == "0.5");
  CHECK(err("Kernel", "div", {I(1), I(0)}) == "** (ArithmeticError) bad argument in arithmetic expression: div(1, 0)");
  CHECK(err("Kernel", "rem", {I(5), I(0)}) == "** (ArithmeticError) bad argument in arithmetic expression: rem(5, 0)");
  CHECK(err("Kernel", "/", {I(1), I(0)}) == "** (ArithmeticError) bad argument in arithmetic expression: 1 / 0");
  CHECK(err("Kernel", "+", {A("foo"), I(1)}) == "** (ArithmeticError) bad argument in arithmetic expression: :foo + 1");
  CHECK(err("Kernel", "+", {I(1), S("a")}) == "** (ArithmeticError) bad argument in arithmetic expression: 1 + \"a\"");
  CHECK(err("Kernel", "-", {A("a")}) == "** (ArithmeticError) bad argument in arithmetic expression: -(:a)");
  CHECK(err("Kernel", "abs", {A("a")}) ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a number\n");
  CHECK(err("Kernel", "round", {A("a")}) ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not a number\n");
  CHECK(err("Kernel", "not", {I(1)}) == "** (ArgumentError) argument error");
}

TEST_CASE("Kernel tuple and list BIFs raise OTP 25's argument errors", "[shell][lib][kernel]") {
  LeakCheck leaks;
  CHECK(ev("Kernel", "elem", {T({A("a"), A("b")}), I(1)}) == ":b");
  CHECK(ev("Kernel", "put_elem", {T({I(1), I(2)}), I(0), A("x")}) == "{:x, 2}");
  CHECK(ev("Kernel", "hd", {L({I(1), I(2)})}) == "1");
  CHECK(ev("Kernel", "tl", {L({I(1), I(2)})}) == "[2]");
  CHECK(ev("Kernel", "length", {L({I(1), I(2)})}) == "2");
  CHECK(ev("Kernel", "map_size", {M({{A("a"), I(1)}})}) == "1");
  CHECK(ev("Kernel", "tuple_size", {T({})}) == "0");
  CHECK(ev("Kernel", "byte_size", {S("h\xc3\xa9llo")}) == "6");
  CHECK(ev("Kernel", "bit_size", {S("ab")}) == "16");
  const std::string bad = "** (ArgumentError) errors were found at the given arguments:\n\n  * ";
  CHECK(err("Kernel", "elem", {T({}), I(0)}) == bad + "1st argument: out of range\n");
  CHECK(err("Kernel", "elem", {A("a"), I(0)}) == bad + "2nd argument: not a tuple\n");
  CHECK(err("Kernel", "elem", {T({I(1)}), I(-1)}) == bad + "1st argument: out of range\n");
  CHECK(err("Kernel", "elem", {T({I(1)}), A("x")}) == "** (ArithmeticError) bad argument in arithmetic expression: :x + 1");
  CHECK(err("Kernel", "put_elem", {T({I(1)}), I(5), I(0)}) == bad + "1st argument: out of range\n");
  CHECK(err("Kernel", "hd", {L({})}) == bad + "1st argument: not a nonempty list\n");
  CHECK(err("Kernel", "tl", {A("a")}) == bad + "1st argument: not a nonempty list\n");
  CHECK(err("Kernel", "length", {Term::cons(I(1), I(2))}) == bad + "1st argument: not a list\n");
  CHECK(err("Kernel", "map_size", {I(1)}) == "** (BadMapError) expected a map, got: 1");
  CHECK(err("Kernel", "tuple_size", {I(1)}) == bad + "1st argument: not a tuple\n");
  CHECK(err("Kernel", "byte_size", {I(1)}) == bad + "1st argument: not a bitstring\n");
  CHECK(ev("Kernel", "binary_part", {S("hello"), I(1), I(3)}) == "\"ell\"");
  CHECK(ev("Kernel", "binary_part", {S("hello"), I(5), I(-2)}) == "\"lo\"");
  CHECK(err("Kernel", "binary_part", {S("abc"), I(1), I(5)}) == bad + "3rd argument: out of range\n");
  CHECK(ev("Kernel", "++", {L({I(1)}), L({I(2)})}) == "[1, 2]");
  CHECK(ev("Kernel", "++", {L({I(1)}), A("a")}) == "[1 | :a]");
  CHECK(ev("Kernel", "--", {L({I(1), I(2), I(1)}), L({I(1)})}) == "[2, 1]");
  CHECK(err("Kernel", "++", {A("a"), L({})}) == "** (ArgumentError) argument error");
}

TEST_CASE("Kernel.to_string and to_charlist follow String.Chars and List.Chars", "[shell][lib][kernel]") {
  LeakCheck leaks;
  CHECK(ev("Kernel", "to_string", {A("hello")}) == "\"hello\"");
  CHECK(ev("Kernel", "to_string", {Nil()}) == "\"\"");
  CHECK(ev("Kernel", "to_string", {I(42)}) == "\"42\"");
  CHECK(ev("Kernel", "to_string", {F(1.0e-10)}) == "\"1.0e-10\"");
  CHECK(ev("Kernel", "to_string", {F(1.0e16)}) == "\"1.0e16\"");
  CHECK(ev("Kernel", "to_string", {F(0.1)}) == "\"0.1\"");
  CHECK(ev("Kernel", "to_string", {A("Elixir.Foo")}) == "\"Elixir.Foo\"");
  CHECK(ev("Kernel", "to_string", {L({S("a"), I('b'), L({I('c')})})}) == "\"abc\"");
  CHECK(ev("Kernel", "to_charlist", {S("h\xc3\xa9")}) == "[104, 233]");
  CHECK(ev("Kernel", "to_charlist", {I(42)}) == "'42'");
  CHECK(ev("Kernel", "to_charlist", {A("a")}) == "'a'");
  CHECK(err("Kernel", "to_string", {T({I(1)})}) ==
        "** (Protocol.UndefinedError) protocol String.Chars not implemented for {1} of type Tuple");
  CHECK(err("Kernel", "to_string", {M({})}) ==
        "** (Protocol.UndefinedError) protocol String.Chars not implemented for %{} of type Map");
  CHECK(err("Kernel", "to_string", {Term(Pid{96, 0})}) ==
        "** (Protocol.UndefinedError) protocol String.Chars not implemented for #PID<0.96.0> of type PID");
  CHECK(err("Kernel", "to_charlist", {T({})}) ==
        "** (Protocol.UndefinedError) protocol List.Chars not implemented for {} of type Tuple");
  CHECK(err("Kernel", "to_string", {L({A("a")})}) ==
        "** (ArgumentError) cannot convert the given list to a string.\n\nTo be converted to a string, a list must "
        "either be empty or only\ncontain the following elements:\n\n  * strings\n  * integers representing Unicode "
        "code points\n  * a list containing one of these three elements\n\nPlease check the given list or call "
        "inspect/1 to get the list representation, got:\n\n[:a]\n");
  CHECK(err("Kernel", "to_string", {L({I(-1)})}) == "** (UnicodeConversionError) invalid code point -1");
}

TEST_CASE("Kernel.inspect is one line by default and takes Inspect.Opts", "[shell][lib][kernel]") {
  LeakCheck leaks;
  CHECK(ev("Kernel", "inspect", {S("a\nb")}) == "\"\\\"a\\\\nb\\\"\"");
  std::vector<Term> sixty;
  for (int k = 1; k <= 60; ++k) sixty.push_back(I(k));
  Term long_list = Term::list(std::span<const Term>(sixty));
  std::string one_line(call("Kernel", "inspect", {long_list}).bytes());
  CHECK(one_line.find('\n') == std::string::npos);
  CHECK(one_line.substr(one_line.size() - 12) == "49, 50, ...]");
  CHECK(ev("Kernel", "inspect", {L({I(1), I(2)}), L({KV("limit", I(1))})}) == "\"[1, ...]\"");
  CHECK(ev("Kernel", "inspect", {M({{A("a"), L({I(1), I(2)})}}), L({KV("pretty", A("true")), KV("width", I(10))})}) ==
        "\"%{\\n  a: [1,\\n   2]\\n}\"");
  CHECK(ev("Kernel", "inspect", {L({I(97), I(98), I(99)}), L({KV("charlists", A("as_lists"))})}) == "\"[97, 98, 99]\"");
  CHECK(ev("Kernel", "inspect", {L({I(1), I(2)}), L({KV("charlists", A("as_charlists"))})}) == "\"'\\\\x01\\\\x02'\"");
  CHECK(ev("Kernel", "inspect", {R(1, 3)}) == "\"1..3\"");
  CHECK(err("Kernel", "inspect", {I(1), A("bad")}).rfind("** (FunctionClauseError) no function clause matching in Kernel.inspect/2", 0) == 0);
}

TEST_CASE("Kernel.apply, get_in, put_in and update_in", "[shell][lib][kernel]") {
  LeakCheck leaks;
  Term minus = fn2([](const Term& a, const Term& b) { return sub(a, b); });
  CHECK(ev("Kernel", "apply", {minus, L({I(5), I(3)})}) == "2");
  CHECK(err("Kernel", "apply", {minus, I(1)}) == "** (ArgumentError) argument error");
  Term nested = M({{A("a"), M({{A("b"), L({KV("c", I(1))})}})}});
  CHECK(ev("Kernel", "get_in", {nested, L({A("a"), A("b"), A("c")})}) == "1");
  CHECK(ev("Kernel", "get_in", {nested, L({A("x"), A("y")})}) == "nil");
  CHECK(ev("Kernel", "put_in", {M({{A("a"), M({})}}), L({A("a"), A("b")}), I(1)}) == "%{a: %{b: 1}}");
  CHECK(ev("Kernel", "put_in", {L({KV("a", I(1))}), L({A("b")}), I(2)}) == "[b: 2, a: 1]");
  CHECK(ev("Kernel", "update_in", {L({KV("a", L({KV("b", I(1))}))}), L({A("a"), A("b")}),
                                    fn1([](const Term& x) { return add(x, I(1)); })}) == "[a: [b: 2]]");
  CHECK(err("Kernel", "put_in", {M({}), L({A("a"), A("b")}), I(1)}) ==
        "** (ArgumentError) could not put/update key :b on a nil value");
  CHECK(ev("Kernel", "node", {}) == ":nonode@nohost");
}

TEST_CASE("Kernel.exit, throw and make_ref act on the calling process", "[shell][lib][kernel]") {
  NodeFixture f;
  std::string out;
  f.node.spawn([&](Process&) {
    Term r1 = call("Kernel", "make_ref", {}), r2 = call("Kernel", "make_ref", {});
    out = r1.is_ref() && !(r1 == r2) ? "refs" : "no refs";
    try {
      call("Kernel", "throw", {A("ball")});
    } catch (const ThrownValue& t) {
      out += " " + inspect(t.value);
    }
    out += " " + exit_of([] { call("Kernel", "exit", {A("bye")}); });
  });
  f.node.run_until_idle();
  CHECK(out == "refs :ball :bye");
}

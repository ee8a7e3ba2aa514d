// List, Tuple, Atom, MapSet and Range as Elixir 1.14 computes them
// (expected values printed by real Elixir for the same calls).
#include "shell_lib_helpers.hpp"

using namespace otp;
using namespace otp::test::lib;

namespace {
Term times10() { return fn1([](const Term& x) { return mul(x, I(10)); }); }
const std::string kBad = "** (ArgumentError) errors were found at the given arguments:\n\n  * ";
}  // namespace

TEST_CASE("List edits by position and key and converts charlists", "[shell][lib][list]") {
  LeakCheck leaks;
  Term l123 = L({I(1), I(2), I(3)});
  CHECK(ev("List", "first", {l123}) == "1");
  CHECK(ev("List", "first", {L({})}) == "nil");
  CHECK(ev("List", "first", {L({}), A("d")}) == ":d");
  CHECK(ev("List", "last", {L({I(1), I(2)}), A("x")}) == "2");
  CHECK(ev("List", "flatten", {L({I(1), L({I(2), L({I(3), L({})})}), I(4)})}) == "[1, 2, 3, 4]");
  CHECK(ev("List", "flatten", {L({I(1), L({I(2)})}), L({I(3)})}) == "[1, 2, 3]");
  Term cons = fn2([](const Term& x, const Term& acc) { return Term::cons(x, acc); });
  CHECK(ev("List", "foldl", {l123, L({}), cons}) == "[3, 2, 1]");
  CHECK(ev("List", "foldr", {l123, L({}), cons}) == "[1, 2, 3]");
  CHECK(ev("List", "insert_at", {l123, I(-1), I(0)}) == "[1, 2, 3, 0]");
  CHECK(ev("List", "insert_at", {l123, I(10), I(0)}) == "[1, 2, 3, 0]");
  CHECK(ev("List", "delete", {L({I(1), I(2), I(1)}), I(1)}) == "[2, 1]");
  CHECK(ev("List", "delete_at", {l123, I(-1)}) == "[1, 2]");
  CHECK(ev("List", "replace_at", {l123, I(5), I(0)}) == "[1, 2, 3]");
  CHECK(ev("List", "update_at", {l123, I(1), times10()}) == "[1, 20, 3]");
  CHECK(ev("List", "pop_at", {l123, I(0)}) == "{1, [2, 3]}");
  CHECK(ev("List", "pop_at", {L({I(1)}), I(5), A("x")}) == "{:x, [1]}");
  CHECK(ev("List", "wrap", {Nil()}) == "[]");
  CHECK(ev("List", "wrap", {I(1)}) == "[1]");
  CHECK(ev("List", "duplicate", {A("a"), I(3)}) == "[:a, :a, :a]");
  CHECK(ev("List", "zip", {L({L({I(1), I(2)}), L({I(3), I(4), I(5)})})}) == "[{1, 3}, {2, 4}]");
  Term kw = L({KV("a", I(1)), KV("b", I(2))});
  CHECK(ev("List", "keyfind", {kw, A("b"), I(0)}) == "{:b, 2}");
  CHECK(ev("List", "keyfind", {kw, A("c"), I(0), A("none")}) == ":none");
  CHECK(ev("List", "keymember?", {kw, A("a"), I(0)}) == "true");
  CHECK(ev("List", "keydelete", {kw, A("a"), I(0)}) == "[b: 2]");
  CHECK(ev("List", "keystore", {L({KV("a", I(1))}), A("b"), I(0), KV("b", I(2))}) == "[a: 1, b: 2]");
  CHECK(ev("List", "keyreplace", {L({KV("a", I(1))}), A("a"), I(0), KV("a", I(3))}) == "[a: 3]");
  CHECK(ev("List", "keysort", {L({KV("b", I(1)), KV("a", I(2))}), I(0)}) == "[a: 2, b: 1]");
  CHECK(ev("List", "keytake", {kw, A("b"), I(0)}) == "{{:b, 2}, [a: 1]}");
  CHECK(ev("List", "starts_with?", {l123, L({I(1), I(2)})}) == "true");
  CHECK(ev("List", "improper?", {Term::cons(I(1), I(2))}) == "true");
  CHECK(ev("List", "ascii_printable?", {Term::charlist("abc")}) == "true");
  CHECK(ev("List", "to_tuple", {L({I(1), I(2)})}) == "{1, 2}");
  CHECK(ev("List", "to_string", {L({I('a'), S("b")})}) == "\"ab\"");
  CHECK(ev("List", "to_charlist", {L({S("a"), I('b')})}) == "'ab'");
  CHECK(ev("List", "to_atom", {Term::charlist("abc")}) == ":abc");
  CHECK(ev("List", "to_existing_atom", {Term::charlist("ok")}) == ":ok");
  CHECK(ev("List", "to_integer", {Term::charlist("123")}) == "123");
  CHECK(ev("List", "to_integer", {Term::charlist("ff"), I(16)}) == "255");
  CHECK(ev("List", "to_float", {Term::charlist("1.5")}) == "1.5");
}

TEST_CASE("List errors match Elixir's, including the attempted clauses of List.first/2", "[shell][lib][list]") {
  LeakCheck leaks;
  CHECK(err("List", "first", {A("x")}) ==
        "** (FunctionClauseError) no function clause matching in List.first/2\n\nThe following arguments were given "
        "to List.first/2:\n\n    # 1\n    :x\n\n    # 2\n    nil\n\nAttempted function clauses (showing 2 out of "
        "2):\n\n    def first([], default)\n    def first([head | _], _default)\n");
  CHECK(err("List", "flatten", {A("x")}).rfind("** (FunctionClauseError) no function clause matching in :lists.flatten/1", 0) == 0);
  CHECK(err("List", "to_tuple", {A("x")}) == kBad + "1st argument: not a list\n");
  CHECK(err("List", "to_integer", {Term::charlist("x")}) == kBad + "1st argument: not a textual representation of an integer\n");
  CHECK(err("List", "duplicate", {I(1), I(-1)}).rfind("** (FunctionClauseError) no function clause matching in :lists.duplicate/2", 0) == 0);
  CHECK(err("List", "keyfind", {A("x"), I(1), I(0)}) == kBad + "3rd argument: not a list\n");
  CHECK(err("List", "insert_at", {A("x"), I(1), I(1)}).rfind("** (FunctionClauseError) no function clause matching in List.insert_at/3", 0) == 0);
  CHECK(err("List", "last", {A("x")}) == "** (CaseClauseError) no case clause matching: {:x, nil}");
}

TEST_CASE("Tuple, Atom, MapSet and Range", "[shell][lib][tuple][mapset]") {
  LeakCheck leaks;
  CHECK(ev("Tuple", "to_list", {T({I(1), I(2)})}) == "[1, 2]");
  CHECK(ev("Tuple", "append", {T({}), I(1)}) == "{1}");
  CHECK(ev("Tuple", "insert_at", {T({I(1), I(2)}), I(1), A("x")}) == "{1, :x, 2}");
  CHECK(ev("Tuple", "delete_at", {T({I(1), I(2)}), I(0)}) == "{2}");
  CHECK(ev("Tuple", "duplicate", {I(0), I(3)}) == "{0, 0, 0}");
  CHECK(ev("Tuple", "sum", {T({I(1), F(2.5)})}) == "3.5");
  CHECK(ev("Tuple", "product", {T({I(2), I(3)})}) == "6");
  CHECK(err("Tuple", "insert_at", {T({I(1)}), I(5), I(0)}) == kBad + "1st argument: out of range\n");
  CHECK(err("Tuple", "delete_at", {A("a"), I(0)}) == kBad + "2nd argument: not a tuple\n");
  CHECK(err("Tuple", "to_list", {I(1)}) == kBad + "1st argument: not a tuple\n");
  CHECK(err("Tuple", "append", {I(1), I(2)}) == kBad + "1st argument: not a tuple\n");
  CHECK(err("Tuple", "sum", {T({A("a")})}) == "** (ArithmeticError) bad argument in arithmetic expression: :a + 0");
  CHECK(ev("Atom", "to_string", {A("foo")}) == "\"foo\"");
  CHECK(ev("Atom", "to_string", {A("Elixir.Enum")}) == "\"Elixir.Enum\"");
  CHECK(ev("Atom", "to_charlist", {A("foo")}) == "'foo'");
  CHECK(err("Atom", "to_string", {S("a")}) == kBad + "1st argument: not an atom\n");

  Term s = call("MapSet", "new", {L({I(1), I(2), I(3)})}), t = call("MapSet", "new", {L({I(2), I(3), I(4)})});
  CHECK(ev("MapSet", "new", {L({I(3), I(1), I(2), I(1)})}) == "MapSet.new([1, 2, 3])");
  CHECK(ev("MapSet", "new", {L({I(1), I(2)}), fn1([](const Term& x) { return mul(x, I(2)); })}) == "MapSet.new([2, 4])");
  CHECK(ev("MapSet", "new", {}) == "MapSet.new([])");
  CHECK(ev("MapSet", "union", {s, t}) == "MapSet.new([1, 2, 3, 4])");
  CHECK(ev("MapSet", "intersection", {s, t}) == "MapSet.new([2, 3])");
  CHECK(ev("MapSet", "difference", {s, t}) == "MapSet.new([1])");
  CHECK(ev("MapSet", "subset?", {call("MapSet", "new", {L({I(2)})}), s}) == "true");
  CHECK(ev("MapSet", "disjoint?", {s, t}) == "false");
  CHECK(ev("MapSet", "size", {s}) == "3");
  CHECK(ev("MapSet", "to_list", {s}) == "[1, 2, 3]");
  CHECK(ev("MapSet", "put", {s, I(0)}) == "MapSet.new([0, 1, 2, 3])");
  CHECK(ev("MapSet", "delete", {s, I(1)}) == "MapSet.new([2, 3])");
  CHECK(ev("MapSet", "member?", {s, I(1)}) == "true");
  CHECK(ev("MapSet", "equal?", {s, s}) == "true");
  CHECK(ev("MapSet", "filter", {s, fn1([](const Term& x) { return Term::boolean(x.small() > 1); })}) == "MapSet.new([2, 3])");
  CHECK(ev("MapSet", "reject", {s, fn1([](const Term& x) { return Term::boolean(x.small() > 1); })}) == "MapSet.new([1])");
  CHECK(inspect(*s.map_get(A("map"))) == "%{1 => [], 2 => [], 3 => []}");
  CHECK(err("MapSet", "put", {I(1), I(2)}).rfind("** (FunctionClauseError) no function clause matching in MapSet.put/2", 0) == 0);

  CHECK(ev("Range", "new", {I(1), I(3)}) == "1..3");
  CHECK(ev("Range", "new", {I(3), I(1)}) == "3..1//-1");
  CHECK(ev("Range", "new", {I(1), I(10), I(3)}) == "1..10//3");
  CHECK(ev("Range", "size", {R(1, 10, 3)}) == "4");
  CHECK(ev("Range", "size", {R(3, 1, 1)}) == "0");
  CHECK(ev("Range", "disjoint?", {R(1, 5), R(6, 9)}) == "true");
  CHECK(ev("Range", "disjoint?", {R(1, 10, 2), R(2, 10, 2)}) == "true");
  CHECK(err("Range", "new", {I(1), A("a")}) ==
        "** (ArgumentError) ranges (first..last) expect both sides to be integers, got: 1..:a");
  CHECK(err("Range", "new", {I(1), I(5), I(0)}) ==
        "** (ArgumentError) ranges (first..last//step) expect both sides to be integers and the step to be a non-zero "
        "integer, got: 1..5//0");
}

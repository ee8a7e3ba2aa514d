// :lists, :maps and :math as OTP 25 computes them, seen from Elixir 1.14
// (expected values printed by real Elixir for the same calls).
#include "shell_lib_helpers.hpp"

using namespace otp;
using namespace otp::test::lib;

namespace {
const std::string kBad = "** (ArgumentError) errors were found at the given arguments:\n\n  * ";
Term twice() { return fn1([](const Term& x) { return mul(x, I(2)); }); }
Term gt(int64_t n) { return fn1([n](const Term& x) { return Term::boolean(compare(x, I(n)) > 0); }); }
}  // namespace

TEST_CASE(":lists takes the fun first and counts from 1", "[shell][lib][erlang]") {
  LeakCheck leaks;
  Term plus = fn2([](const Term& x, const Term& y) { return add(x, y); });
  CHECK(ev(":lists", "reverse", {L({I(1), I(2)})}) == "[2, 1]");
  CHECK(ev(":lists", "reverse", {L({I(1)}), L({I(0)})}) == "[1, 0]");
  CHECK(ev(":lists", "sort", {L({I(3), I(1), I(2)})}) == "[1, 2, 3]");
  CHECK(ev(":lists", "sort", {fn2([](const Term& a, const Term& b) { return Term::boolean(compare(a, b) >= 0); }),
                              L({I(1), I(3), I(2)})}) == "[3, 2, 1]");
  CHECK(ev(":lists", "usort", {L({I(3), I(1), I(3), F(1.0)})}) == "[1, 3]");
  CHECK(ev(":lists", "seq", {I(1), I(5)}) == "[1, 2, 3, 4, 5]");
  CHECK(ev(":lists", "seq", {I(1), I(0)}) == "[]");
  CHECK(ev(":lists", "seq", {I(1), I(10), I(3)}) == "[1, 4, 7, 10]");
  CHECK(ev(":lists", "nth", {I(2), L({A("a"), A("b")})}) == ":b");
  CHECK(ev(":lists", "nthtail", {I(1), L({I(1), I(2)})}) == "[2]");
  CHECK(ev(":lists", "member", {I(1), L({F(1.0)})}) == "false");
  Term kw = L({KV("a", I(1)), KV("b", I(2))});
  CHECK(ev(":lists", "keyfind", {A("b"), I(1), kw}) == "{:b, 2}");
  CHECK(ev(":lists", "keyfind", {A("c"), I(1), kw}) == "false");
  CHECK(ev(":lists", "keymember", {A("a"), I(1), kw}) == "true");
  CHECK(ev(":lists", "keydelete", {A("a"), I(1), kw}) == "[b: 2]");
  CHECK(ev(":lists", "keystore", {A("c"), I(1), L({KV("a", I(1))}), KV("c", I(3))}) == "[a: 1, c: 3]");
  CHECK(ev(":lists", "keyreplace", {A("a"), I(1), L({KV("a", I(1))}), KV("a", I(0))}) == "[a: 0]");
  CHECK(ev(":lists", "keysort", {I(2), L({KV("a", I(2)), KV("b", I(1))})}) == "[b: 1, a: 2]");
  CHECK(ev(":lists", "map", {twice(), L({I(1), I(2)})}) == "[2, 4]");
  CHECK(ev(":lists", "foldl", {plus, I(0), L({I(1), I(2), I(3)})}) == "6");
  CHECK(ev(":lists", "foldr", {fn2([](const Term& x, const Term& acc) { return Term::cons(x, acc); }), L({}), L({I(1), I(2)})}) == "[1, 2]");
  CHECK(ev(":lists", "sum", {L({I(1), F(2.5)})}) == "3.5");
  CHECK(ev(":lists", "max", {L({I(1), I(3), I(2)})}) == "3");
  CHECK(ev(":lists", "max", {L({I(1), F(3.0), I(3)})}) == "3.0");
  CHECK(ev(":lists", "min", {L({I(2), I(1)})}) == "1");
  CHECK(ev(":lists", "append", {L({I(1)}), L({I(2)})}) == "[1, 2]");
  CHECK(ev(":lists", "append", {L({L({I(1)}), L({I(2)})})}) == "[1, 2]");
  CHECK(ev(":lists", "flatten", {L({I(1), L({I(2), L({I(3)})})})}) == "[1, 2, 3]");
  CHECK(ev(":lists", "last", {L({I(1), I(2)})}) == "2");
  CHECK(ev(":lists", "filter", {gt(1), L({I(1), I(2), I(3)})}) == "[2, 3]");
  CHECK(ev(":lists", "all", {gt(0), L({I(1), I(2)})}) == "true");
  CHECK(ev(":lists", "any", {gt(1), L({I(1), I(2)})}) == "true");
  CHECK(ev(":lists", "zip", {L({I(1), I(2)}), L({A("a"), A("b")})}) == "[{1, :a}, {2, :b}]");
  CHECK(ev(":lists", "unzip", {L({T({I(1), A("a")})})}) == "{[1], [:a]}");
  CHECK(ev(":lists", "duplicate", {I(2), A("x")}) == "[:x, :x]");
  CHECK(ev(":lists", "delete", {I(1), L({I(1), I(2), I(1)})}) == "[2, 1]");
  CHECK(ev(":lists", "subtract", {L({I(1), I(2), I(1)}), L({I(1)})}) == "[2, 1]");
  CHECK(ev(":lists", "takewhile", {fn1([](const Term& x) { return Term::boolean(x.small() < 2); }), L({I(1), I(2), I(1)})}) == "[1]");
  CHECK(ev(":lists", "dropwhile", {fn1([](const Term& x) { return Term::boolean(x.small() < 2); }), L({I(1), I(2), I(1)})}) == "[2, 1]");
  CHECK(ev(":lists", "flatmap", {fn1([](const Term& x) { return L({x, x}); }), L({I(1), I(2)})}) == "[1, 1, 2, 2]");
  CHECK(ev(":lists", "foreach", {twice(), L({I(1)})}) == ":ok");
  CHECK(ev(":lists", "sublist", {L({I(1), I(2), I(3)}), I(2)}) == "[1, 2]");
  CHECK(ev(":lists", "sublist", {L({I(1), I(2), I(3)}), I(2), I(5)}) == "[2, 3]");
  CHECK(ev(":lists", "split", {I(1), L({I(1), I(2)})}) == "{[1], [2]}");
  CHECK(ev(":lists", "partition", {gt(1), L({I(1), I(2), I(3)})}) == "{[2, 3], [1]}");
  CHECK(ev(":lists", "enumerate", {L({A("a"), A("b")})}) == "[{1, :a}, {2, :b}]");
  CHECK(ev(":lists", "mapfoldl", {fn2([](const Term& x, const Term& acc) { return T({mul(x, I(2)), add(x, acc)}); }), I(0),
                                  L({I(1), I(2)})}) == "{[2, 4], 3}");
  CHECK(err(":lists", "reverse", {I(1)}) ==
        "** (FunctionClauseError) no function clause matching in :lists.reverse/1\n\nThe following arguments were "
        "given to :lists.reverse/1:\n\n    # 1\n    1\n");
  CHECK(err(":lists", "nth", {I(5), L({I(1)})}) ==
        "** (FunctionClauseError) no function clause matching in :lists.nth/2\n\nThe following arguments were given "
        "to :lists.nth/2:\n\n    # 1\n    4\n\n    # 2\n    []\n");
  CHECK(err(":lists", "sum", {L({A("a")})}) == "** (ArithmeticError) bad argument in arithmetic expression: 0 + :a");
  CHECK(err(":lists", "seq", {I(5), I(1)}).rfind("** (FunctionClauseError) no function clause matching in :lists.seq/2", 0) == 0);
  CHECK(err(":lists", "max", {L({})}).rfind("** (FunctionClauseError) no function clause matching in :lists.max/1", 0) == 0);
  CHECK(err(":lists", "keyfind", {I(1), I(0), L({})}) == kBad + "2nd argument: out of range\n");
  CHECK(err(":lists", "split", {I(5), L({I(1)})}) == "** (ArgumentError) argument error");
}

TEST_CASE(":maps takes the key first and :math returns floats", "[shell][lib][erlang]") {
  LeakCheck leaks;
  Term m1 = M({{A("a"), I(1)}}), m2 = M({{A("a"), I(1)}, {A("b"), I(2)}});
  CHECK(ev(":maps", "get", {A("a"), m1}) == "1");
  CHECK(ev(":maps", "get", {A("b"), m1, I(0)}) == "0");
  CHECK(ev(":maps", "find", {A("a"), m1}) == "{:ok, 1}");
  CHECK(ev(":maps", "put", {A("b"), I(2), m1}) == "%{a: 1, b: 2}");
  CHECK(ev(":maps", "remove", {A("a"), m1}) == "%{}");
  CHECK(ev(":maps", "keys", {m2}) == "[:a, :b]");
  CHECK(ev(":maps", "values", {m1}) == "[1]");
  CHECK(ev(":maps", "from_list", {L({T({A("a"), I(1)})})}) == "%{a: 1}");
  CHECK(ev(":maps", "to_list", {m1}) == "[a: 1]");
  CHECK(ev(":maps", "merge", {m1, M({{A("a"), I(2)}})}) == "%{a: 2}");
  CHECK(ev(":maps", "size", {M({})}) == "0");
  CHECK(ev(":maps", "is_key", {A("a"), M({})}) == "false");
  CHECK(ev(":maps", "update", {A("a"), I(5), m1}) == "%{a: 5}");
  CHECK(ev(":maps", "with", {L({A("a")}), m2}) == "%{a: 1}");
  CHECK(ev(":maps", "without", {L({A("a")}), m2}) == "%{b: 2}");
  CHECK(ev(":maps", "new", {}) == "%{}");
  CHECK(ev(":maps", "map", {fn2([](const Term&, const Term& v) { return mul(v, I(2)); }), m1}) == "%{a: 2}");
  CHECK(ev(":maps", "filter", {fn2([](const Term&, const Term& v) { return Term::boolean(v.small() > 1); }), m2}) == "%{b: 2}");
  Term fold = make_fun(Atom::intern("erl_eval"), "expr/6", 3, [](std::span<const Term> a) { return add(a[1], a[2]); });
  CHECK(ev(":maps", "fold", {fold, I(0), m2}) == "3");
  CHECK(err(":maps", "get", {A("a"), M({})}) == "** (KeyError) key :a not found in: %{}");
  CHECK(err(":maps", "get", {A("a"), I(1)}) == "** (BadMapError) expected a map, got: 1");

  CHECK(ev(":math", "pi", {}) == "3.141592653589793");
  CHECK(ev(":math", "sqrt", {I(16)}) == "4.0");
  CHECK(ev(":math", "pow", {I(2), I(10)}) == "1024.0");
  CHECK(ev(":math", "log", {call(":math", "exp", {I(1)})}) == "1.0");
  CHECK(ev(":math", "log2", {I(8)}) == "3.0");
  CHECK(ev(":math", "log10", {I(1000)}) == "3.0");
  CHECK(ev(":math", "sin", {I(0)}) == "0.0");
  CHECK(ev(":math", "cos", {I(0)}) == "1.0");
  CHECK(ev(":math", "tan", {I(0)}) == "0.0");
  CHECK(ev(":math", "asin", {I(0)}) == "0.0");
  CHECK(ev(":math", "acos", {I(1)}) == "0.0");
  CHECK(ev(":math", "atan", {I(0)}) == "0.0");
  CHECK(ev(":math", "floor", {F(-1.5)}) == "-2.0");
  CHECK(ev(":math", "ceil", {F(1.2)}) == "2.0");
  CHECK(ev(":math", "atan2", {I(1), I(1)}) == "0.7853981633974483");
  CHECK(ev(":math", "fmod", {I(7), I(3)}) == "1.0");
  CHECK(err(":math", "sqrt", {I(-1)}) == "** (ArithmeticError) bad argument in arithmetic expression");
  CHECK(err(":math", "log", {I(0)}) == "** (ArithmeticError) bad argument in arithmetic expression");
  CHECK(err(":math", "pow", {I(10), I(400)}) == "** (ArithmeticError) bad argument in arithmetic expression");
  CHECK(err(":math", "acos", {I(2)}) == "** (ArithmeticError) bad argument in arithmetic expression");
  CHECK(err(":math", "sqrt", {A("a")}) == kBad + "1st argument: not a number\n");
}

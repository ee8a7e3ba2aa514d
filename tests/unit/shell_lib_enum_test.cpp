// Enum as Elixir 1.14 computes it: every expectation below was printed by
// real Elixir 1.14.0 on OTP 25 for the same call.
#include "shell_lib_helpers.hpp"

using namespace otp;
using namespace otp::test::lib;

namespace {
Term inc() { return fn1([](const Term& x) { return add(x, I(1)); }); }
Term even() { return fn1([](const Term& x) { return Term::boolean(x.small() % 2 == 0); }); }
Term plus() { return fn2([](const Term& x, const Term& y) { return add(x, y); }); }
Term times() { return fn2([](const Term& x, const Term& y) { return mul(x, y); }); }
Term gt(int64_t n) { return fn1([n](const Term& x) { return Term::boolean(compare(x, I(n)) > 0); }); }
Term lt(int64_t n) { return fn1([n](const Term& x) { return Term::boolean(compare(x, I(n)) < 0); }); }
Term elem0() { return fn1([](const Term& x) { return x[0]; }); }
Term size_of() { return fn1([](const Term& x) { return I(static_cast<int64_t>(x.bytes().size())); }); }
}  // namespace

TEST_CASE("Enum.map, filter and reject walk lists, maps and ranges", "[shell][lib][enum]") {
  LeakCheck leaks;
  CHECK(ev("Enum", "map", {L({I(1), I(2), I(3)}), inc()}) == "[2, 3, 4]");
  CHECK(ev("Enum", "map", {M({{A("a"), I(1)}, {A("b"), I(2)}}), fn1([](const Term& kv) { return T({kv[1], kv[0]}); })}) ==
        "[{1, :a}, {2, :b}]");
  CHECK(ev("Enum", "map", {R(1, 5, 2), inc()}) == "[2, 4, 6]");
  CHECK(ev("Enum", "filter", {R(1, 10), even()}) == "[2, 4, 6, 8, 10]");
  CHECK(ev("Enum", "reject", {R(1, 10), even()}) == "[1, 3, 5, 7, 9]");
  CHECK(ev("Enum", "each", {L({I(1)}), inc()}) == ":ok");
  CHECK(ev("Enum", "flat_map", {L({I(1), I(2)}), fn1([](const Term& x) { return L({x, mul(x, I(10))}); })}) ==
        "[1, 10, 2, 20]");
  CHECK(ev("Enum", "flat_map", {L({I(1), I(2)}), fn1([](const Term& x) { return R(1, x.small()); })}) == "[1, 1, 2]");
  CHECK(ev("Enum", "to_list", {R(3, 1, -1)}) == "[3, 2, 1]");
  CHECK(ev("Enum", "reverse", {R(1, 3), L({I(0)})}) == "[3, 2, 1, 0]");
  CHECK(ev("Enum", "reverse", {L({I(1), I(2)})}) == "[2, 1]");
}

TEST_CASE("Enum folds: reduce, reduce_while, scan, map_reduce, sum and product", "[shell][lib][enum]") {
  LeakCheck leaks;
  CHECK(ev("Enum", "reduce", {R(1, 4), times()}) == "24");
  CHECK(ev("Enum", "reduce", {L({I(1), I(2), I(3)}), I(10), plus()}) == "16");
  Term upto5 = fn2([](const Term& x, const Term& acc) {
    return x.small() < 5 ? T({A("cont"), add(acc, x)}) : T({A("halt"), acc});
  });
  CHECK(ev("Enum", "reduce_while", {R(1, 100), I(0), upto5}) == "10");
  CHECK(ev("Enum", "scan", {R(1, 4), I(0), plus()}) == "[1, 3, 6, 10]");
  CHECK(ev("Enum", "scan", {R(1, 4), plus()}) == "[1, 3, 6, 10]");
  Term double_and_sum = fn2([](const Term& x, const Term& acc) { return T({mul(x, I(2)), add(x, acc)}); });
  CHECK(ev("Enum", "map_reduce", {L({I(1), I(2), I(3)}), I(0), double_and_sum}) == "{[2, 4, 6], 6}");
  CHECK(ev("Enum", "sum", {R(1, 100)}) == "5050");
  CHECK(ev("Enum", "product", {L({I(2), F(3.0)})}) == "6.0");
  CHECK(err("Enum", "reduce", {L({}), plus()}) == "** (Enum.EmptyError) empty error");
  CHECK(err("Enum", "sum", {L({I(1), A("a")})}) == "** (ArithmeticError) bad argument in arithmetic expression: :a + 1");
}

TEST_CASE("Enum predicates and searches follow truthiness and ===", "[shell][lib][enum]") {
  LeakCheck leaks;
  CHECK(ev("Enum", "all?", {L({I(1), Nil()})}) == "false");
  CHECK(ev("Enum", "any?", {L({A("false"), I(2)})}) == "true");
  CHECK(ev("Enum", "all?", {L({}), fn1([](const Term&) { return A("false"); })}) == "true");
  CHECK(ev("Enum", "any?", {R(1, 3), gt(2)}) == "true");
  CHECK(ev("Enum", "count", {M({{A("a"), I(1)}})}) == "1");
  CHECK(ev("Enum", "count", {L({I(1), I(2), I(3)}), gt(1)}) == "2");
  CHECK(ev("Enum", "find", {R(1, 10), gt(3)}) == "4");
  CHECK(ev("Enum", "find", {L({}), A("none"), gt(3)}) == ":none");
  CHECK(ev("Enum", "find_index", {L({A("a"), A("b")}), fn1([](const Term& x) { return Term::boolean(x == A("b")); })}) == "1");
  CHECK(ev("Enum", "find_value", {L({I(1), I(2)}), fn1([](const Term& x) {
          return x.small() > 1 ? mul(x, I(10)) : A("false");
        })}) == "20");
  CHECK(ev("Enum", "member?", {R(1, 10, 3), I(7)}) == "true");
  CHECK(ev("Enum", "member?", {L({I(1)}), F(1.0)}) == "false");
  CHECK(ev("Enum", "member?", {M({{A("a"), I(1)}}), T({A("a"), I(1)})}) == "true");
  CHECK(ev("Enum", "empty?", {M({})}) == "true");
  CHECK(ev("Enum", "empty?", {R(1, 0)}) == "true");
}

TEST_CASE("Enum.join and map_join use String.Chars", "[shell][lib][enum]") {
  LeakCheck leaks;
  Term items = L({I(1), A("two"), S("three"), F(4.0), L({I('f'), S("ive")})});
  CHECK(ev("Enum", "join", {items, S(", ")}) == "\"1, two, three, 4.0, five\"");
  CHECK(ev("Enum", "join", {L({I(1), I(2)})}) == "\"12\"");
  CHECK(ev("Enum", "map_join", {R(1, 3), S("-"), fn1([](const Term& x) { return mul(x, I(2)); })}) == "\"2-4-6\"");
  CHECK(ev("Enum", "map_join", {R(1, 2), inc()}) == "\"23\"");
  CHECK(err("Enum", "join", {L({I(1), T({})}), S(",")}) ==
        "** (Protocol.UndefinedError) protocol String.Chars not implemented for {} of type Tuple");
}

TEST_CASE("Enum groups, counts and collects into lists, maps, MapSets and binaries", "[shell][lib][enum]") {
  LeakCheck leaks;
  CHECK(ev("Enum", "frequencies", {L({S("a"), S("b"), S("a")})}) == "%{\"a\" => 2, \"b\" => 1}");
  CHECK(ev("Enum", "frequencies_by", {L({S("aa"), S("b"), S("cc")}), size_of()}) == "%{1 => 1, 2 => 2}");
  Term odd = fn1([](const Term& x) { return I(x.small() % 2); });
  CHECK(ev("Enum", "group_by", {L({I(1), I(2), I(3), I(4)}), odd, fn1([](const Term& x) { return mul(x, I(10)); })}) ==
        "%{0 => [20, 40], 1 => [10, 30]}");
  CHECK(ev("Enum", "group_by", {L({S("ant"), S("bee")}), size_of()}) == "%{3 => [\"ant\", \"bee\"]}");
  CHECK(ev("Enum", "into", {L({KV("a", I(1)), KV("b", I(2))}), M({})}) == "%{a: 1, b: 2}");
  CHECK(ev("Enum", "into", {L({KV("a", I(1))}), M({{A("b"), I(2)}})}) == "%{a: 1, b: 2}");
  CHECK(ev("Enum", "into", {R(1, 3), L({I(0)}), fn1([](const Term& x) { return mul(x, I(2)); })}) == "[0, 2, 4, 6]");
  CHECK(ev("Enum", "into", {M({{A("a"), I(1)}}), L({})}) == "[a: 1]");
  CHECK(ev("Enum", "into", {L({I(3), I(1), I(3)}), shell::enumerable::mapset_of({I(2)})}) == "MapSet.new([1, 2, 3])");
  CHECK(ev("Enum", "into", {L({S("a"), S("b")}), S("x")}) == "\"xab\"");
  CHECK(err("Enum", "into", {L({I(1)}), M({})}) == "** (ArgumentError) argument error");
  CHECK(err("Enum", "into", {L({I(1)}), I(1)}) ==
        "** (Protocol.UndefinedError) protocol Collectable not implemented for 1 of type Integer");
}

TEST_CASE("Enum positions: at, fetch, take, drop, split and slice", "[shell][lib][enum]") {
  LeakCheck leaks;
  CHECK(ev("Enum", "at", {R(1, 10), I(3)}) == "4");
  CHECK(ev("Enum", "at", {L({I(1), I(2)}), I(-1)}) == "2");
  CHECK(ev("Enum", "at", {L({I(1)}), I(5), A("none")}) == ":none");
  CHECK(ev("Enum", "fetch", {L({I(1), I(2)}), I(1)}) == "{:ok, 2}");
  CHECK(ev("Enum", "fetch", {L({I(1), I(2)}), I(2)}) == ":error");
  CHECK(ev("Enum", "fetch!", {L({I(1), I(2)}), I(0)}) == "1");
  CHECK(err("Enum", "fetch!", {L({I(1)}), I(5)}) == "** (Enum.OutOfBoundsError) out of bounds error");
  CHECK(ev("Enum", "take", {R(1, 10), I(3)}) == "[1, 2, 3]");
  CHECK(ev("Enum", "take", {L({I(1), I(2), I(3)}), I(-2)}) == "[2, 3]");
  CHECK(ev("Enum", "drop", {R(1, 5), I(2)}) == "[3, 4, 5]");
  CHECK(ev("Enum", "drop", {L({I(1), I(2), I(3)}), I(-1)}) == "[1, 2]");
  CHECK(ev("Enum", "take_while", {R(1, 10), lt(4)}) == "[1, 2, 3]");
  CHECK(ev("Enum", "drop_while", {L({I(1), I(2), I(3), I(1)}), lt(3)}) == "[3, 1]");
  CHECK(ev("Enum", "split_while", {L({I(1), I(2), I(3), I(1)}), lt(3)}) == "{[1, 2], [3, 1]}");
  CHECK(ev("Enum", "split", {L({I(1), I(2), I(3)}), I(1)}) == "{[1], [2, 3]}");
  CHECK(ev("Enum", "split", {L({I(1), I(2), I(3)}), I(-1)}) == "{[1, 2], [3]}");
  CHECK(ev("Enum", "split_with", {R(1, 6), fn1([](const Term& x) { return Term::boolean(x.small() % 3 == 0); })}) ==
        "{[3, 6], [1, 2, 4, 5]}");
  CHECK(ev("Enum", "slice", {R(1, 100), R(5, 7)}) == "[6, 7, 8]");
  CHECK(ev("Enum", "slice", {L({I(1), I(2), I(3), I(4), I(5)}), R(1, -2)}) == "[2, 3, 4]");
  CHECK(ev("Enum", "slice", {L({I(1), I(2), I(3), I(4), I(5)}), I(-2), I(5)}) == "[4, 5]");
  CHECK(ev("Enum", "slice", {R(1, 10), R(0, 9, 3)}) == "[1, 4, 7, 10]");
  CHECK(ev("Enum", "slice", {L({I(1), I(2), I(3)}), R(5, 1, -1)}) == "[]");
  CHECK(err("Enum", "slice", {L({I(1), I(2), I(3)}), I(1), I(-1)}) ==
        "** (FunctionClauseError) no function clause matching in Enum.slice/3\n\n"
        "The following arguments were given to Enum.slice/3:\n\n    # 1\n    [1, 2, 3]\n\n    # 2\n    1\n\n"
        "    # 3\n    -1\n");
  CHECK(err("Enum", "at", {L({I(1)}), A("a")}).rfind("** (FunctionClauseError) no function clause matching in Enum.at/3", 0) == 0);
}

TEST_CASE("Enum chunks, zips, indexes and removes duplicates", "[shell][lib][enum]") {
  LeakCheck leaks;
  Term six = L({I(1), I(2), I(3), I(4), I(5), I(6)});
  CHECK(ev("Enum", "chunk_every", {R(1, 5), I(2)}) == "[[1, 2], [3, 4], [5]]");
  CHECK(ev("Enum", "chunk_every", {six, I(3), I(2)}) == "[[1, 2, 3], [3, 4, 5], [5, 6]]");
  CHECK(ev("Enum", "chunk_every", {six, I(3), I(2), A("discard")}) == "[[1, 2, 3], [3, 4, 5]]");
  CHECK(ev("Enum", "chunk_every", {R(1, 4), I(3), I(3), L({A("x"), A("y")})}) == "[[1, 2, 3], [4, :x, :y]]");
  CHECK(err("Enum", "chunk_every", {L({I(1)}), I(0)}).rfind("** (FunctionClauseError) no function clause matching in Enum.chunk_every/4", 0) == 0);
  CHECK(ev("Enum", "chunk_by", {L({I(1), I(2), I(2), I(3), I(4), I(4), I(6), I(7), I(7)}),
                                fn1([](const Term& x) { return Term::boolean(x.small() % 2 == 1); })}) ==
        "[[1], [2, 2], [3], [4, 4, 6], '\\a\\a']");
  CHECK(ev("Enum", "zip", {L({I(1), I(2), I(3)}), L({A("a"), A("b")})}) == "[{1, :a}, {2, :b}]");
  CHECK(ev("Enum", "zip", {L({L({I(1), I(2)}), L({A("a"), A("b")}), L({S("x"), S("y"), S("z")})})}) ==
        "[{1, :a, \"x\"}, {2, :b, \"y\"}]");
  CHECK(ev("Enum", "zip_with", {L({I(1), I(2)}), L({I(3), I(4)}), plus()}) == "[4, 6]");
  CHECK(ev("Enum", "zip_with", {L({L({I(1), I(2)}), L({I(3), I(4)})}), fn1([](const Term& xs) {
          return mul(xs.head(), xs.tail().head());
        })}) == "[3, 8]");
  CHECK(ev("Enum", "unzip", {L({T({I(1), A("a")}), T({I(2), A("b")})})}) == "{[1, 2], [:a, :b]}");
  CHECK(ev("Enum", "with_index", {L({A("a"), A("b")})}) == "[a: 0, b: 1]");
  CHECK(ev("Enum", "with_index", {L({S("a"), S("b")}), I(1)}) == "[{\"a\", 1}, {\"b\", 2}]");
  CHECK(ev("Enum", "with_index", {L({A("a"), A("b")}), fn2([](const Term& x, const Term& i) { return T({i, x}); })}) ==
        "[{0, :a}, {1, :b}]");
  CHECK(ev("Enum", "dedup", {L({I(1), I(1), I(2), I(1)})}) == "[1, 2, 1]");
  CHECK(ev("Enum", "dedup", {L({I(1), F(1.0), I(1)})}) == "[1, 1.0, 1]");
  CHECK(ev("Enum", "uniq", {L({I(1), I(2), I(1), I(3), I(2)})}) == "[1, 2, 3]");
  CHECK(ev("Enum", "uniq_by", {L({T({I(1), A("x")}), T({I(2), A("y")}), T({I(1), A("z")})}), elem0()}) ==
        "[{1, :x}, {2, :y}]");
  CHECK(ev("Enum", "dedup_by", {L({I(5), I(1), I(2), I(3), I(2), I(1)}), gt(2)}) == "[5, 1, 3, 2]");
  CHECK(ev("Enum", "intersperse", {L({I(1), I(2), I(3)}), I(0)}) == "[1, 0, 2, 0, 3]");
  CHECK(ev("Enum", "concat", {L({L({I(1)}), R(2, 3), L({I(4)})})}) == "[1, 2, 3, 4]");
  CHECK(ev("Enum", "concat", {L({I(1)}), L({I(2)})}) == "[1, 2]");
  CHECK(ev("Enum", "map_every", {R(1, 6), I(2), fn1([](const Term& x) { return mul(x, I(10)); })}) ==
        "[10, 2, 30, 4, 50, 6]");
  CHECK(ev("Enum", "take_every", {R(1, 10), I(3)}) == "[1, 4, 7, 10]");
}

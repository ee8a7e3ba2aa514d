// Map and Keyword as Elixir 1.14 computes them (expected values printed by
// real Elixir for the same calls).
#include "shell_lib_helpers.hpp"

using namespace otp;
using namespace otp::test::lib;

namespace {
Term ab() { return M({{A("a"), I(1)}, {A("b"), I(2)}}); }
Term inc() { return fn1([](const Term& x) { return add(x, I(1)); }); }
Term times10() { return fn1([](const Term& x) { return mul(x, I(10)); }); }
}  // namespace

TEST_CASE("Map reads, writes and merges plain maps", "[shell][lib][map]") {
  LeakCheck leaks;
  CHECK(ev("Map", "new", {}) == "%{}");
  CHECK(ev("Map", "new", {L({T({A("a"), I(1)}), T({A("a"), I(2)})})}) == "%{a: 2}");
  CHECK(ev("Map", "new", {R(1, 2), fn1([](const Term& x) { return T({x, mul(x, I(2))}); })}) == "%{1 => 2, 2 => 4}");
  CHECK(ev("Map", "get", {ab(), A("c")}) == "nil");
  CHECK(ev("Map", "get", {ab(), A("c"), I(0)}) == "0");
  CHECK(ev("Map", "get_lazy", {ab(), A("z"), fn0([] { return I(5); })}) == "5");
  CHECK(ev("Map", "fetch", {ab(), A("a")}) == "{:ok, 1}");
  CHECK(ev("Map", "fetch", {ab(), A("z")}) == ":error");
  CHECK(ev("Map", "fetch!", {ab(), A("b")}) == "2");
  CHECK(ev("Map", "put", {ab(), A("c"), I(3)}) == "%{a: 1, b: 2, c: 3}");
  CHECK(ev("Map", "put_new", {ab(), A("a"), I(9)}) == "%{a: 1, b: 2}");
  CHECK(ev("Map", "put_new_lazy", {ab(), A("c"), fn0([] { return I(3); })}) == "%{a: 1, b: 2, c: 3}");
  CHECK(ev("Map", "replace", {ab(), A("z"), I(1)}) == "%{a: 1, b: 2}");
  CHECK(ev("Map", "replace!", {ab(), A("a"), I(0)}) == "%{a: 0, b: 2}");
  CHECK(ev("Map", "delete", {ab(), A("a")}) == "%{b: 2}");
  CHECK(ev("Map", "drop", {ab(), L({A("a"), A("z")})}) == "%{b: 2}");
  CHECK(ev("Map", "take", {ab(), L({A("a"), A("z")})}) == "%{a: 1}");
  CHECK(ev("Map", "split", {ab(), L({A("a")})}) == "{%{a: 1}, %{b: 2}}");
  CHECK(ev("Map", "keys", {ab()}) == "[:a, :b]");
  CHECK(ev("Map", "values", {ab()}) == "[1, 2]");
  CHECK(ev("Map", "to_list", {ab()}) == "[a: 1, b: 2]");
  CHECK(ev("Map", "merge", {ab(), M({{A("b"), I(3)}, {A("c"), I(4)}})}) == "%{a: 1, b: 3, c: 4}");
  Term sum3 = make_fun(Atom::intern("erl_eval"), "expr/6", 3, [](std::span<const Term> a) { return add(a[1], a[2]); });
  CHECK(ev("Map", "merge", {ab(), M({{A("b"), I(3)}}), sum3}) == "%{a: 1, b: 5}");
  CHECK(ev("Map", "update", {ab(), A("c"), I(0), inc()}) == "%{a: 1, b: 2, c: 0}");
  CHECK(ev("Map", "update!", {ab(), A("a"), inc()}) == "%{a: 2, b: 2}");
  CHECK(ev("Map", "has_key?", {ab(), A("a")}) == "true");
  CHECK(ev("Map", "pop", {ab(), A("a")}) == "{1, %{b: 2}}");
  CHECK(ev("Map", "pop", {ab(), A("z"), A("d")}) == "{:d, %{a: 1, b: 2}}");
  Term big_value = fn1([](const Term& kv) { return Term::boolean(kv[1].small() > 1); });
  CHECK(ev("Map", "filter", {ab(), big_value}) == "%{b: 2}");
  CHECK(ev("Map", "reject", {ab(), big_value}) == "%{a: 1}");
  CHECK(ev("Map", "from_struct", {R(1, 2)}) == "%{first: 1, last: 2, step: 1}");
  CHECK(ev("Map", "equal?", {ab(), ab()}) == "true");
}

TEST_CASE("Map raises KeyError and BadMapError as Elixir does", "[shell][lib][map]") {
  LeakCheck leaks;
  CHECK(err("Map", "fetch!", {M({}), A("a")}) == "** (KeyError) key :a not found in: %{}");
  CHECK(err("Map", "fetch!", {M({{A("b"), I(1)}}), A("a")}) == "** (KeyError) key :a not found in: %{b: 1}");
  CHECK(err("Map", "update!", {M({}), A("a"), inc()}) == "** (KeyError) key :a not found in: %{}");
  CHECK(err("Map", "replace!", {M({}), A("a"), I(1)}) == "** (KeyError) key :a not found in: %{}");
  CHECK(err("Map", "get", {I(1), A("a")}) == "** (BadMapError) expected a map, got: 1");
  CHECK(err("Map", "put", {A("a"), I(1), I(2)}) == "** (BadMapError) expected a map, got: :a");
  CHECK(err("Map", "new", {I(1)}) == "** (Protocol.UndefinedError) protocol Enumerable not implemented for 1 of type Integer");
  CHECK(err("Map", "from_struct", {I(1)}).rfind("** (FunctionClauseError) no function clause matching in Map.from_struct/1", 0) == 0);
  try {
    call("Map", "fetch!", {M({}), A("a")});
  } catch (const ErlangError& e) {
    CHECK(inspect(e.reason) == "%KeyError{key: :a, term: %{}, message: nil}");
  }
}

TEST_CASE("Keyword keeps order and duplicates, reads the first occurrence", "[shell][lib][keyword]") {
  LeakCheck leaks;
  Term kw = L({KV("a", I(1)), KV("b", I(2)), KV("a", I(3))});
  CHECK(ev("Keyword", "get", {kw, A("a")}) == "1");
  CHECK(ev("Keyword", "get", {kw, A("z"), I(0)}) == "0");
  CHECK(ev("Keyword", "get_values", {kw, A("a")}) == "[1, 3]");
  CHECK(ev("Keyword", "fetch", {kw, A("b")}) == "{:ok, 2}");
  CHECK(ev("Keyword", "fetch!", {kw, A("b")}) == "2");
  CHECK(ev("Keyword", "has_key?", {kw, A("a")}) == "true");
  CHECK(ev("Keyword", "put", {kw, A("a"), I(9)}) == "[a: 9, b: 2]");
  CHECK(ev("Keyword", "put_new", {L({KV("b", I(2))}), A("a"), I(1)}) == "[a: 1, b: 2]");
  CHECK(ev("Keyword", "delete", {kw, A("a")}) == "[b: 2]");
  CHECK(ev("Keyword", "keys", {kw}) == "[:a, :b, :a]");
  CHECK(ev("Keyword", "values", {L({KV("a", I(1)), KV("b", I(2))})}) == "[1, 2]");
  CHECK(ev("Keyword", "merge", {L({KV("a", I(1)), KV("b", I(2))}), L({KV("b", I(3)), KV("c", I(4))})}) == "[a: 1, b: 3, c: 4]");
  Term sum3 = make_fun(Atom::intern("erl_eval"), "expr/6", 3, [](std::span<const Term> a) { return add(a[1], a[2]); });
  CHECK(ev("Keyword", "merge", {L({KV("a", I(1)), KV("b", I(2))}), L({KV("b", I(3))}), sum3}) == "[a: 1, b: 5]");
  CHECK(ev("Keyword", "new", {}) == "[]");
  CHECK(ev("Keyword", "new", {L({KV("b", I(1)), KV("a", I(2)), KV("b", I(3))})}) == "[a: 2, b: 3]");
  CHECK(ev("Keyword", "new", {L({A("a"), A("b")}), fn1([](const Term& k) { return T({k, I(0)}); })}) == "[a: 0, b: 0]");
  CHECK(ev("Keyword", "take", {kw, L({A("a")})}) == "[a: 1, a: 3]");
  CHECK(ev("Keyword", "drop", {kw, L({A("a")})}) == "[b: 2]");
  CHECK(ev("Keyword", "split", {L({KV("a", I(1)), KV("b", I(2))}), L({A("a")})}) == "{[a: 1], [b: 2]}");
  CHECK(ev("Keyword", "update", {kw, A("a"), I(0), times10()}) == "[a: 10, b: 2]");
  CHECK(ev("Keyword", "update", {L({KV("b", I(2))}), A("a"), I(0), times10()}) == "[b: 2, a: 0]");
  CHECK(ev("Keyword", "update!", {L({KV("a", I(1))}), A("a"), inc()}) == "[a: 2]");
  CHECK(ev("Keyword", "replace!", {L({KV("a", I(1)), KV("a", I(2))}), A("a"), I(3)}) == "[a: 3]");
  CHECK(ev("Keyword", "pop", {kw, A("a")}) == "{1, [b: 2]}");
  CHECK(ev("Keyword", "pop", {L({KV("a", I(1))}), A("b"), I(0)}) == "{0, [a: 1]}");
  CHECK(ev("Keyword", "reject", {L({KV("a", I(1)), KV("b", I(2))}), fn1([](const Term& kv) {
          return Term::boolean(kv[1].small() > 1);
        })}) == "[a: 1]");
  CHECK(ev("Keyword", "keyword?", {L({KV("a", I(1))})}) == "true");
  CHECK(ev("Keyword", "keyword?", {L({T({S("a"), I(1)})})}) == "false");
  CHECK(ev("Keyword", "to_list", {L({KV("a", I(1))})}) == "[a: 1]");
  CHECK(ev("Keyword", "filter", {L({KV("a", I(1)), KV("b", I(2))}), fn1([](const Term& kv) {
          return Term::boolean(kv[1].small() > 1);
        })}) == "[b: 2]");
  CHECK(err("Keyword", "fetch!", {L({KV("b", I(1))}), A("a")}) == "** (KeyError) key :a not found in: [b: 1]");
  CHECK(err("Keyword", "update!", {L({}), A("a"), inc()}) == "** (KeyError) key :a not found in: []");
  CHECK(err("Keyword", "get", {A("x"), A("a")}) ==
        "** (FunctionClauseError) no function clause matching in Keyword.get/3\n\nThe following arguments were given "
        "to Keyword.get/3:\n\n    # 1\n    :x\n\n    # 2\n    :a\n\n    # 3\n    nil\n\nAttempted function clauses "
        "(showing 1 out of 1):\n\n    def get(keywords, key, default) when is_list(keywords) and is_atom(key)\n");
  CHECK(err("Keyword", "put", {L({}), S("b"), I(1)}).rfind("** (FunctionClauseError) no function clause matching in Keyword.put/3", 0) == 0);
  CHECK(err("Keyword", "merge", {L({KV("a", I(1))}), L({I(1)})}) ==
        "** (ArgumentError) expected a keyword list as the second argument, got: [1]");
}

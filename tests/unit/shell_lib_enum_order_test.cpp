// Enum's order functions (sort, sort_by, max, min, min_max, ...) and its
// Protocol.UndefinedError, as Elixir 1.14 computes them.
#include "shell_lib_helpers.hpp"

using namespace otp;
using namespace otp::test::lib;

namespace {
Term inc() { return fn1([](const Term& x) { return add(x, I(1)); }); }
Term elem0() { return fn1([](const Term& x) { return x[0]; }); }
Term size_of() { return fn1([](const Term& x) { return I(static_cast<int64_t>(x.bytes().size())); }); }
}  // namespace

TEST_CASE("Enum sorts stably and finds extremes, first of equals", "[shell][lib][enum]") {
  LeakCheck leaks;
  CHECK(ev("Enum", "sort", {L({I(3), I(1), I(2)})}) == "[1, 2, 3]");
  CHECK(ev("Enum", "sort", {L({I(3), I(1), I(2)}), A("desc")}) == "[3, 2, 1]");
  CHECK(ev("Enum", "sort", {L({F(1.0), I(1)}), A("desc")}) == "[1.0, 1]");
  CHECK(ev("Enum", "sort", {L({S("bb"), S("a"), S("ccc")}), fn2([](const Term& a, const Term& b) {
          return Term::boolean(a.bytes().size() >= b.bytes().size());
        })}) == "[\"ccc\", \"bb\", \"a\"]");
  CHECK(ev("Enum", "sort", {L({KV("b", I(2)), KV("a", I(1)), KV("c", I(0))})}) == "[a: 1, b: 2, c: 0]");
  CHECK(ev("Enum", "sort", {M({{A("b"), I(1)}, {A("a"), I(2)}})}) == "[a: 2, b: 1]");
  CHECK(ev("Enum", "sort_by", {L({S("bb"), S("a"), S("ccc")}), size_of()}) == "[\"a\", \"bb\", \"ccc\"]");
  CHECK(ev("Enum", "sort_by", {L({T({I(1), A("b")}), T({I(0), A("a")}), T({I(1), A("a")})}), elem0(), A("desc")}) ==
        "[{1, :b}, {1, :a}, {0, :a}]");
  CHECK(ev("Enum", "max", {L({I(1), I(3), I(2)})}) == "3");
  CHECK(ev("Enum", "max", {L({I(1), F(2.0), I(2)})}) == "2.0");
  CHECK(ev("Enum", "min", {L({S("b"), S("a")})}) == "\"a\"");
  CHECK(ev("Enum", "max", {L({I(1), I(3), I(2)}), fn2([](const Term& a, const Term& b) {
          return Term::boolean(compare(a, b) <= 0);
        })}) == "1");
  CHECK(ev("Enum", "max", {L({}), fn0([] { return A("none"); })}) == ":none");
  CHECK(ev("Enum", "max_by", {L({S("a"), S("ccc"), S("bb")}), size_of()}) == "\"ccc\"");
  CHECK(ev("Enum", "min_by", {L({}), inc(), fn0([] { return A("empty"); })}) == ":empty");
  CHECK(ev("Enum", "min_max", {L({I(3), I(1), I(2)})}) == "{1, 3}");
  CHECK(ev("Enum", "min_max", {L({F(1.0), I(1), I(2), F(2.0)})}) == "{1.0, 2}");
  CHECK(err("Enum", "max", {L({})}) == "** (Enum.EmptyError) empty error");
  CHECK(err("Enum", "min_max", {L({})}) == "** (Enum.EmptyError) empty error");
}

TEST_CASE("Enum on a value that is not enumerable raises Protocol.UndefinedError", "[shell][lib][enum]") {
  LeakCheck leaks;
  CHECK(err("Enum", "map", {I(1), inc()}) ==
        "** (Protocol.UndefinedError) protocol Enumerable not implemented for 1 of type Integer");
  CHECK(err("Enum", "count", {T({I(1)})}) ==
        "** (Protocol.UndefinedError) protocol Enumerable not implemented for {1} of type Tuple");
  CHECK(err("Enum", "to_list", {S("abc")}) ==
        "** (Protocol.UndefinedError) protocol Enumerable not implemented for \"abc\" of type BitString");
  Term some_struct = M({{Term(atom::__struct__), A("Elixir.URI")}, {A("host"), Nil()}});
  CHECK(err("Enum", "to_list", {some_struct}) ==
        "** (Protocol.UndefinedError) protocol Enumerable not implemented for %{__struct__: URI, host: nil} of type "
        "URI (a struct)");
  CHECK(err("Enum", "map", {L({I(1)}), A("nope")}) == "** (BadFunctionError) expected a function, got: :nope");
}

TEST_CASE("Enum extremes take sorters and empty fallbacks in every arity", "[shell][lib][enum]") {
  LeakCheck leaks;
  Term le = fn2([](const Term& a, const Term& b) { return Term::boolean(compare(a, b) <= 0); });
  Term ge = fn2([](const Term& a, const Term& b) { return Term::boolean(compare(a, b) >= 0); });
  Term none = fn0([] { return A("e"); });
  CHECK(ev("Enum", "max_by", {L({S("a"), S("bb")}), size_of(), le}) == "\"a\"");
  CHECK(ev("Enum", "max_by", {L({}), size_of(), ge, none}) == ":e");
  CHECK(ev("Enum", "min", {L({I(3), I(1)}), ge}) == "3");
  CHECK(ev("Enum", "min", {L({I(2), I(1)})}) == "1");
  CHECK(ev("Enum", "min", {L({}), le, none}) == ":e");
  CHECK(ev("Enum", "max", {L({I(1), I(3)}), ge, none}) == "3");
  CHECK(ev("Enum", "min_by", {L({S("aa"), S("b")}), size_of(), ge}) == "\"aa\"");
  CHECK(ev("Enum", "min_by", {L({}), size_of(), le, none}) == ":e");
  CHECK(ev("Enum", "min_by", {L({S("aa"), S("b")}), size_of()}) == "\"b\"");
  CHECK(ev("Enum", "min_max", {L({}), none}) == ":e");
  CHECK(ev("Enum", "min_max_by", {L({S("aaa"), S("b"), S("cc")}), size_of()}) == "{\"b\", \"aaa\"}");
  CHECK(ev("Enum", "min_max_by", {L({}), size_of(), none}) == ":e");
  CHECK(ev("Enum", "find_value", {L({I(1)}), A("d"), fn1([](const Term&) { return Nil(); })}) == ":d");
}

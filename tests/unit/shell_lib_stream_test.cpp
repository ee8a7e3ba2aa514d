// Stream and the Enumerable protocol: laziness (side effects only for what
// is pulled), infinite streams, Elixir's protocol for funs of arity 2
// ({:cont, acc} / {:halt, acc} / {:suspend, acc}), and preemption of long
// walks. Expected values are what Elixir 1.14 prints.
#include "node_fixture.hpp"
#include "shell_lib_helpers.hpp"

using namespace otp;
using namespace otp::test;
using namespace otp::test::lib;

namespace {
Term inc() { return fn1([](const Term& x) { return add(x, I(1)); }); }
Term twice() { return fn1([](const Term& x) { return mul(x, I(2)); }); }
Term gt(int64_t n) { return fn1([n](const Term& x) { return Term::boolean(compare(x, I(n)) > 0); }); }
Term lt(int64_t n) { return fn1([n](const Term& x) { return Term::boolean(compare(x, I(n)) < 0); }); }
Term plus() { return fn2([](const Term& x, const Term& y) { return add(x, y); }); }
Term to_list(const Term& e) { return call("Enum", "to_list", {e}); }
std::string list_of(const Term& e) { return inspect(to_list(e)); }

// An enumerable written as Elixir's protocol for funs: reduces over [1, 2, 3].
Term protocol_fun(int* calls) {
  auto step = std::make_shared<std::function<Term(int64_t, Term, Term)>>();
  *step = [calls, weak = std::weak_ptr<std::function<Term(int64_t, Term, Term)>>(step)](int64_t next, Term cmd, Term reducer) -> Term {
    auto self = weak.lock();
    for (;;) {
      if (cmd[0] == A("halt")) return T({A("halted"), cmd[1]});
      if (cmd[0] == A("suspend"))
        return T({A("suspended"), cmd[1], fn1([self, next, reducer](const Term& c) { return (*self)(next, c, reducer); })});
      if (next > 3) return T({A("done"), cmd[1]});
      ++*calls;
      Term args[2] = {I(next), cmd[1]};
      cmd = apply_fun(reducer, args);
      ++next;
    }
  };
  return fn2([step](const Term& acc, const Term& reducer) { return (*step)(1, acc, reducer); });
}
}  // namespace

TEST_CASE("Stream stages print as Elixir's %Stream{} and compose lazily", "[shell][lib][stream]") {
  LeakCheck leaks;
  Term s = call("Stream", "map", {R(1, 3), inc()});
  CHECK(inspect(s) == "#Stream<[enum: 1..3, funs: [#Function<48.103858489/1 in Stream.map/2>]]>");
  Term s2 = call("Stream", "filter", {s, gt(2)});
  CHECK(inspect(s2) ==
        "#Stream<[\n  enum: 1..3,\n  funs: [#Function<48.103858489/1 in Stream.map/2>,\n   #Function<40.103858489/1 in "
        "Stream.filter/2>]\n]>");
  CHECK(list_of(s2) == "[3, 4]");
  CHECK(inspect(call("Stream", "take", {R(1, 3), I(0)})) == "#Stream<[enum: [], funs: []]>");
  CHECK(inspect(call("Stream", "iterate", {I(1), inc()})) == "#Function<63.103858489/2 in Stream.unfold/2>");
  CHECK(inspect(*call("Stream", "take", {R(1, 3), I(2)}).map_get(A("accs"))) == "[2]");
  CHECK(ev("Enum", "sum", {call("Stream", "filter", {call("Stream", "map", {R(1, 3), twice()}), gt(2)})}) == "10");
}

TEST_CASE("a stream runs its side effects only for the elements pulled", "[shell][lib][stream]") {
  LeakCheck leaks;
  std::vector<int64_t> seen;
  Term record = fn1([&](const Term& x) { return seen.push_back(x.small()), A("ok"); });
  Term s = call("Stream", "each", {R(1, 10), record});
  CHECK(ev("Enum", "take", {s, I(2)}) == "[1, 2]");
  CHECK(seen == std::vector<int64_t>{1, 2});
  seen.clear();
  CHECK(list_of(call("Stream", "take", {s, I(3)})) == "[1, 2, 3]");
  CHECK(seen == std::vector<int64_t>{1, 2, 3});
  seen.clear();
  CHECK(ev("Stream", "run", {call("Stream", "take", {s, I(2)})}) == ":ok");
  CHECK(seen.size() == 2);
}

TEST_CASE("infinite streams are cut by take, take_while and zip", "[shell][lib][stream]") {
  LeakCheck leaks;
  Term naturals = call("Stream", "iterate", {I(0), inc()});
  CHECK(ev("Enum", "take", {call("Stream", "map", {naturals, twice()}), I(5)}) == "[0, 2, 4, 6, 8]");
  CHECK(list_of(call("Stream", "take_while", {naturals, lt(4)})) == "[0, 1, 2, 3]");
  CHECK(ev("Enum", "zip", {L({I(1), I(2), I(3)}), call("Stream", "cycle", {L({A("a"), A("b")})})}) ==
        "[{1, :a}, {2, :b}, {3, :a}]");
  CHECK(ev("Enum", "zip", {call("Stream", "map", {R(1, 3), fn1([](const Term& x) { return x; })}), naturals}) ==
        "[{1, 0}, {2, 1}, {3, 2}]");
  CHECK(ev("Enum", "take", {call("Stream", "cycle", {R(1, 2)}), I(5)}) == "[1, 2, 1, 2, 1]");
  CHECK(ev("Enum", "at", {naturals, I(100)}) == "100");
  CHECK(ev("Enum", "find", {naturals, gt(41)}) == "42");
  Term countdown = fn1([](const Term& n) { return n.small() == 0 ? Term() : T({n, sub(n, I(1))}); });
  CHECK(list_of(call("Stream", "unfold", {I(5), countdown})) == "[5, 4, 3, 2, 1]");
  int n = 0;
  CHECK(ev("Enum", "take", {call("Stream", "repeatedly", {fn0([&] { return I(++n); })}), I(3)}) == "[1, 2, 3]");
  CHECK(err("Stream", "cycle", {L({})}) == "** (ArgumentError) cannot cycle over an empty enumerable");
}

TEST_CASE("Stream stages transform like their Enum twins", "[shell][lib][stream]") {
  LeakCheck leaks;
  CHECK(list_of(call("Stream", "reject", {R(1, 5), gt(3)})) == "[1, 2, 3]");
  CHECK(list_of(call("Stream", "drop", {R(1, 5), I(2)})) == "[3, 4, 5]");
  CHECK(list_of(call("Stream", "drop", {R(1, 10), I(-3)})) == "[1, 2, 3, 4, 5, 6, 7]");
  CHECK(list_of(call("Stream", "take", {R(1, 10), I(-3)})) == "'\\b\\t\\n'");
  CHECK(list_of(call("Stream", "drop_while", {R(1, 5), lt(3)})) == "[3, 4, 5]");
  CHECK(list_of(call("Stream", "with_index", {L({A("a"), A("b")}), I(1)})) == "[a: 1, b: 2]");
  CHECK(list_of(call("Stream", "chunk_every", {R(1, 5), I(2)})) == "[[1, 2], [3, 4], [5]]");
  CHECK(list_of(call("Stream", "dedup", {L({I(1), I(1), I(2), I(1)})})) == "[1, 2, 1]");
  CHECK(list_of(call("Stream", "uniq", {L({I(1), F(1.0), I(1)})})) == "[1, 1.0]");
  CHECK(list_of(call("Stream", "scan", {R(1, 5), plus()})) == "[1, 3, 6, 10, 15]");
  CHECK(list_of(call("Stream", "scan", {R(1, 3), I(10), plus()})) == "[11, 13, 16]");
  CHECK(list_of(call("Stream", "map_every", {R(1, 10), I(3), fn1([](const Term& x) { return mul(x, I(100)); })})) ==
        "[100, 2, 3, 400, 5, 6, 700, 8, 9, 1000]");
  CHECK(list_of(call("Stream", "intersperse", {R(1, 3), I(0)})) == "[1, 0, 2, 0, 3]");
  CHECK(list_of(call("Stream", "concat", {L({L({I(1)}), R(2, 3)})})) == "[1, 2, 3]");
  CHECK(list_of(call("Stream", "concat", {R(1, 2), L({I(3)})})) == "[1, 2, 3]");
  CHECK(list_of(call("Stream", "flat_map", {L({I(1), I(2)}), fn1([](const Term& x) { return L({x, x}); })})) ==
        "[1, 1, 2, 2]");
  Term upto = fn2([](const Term& x, const Term& acc) {
    return acc.small() > 2 ? T({A("halt"), acc}) : T({L({x, x}), add(acc, I(1))});
  });
  CHECK(list_of(call("Stream", "transform", {R(1, 5), I(0), upto})) == "[1, 1, 2, 2, 3, 3]");
  CHECK(list_of(call("Stream", "zip", {L({L({I(1), I(2)}), L({I(3), I(4), I(5)})})})) == "[{1, 3}, {2, 4}]");
  CHECK(list_of(call("Stream", "zip_with", {L({I(1), I(2)}), L({I(3), I(4), I(5)}), plus()})) == "[4, 6]");
  CHECK(err("Stream", "map", {R(1, 3), A("a")}).rfind("** (FunctionClauseError) no function clause matching in Stream.map/2", 0) == 0);
  CHECK(err("Stream", "take", {R(1, 3), A("a")}).rfind("** (FunctionClauseError) no function clause matching in Stream.take/2", 0) == 0);
  CHECK(err("Enum", "to_list", {call("Stream", "map", {I(1), inc()})}) ==
        "** (Protocol.UndefinedError) protocol Enumerable not implemented for 1 of type Integer");
}

TEST_CASE("Stream.resource calls its after fun when the stream halts or ends", "[shell][lib][stream]") {
  LeakCheck leaks;
  std::vector<std::string> log;
  Term start = fn0([] { return I(0); });
  Term next = fn1([](const Term& n) { return n.small() == 3 ? T({A("halt"), n}) : T({L({n}), add(n, I(1))}); });
  Term after = fn1([&](const Term& acc) { return log.push_back("after " + inspect(acc)), A("ok"); });
  Term r = call("Stream", "resource", {start, next, after});
  CHECK(inspect(r) == "#Function<52.103858489/2 in Stream.resource/3>");
  CHECK(ev("Enum", "take", {r, I(2)}) == "[0, 1]");
  CHECK(log == std::vector<std::string>{"after 2"});
  CHECK(list_of(r) == "[0, 1, 2]");
  CHECK(log == std::vector<std::string>{"after 2", "after 3"});
  CHECK(list_of(call("Stream", "take", {r, I(1)})) == "[0]");
  CHECK(log.back() == "after 1");
}

TEST_CASE("funs of arity 2 are enumerable through Elixir's reduce protocol", "[shell][lib][stream]") {
  LeakCheck leaks;
  int calls = 0;
  Term f = protocol_fun(&calls);
  CHECK(list_of(f) == "[1, 2, 3]");
  CHECK(ev("Enum", "take", {f, I(2)}) == "[1, 2]");
  CHECK(ev("Enum", "zip", {f, L({A("a"), A("b")})}) == "[{1, :a}, {2, :b}]");
  CHECK(list_of(call("Stream", "map", {f, inc()})) == "[2, 3, 4]");
  // A lazy fun made here speaks the same protocol to anyone who calls it.
  Term naturals = call("Stream", "iterate", {I(0), inc()});
  Term collect_two = fn2([](const Term& x, const Term& acc) {
    Term next = Term::cons(x, acc);
    return T({list_length(next) < 2 ? A("cont") : A("halt"), next});
  });
  Term args[2] = {T({A("cont"), L({})}), collect_two};
  CHECK(inspect(apply_fun(naturals, args)) == "{:halted, [1, 0]}");
  Term suspend_first = fn2([](const Term& x, const Term&) { return T({A("suspend"), x}); });
  Term args2[2] = {T({A("cont"), Nil()}), suspend_first};
  Term r = apply_fun(naturals, args2);
  CHECK(r[0] == A("suspended"));
  CHECK(r[1] == I(0));
  Term resume = T({A("halt"), A("done")});
  CHECK(inspect(apply_fun(r[2], std::span<const Term>(&resume, 1))) == "{:halted, :done}");
}

TEST_CASE("ranges, MapSets and maps are enumerable and print as Elixir's", "[shell][lib][stream]") {
  LeakCheck leaks;
  CHECK(inspect(R(1, 3)) == "1..3");
  CHECK(inspect(R(3, 1, -1)) == "3..1//-1");
  CHECK(inspect(R(1, 0)) == "1..0//1");
  CHECK(inspect(R(1, 10, 3)) == "1..10//3");
  CHECK(list_of(R(10, 1, -3)) == "[10, 7, 4, 1]");
  CHECK(list_of(R(1, 0)) == "[]");
  Term set = shell::enumerable::mapset_of({L({I(97)}), S("a"), A("b")});
  CHECK(inspect(set) == "MapSet.new([:b, [97], \"a\"])");
  CHECK(list_of(set) == "[:b, 'a', \"a\"]");
  CHECK(ev("Enum", "count", {R(1, 10, 3)}) == "4");
  CHECK(ev("Enum", "member?", {set, S("a")}) == "true");
  CHECK(list_of(M({{A("b"), I(2)}, {A("a"), I(1)}})) == "[a: 1, b: 2]");
}

TEST_CASE("a long walk calling funs spends reductions and yields to other processes", "[shell][lib][stream]") {
  NodeFixture f(100);
  std::vector<std::string> order;
  f.node.spawn([&](Process&) {
    Term each = fn1([&](const Term&) { return order.push_back("a"), A("ok"); });
    call("Enum", "each", {R(1, 2000), each});
  });
  f.node.spawn([&](Process&) { order.push_back("b"); });
  f.node.run_until_idle();
  REQUIRE(order.size() == 2001);
  auto b = std::find(order.begin(), order.end(), "b") - order.begin();
  CHECK(b > 0);
  CHECK(b < 200);
}

TEST_CASE("Stream.interval sleeps on the node's clock before each element", "[shell][lib][stream]") {
  NodeFixture f;
  std::string got;
  f.node.spawn([&](Process&) { got = ev("Enum", "take", {call("Stream", "interval", {I(100)}), I(3)}); });
  f.node.run_until_idle();
  CHECK(got.empty());
  f.node.advance(250);
  f.node.run_until_idle();
  CHECK(got.empty());
  f.node.advance(50);
  f.node.run_until_idle();
  CHECK(got == "[0, 1, 2]");
}

TEST_CASE("Stream's remaining arities: chunk_every/3,4, dedup_by, uniq_by, with_index/1, zip/2, zip_with/2", "[shell][lib][stream]") {
  LeakCheck leaks;
  Term big = fn1([](const Term& x) { return Term::boolean(x.small() > 2); });
  CHECK(list_of(call("Stream", "chunk_every", {R(1, 6), I(3), I(2)})) == "[[1, 2, 3], [3, 4, 5], [5, 6]]");
  CHECK(list_of(call("Stream", "chunk_every", {R(1, 6), I(3), I(2), A("discard")})) == "[[1, 2, 3], [3, 4, 5]]");
  CHECK(list_of(call("Stream", "dedup_by", {L({I(5), I(1), I(2), I(3), I(2), I(1)}), big})) == "[5, 1, 3, 2]");
  CHECK(list_of(call("Stream", "uniq_by", {L({T({I(1), A("x")}), T({I(1), A("y")})}), fn1([](const Term& t) { return t[0]; })})) ==
        "[{1, :x}]");
  CHECK(list_of(call("Stream", "with_index", {L({A("a")})})) == "[a: 0]");
  CHECK(list_of(call("Stream", "zip", {L({I(1), I(2)}), L({A("a")})})) == "[{1, :a}]");
  CHECK(list_of(call("Stream", "zip_with", {L({L({I(1), I(2)}), L({I(3), I(4)})}), fn1([](const Term& xs) {
          return add(xs.head(), xs.tail().head());
        })})) == "[4, 6]");
}

TEST_CASE("Stream.timer emits 0 once after its delay", "[shell][lib][stream]") {
  NodeFixture f;
  std::string got, shown;
  f.node.spawn([&](Process&) {
    Term t = call("Stream", "timer", {I(100)});
    shown = inspect(t, InspectOptions{1000, 50, true});
    got = list_of(t);
  });
  f.node.run_until_idle();
  CHECK(got.empty());
  f.node.advance(100);
  f.node.run_until_idle();
  CHECK(got == "[0]");
  CHECK(shown ==
        "#Stream<[enum: #Function<63.103858489/2 in Stream.unfold/2>, funs: [#Function<56.103858489/1 in "
        "Stream.take_after_guards/2>]]>");
}

TEST_CASE("a C++ generator made lazy is pulled only as far as the consumer needs", "[shell][lib][stream]") {
  LeakCheck leaks;
  int produced = 0, closed = 0;
  Term numbers = shell::enumerable::make_lazy(Atom::intern("Elixir.Task"), "async_stream/3", 0, [&] {
    return shell::enumerable::generator(
        [&, n = 0]() mutable -> std::optional<Term> {
          if (n == 5) return std::nullopt;
          ++produced;
          return I(n++);
        },
        [&] { ++closed; });
  });
  CHECK(inspect(numbers) == "#Function<0.103858489/2 in Task.async_stream/3>");
  CHECK(ev("Enum", "take", {numbers, I(2)}) == "[0, 1]");
  CHECK(produced == 2);
  CHECK(closed == 1);
  CHECK(list_of(numbers) == "[0, 1, 2, 3, 4]");
  CHECK(closed == 1);
}

// Term representation, construction, accessors, reference counting, maps.
#include <catch2/catch.hpp>
#include <thread>

#include "term/fun.hpp"
#include "term/struct.hpp"
#include "term/term.hpp"

using namespace otp;

namespace {
struct TestFun : FunObject {
  using FunObject::FunObject;
};
}  // namespace

TEST_CASE("immediates need no heap object and boxed terms do", "[term]") {
  std::size_t base = term_live_objects();
  {
    Term a = Term::integer(42), b = Term::atom("hello"), c(Pid{110, 0}), d(Ref{7}), e = Term::empty_list();
    Term f = Term::integer(Term::kSmallMax), g = Term::integer(Term::kSmallMin);
    CHECK(term_live_objects() == base);
    CHECK(a.is_small());
    CHECK(f.is_small());
    CHECK(g.small() == Term::kSmallMin);
    CHECK(c.pid() == Pid{110, 0});
    CHECK(d.ref().id == 7);
    CHECK(e.is_nil_list());
    CHECK(e.is_list());
    Term big = Term::integer(Term::kSmallMax + 1);
    Term fl = Term::from_double(1.5);
    CHECK(term_live_objects() == base + 2);
    CHECK(big.is_bignum());
    CHECK(fl.as_double() == 1.5);
  }
  CHECK(term_live_objects() == base);
}

TEST_CASE("a default term is the atom nil and booleans are atoms", "[term]") {
  CHECK(Term().is_atom(atom::nil));
  CHECK(Term::boolean(true).is_atom(atom::true_));
  CHECK(Term::boolean(false) == Term::atom("false"));
  CHECK(atom::ok.name() == "ok");
  CHECK(atom::EXIT.name() == "EXIT");
  CHECK(atom::elixir_runtime_error.name() == "Elixir.RuntimeError");
  CHECK(Atom::intern("trap_exit") == atom::trap_exit);
}

TEST_CASE("copies share a boxed object and the last release frees it", "[term]") {
  std::size_t base = term_live_objects();
  {
    Term t = Term::tuple({Term::integer(1), Term::binary("x"), Term::list({Term::from_double(2.0)})});
    CHECK(term_live_objects() == base + 4);  // tuple, binary, cons, float
    Term copy = t;
    Term moved = std::move(copy);
    CHECK(term_live_objects() == base + 4);
    CHECK(moved.tuple_size() == 3);
    CHECK(moved[1].bytes() == "x");
    t = Term::integer(0);
    CHECK(term_live_objects() == base + 4);
  }
  CHECK(term_live_objects() == base);
}

TEST_CASE("a million-element list is freed without deep recursion", "[term]") {
  std::size_t base = term_live_objects();
  {
    Term l = Term::empty_list();
    for (int i = 0; i < 1000000; ++i) l = Term::cons(Term::integer(i), std::move(l));
    CHECK(list_length(l) == 1000000);
  }
  CHECK(term_live_objects() == base);
}

TEST_CASE("integers normalise between small and bignum", "[term][arith]") {
  BigInt big = BigInt(1) << 100;
  Term b = Term::integer(big);
  CHECK(b.is_bignum());
  CHECK(b.bigint() == big);
  Term s = Term::integer(BigInt(12345));
  CHECK(s.is_small());
  CHECK(s.small() == 12345);
  CHECK(Term::integer(int64_t{1} << 62).is_bignum());
  CHECK(Term::integer(BigInt(int64_t{1} << 62)) == Term::integer(int64_t{1} << 62));
}

TEST_CASE("lists, charlists and improper lists are built from cons cells", "[term]") {
  Term l = Term::list({Term::integer(1), Term::integer(2)}, Term::integer(3));
  CHECK(l.head().small() == 1);
  CHECK(l.tail().tail().small() == 3);
  CHECK(list_length(l) == -1);
  CHECK_THROWS(list_to_vector(l));
  Term cl = Term::charlist("hé");
  auto v = list_to_vector(cl);
  REQUIRE(v.size() == 2);
  CHECK(v[1].small() == 0xE9);
}

TEST_CASE("maps keep keys in order, last duplicate wins, and updates copy", "[term][map]") {
  std::size_t base = term_live_objects();
  {
    Term m = Term::map({{Term::atom("b"), Term::integer(1)}, {Term::atom("a"), Term::integer(2)},
                        {Term::atom("b"), Term::integer(3)}});
    REQUIRE(m.map_size() == 2);
    CHECK(m.map_entries()[0].key.is_atom(Atom::intern("a")));
    CHECK(m.map_get(Term::atom("b"))->small() == 3);
    CHECK(m.map_get(Term::atom("zzz")) == nullptr);
    Term m2 = m.map_put(Term::atom("c"), Term::integer(4));
    CHECK(m.map_size() == 2);
    CHECK(m2.map_size() == 3);
    Term m3 = m2.map_remove(Term::atom("a"));
    CHECK(m3.map_size() == 2);
    CHECK(m3.map_get(Term::atom("a")) == nullptr);
    CHECK(m.map_remove(Term::atom("nope")) == m);
    // 1 and 1.0 are distinct keys; integers sort before floats.
    Term n = Term::map({{Term::from_double(1.0), Term::atom("a")}, {Term::integer(2), Term::atom("b")},
                        {Term::integer(1), Term::atom("c")}});
    REQUIRE(n.map_size() == 3);
    CHECK(n.map_entries()[0].key == Term::integer(1));
    CHECK(n.map_entries()[2].key.is_float());
  }
  CHECK(term_live_objects() == base);
}

TEST_CASE("funs are boxed objects freed through their virtual destructor", "[term][fun]") {
  std::size_t base = term_live_objects();
  {
    Term f = Term::fun(new TestFun(Atom::intern("erl_eval"), "expr/6", 1));
    Term g = f;
    CHECK(f.is_fun());
    CHECK(f.fun().arity() == 1);
    CHECK(f == g);
    CHECK(term_live_objects() == base + 1);
  }
  CHECK(term_live_objects() == base);
}

TEST_CASE("two threads interning the same atoms agree on their ids", "[term][atom]") {
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  SUCCEED("no threads in this wasm build");
#else
  std::vector<Atom> a(500), b(500);
  auto work = [](std::vector<Atom>& out) {
    for (int i = 0; i < 500; ++i) out[i] = Atom::intern("thread_atom_" + std::to_string(i));
  };
  std::thread t1(work, std::ref(a)), t2(work, std::ref(b));
  t1.join();
  t2.join();
  CHECK(a == b);
  CHECK(a[499].name() == "thread_atom_499");
#endif
}

TEST_CASE("make_struct fills the registered fields and nil for the rest", "[term][struct]") {
  Atom mod = Atom::intern("Elixir.TestPoint");
  register_struct(mod, {Atom::intern("x"), Atom::intern("y")});
  Term p = make_struct(mod, {{Atom::intern("x"), Term::integer(1)}});
  CHECK(p.map_size() == 3);
  CHECK(p.map_get(Term::atom("y"))->is_atom(atom::nil));
  CHECK(p.map_get(Term(atom::__struct__))->is_atom(mod));
}

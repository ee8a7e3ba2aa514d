// Helpers for the shell library's tests (shell_lib_*_test.cpp): call a
// built-in by module, name and arity as the evaluator will, print results
// as IEx does, and print the exceptions they raise as IEx's banner does.
#pragma once
#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "shell/lib/builtins.hpp"
#include "shell/lib/enumerable.hpp"
#include "shell/lib/errors.hpp"
#include "term/arith.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

namespace otp::test::lib {

// Module.fun(args...) through the library table.
inline Term call(const char* mod, const char* fun, std::vector<Term> args) {
  const shell::Builtin* b =
      shell::builtins().find(shell::module_atom(mod), Atom::intern(fun), static_cast<unsigned>(args.size()));
  if (!b) FAIL("no built-in " << mod << "." << fun << "/" << args.size());
  return b->fn(std::span<const Term>(args));
}

// The result as IEx prints it (pretty, 80 columns).
inline std::string ev(const char* mod, const char* fun, std::vector<Term> args) {
  return inspect(call(mod, fun, std::move(args)));
}

// "** (Module) message" for what the call raises, as IEx prints it, or
// "no error: <result>".
inline std::string err(const char* mod, const char* fun, std::vector<Term> args) {
  std::string out;
  try {
    out = "no error: " + inspect(call(mod, fun, std::move(args)));
  } catch (const ErlangError& e) {
    // As IEx prints it: normalised and blamed (": 1 / 0", "Did you mean").
    Term ex = shell::blame_exception(e.reason, e.stacktrace.is_list() ? e.stacktrace : Term::empty_list());
    const Term* m = ex.map_get(Term(atom::__struct__));
    out = "** (" + (m ? inspect(*m) : inspect(e.reason)) + ") " + shell::exception_message(ex);
  }
  return out;
}

inline Term A(const char* name) { return Term::atom(name); }
inline Term I(int64_t v) { return Term::integer(v); }
inline Term F(double d) { return Term::from_double(d); }
inline Term S(const char* s) { return Term::binary(s); }
inline Term T(std::initializer_list<Term> xs) { return Term::tuple(xs); }
inline Term L(std::initializer_list<Term> xs) { return Term::list(xs); }
inline Term KV(const char* key, Term v) { return Term::tuple({Term::atom(key), std::move(v)}); }
inline Term M(std::initializer_list<std::pair<Term, Term>> kvs) { return Term::map(kvs); }
inline Term R(int64_t first, int64_t last, int64_t step = 1) {
  return shell::enumerable::make_range(I(first), I(last), I(step));
}
inline Term Nil() { return Term(); }

// Funs as the evaluator would make them (printed as :erl_eval funs).
inline Term fn0(std::function<Term()> f) {
  return make_fun(Atom::intern("erl_eval"), "expr/6", 0, [f](std::span<const Term>) { return f(); });
}
inline Term fn1(std::function<Term(const Term&)> f) {
  return make_fun(Atom::intern("erl_eval"), "expr/6", 1, [f](std::span<const Term> a) { return f(a[0]); });
}
inline Term fn2(std::function<Term(const Term&, const Term&)> f) {
  return make_fun(Atom::intern("erl_eval"), "expr/6", 2, [f](std::span<const Term> a) { return f(a[0], a[1]); });
}

// Counts boxed terms alive on this thread: none may leak from a test.
struct LeakCheck {
  std::size_t before = term_live_objects();
  ~LeakCheck() { CHECK(term_live_objects() == before); }
};

}  // namespace otp::test::lib

// :lists (OTP 25): the functions a learner reaches for from Elixir, with
// Erlang's argument order (fun first, 1-based positions) and its
// FunctionClauseError ("no function clause matching in :lists.reverse/1").
#include <algorithm>

#include "shell/lib/enum_detail.hpp"
#include "shell/lib/kernel_detail.hpp"
#include "shell/lib/list_detail.hpp"

namespace otp::shell::lib {

namespace {

// A proper list argument of :lists.fun, else FunctionClauseError.
std::vector<Term> L(const Term& l, const char* fun, std::initializer_list<Term> args) {
  return proper_list(l, ":lists", fun, args);
}

Term seq(Args a) {
  Term step = a.size() > 2 ? a[2] : Term::integer(1);
  std::vector<Term> args(a.begin(), a.end());
  if (!a[0].is_small() || !a[1].is_small() || !step.is_small()) raise_function_clause(":lists", "seq", args);
  int64_t from = a[0].small(), to = a[1].small(), by = step.small();
  bool ok = by > 0 ? to >= from - by : by < 0 ? to <= from - by : to == from;
  if (!ok) raise_function_clause(":lists", "seq", args);
  std::vector<Term> out;
  if (by == 0) out.push_back(a[0]);
  for (int64_t x = from; by > 0 ? x <= to : by < 0 && x >= to; x += by) {
    out.push_back(Term::integer(x));
    if (out.size() % 1024 == 0) tick();
  }
  return list_of(out);
}

Term sort(Args a) {
  if (a.size() == 1) {
    std::vector<Term> v = L(a[0], "sort", {a[0]});
    std::stable_sort(v.begin(), v.end(), [](const Term& x, const Term& y) { return compare(x, y) < 0; });
    return list_of(v);
  }
  std::vector<Term> v = L(a[1], "sort", {a[0], a[1]});
  merge_sort(v, [&](const Term& x, const Term& y) { return call(a[0], x, y).is_atom(atom::true_); });
  return list_of(v);
}

Term usort(Args a) {
  std::vector<Term> v = L(a[0], "usort", {a[0]});
  std::stable_sort(v.begin(), v.end(), [](const Term& x, const Term& y) { return compare(x, y) < 0; });
  std::vector<Term> out;
  for (const Term& x : v)
    if (out.empty() || compare(out.back(), x) != 0) out.push_back(x);
  return list_of(out);
}

Term nth(Args a) {
  std::vector<Term> v = L(a[1], "nth", {a[0], a[1]});
  if (!a[0].is_small() || a[0].small() < 1) no_clause(":lists", "nth", {a[0], a[1]});
  if (a[0].small() > static_cast<int64_t>(v.size()))  // where the recursion fails: nth(n - len, [])
    no_clause(":lists", "nth", {Term::integer(a[0].small() - static_cast<int64_t>(v.size())), Term::empty_list()});
  return v[static_cast<std::size_t>(a[0].small() - 1)];
}

Term nthtail(Args a) {
  if (!a[0].is_small() || a[0].small() < 0) no_clause(":lists", "nthtail", {a[0], a[1]});
  const Term* c = &a[1];
  for (int64_t i = 0; i < a[0].small(); ++i) {
    if (!c->is_cons()) no_clause(":lists", "nthtail", {a[0], a[1]});
    c = &c->tail();
  }
  return *c;
}

Term key_op(Args a, int what) {
  // keyfind(K, N, L), keymember(K, N, L), keydelete(K, N, L), keystore(K, N, L, T), keyreplace(K, N, L, T)
  if (!a[1].is_small() || a[1].small() < 1) raise_badarg(2, "out of range");
  if (!a[2].is_list() || list_length(a[2]) < 0) raise_badarg(3, "not a list");
  std::vector<Term> v = list_to_vector(a[2]);
  auto i = keyfind_index(v, a[0], a[1].small() - 1);
  switch (what) {
    case 0: return i ? v[*i] : Term(atom::false_);
    case 1: return Term::boolean(i.has_value());
    case 2:
      if (i) v.erase(v.begin() + static_cast<std::ptrdiff_t>(*i));
      return list_of(v);
    default:
      if (i) v[*i] = a[3];
      else if (what == 3) v.push_back(a[3]);
      return list_of(v);
  }
}

Term extreme(Args a, bool max) {
  std::vector<Term> v = L(a[0], max ? "max" : "min", {a[0]});
  if (v.empty()) no_clause(":lists", max ? "max" : "min", {a[0]});
  Term best = v[0];
  for (const Term& x : v) best = max ? max_of(best, x) : min_of(best, x);
  return best;
}

}  // namespace

void add_lists(Library& lib) {
  const char* M = ":lists";
  lib.add(M, "reverse", 1, [](Args a) {
    std::vector<Term> v = L(a[0], "reverse", {a[0]});
    return list_of(std::vector<Term>(v.rbegin(), v.rend()));
  }, "The list reversed.");
  lib.add(M, "reverse", 2, [](Args a) {
    std::vector<Term> v = L(a[0], "reverse", {a[0], a[1]});
    return list_of(std::vector<Term>(v.rbegin(), v.rend()), a[1]);
  }, "The list reversed, followed by tail.");
  lib.add(M, "sort", 1, sort, "Sorted in term order.");
  lib.add(M, "sort", 2, sort, "Sorted by fun(a, b) (true if a comes first).");
  lib.add(M, "usort", 1, usort, "Sorted, duplicates (==) removed.");
  lib.add(M, "seq", 2, seq, "The integers from..to.");
  lib.add(M, "seq", 3, seq, "The integers from..to by step.");
  lib.add(M, "nth", 2, nth, "The nth element (1-based).");
  lib.add(M, "nthtail", 2, nthtail, "The list after n elements.");
  lib.add(M, "member", 2, [](Args a) {
    for (const Term* c = &a[1]; c->is_cons(); c = &c->tail())
      if (c->head() == a[0]) return Term::boolean(true);
    if (!a[1].is_list()) raise_badarg(2, "not a list");
    return Term::boolean(false);
  }, "True if the element is in the list (=:=).");
  lib.add(M, "keyfind", 3, [](Args a) { return key_op(a, 0); }, "The first tuple whose nth element == key, or false.");
  lib.add(M, "keymember", 3, [](Args a) { return key_op(a, 1); }, "True if a tuple has key at position n.");
  lib.add(M, "keydelete", 3, [](Args a) { return key_op(a, 2); }, "The list without the first tuple with key at n.");
  lib.add(M, "keystore", 4, [](Args a) { return key_op(a, 3); }, "The tuple with key at n replaced, or appended.");
  lib.add(M, "keyreplace", 4, [](Args a) { return key_op(a, 4); }, "The tuple with key at n replaced.");
  lib.add(M, "keysort", 2, [](Args a) {
    Term b[2] = {a[1], a[0].is_small() ? Term::integer(a[0].small() - 1) : a[0]};
    return builtins().find(module_atom("List"), Atom::intern("keysort"), 2)->fn(std::span<const Term>(b));
  }, "Sorted by the nth element of each tuple (stable).");
  lib.add(M, "sum", 1, [](Args a) {
    Term acc = Term::integer(0);
    for (const Term& x : L(a[0], "sum", {a[0]})) {
      if (!x.is_number()) raise_arithmetic(arith_blame("+", acc, x));
      acc = add(x, acc);
    }
    return acc;
  }, "The sum of the elements.");
  lib.add(M, "max", 1, [](Args a) { return extreme(a, true); }, "The largest element.");
  lib.add(M, "min", 1, [](Args a) { return extreme(a, false); }, "The smallest element.");
  lib.add(M, "last", 1, [](Args a) {
    std::vector<Term> v = L(a[0], "last", {a[0]});
    if (v.empty()) no_clause(":lists", "last", {a[0]});
    return v.back();
  }, "The last element.");
  lib.add(M, "append", 1, [](Args a) {
    std::vector<Term> out;
    for (const Term& l : L(a[0], "append", {a[0]}))
      for (const Term& x : L(l, "append", {a[0]})) out.push_back(x);
    return list_of(out);
  }, "The lists of a list concatenated.");
  lib.add(M, "append", 2, [](Args a) {
    if (list_length(a[0]) < 0) raise_argument_error("argument error");
    return list_of(list_to_vector(a[0]), a[1]);
  }, "The first list followed by the second.");
  lib.add(M, "flatten", 1, [](Args a) {
    std::vector<Term> out;
    L(a[0], "flatten", {a[0]});
    flatten_into(a[0], out);
    return list_of(out);
  }, "The deep list flattened.");
}

}  // namespace otp::shell::lib

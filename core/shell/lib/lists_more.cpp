// :lists, part 2: the functions that take a fun (map, filter, foldl, all,
// takewhile, partition, mapfoldl, ...) and list surgery (sublist, split,
// zip, delete, subtract, enumerate), with Erlang's argument order.
#include "shell/lib/list_detail.hpp"

namespace otp::shell::lib {

namespace {

// A proper list argument of :lists.fun, else FunctionClauseError.
std::vector<Term> L(const Term& l, const char* fun, std::initializer_list<Term> args) {
  return proper_list(l, ":lists", fun, args);
}

Term fun_walk(Args a, const char* name, int what) {
  // map (0), filter (1), foreach (2), all (3), any (4), takewhile (5), dropwhile (6), flatmap (7)
  std::vector<Term> v = L(a[1], name, {a[0], a[1]});
  if (!is_fun(a[0], 1)) no_clause(":lists", name, {a[0], a[1]});
  std::vector<Term> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const Term& x = v[i];
    Term r = call(a[0], x);
    bool t = r.is_atom(atom::true_);
    switch (what) {
      case 0: out.push_back(r); break;
      case 1: if (t) out.push_back(x); break;
      case 2: break;
      case 3: if (!t) return Term::boolean(false); break;
      case 4: if (t) return Term::boolean(true); break;
      case 5: if (!t) return list_of(out); out.push_back(x); break;
      case 6: if (!t) return list_of(std::vector<Term>(v.begin() + static_cast<std::ptrdiff_t>(i), v.end())); break;
      default: for (const Term& y : list_to_vector(r)) out.push_back(y);
    }
  }
  if (what == 2) return Term(atom::ok);
  if (what == 3 || what == 4) return Term::boolean(what == 3);
  if (what == 6) return Term::empty_list();
  return list_of(out);
}

Term fold(Args a, bool left) {
  std::vector<Term> v = L(a[2], left ? "foldl" : "foldr", {a[0], a[1], a[2]});
  Term acc = a[1];
  if (left)
    for (const Term& x : v) acc = call(a[0], x, acc);
  else
    for (auto it = v.rbegin(); it != v.rend(); ++it) acc = call(a[0], *it, acc);
  return acc;
}

Term sublist(Args a) {
  if (a.size() == 2) {
    std::vector<Term> v = L(a[0], "sublist", {a[0], a[1]});
    if (!a[1].is_small() || a[1].small() < 0) no_clause(":lists", "sublist_2", {a[0], a[1]});
    std::size_t n = std::min<std::size_t>(v.size(), static_cast<std::size_t>(a[1].small()));
    return list_of(std::vector<Term>(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(n)));
  }
  std::vector<Term> v = L(a[0], "sublist", {a[0], a[1], a[2]});
  if (!a[1].is_small() || a[1].small() < 1 || a[1].small() > static_cast<int64_t>(v.size()) + 1 || !a[2].is_small() ||
      a[2].small() < 0)
    no_clause(":lists", "sublist", {a[0], a[1], a[2]});
  std::size_t from = static_cast<std::size_t>(a[1].small() - 1);
  std::size_t n = std::min<std::size_t>(v.size() - from, static_cast<std::size_t>(a[2].small()));
  return list_of(std::vector<Term>(v.begin() + static_cast<std::ptrdiff_t>(from), v.begin() + static_cast<std::ptrdiff_t>(from + n)));
}

}  // namespace

void add_lists_more(Library& lib) {
  const char* M = ":lists";
  lib.add(M, "map", 2, [](Args a) { return fun_walk(a, "map", 0); }, "fun applied to each element.");
  lib.add(M, "filter", 2, [](Args a) { return fun_walk(a, "filter", 1); }, "The elements for which pred is true.");
  lib.add(M, "foreach", 2, [](Args a) { return fun_walk(a, "foreach", 2); }, "Calls fun on each element; returns :ok.");
  lib.add(M, "all", 2, [](Args a) { return fun_walk(a, "all", 3); }, "True if pred is true for every element.");
  lib.add(M, "any", 2, [](Args a) { return fun_walk(a, "any", 4); }, "True if pred is true for some element.");
  lib.add(M, "takewhile", 2, [](Args a) { return fun_walk(a, "takewhile", 5); }, "The leading elements for which pred is true.");
  lib.add(M, "dropwhile", 2, [](Args a) { return fun_walk(a, "dropwhile", 6); }, "The list after the leading elements for which pred is true.");
  lib.add(M, "flatmap", 2, [](Args a) { return fun_walk(a, "flatmap", 7); }, "fun applied to each element, results appended.");
  lib.add(M, "foldl", 3, [](Args a) { return fold(a, true); }, "Folds fun(x, acc) from the left.");
  lib.add(M, "foldr", 3, [](Args a) { return fold(a, false); }, "Folds fun(x, acc) from the right.");
  lib.add(M, "duplicate", 2, [](Args a) {
    if (!a[0].is_small() || a[0].small() < 0) no_clause(":lists", "duplicate", {a[0], a[1]});
    return list_of(std::vector<Term>(static_cast<std::size_t>(a[0].small()), a[1]));
  }, "n copies of the element.");
  lib.add(M, "zip", 2, [](Args a) {
    std::vector<Term> x = L(a[0], "zip", {a[0], a[1]}), y = L(a[1], "zip", {a[0], a[1]});
    if (x.size() != y.size()) no_clause(":lists", "zip", {a[0], a[1]});
    std::vector<Term> out;
    for (std::size_t i = 0; i < x.size(); ++i) out.push_back(Term::tuple({x[i], y[i]}));
    return list_of(out);
  }, "Pairs of two lists of equal length.");
  lib.add(M, "unzip", 1, [](Args a) {
    std::vector<Term> l, r;
    for (const Term& p : L(a[0], "unzip", {a[0]})) {
      if (!p.is_tuple() || p.tuple_size() != 2) no_clause(":lists", "unzip", {a[0]});
      l.push_back(p[0]);
      r.push_back(p[1]);
    }
    return Term::tuple({list_of(l), list_of(r)});
  }, "{firsts, seconds} of a list of pairs.");
  lib.add(M, "sublist", 2, sublist, "The first len elements.");
  lib.add(M, "sublist", 3, sublist, "len elements from a 1-based start.");
  lib.add(M, "split", 2, [](Args a) {
    std::vector<Term> v = L(a[1], "split", {a[0], a[1]});
    if (!a[0].is_small() || a[0].small() < 0 || a[0].small() > static_cast<int64_t>(v.size())) raise_argument_error("argument error");
    auto at = v.begin() + a[0].small();
    return Term::tuple({list_of(std::vector<Term>(v.begin(), at)), list_of(std::vector<Term>(at, v.end()))});
  }, "{first n elements, the rest}.");
  lib.add(M, "partition", 2, [](Args a) {
    std::vector<Term> yes, no;
    for (const Term& x : L(a[1], "partition", {a[0], a[1]})) (call(a[0], x).is_atom(atom::true_) ? yes : no).push_back(x);
    return Term::tuple({list_of(yes), list_of(no)});
  }, "{elements where pred is true, the others}.");
  lib.add(M, "delete", 2, [](Args a) {
    std::vector<Term> v = L(a[1], "delete", {a[0], a[1]});
    for (std::size_t i = 0; i < v.size(); ++i)
      if (v[i] == a[0]) {
        v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
        break;
      }
    return list_of(v);
  }, "The list without the first occurrence of the element.");
  lib.add(M, "subtract", 2, [](Args a) {
    return builtins().find(module_atom("Kernel"), Atom::intern("--"), 2)->fn(a);
  }, "The first list minus the elements of the second (--).");
  lib.add(M, "enumerate", 1, [](Args a) {
    std::vector<Term> out;
    int64_t i = 1;
    for (const Term& x : L(a[0], "enumerate", {a[0]})) out.push_back(Term::tuple({Term::integer(i++), x}));
    return list_of(out);
  }, "{index, element} pairs from 1.");
  lib.add(M, "mapfoldl", 3, [](Args a) {
    std::vector<Term> out;
    Term acc = a[1];
    for (const Term& x : L(a[2], "mapfoldl", {a[0], a[1], a[2]})) {
      Term r = call(a[0], x, acc);
      if (!r.is_tuple() || r.tuple_size() != 2) raise_clause_error("MatchError", r);
      out.push_back(r[0]);
      acc = r[1];
    }
    return Term::tuple({list_of(out), acc});
  }, "Maps and folds at once: fun(x, acc) -> {y, acc}.");
}

}  // namespace otp::shell::lib

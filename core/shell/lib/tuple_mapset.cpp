// Tuple, Atom, MapSet and Range (Elixir 1.14). MapSets are %MapSet{map:
// %{x => []}, version: 2} and ranges %Range{first, last, step}
// (enumerable.hpp), so Enum and pattern matching see what Elixir's would.
#include "shell/lib/chars.hpp"
#include "shell/lib/enum_detail.hpp"
#include "shell/lib/enumerable.hpp"

namespace otp::shell::lib {

namespace {

using enumerable::make_mapset;
using enumerable::mapset_map;

Term tuple_arg(const Term& t, int position) {
  if (!t.is_tuple()) raise_badarg(position, "not a tuple");
  return t;
}

// insert_element / delete_element with a 0-based index (Elixir's Tuple).
Term tuple_edit(Args a, bool insert) {
  tuple_arg(a[0], 2);
  std::vector<Term> v(a[0].elements().begin(), a[0].elements().end());
  int64_t limit = static_cast<int64_t>(v.size()) + (insert ? 0 : -1);
  if (!a[1].is_small() || a[1].small() < 0 || a[1].small() > limit) raise_badarg(1, "out of range");
  auto at = v.begin() + a[1].small();
  if (insert) v.insert(at, a[2]);
  else v.erase(at);
  return Term::tuple(std::span<const Term>(v));
}

Term tuple_fold(const Term& t, bool sum) {
  if (!t.is_tuple()) no_clause("Tuple", sum ? "sum" : "product", {t});
  Term acc = Term::integer(sum ? 0 : 1);
  for (const Term& x : t.elements()) {
    if (!x.is_number()) raise_arithmetic(arith_blame(sum ? "+" : "*", x, acc));
    acc = sum ? add(x, acc) : mul(x, acc);
  }
  return acc;
}

const Term& set_arg(const Term& s, const char* fun, std::initializer_list<Term> args) {
  if (!enumerable::is_mapset(s)) raise_function_clause("MapSet", fun, std::vector<Term>(args));
  return mapset_map(s);
}

std::vector<std::pair<Term, Term>> entries(const Term& m) {
  std::vector<std::pair<Term, Term>> out;
  for (const MapEntry& e : m.map_entries()) out.emplace_back(e.key, e.value);
  return out;
}

// union (0), intersection (1), difference (2).
Term set_op(Args a, int op, const char* name) {
  const Term& m1 = set_arg(a[0], name, {a[0], a[1]});
  const Term& m2 = set_arg(a[1], name, {a[0], a[1]});
  if (op == 0) {
    std::vector<std::pair<Term, Term>> out = entries(m1);
    for (const MapEntry& e : m2.map_entries()) out.emplace_back(e.key, e.value);
    return make_mapset(Term::map(std::move(out)));
  }
  std::vector<std::pair<Term, Term>> out;
  for (const MapEntry& e : m1.map_entries())
    if ((m2.map_get(e.key) != nullptr) == (op == 1)) out.emplace_back(e.key, e.value);
  return make_mapset(Term::map(std::move(out)));
}

Term set_filter(Args a, bool keep) {
  const Term& m = set_arg(a[0], keep ? "filter" : "reject", {a[0], a[1]});
  std::vector<std::pair<Term, Term>> out;
  for (const MapEntry& e : m.map_entries())
    if (truthy(call(a[1], e.key)) == keep) out.emplace_back(e.key, e.value);
  return make_mapset(Term::map(std::move(out)));
}

Term range_new(Args a) {
  Term step;
  if (a.size() == 3) {
    step = a[2];
    if (!a[0].is_integer() || !a[1].is_integer() || !step.is_integer() || compare(step, Term::integer(0)) == 0)
      raise_argument_error("ranges (first..last//step) expect both sides to be integers and the step to be a "
                           "non-zero integer, got: " + inspect(a[0]) + ".." + inspect(a[1]) + "//" + inspect(step));
  } else {
    if (!a[0].is_integer() || !a[1].is_integer())
      raise_argument_error("ranges (first..last) expect both sides to be integers, got: " + inspect(a[0]) + ".." +
                           inspect(a[1]));
    step = Term::integer(compare(a[0], a[1]) <= 0 ? 1 : -1);
  }
  return enumerable::make_range(a[0], a[1], step);
}

const Term& range_arg(const Term& r, const char* fun) {
  if (!enumerable::is_range(r)) no_clause("Range", fun, {r});
  return r;
}

}  // namespace

void add_tuple_mapset(Library& lib) {
  lib.add("Tuple", "to_list", 1, [](Args a) {
    tuple_arg(a[0], 1);
    return Term::list(a[0].elements());
  }, "The tuple's elements as a list.");
  lib.add("Tuple", "append", 2, [](Args a) {
    tuple_arg(a[0], 1);
    std::vector<Term> v(a[0].elements().begin(), a[0].elements().end());
    v.push_back(a[1]);
    return Term::tuple(std::span<const Term>(v));
  }, "The tuple with an element added at the end.");
  lib.add("Tuple", "insert_at", 3, [](Args a) { return tuple_edit(a, true); }, "The tuple with value inserted at index.");
  lib.add("Tuple", "delete_at", 2, [](Args a) { return tuple_edit(a, false); }, "The tuple without the element at index.");
  lib.add("Tuple", "duplicate", 2, [](Args a) {
    if (!a[1].is_small() || a[1].small() < 0 || a[1].small() > (1 << 24)) raise_badarg(1, "out of range");
    return Term::tuple(std::span<const Term>(std::vector<Term>(static_cast<std::size_t>(a[1].small()), a[0])));
  }, "A tuple of n copies of data.");
  lib.add("Tuple", "sum", 1, [](Args a) { return tuple_fold(a[0], true); }, "The sum of the elements.");
  lib.add("Tuple", "product", 1, [](Args a) { return tuple_fold(a[0], false); }, "The product of the elements.");

  lib.add("Atom", "to_string", 1, [](Args a) {
    if (!a[0].is_atom()) raise_badarg(1, "not an atom");
    return Term::binary(a[0].atom().name());
  }, "The atom's name as a string.");
  lib.add("Atom", "to_charlist", 1, [](Args a) {
    if (!a[0].is_atom()) raise_badarg(1, "not an atom");
    return Term::charlist(a[0].atom().name());
  }, "The atom's name as a charlist.");

  lib.add("MapSet", "new", 0, [](Args) { return make_mapset(Term::map({})); }, "An empty set.");
  lib.add("MapSet", "new", 1, [](Args a) {
    if (enumerable::is_mapset(a[0])) return a[0];
    return into(a[0], make_mapset(Term::map({})), nullptr);
  }, "A set of the elements of an enumerable.");
  lib.add("MapSet", "new", 2, [](Args a) { return into(a[0], make_mapset(Term::map({})), &a[1]); }, "A set of transform of each element.");
  lib.add("MapSet", "put", 2, [](Args a) {
    return make_mapset(set_arg(a[0], "put", {a[0], a[1]}).map_put(a[1], Term::empty_list()));
  }, "The set with the value added.");
  lib.add("MapSet", "delete", 2, [](Args a) { return make_mapset(set_arg(a[0], "delete", {a[0], a[1]}).map_remove(a[1])); }, "The set without the value.");
  lib.add("MapSet", "member?", 2, [](Args a) { return Term::boolean(set_arg(a[0], "member?", {a[0], a[1]}).map_get(a[1]) != nullptr); }, "True if the set has the value.");
  lib.add("MapSet", "size", 1, [](Args a) { return Term::integer(static_cast<int64_t>(set_arg(a[0], "size", {a[0]}).map_size())); }, "The number of elements.");
  lib.add("MapSet", "to_list", 1, [](Args a) {
    std::vector<Term> out;
    for (const MapEntry& e : set_arg(a[0], "to_list", {a[0]}).map_entries()) out.push_back(e.key);
    return list_of(out);
  }, "The elements as a list, in term order.");
  lib.add("MapSet", "union", 2, [](Args a) { return set_op(a, 0, "union"); }, "Elements in either set.");
  lib.add("MapSet", "intersection", 2, [](Args a) { return set_op(a, 1, "intersection"); }, "Elements in both sets.");
  lib.add("MapSet", "difference", 2, [](Args a) { return set_op(a, 2, "difference"); }, "Elements of the first set not in the second.");
  lib.add("MapSet", "subset?", 2, [](Args a) {
    const Term& m1 = set_arg(a[0], "subset?", {a[0], a[1]});
    const Term& m2 = set_arg(a[1], "subset?", {a[0], a[1]});
    for (const MapEntry& e : m1.map_entries())
      if (!m2.map_get(e.key)) return Term::boolean(false);
    return Term::boolean(true);
  }, "True if every element of the first set is in the second.");
  lib.add("MapSet", "disjoint?", 2, [](Args a) {
    const Term& m1 = set_arg(a[0], "disjoint?", {a[0], a[1]});
    const Term& m2 = set_arg(a[1], "disjoint?", {a[0], a[1]});
    for (const MapEntry& e : m1.map_entries())
      if (m2.map_get(e.key)) return Term::boolean(false);
    return Term::boolean(true);
  }, "True if the sets have no element in common.");
  lib.add("MapSet", "equal?", 2, [](Args a) {
    return Term::boolean(set_arg(a[0], "equal?", {a[0], a[1]}) == set_arg(a[1], "equal?", {a[0], a[1]}));
  }, "True if both sets have the same elements.");
  lib.add("MapSet", "filter", 2, [](Args a) { return set_filter(a, true); }, "The elements for which fun is truthy.");
  lib.add("MapSet", "reject", 2, [](Args a) { return set_filter(a, false); }, "The elements for which fun is falsy.");

  lib.add("Range", "new", 2, range_new, "first..last (step -1 if first > last).");
  lib.add("Range", "new", 3, range_new, "first..last//step.");
  lib.add("Range", "size", 1, [](Args a) { return enumerable::range_size(range_arg(a[0], "size")); }, "The number of integers in the range.");
  lib.add("Range", "disjoint?", 2, [](Args a) {
    int64_t f1, l1, s1, f2, l2, s2;
    if (!enumerable::range_parts(range_arg(a[0], "disjoint?"), &f1, &l1, &s1) ||
        !enumerable::range_parts(range_arg(a[1], "disjoint?"), &f2, &l2, &s2))
      no_clause("Range", "disjoint?", {a[0], a[1]});
    auto lo = [](int64_t f, int64_t l) { return std::min(f, l); };
    auto hi = [](int64_t f, int64_t l) { return std::max(f, l); };
    if (compare(enumerable::range_size(a[0]), Term::integer(0)) == 0 || compare(enumerable::range_size(a[1]), Term::integer(0)) == 0)
      return Term::boolean(true);
    if ((s1 == 1 || s1 == -1) && (s2 == 1 || s2 == -1))
      return Term::boolean(hi(f1, l1) < lo(f2, l2) || hi(f2, l2) < lo(f1, l1));
    for (int64_t x = f1; s1 > 0 ? x <= l1 : x >= l1; x += s1) {
      if (x >= lo(f2, l2) && x <= hi(f2, l2) && (x - f2) % s2 == 0) return Term::boolean(false);
      tick();
    }
    return Term::boolean(true);
  }, "True if the ranges share no integer.");
}

}  // namespace otp::shell::lib

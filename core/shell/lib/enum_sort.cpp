// Enum, part 3: order (sort, sort_by, max, min, max_by, min_by, min_max).
// Sorting is stable (a merge sort); :asc/:desc and the default orders use
// Erlang term order without calling funs. Limit: :lists.sort/1's order
// among terms that compare equal but differ (1 and 1.0) is not reproduced;
// they keep their input order. Module sorters (Date) are not supported.
#include <algorithm>

#include "shell/lib/enum_detail.hpp"
#include "shell/lib/enumerable.hpp"

namespace otp::shell::lib {

void merge_sort(std::vector<Term>& v, FunctionRef<bool(const Term&, const Term&)> first) {
  std::size_t n = v.size();
  std::vector<Term> tmp(n);
  for (std::size_t width = 1; width < n; width *= 2) {
    for (std::size_t lo = 0; lo < n; lo += 2 * width) {
      std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
      std::size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) tmp[k++] = first(v[i], v[j]) ? std::move(v[i++]) : std::move(v[j++]);
      while (i < mid) tmp[k++] = std::move(v[i++]);
      while (j < hi) tmp[k++] = std::move(v[j++]);
    }
    v.swap(tmp);
  }
}

namespace {

// A sorter argument: :asc, :desc or a fun of arity 2.
struct Sorter {
  int order = 1;  // 1 :asc, -1 :desc, 0 the fun
  Term fun;
  bool first(const Term& a, const Term& b) const {
    if (order == 0) return sorter_true(fun, a, b);
    int c = compare(a, b);
    return order > 0 ? c <= 0 : c >= 0;
  }
};

bool parse_sorter(const Term& s, Sorter* out) {
  if (s.is_atom(Atom::intern("asc"))) out->order = 1;
  else if (s.is_atom(Atom::intern("desc"))) out->order = -1;
  else if (is_fun(s, 2)) out->order = 0, out->fun = s;
  else return false;
  return true;
}

void sort_vector(std::vector<Term>& v, const Sorter& s) {
  if (s.order == 1) std::stable_sort(v.begin(), v.end(), [](const Term& a, const Term& b) { return compare(a, b) < 0; });
  else if (s.order == -1) std::stable_sort(v.begin(), v.end(), [](const Term& a, const Term& b) { return compare(a, b) > 0; });
  else merge_sort(v, [&](const Term& a, const Term& b) { return s.first(a, b); });
}

Term sort(Args a) {
  Sorter s;
  if (a.size() > 1 && !parse_sorter(a[1], &s)) no_clause("Enum", "sort", {a[0], a[1]});
  std::vector<Term> v = enumerable::to_vector(a[0]);
  sort_vector(v, s);
  return list_of(v);
}

Term sort_by(Args a) {
  Sorter s;
  if (a.size() > 2 && !parse_sorter(a[2], &s)) no_clause("Enum", "sort_by", {a[0], a[1], a[2]});
  std::vector<Term> pairs;  // {key, value}
  enumerable::each(a[0], [&](const Term& x) { return pairs.push_back(Term::tuple({call(a[1], x), x})), true; });
  merge_sort(pairs, [&](const Term& p, const Term& q) { return s.first(p[0], q[0]); });
  std::vector<Term> out;
  out.reserve(pairs.size());
  for (const Term& p : pairs) out.push_back(p[1]);
  return list_of(out);
}

// max/min and max_by/min_by: the first extreme element. Arguments after
// the enumerable (and key fun): a sorter fun/2 and/or an empty fallback fun/0.
Term extreme(Args a, bool max, bool by) {
  std::size_t rest = by ? 2 : 1;
  const char* name = max ? (by ? "max_by" : "max") : (by ? "min_by" : "min");
  if (by && !is_fun(a[1], 1)) raise_function_clause("Enum", name, std::vector<Term>(a.begin(), a.end()));
  Term sorter, fallback;
  for (std::size_t i = rest; i < a.size(); ++i) {
    if (is_fun(a[i], 0)) fallback = a[i];
    else if (is_fun(a[i], 2) || a[i].is_atom(Atom::intern("asc")) || a[i].is_atom(Atom::intern("desc"))) sorter = a[i];
    else raise_function_clause("Enum", name, std::vector<Term>(a.begin(), a.end()));
  }
  std::optional<Term> best, best_key;
  enumerable::each(a[0], [&](const Term& x) {
    Term k = by ? call(a[1], x) : x;
    if (!best) {
      best = x;
      best_key = k;
      return true;
    }
    bool keep;
    if (sorter.is_fun()) keep = sorter_true(sorter, *best_key, k);
    else {
      int c = compare(*best_key, k);
      bool asc = !sorter.is_atom(Atom::intern("desc"));
      keep = (max == asc) ? c >= 0 : c <= 0;
    }
    if (!keep) {
      best = x;
      best_key = k;
    }
    return true;
  });
  if (best) return *best;
  if (fallback.is_fun()) {
    tick();
    return apply_fun(fallback, {});
  }
  raise_empty();
}

Term min_max(Args a, bool by) {
  if (by && !is_fun(a[1], 1)) raise_function_clause("Enum", "min_max_by", std::vector<Term>(a.begin(), a.end()));
  std::optional<Term> lo, hi, lo_key, hi_key;
  enumerable::each(a[0], [&](const Term& x) {
    Term k = by ? call(a[1], x) : x;
    if (!lo) {
      lo = hi = x;
      lo_key = hi_key = k;
    } else {
      if (compare(k, *lo_key) < 0) lo = x, lo_key = k;
      if (compare(k, *hi_key) > 0) hi = x, hi_key = k;
    }
    return true;
  });
  if (lo) return Term::tuple({*lo, *hi});
  std::size_t at = by ? 2 : 1;
  if (a.size() > at && is_fun(a[at], 0)) {
    tick();
    return apply_fun(a[at], {});
  }
  raise_empty();
}

}  // namespace

void add_enum_sort(Library& lib) {
  lib.add("Enum", "sort", 1, sort, "The elements in ascending term order (stable).");
  lib.add("Enum", "sort", 2, sort, "Sorted by :asc, :desc or fun.(a, b) (true if a comes first).");
  lib.add("Enum", "sort_by", 2, sort_by, "Sorted by the values of mapper (stable).");
  lib.add("Enum", "sort_by", 3, sort_by, "Sorted by mapper values with :asc, :desc or a sorter fun.");
  for (unsigned n = 1; n <= 3; ++n) {
    lib.add("Enum", "max", n, [](Args a) { return extreme(a, true, false); }, "The largest element (the first of equals).");
    lib.add("Enum", "min", n, [](Args a) { return extreme(a, false, false); }, "The smallest element (the first of equals).");
    lib.add("Enum", "max_by", n + 1, [](Args a) { return extreme(a, true, true); }, "The element with the largest fun value.");
    lib.add("Enum", "min_by", n + 1, [](Args a) { return extreme(a, false, true); }, "The element with the smallest fun value.");
  }
  lib.add("Enum", "min_max", 1, [](Args a) { return min_max(a, false); }, "{min, max} in one pass.");
  lib.add("Enum", "min_max", 2, [](Args a) { return min_max(a, false); }, "{min, max}, or empty_fallback.() if empty.");
  lib.add("Enum", "min_max_by", 2, [](Args a) { return min_max(a, true); }, "{min, max} by fun values.");
  lib.add("Enum", "min_max_by", 3, [](Args a) { return min_max(a, true); }, "{min, max} by fun values, or empty_fallback.() if empty.");
}

}  // namespace otp::shell::lib

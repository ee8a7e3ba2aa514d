// Enum, part 2: positions and pieces (at, fetch, take, drop, take_while,
// slice, split).
// A forward walk stops as soon as it has what it needs, so these work on
// infinite streams; negative positions count from the end and need the
// whole enumerable.
#include "shell/lib/enum_detail.hpp"
#include "shell/lib/enumerable.hpp"

namespace otp::shell::lib {

namespace {

using enumerable::each;

// Elements start, start+step, ... (amount of them) of a forward walk.
std::vector<Term> forward(const Term& e, int64_t start, int64_t amount, int64_t step) {
  std::vector<Term> out;
  if (amount <= 0) return out;
  int64_t i = 0;
  each(e, [&](const Term& x) {
    if (i >= start && (i - start) % step == 0) out.push_back(x);
    ++i;
    return static_cast<int64_t>(out.size()) < amount;
  });
  return out;
}

Term take(Args a) {
  if (!a[1].is_small()) no_clause("Enum", "take", {a[0], a[1]});
  int64_t n = a[1].small();
  if (n >= 0) return list_of(forward(a[0], 0, n, 1));
  std::vector<Term> all = enumerable::to_vector(a[0]);
  std::size_t keep = std::min<std::size_t>(all.size(), static_cast<std::size_t>(-n));
  return list_of(std::vector<Term>(all.end() - static_cast<std::ptrdiff_t>(keep), all.end()));
}

Term drop(Args a) {
  if (!a[1].is_small()) no_clause("Enum", "drop", {a[0], a[1]});
  int64_t n = a[1].small();
  if (n >= 0 && a[0].is_list()) {
    const Term* c = &a[0];
    for (int64_t i = 0; i < n && c->is_cons(); ++i) c = &c->tail();
    return *c;
  }
  std::vector<Term> all = enumerable::to_vector(a[0]);
  std::size_t k = std::min<std::size_t>(all.size(), static_cast<std::size_t>(n >= 0 ? n : -n));
  if (n >= 0) return list_of(std::vector<Term>(all.begin() + static_cast<std::ptrdiff_t>(k), all.end()));
  return list_of(std::vector<Term>(all.begin(), all.end() - static_cast<std::ptrdiff_t>(k)));
}

// The element at index (negative from the end), if any.
std::optional<Term> element_at(const Term& e, int64_t index) {
  if (index >= 0) {
    std::vector<Term> one = forward(e, index, 1, 1);
    if (one.empty()) return std::nullopt;
    return one[0];
  }
  std::vector<Term> all = enumerable::to_vector(e);
  int64_t i = static_cast<int64_t>(all.size()) + index;
  if (i < 0) return std::nullopt;
  return all[static_cast<std::size_t>(i)];
}

Term at(Args a) {
  Term dflt = a.size() > 2 ? a[2] : Term();
  if (!a[1].is_small()) no_clause("Enum", "at", {a[0], a[1], dflt});
  auto x = element_at(a[0], a[1].small());
  return x ? *x : dflt;
}

Term fetch(Args a, bool bang) {
  if (!a[1].is_small()) no_clause("Enum", bang ? "fetch!" : "fetch", {a[0], a[1]});
  auto x = element_at(a[0], a[1].small());
  if (bang) {
    if (!x) raise_out_of_bounds();
    return *x;
  }
  return x ? Term::tuple({Term(atom::ok), *x}) : Term(atom::error);
}

// take_while/drop_while/split_while.
Term while_(Args a, int which) {
  std::vector<Term> taken, rest;
  bool taking = true;
  each(a[0], [&](const Term& x) {
    if (taking && !truthy(call(a[1], x))) taking = false;
    if (taking) taken.push_back(x);
    else if (which == 0) return false;
    else rest.push_back(x);
    return true;
  });
  if (which == 0) return list_of(taken);
  if (which == 1) return list_of(rest);
  return Term::tuple({list_of(taken), list_of(rest)});
}

Term slice_range(const Term& e, const Term& range) {
  int64_t first, last, step;
  if (!enumerable::range_parts(range, &first, &last, &step)) no_clause("Enum", "slice", {e, range});
  if (step < 0) {
    if (step != -1 || first <= last)
      raise_argument_error("Enum.slice/2 does not accept ranges with negative steps, got: " + inspect(range));
    step = 1;
  }
  if (first >= 0 && last == -1) {
    std::vector<Term> out;
    int64_t i = 0;
    each(e, [&](const Term& x) {
      if (i >= first && (i - first) % step == 0) out.push_back(x);
      return ++i, true;
    });
    return list_of(out);
  }
  if (last >= first && first >= 0) return list_of(forward(e, first, (last - first) / step + 1, step));
  std::vector<Term> all = enumerable::to_vector(e);
  int64_t count = static_cast<int64_t>(all.size());
  if (first < 0) first = std::max<int64_t>(first + count, 0);
  if (last < 0) last += count;
  int64_t amount = last - first + 1;
  if (!(first < count && amount > 0)) return Term::empty_list();
  amount = std::min(amount, count - first);
  if (step != 1) amount = (amount - 1) / step + 1;
  std::vector<Term> out;
  for (int64_t i = 0; i < amount; ++i) out.push_back(all[static_cast<std::size_t>(first + i * step)]);
  return list_of(out);
}

Term slice(Args a) {
  if (a.size() == 2) return slice_range(a[0], a[1]);
  if (!a[1].is_small() || !a[2].is_small() || a[2].small() < 0) no_clause("Enum", "slice", {a[0], a[1], a[2]});
  int64_t start = a[1].small(), amount = a[2].small();
  if (amount == 0) return Term::empty_list();
  if (start >= 0) return list_of(forward(a[0], start, amount, 1));
  std::vector<Term> all = enumerable::to_vector(a[0]);
  int64_t count = static_cast<int64_t>(all.size());
  start = std::max<int64_t>(count + start, 0);
  amount = std::min(amount, count - start);
  if (amount <= 0) return Term::empty_list();
  return list_of(std::vector<Term>(all.begin() + start, all.begin() + start + amount));
}

Term split(Args a) {
  if (!a[1].is_small()) no_clause("Enum", "split", {a[0], a[1]});
  std::vector<Term> all = enumerable::to_vector(a[0]);
  int64_t n = a[1].small(), count = static_cast<int64_t>(all.size());
  int64_t at = n >= 0 ? std::min(n, count) : std::max<int64_t>(count + n, 0);
  return Term::tuple({list_of(std::vector<Term>(all.begin(), all.begin() + at)),
                      list_of(std::vector<Term>(all.begin() + at, all.end()))});
}

Term split_with(Args a) {
  std::vector<Term> yes, no;
  each(a[0], [&](const Term& x) { return (truthy(call(a[1], x)) ? yes : no).push_back(x), true; });
  return Term::tuple({list_of(yes), list_of(no)});
}

}  // namespace

void add_enum_slice(Library& lib) {
  lib.add("Enum", "at", 2, at, "The element at index (negative counts from the end), or nil.");
  lib.add("Enum", "at", 3, at, "The element at index, or default.");
  lib.add("Enum", "fetch", 2, [](Args a) { return fetch(a, false); }, "{:ok, element} at index, or :error.");
  lib.add("Enum", "fetch!", 2, [](Args a) { return fetch(a, true); }, "The element at index; raises Enum.OutOfBoundsError.");
  lib.add("Enum", "take", 2, take, "The first n elements (the last -n if negative).");
  lib.add("Enum", "drop", 2, drop, "All but the first n elements (the last -n if negative).");
  lib.add("Enum", "take_while", 2, [](Args a) { return while_(a, 0); }, "The leading elements for which fun is truthy.");
  lib.add("Enum", "drop_while", 2, [](Args a) { return while_(a, 1); }, "The elements after the leading ones for which fun is truthy.");
  lib.add("Enum", "split_while", 2, [](Args a) { return while_(a, 2); }, "{take_while, drop_while} in one pass.");
  lib.add("Enum", "split_with", 2, split_with, "{elements where fun is truthy, the others}.");
  lib.add("Enum", "split", 2, split, "{first n elements, the rest}.");
  lib.add("Enum", "slice", 2, slice, "The elements at the indices of a range.");
  lib.add("Enum", "slice", 3, slice, "amount elements from start_index.");
}

}  // namespace otp::shell::lib

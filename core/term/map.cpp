// Maps: a flat array of entries sorted by compare_map_keys (see heap.hpp).
#include <algorithm>
#include <cassert>

#include "term/heap.hpp"

namespace otp {
namespace {

const MapObject* map_obj(const Term& t) { return TermAccess::as<MapObject>(t); }

// Builds a map object from entries already sorted with unique keys.
Term build(std::vector<std::pair<Term, Term>>&& sorted) {
  auto* o = MapObject::allocate(sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i)
    new (&o->items()[i]) MapEntry{std::move(sorted[i].first), std::move(sorted[i].second)};
  return TermAccess::adopt(o);
}

// Index of the first entry whose key is not less than `key`.
std::size_t lower_bound(const MapObject* o, const Term& key) {
  std::size_t lo = 0, hi = o->size;
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    if (compare_map_keys(o->items()[mid].key, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

}  // namespace

Term Term::map(std::initializer_list<std::pair<Term, Term>> entries) {
  return map(std::vector<std::pair<Term, Term>>(entries.begin(), entries.end()));
}

Term Term::map(std::vector<std::pair<Term, Term>> entries) {
  // Stable sort keeps insertion order among equal keys; the last one wins.
  std::stable_sort(entries.begin(), entries.end(),
                   [](const auto& a, const auto& b) { return compare_map_keys(a.first, b.first) < 0; });
  std::vector<std::pair<Term, Term>> unique;
  unique.reserve(entries.size());
  for (auto& e : entries) {
    if (!unique.empty() && compare_map_keys(unique.back().first, e.first) == 0) unique.back() = std::move(e);
    else unique.push_back(std::move(e));
  }
  return build(std::move(unique));
}

std::size_t Term::map_size() const {
  assert(is_map());
  return map_obj(*this)->size;
}

std::span<const MapEntry> Term::map_entries() const {
  assert(is_map());
  auto* o = map_obj(*this);
  return {o->items(), o->size};
}

const Term* Term::map_get(const Term& key) const {
  assert(is_map());
  auto* o = map_obj(*this);
  std::size_t i = lower_bound(o, key);
  if (i < o->size && compare_map_keys(o->items()[i].key, key) == 0) return &o->items()[i].value;
  return nullptr;
}

Term Term::map_put(Term key, Term value) const {
  assert(is_map());
  auto* o = map_obj(*this);
  std::size_t i = lower_bound(o, key);
  bool replace = i < o->size && compare_map_keys(o->items()[i].key, key) == 0;
  if (replace && exact_equal(o->items()[i].value, value)) return *this;
  auto* n = MapObject::allocate(o->size + (replace ? 0 : 1));
  std::size_t out = 0;
  for (std::size_t j = 0; j < i; ++j) new (&n->items()[out++]) MapEntry(o->items()[j]);
  new (&n->items()[out++]) MapEntry{std::move(key), std::move(value)};
  for (std::size_t j = replace ? i + 1 : i; j < o->size; ++j) new (&n->items()[out++]) MapEntry(o->items()[j]);
  return TermAccess::adopt(n);
}

Term Term::map_remove(const Term& key) const {
  assert(is_map());
  auto* o = map_obj(*this);
  std::size_t i = lower_bound(o, key);
  if (i >= o->size || compare_map_keys(o->items()[i].key, key) != 0) return *this;
  auto* n = MapObject::allocate(o->size - 1);
  std::size_t out = 0;
  for (std::size_t j = 0; j < o->size; ++j)
    if (j != i) new (&n->items()[out++]) MapEntry(o->items()[j]);
  return TermAccess::adopt(n);
}

}  // namespace otp

// ETS storage: the objects of one table, without ownership or access rules
// (ets_tables.hpp holds those; ets.hpp is the API the shell and C++ call).
//
// Representation, by table type:
//   set            std::unordered_map key -> Entry {object, [object]}
//   bag,           std::unordered_map key -> Bucket: the objects with that
//   duplicate_bag  key, in insertion order (a vector; usually one or two
//                  long), and their list, made by a lookup and kept until
//                  they change
//   ordered_set    std::set of Entry ordered by the object's key in term order
// Objects are tuples, shared with whoever inserted or looked them up (terms
// are immutable and reference counted). An insert into a set or ordered_set
// also makes the one-element list a lookup returns, so lookups allocate and
// copy nothing: they hand out that list (one more reference).
//
// Keys: set and bag tables match keys exactly (=:=, so 1 and 1.0 are two
// keys); ordered_set compares them with == (1 and 1.0 are one key, and a
// later insert under 1.0 replaces the object stored under 1), as ETS does.
// Hash keys hash by otp::hash, immediates by their word (the map's prime
// bucket count spreads consecutive integers well).
//
// The caller checks objects (tuples of at least keypos elements) and keys;
// nothing here throws except std::bad_alloc.
#pragma once
#include <cstddef>
#include <cstdint>
#include <set>
#include <unordered_map>
#include <vector>

#include "term/heap_alloc.hpp"
#include "term/term.hpp"

namespace otp::ets::detail {

// The containers' nodes come from the term allocator's per-thread free
// lists (term/heap_alloc.hpp), as the objects they hold do: an insert then
// costs free-list pops rather than malloc calls.
template <class T>
struct NodeAllocator {
  using value_type = T;
  NodeAllocator() noexcept = default;
  template <class U>
  NodeAllocator(const NodeAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) { return static_cast<T*>(heap_alloc::allocate(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { heap_alloc::deallocate(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const NodeAllocator<U>&) const noexcept { return true; }
};

enum class Type : uint8_t { Set, OrderedSet, Bag, DuplicateBag };

// Exact (=:=) hashing and equality for hash-table keys.
struct KeyHash {
  std::size_t operator()(const Term& k) const noexcept {
    if (k.is_boxed()) return hash(k);
    uint64_t w = k.raw();
    return static_cast<std::size_t>(w ^ (w >> 32));
  }
};
struct KeyEq {
  bool operator()(const Term& a, const Term& b) const noexcept {
    return a.raw() == b.raw() || (a.is_boxed() && b.is_boxed() && exact_equal(a, b));
  }
};

// One object of a set or ordered_set, and [object]. An ordered_set may
// replace the object in place by one whose key compares equal (1 by 1.0),
// which keeps the set's order: hence mutable.
struct Entry {
  mutable Term object;
  mutable Term list;
};
struct EntryLess {
  using is_transparent = void;
  std::size_t index;  // keypos - 1
  bool operator()(const Entry& a, const Entry& b) const noexcept { return compare(a.object[index], b.object[index]) < 0; }
  bool operator()(const Entry& a, const Term& key) const noexcept { return compare(a.object[index], key) < 0; }
  bool operator()(const Term& key, const Entry& b) const noexcept { return compare(key, b.object[index]) < 0; }
};

// A bag's objects under one key, and their list once a lookup asked for it
// (the atom nil until then, and again after a change).
struct Bucket {
  std::vector<Term> objects;
  mutable Term list;
};

class Store {
 public:
  Store(Type type, std::size_t keypos);  // keypos is 1-based
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  Type type() const noexcept { return type_; }
  std::size_t keypos() const noexcept { return index_ + 1; }
  std::size_t size() const noexcept { return size_; }
  const Term& key_of(const Term& object) const noexcept { return object[index_]; }

  // set/ordered_set: replaces the object under its key; bag: adds it unless
  // an identical object is stored; duplicate_bag: adds it.
  void insert(const Term& object);
  bool contains(const Term& key) const;
  // The objects under key as a list (insertion order for bags), or [].
  Term lookup(const Term& key) const;
  // set/ordered_set: the object under key, or nullptr; replace() swaps it for
  // an object with the same key.
  const Term* find(const Term& key) const;
  void replace(const Term& key, Term object);
  std::size_t erase(const Term& key);
  std::size_t erase_object(const Term& object);  // every stored copy of it
  Term take(const Term& key);                    // lookup, then erase
  void clear();

  // Keys in table order (term order for ordered_set, hash order otherwise).
  // next/prev of a key that is not stored: false for hash tables (ETS then
  // fails with badarg); an ordered_set answers with its neighbour in term
  // order. *out is the atom :"$end_of_table" past either end.
  Term first() const;
  Term last() const;  // the same as first() for hash tables, as ETS
  bool next(const Term& key, Term* out) const;
  bool prev(const Term& key, Term* out) const;

  // Visits every object in table order until f returns false.
  template <class F>
  void for_each(F&& f) const;
  // Visits the objects under `key` only (a select whose pattern binds the key).
  template <class F>
  void for_each_with_key(const Term& key, F&& f) const;
  // Removes the objects for which pred is true; returns how many.
  template <class P>
  std::size_t erase_if(P&& pred);

  // ETS's `memory` in words: a fixed part plus each object's flat size and
  // per-object overhead (computed on demand: a walk over the objects).
  std::size_t memory_words() const;

 private:
  using SetMap = std::unordered_map<Term, Entry, KeyHash, KeyEq, NodeAllocator<std::pair<const Term, Entry>>>;
  using BagMap = std::unordered_map<Term, Bucket, KeyHash, KeyEq, NodeAllocator<std::pair<const Term, Bucket>>>;
  using Ordered = std::set<Entry, EntryLess, NodeAllocator<Entry>>;

  Type type_;
  std::size_t index_;
  std::size_t size_ = 0;
  SetMap set_;
  BagMap bag_;
  Ordered ordered_;
};

template <class F>
void Store::for_each(F&& f) const {
  switch (type_) {
    case Type::Set:
      for (const auto& [k, e] : set_)
        if (!f(e.object)) return;
      return;
    case Type::OrderedSet:
      for (const Entry& s : ordered_)
        if (!f(s.object)) return;
      return;
    default:
      for (const auto& [k, bucket] : bag_)
        for (const Term& obj : bucket.objects)
          if (!f(obj)) return;
  }
}

template <class F>
void Store::for_each_with_key(const Term& key, F&& f) const {
  switch (type_) {
    case Type::Set: {
      auto it = set_.find(key);
      if (it != set_.end()) f(it->second.object);
      return;
    }
    case Type::OrderedSet: {
      auto it = ordered_.find(key);
      if (it != ordered_.end()) f(it->object);
      return;
    }
    default: {
      auto it = bag_.find(key);
      if (it == bag_.end()) return;
      for (const Term& obj : it->second.objects)
        if (!f(obj)) return;
    }
  }
}

template <class P>
std::size_t Store::erase_if(P&& pred) {
  std::size_t before = size_;
  switch (type_) {
    case Type::Set:
      for (auto it = set_.begin(); it != set_.end();)
        it = pred(it->second.object) ? (--size_, set_.erase(it)) : std::next(it);
      break;
    case Type::OrderedSet:
      for (auto it = ordered_.begin(); it != ordered_.end();)
        it = pred(it->object) ? (--size_, ordered_.erase(it)) : std::next(it);
      break;
    default:
      for (auto it = bag_.begin(); it != bag_.end();) {
        auto& objs = it->second.objects;
        std::size_t before_key = objs.size();
        for (auto o = objs.begin(); o != objs.end();) o = pred(*o) ? (--size_, objs.erase(o)) : std::next(o);
        if (objs.size() != before_key) it->second.list = Term();
        it = objs.empty() ? bag_.erase(it) : std::next(it);
      }
  }
  return before - size_;
}

}  // namespace otp::ets::detail

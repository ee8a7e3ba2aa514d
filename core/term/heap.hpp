// Layouts of the boxed term kinds (internal to core/term).
//
// Every boxed object starts with HeapObject {refs, kind}. Tuples, binaries
// and maps are one allocation: a fixed header followed inline by their
// elements (Term[n], char[n], MapEntry[n]). A map is a flat array sorted by
// compare_map_keys, so lookup is a binary search and put/remove copy the
// array: fine for the small maps of messages and state, O(n) per update for
// big ones (BEAM switches to a HAMT above 32 keys; we do not).
#pragma once
#include <new>

#include "term/heap_alloc.hpp"
#include "term/term.hpp"

namespace otp {

struct BigObject : HeapObject {
  BigInt value;
  explicit BigObject(BigInt v) : HeapObject(Kind::Integer), value(std::move(v)) {}
};

struct FloatObject : HeapObject {
  double value;
  explicit FloatObject(double v) noexcept : HeapObject(Kind::Float), value(v) {}
};

using ConsObject = ConsCell;

// Header followed by `size` inline items of type Item.
template <Kind K, typename Item>
struct InlineObject : InlineHeader {
  explicit InlineObject(uint32_t n) noexcept : InlineHeader(K, n) {}
  Item* items() noexcept { return reinterpret_cast<Item*>(this + 1); }
  const Item* items() const noexcept { return reinterpret_cast<const Item*>(this + 1); }

  // Allocates header + n items; the caller constructs the items.
  static InlineObject* allocate(std::size_t n) {
    void* mem = heap_alloc::allocate(sizeof(InlineObject) + n * sizeof(Item));
    return ::new (mem) InlineObject(static_cast<uint32_t>(n));
  }
  static void destroy(InlineObject* o) noexcept {
    for (uint32_t i = 0; i < o->size; ++i) o->items()[i].~Item();
    const std::size_t bytes = sizeof(InlineObject) + o->size * sizeof(Item);
    o->~InlineObject();
    heap_alloc::deallocate(o, bytes);
  }
};

using TupleObject = InlineObject<Kind::Tuple, Term>;
using BinaryObject = InlineObject<Kind::Binary, char>;
using MapObject = InlineObject<Kind::Map, MapEntry>;
static_assert(sizeof(TupleObject) % 8 == 0 && sizeof(MapObject) % 8 == 0);
static_assert(sizeof(TupleObject) == sizeof(InlineHeader));

// Internal access to a Term's word and heap object.
struct TermAccess {
  static Term adopt(HeapObject* h) noexcept { return Term::adopt(h); }
  template <typename T>
  static const T* as(const Term& t) noexcept { return static_cast<const T*>(t.heap()); }
};

}  // namespace otp

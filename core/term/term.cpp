// Term construction, kind tests, accessors and the release path.
#include "term/term.hpp"

#include <cassert>
#include <cmath>
#include <stdexcept>

#include <boost/container/small_vector.hpp>

#include "term/fun.hpp"
#include "term/heap.hpp"
#include "term/heap_alloc.hpp"

namespace otp {
namespace {
// Live boxed objects, per thread (terms never cross threads, and a plain
// counter keeps allocation free of atomic read-modify-writes).
thread_local std::size_t g_live = 0;
}  // namespace

HeapObject::HeapObject(Kind k) noexcept : refs(1), kind(k) { ++g_live; }
void* HeapObject::operator new(std::size_t bytes) { return heap_alloc::allocate(bytes); }
void HeapObject::operator delete(void* p, std::size_t bytes) noexcept { heap_alloc::deallocate(p, bytes); }
HeapObject::~HeapObject() { --g_live; }
std::size_t term_live_objects() noexcept { return g_live; }

Term Term::adopt(HeapObject* h) noexcept {
  assert((reinterpret_cast<uintptr_t>(h) & 7) == 0);
  return Term(static_cast<uint64_t>(reinterpret_cast<uintptr_t>(h)));
}

namespace {
// Takes the reference `t` holds: if it was the object's last, the object
// goes on `dead`, to be freed by release_heap_object's loop rather than by
// recursion; `t` is left holding nothing, so its destructor does nothing.
template <class Stack>
void steal(Term& t, Stack& dead) noexcept {
  if (!t.is_boxed()) return;
  HeapObject* o = const_cast<HeapObject*>(t.heap());
  if (--o->refs == 0) dead.push_back(o);
  new (&t) Term();
}
}  // namespace

// Frees `h` and, iteratively, every object that dies with it (list heads
// and tails, tuple elements, map entries), so a term nested a million deep
// is freed without deep recursion. (A fun's captured terms are freed by its
// destructor.)
void release_heap_object(HeapObject* h) noexcept {
  boost::container::small_vector<HeapObject*, 8> dead{h};
  while (!dead.empty()) {
    h = dead.back();
    dead.pop_back();
    switch (h->kind) {
      case Kind::Integer: delete static_cast<BigObject*>(h); break;
      case Kind::Float: delete static_cast<FloatObject*>(h); break;
      case Kind::Tuple: {
        auto* t = static_cast<TupleObject*>(h);
        for (uint32_t i = 0; i < t->size; ++i) steal(t->items()[i], dead);
        TupleObject::destroy(t);
        break;
      }
      case Kind::Binary: BinaryObject::destroy(static_cast<BinaryObject*>(h)); break;
      case Kind::Map: {
        auto* m = static_cast<MapObject*>(h);
        for (uint32_t i = 0; i < m->size; ++i) {
          steal(m->items()[i].key, dead);
          steal(m->items()[i].value, dead);
        }
        MapObject::destroy(m);
        break;
      }
      case Kind::Fun: delete static_cast<FunObject*>(h); break;
      case Kind::Cons: {
        auto* c = static_cast<ConsObject*>(h);
        steal(c->tail, dead);
        steal(c->head, dead);
        delete c;
        break;
      }
      default: assert(false);
    }
  }
}

Term Term::big_integer(int64_t v) { return adopt(new BigObject(BigInt(v))); }

Term Term::integer(const BigInt& v) {
  if (v >= kSmallMin && v <= kSmallMax) return integer(static_cast<int64_t>(v));
  return adopt(new BigObject(v));
}

Term Term::from_double(double d) { return adopt(new FloatObject(d)); }
Term Term::atom(std::string_view name) { return Term(Atom::intern(name)); }

Term Term::binary(std::string_view bytes) {
  auto* o = BinaryObject::allocate(bytes.size());
  bytes.copy(o->items(), bytes.size());
  return adopt(o);
}

Term Term::tuple(std::initializer_list<Term> elems) { return tuple(std::span<const Term>(elems.begin(), elems.size())); }
Term Term::tuple(std::span<const Term> elems) {
  auto* o = TupleObject::allocate(elems.size());
  for (std::size_t i = 0; i < elems.size(); ++i) new (&o->items()[i]) Term(elems[i]);
  return adopt(o);
}

Term Term::cons(Term head, Term tail) { return adopt(new ConsObject(std::move(head), std::move(tail))); }

Term Term::list(std::initializer_list<Term> elems, Term tail) {
  return list(std::span<const Term>(elems.begin(), elems.size()), std::move(tail));
}
Term Term::list(std::span<const Term> elems, Term tail) {
  Term acc = std::move(tail);
  for (std::size_t i = elems.size(); i-- > 0;) acc = cons(elems[i], std::move(acc));
  return acc;
}

Term Term::charlist(std::string_view s) {
  std::vector<Term> cps;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    cps.push_back(integer(cp));
    i += n;
  }
  return list(cps);
}

Term Term::fun(FunObject* f) noexcept { return adopt(f); }

Kind Term::kind() const noexcept {
  switch (w_ & 7) {
    case kBoxed: return heap()->kind;
    case kSmall: return Kind::Integer;
    case kAtom: return Kind::Atom;
    case kPid: return Kind::Pid;
    case kRef: return Kind::Reference;
    default: return Kind::Nil;
  }
}


BigInt Term::bigint() const {
  if (is_small()) return BigInt(small());
  assert(is_bignum());
  return TermAccess::as<BigObject>(*this)->value;
}
double Term::as_double() const {
  assert(is_float());
  return TermAccess::as<FloatObject>(*this)->value;
}
std::string_view Term::bytes() const {
  assert(is_binary());
  auto* o = TermAccess::as<BinaryObject>(*this);
  return {o->items(), o->size};
}
const FunObject& Term::fun() const {
  assert(is_fun());
  return *static_cast<const FunObject*>(heap());
}

std::vector<Term> list_to_vector(const Term& list) {
  std::vector<Term> out;
  const Term* t = &list;
  for (; t->is_cons(); t = &t->tail()) out.push_back(t->head());
  if (!t->is_nil_list()) throw std::invalid_argument("list_to_vector: improper list");
  return out;
}

std::ptrdiff_t list_length(const Term& list) noexcept {
  std::ptrdiff_t n = 0;
  const Term* t = &list;
  for (; t->is_cons(); t = &t->tail()) ++n;
  return t->is_nil_list() ? n : -1;
}

}  // namespace otp

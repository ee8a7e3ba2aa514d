// Erlang terms: one 64-bit tagged word.
//
// Representation (low 3 bits are the tag):
//   000  pointer to an immutable, reference-counted HeapObject (8-aligned)
//   001  small integer, 61-bit signed, value = word >> 3 (arithmetic)
//   010  atom, id = word >> 3
//   011  pid, number = word >> 32, serial = bits 3..31 (29 bits)
//   100  reference, id = word >> 3 (61 bits)
//   101  [] (the empty list)
// Immediates are copied as plain words: no allocation, no count. Boxed terms
// (bignum, float, tuple, cons, map, binary, fun) carry a NON-atomic count:
// a Term must only be shared between threads by a deliberate deep hand-over.
// Integers are normalised: a value that fits in 61 bits is never a bignum.
#pragma once
#include <boost/multiprecision/cpp_int.hpp>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "term/atom.hpp"

namespace otp {

// Erlang term order of the kinds.
enum class Kind : uint8_t { Integer, Float, Atom, Reference, Fun, Port, Pid, Tuple, Map, Nil, Cons, Binary };

struct Pid {
  uint32_t number;
  uint32_t serial;  // only 29 bits are kept
  constexpr bool operator==(const Pid&) const noexcept = default;
};
struct Ref {
  uint64_t id;  // only 61 bits are kept
  constexpr bool operator==(const Ref&) const noexcept = default;
};
using BigInt = boost::multiprecision::cpp_int;

struct HeapObject;
class FunObject;
struct MapEntry;

class Term {
 public:
  static constexpr int64_t kSmallMax = (int64_t{1} << 60) - 1;
  static constexpr int64_t kSmallMin = -(int64_t{1} << 60);

  Term() noexcept : w_(tag_atom(atom::nil.id)) {}  // the atom nil
  Term(Atom a) noexcept : w_(tag_atom(a.id)) {}
  Term(Pid p) noexcept : w_((uint64_t{p.number} << 32) | (uint64_t{p.serial & 0x1FFFFFFFu} << 3) | kPid) {}
  Term(Ref r) noexcept : w_((r.id << 3) | kRef) {}
  Term(const Term& o) noexcept : w_(o.w_) { retain(); }
  Term(Term&& o) noexcept : w_(o.w_) { o.w_ = tag_atom(0); }
  Term& operator=(const Term& o) noexcept {
    o.retain();
    release();
    w_ = o.w_;
    return *this;
  }
  Term& operator=(Term&& o) noexcept {
    if (this != &o) {
      release();
      w_ = o.w_;
      o.w_ = tag_atom(0);
    }
    return *this;
  }
  ~Term() { release(); }

  // ---- construction ----
  static Term integer(int64_t v) {
    if (v >= kSmallMin && v <= kSmallMax) return Term((static_cast<uint64_t>(v) << 3) | kSmall);
    return big_integer(v);
  }
  static Term integer(const BigInt& v);
  static Term from_double(double d);
  static Term atom(std::string_view name);
  static Term binary(std::string_view bytes);
  static Term tuple(std::initializer_list<Term> elems);
  static Term tuple(std::span<const Term> elems);
  static Term empty_list() noexcept { return Term(kNilList); }
  static Term cons(Term head, Term tail);
  static Term list(std::initializer_list<Term> elems, Term tail = empty_list());
  static Term list(std::span<const Term> elems, Term tail = empty_list());
  static Term charlist(std::string_view utf8);  // list of code points
  static Term map(std::initializer_list<std::pair<Term, Term>> entries);
  static Term map(std::vector<std::pair<Term, Term>> entries);  // duplicate keys: last wins
  static Term boolean(bool b) noexcept { return Term(b ? atom::true_ : atom::false_); }
  // Takes ownership of a freshly new-ed FunObject (its count starts at 1).
  static Term fun(FunObject* f) noexcept;

  // ---- inspection ----
  Kind kind() const noexcept;
  bool is_boxed() const noexcept { return (w_ & 7) == 0; }
  bool is_small() const noexcept { return (w_ & 7) == kSmall; }
  bool is_integer() const noexcept;
  bool is_float() const noexcept;
  bool is_number() const noexcept { return is_integer() || is_float(); }
  bool is_atom() const noexcept { return (w_ & 7) == kAtom; }
  bool is_atom(Atom a) const noexcept { return w_ == tag_atom(a.id); }
  bool is_boolean() const noexcept { return is_atom(atom::true_) || is_atom(atom::false_); }
  bool is_pid() const noexcept { return (w_ & 7) == kPid; }
  bool is_ref() const noexcept { return (w_ & 7) == kRef; }
  bool is_nil_list() const noexcept { return w_ == kNilList; }
  bool is_cons() const noexcept;
  bool is_list() const noexcept { return is_nil_list() || is_cons(); }
  bool is_tuple() const noexcept;
  bool is_map() const noexcept;
  bool is_binary() const noexcept;
  bool is_fun() const noexcept;

  // Accessors: calling one on the wrong kind is a programming error (asserted).
  int64_t small() const noexcept;  // small integer
  BigInt bigint() const;          // any integer
  double as_double() const;       // float only
  Atom atom() const noexcept;
  Pid pid() const noexcept;
  Ref ref() const noexcept;
  std::string_view bytes() const;  // binary
  std::size_t tuple_size() const noexcept;
  const Term& operator[](std::size_t i) const noexcept;  // tuple element
  std::span<const Term> elements() const noexcept;       // tuple elements
  const Term& head() const noexcept;
  const Term& tail() const noexcept;
  std::size_t map_size() const;
  const Term* map_get(const Term& key) const;  // exact (===) key match, or nullptr
  Term map_put(Term key, Term value) const;     // O(n) copy
  Term map_remove(const Term& key) const;
  std::span<const MapEntry> map_entries() const;  // sorted by key (map key order)
  const FunObject& fun() const;
  bool is_bignum() const noexcept;  // boxed integer (outside the small range)

  bool operator==(const Term& o) const noexcept;  // exact (===)

  uint64_t raw() const noexcept { return w_; }
  const HeapObject* heap() const noexcept { return reinterpret_cast<const HeapObject*>(static_cast<uintptr_t>(w_)); }

 private:
  friend struct TermAccess;
  enum : uint64_t { kBoxed = 0, kSmall = 1, kAtom = 2, kPid = 3, kRef = 4, kNilList = 5 };
  static constexpr uint64_t tag_atom(uint32_t id) noexcept { return (uint64_t{id} << 3) | kAtom; }
  explicit Term(uint64_t w) noexcept : w_(w) {}
  static Term adopt(HeapObject* h) noexcept;
  static Term big_integer(int64_t v);  // outside the small range  // wraps a new object (count already 1)
  void retain() const noexcept;
  void release() noexcept;
  uint64_t w_;
};

static_assert(sizeof(Term) == 8);

struct MapEntry {
  Term key;
  Term value;
};

bool exact_equal(const Term& a, const Term& b) noexcept;  // ===
bool equal(const Term& a, const Term& b) noexcept;        // == (1 == 1.0)
// Erlang term order with == semantics (-1/0/1).
int compare(const Term& a, const Term& b) noexcept;
// Total order consistent with ===: as compare(), but an integer sorts before
// an equal float. Map keys are kept in this order.
int compare_exact(const Term& a, const Term& b) noexcept;
// Map key order as BEAM's flatmaps: all integers before all floats, then compare_exact.
int compare_map_keys(const Term& a, const Term& b) noexcept;
std::size_t hash(const Term& t) noexcept;  // consistent with exact_equal

// Inspect.Opts' charlists: :infer (ASCII-printable lists print as 'abc'),
// :as_lists, :as_charlists (any list of code points prints as a charlist).
enum class Charlists : uint8_t { Infer, AsLists, AsCharlists };
struct InspectOptions {
  int width = 80;
  int limit = 50;
  bool pretty = true;  // binaries: :infer, structs: true
  Charlists charlists = Charlists::Infer;
};
std::string inspect(const Term& t, const InspectOptions& opts = {});

// Boxed terms alive on this thread (for leak checks in tests).
std::size_t term_live_objects() noexcept;

// Elements of a proper list (throws std::invalid_argument if improper).
std::vector<Term> list_to_vector(const Term& list);
// Length of a proper list, or -1 if improper.
std::ptrdiff_t list_length(const Term& list) noexcept;

struct TermHash {
  std::size_t operator()(const Term& t) const noexcept { return hash(t); }
};

// ---- inline hot path ----
// alignas(8): the low 3 bits of a boxed Term are its tag, also for a HeapObject
// that is a base of a polymorphic FunObject (after a 4-byte vptr on wasm32).
struct alignas(8) HeapObject {
  uint32_t refs;
  Kind kind;
  explicit HeapObject(Kind k) noexcept;
  ~HeapObject();
  // Boxed terms come from the term allocator (heap_alloc.hpp).
  static void* operator new(std::size_t bytes);
  static void operator delete(void* p, std::size_t bytes) noexcept;
};
void release_heap_object(HeapObject* h) noexcept;

// The header of tuples, binaries and maps: items follow inline (heap.hpp).
struct InlineHeader : HeapObject {
  uint32_t size;
  uint32_t pad_ = 0;
  explicit InlineHeader(Kind k, uint32_t n) noexcept : HeapObject(k), size(n) {}
};
struct ConsCell : HeapObject {
  Term head;
  Term tail;
  ConsCell(Term h, Term t) noexcept : HeapObject(Kind::Cons), head(std::move(h)), tail(std::move(t)) {}
};

inline bool Term::is_integer() const noexcept { return is_small() || (is_boxed() && heap()->kind == Kind::Integer); }
inline bool Term::is_bignum() const noexcept { return is_boxed() && heap()->kind == Kind::Integer; }
inline bool Term::is_float() const noexcept { return is_boxed() && heap()->kind == Kind::Float; }
inline bool Term::is_cons() const noexcept { return is_boxed() && heap()->kind == Kind::Cons; }
inline bool Term::is_tuple() const noexcept { return is_boxed() && heap()->kind == Kind::Tuple; }
inline bool Term::is_map() const noexcept { return is_boxed() && heap()->kind == Kind::Map; }
inline bool Term::is_binary() const noexcept { return is_boxed() && heap()->kind == Kind::Binary; }
inline bool Term::is_fun() const noexcept { return is_boxed() && heap()->kind == Kind::Fun; }

inline int64_t Term::small() const noexcept {
  assert(is_small());
  return static_cast<int64_t>(w_) >> 3;
}
inline Atom Term::atom() const noexcept {
  assert(is_atom());
  return Atom{static_cast<uint32_t>(w_ >> 3)};
}
inline Pid Term::pid() const noexcept {
  assert(is_pid());
  return Pid{static_cast<uint32_t>(w_ >> 32), static_cast<uint32_t>((w_ >> 3) & 0x1FFFFFFFu)};
}
inline Ref Term::ref() const noexcept {
  assert(is_ref());
  return Ref{w_ >> 3};
}
inline std::size_t Term::tuple_size() const noexcept {
  assert(is_tuple());
  return static_cast<const InlineHeader*>(heap())->size;
}
inline std::span<const Term> Term::elements() const noexcept {
  assert(is_tuple());
  auto* h = static_cast<const InlineHeader*>(heap());
  return {reinterpret_cast<const Term*>(h + 1), h->size};
}
inline const Term& Term::operator[](std::size_t i) const noexcept {
  assert(is_tuple() && i < tuple_size());
  return reinterpret_cast<const Term*>(static_cast<const InlineHeader*>(heap()) + 1)[i];
}
inline const Term& Term::head() const noexcept {
  assert(is_cons());
  return static_cast<const ConsCell*>(heap())->head;
}
inline const Term& Term::tail() const noexcept {
  assert(is_cons());
  return static_cast<const ConsCell*>(heap())->tail;
}

inline void Term::retain() const noexcept {
  if (is_boxed()) ++const_cast<HeapObject*>(heap())->refs;
}
inline void Term::release() noexcept {
  if (is_boxed()) {
    HeapObject* h = const_cast<HeapObject*>(heap());
    if (--h->refs == 0) release_heap_object(h);
  }
}

}  // namespace otp

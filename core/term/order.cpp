// Equality, Erlang term order and hashing.
//
//   number < atom < reference < fun < port < pid < tuple < map < [] < cons < binary
// Numbers compare by value (1 == 1.0). Three flavours differ only on an
// integer and a float of equal value: `compare` says equal (==),
// `compare_exact` puts the integer first (a total order for ===), and
// `compare_map_keys` puts every integer before every float, at any depth,
// which is how BEAM orders the keys of a small map (%{1 => _, 2 => _, 1.0 => _}).
// Atoms order by text; tuples by size then elements; maps by size, then keys
// (in map key order), then values; lists and binaries lexicographically.
// 0.0 and -0.0 are equal, as on OTP 25 (OTP 27 made them differ under =:=).
#include <cmath>
#include <cstring>

#include <boost/container/small_vector.hpp>

#include "term/fun.hpp"
#include "term/heap.hpp"

namespace otp {
namespace {

enum class Mode { Equal, Exact, MapKey };

int sign(int64_t a, int64_t b) { return a < b ? -1 : a > b ? 1 : 0; }
template <typename T>
int sign3(const T& a, const T& b) { return a < b ? -1 : (b < a ? 1 : 0); }

// An integral double as a BigInt, exactly.
BigInt double_to_bigint(double d) {
  int exp = 0;
  double m = std::frexp(d, &exp);  // d = m * 2^exp, 0.5 <= |m| < 1
  BigInt r(static_cast<int64_t>(std::ldexp(m, 53)));
  exp -= 53;
  if (exp >= 0) r <<= exp;
  else r /= BigInt(1) << -exp;  // exact: d is integral
  return r;
}

// int vs float by value, exactly.
int compare_int_float(const Term& i, double d) {
  if (i.is_small()) {
    int64_t v = i.small();  // |v| < 2^60: exact in long double? not always; go via BigInt if close
    double dv = static_cast<double>(v);
    if (dv < d) return -1;
    if (dv > d) return 1;
    return sign3(BigInt(v), double_to_bigint(d));
  }
  const BigInt& b = TermAccess::as<BigObject>(i)->value;
  double bd = static_cast<double>(b);  // monotonic rounding: a strict difference is decisive
  if (std::isinf(bd)) return b.sign() < 0 ? -1 : 1;
  if (bd < d) return -1;
  if (bd > d) return 1;
  return sign3(b, double_to_bigint(d));
}

int compare_numbers(const Term& a, const Term& b, Mode mode) {
  bool af = a.is_float(), bf = b.is_float();
  if (!af && !bf) {
    if (a.is_small() && b.is_small()) return sign(a.small(), b.small());
    return sign3(a.bigint(), b.bigint());
  }
  if (af && bf) return sign3(a.as_double(), b.as_double());
  if (mode == Mode::MapKey) return af ? 1 : -1;
  int c = af ? -compare_int_float(b, a.as_double()) : compare_int_float(a, b.as_double());
  if (c != 0 || mode == Mode::Equal) return c;
  return af ? 1 : -1;
}

int kind_class(Kind k) { return k == Kind::Float ? static_cast<int>(Kind::Integer) : static_cast<int>(k); }

// Iterative, over a stack of the pairs still to compare (in order: a
// tuple's elements, a map's keys then values, a list's head then tail), so
// that terms nested a million deep compare as on BEAM instead of overflowing
// the process's stack. Flat terms and long lists keep the stack at one or
// two pairs, inline (no allocation).
struct Pending {
  const Term* a;
  const Term* b;
  Mode mode;
};

int cmp(const Term& a0, const Term& b0, Mode mode0) {
  boost::container::small_vector<Pending, 16> work;
  work.push_back({&a0, &b0, mode0});
  while (!work.empty()) {
    const Pending p = work.back();
    work.pop_back();
    const Term* a = p.a;
    const Term* b = p.b;
    const Mode mode = p.mode;
    if (a->raw() == b->raw()) continue;
    Kind ka = a->kind(), kb = b->kind();
    if (kind_class(ka) != kind_class(kb)) return kind_class(ka) < kind_class(kb) ? -1 : 1;
    int c = 0;
    switch (ka) {
      case Kind::Integer:
      case Kind::Float: c = compare_numbers(*a, *b, mode); break;
      case Kind::Atom: {
        int d = a->atom().name().compare(b->atom().name());
        c = d < 0 ? -1 : d > 0 ? 1 : 0;
        break;
      }
      case Kind::Reference: c = sign3(a->ref().id, b->ref().id); break;
      case Kind::Pid: {
        Pid x = a->pid(), y = b->pid();
        c = x.serial != y.serial ? (x.serial < y.serial ? -1 : 1) : sign3(x.number, y.number);
        break;
      }
      case Kind::Fun: {
        const FunObject &f = a->fun(), &g = b->fun();
        if (f.same_as(g)) break;
        if (int d = f.module().name().compare(g.module().name())) return d < 0 ? -1 : 1;
        if (int d = f.name().compare(g.name())) return d < 0 ? -1 : 1;
        if (f.arity() != g.arity()) return f.arity() < g.arity() ? -1 : 1;
        c = sign3(reinterpret_cast<uintptr_t>(&f), reinterpret_cast<uintptr_t>(&g));
        break;
      }
      case Kind::Tuple: {
        auto x = a->elements(), y = b->elements();
        if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
        for (std::size_t i = x.size(); i-- > 0;) work.push_back({&x[i], &y[i], mode});
        break;
      }
      case Kind::Map: {
        auto x = a->map_entries(), y = b->map_entries();
        if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
        for (std::size_t i = x.size(); i-- > 0;) work.push_back({&x[i].value, &y[i].value, mode});
        for (std::size_t i = x.size(); i-- > 0;) work.push_back({&x[i].key, &y[i].key, Mode::MapKey});
        break;
      }
      case Kind::Binary: {
        std::string_view x = a->bytes(), y = b->bytes();
        int d = std::memcmp(x.data(), y.data(), std::min(x.size(), y.size()));
        c = d != 0 ? (d < 0 ? -1 : 1) : sign3(x.size(), y.size());
        break;
      }
      case Kind::Nil: break;
      case Kind::Cons:
        work.push_back({&a->tail(), &b->tail(), mode});
        work.push_back({&a->head(), &b->head(), mode});
        break;
      case Kind::Port: break;
    }
    if (c != 0) return c;
  }
  return 0;
}

std::size_t mix(std::size_t h, std::size_t v) {
  uint64_t x = (static_cast<uint64_t>(h) ^ static_cast<uint64_t>(v)) * 0x9E3779B97F4A7C15ull;
  return static_cast<std::size_t>(x ^ (x >> 29));
}

}  // namespace

int compare(const Term& a, const Term& b) noexcept { return cmp(a, b, Mode::Equal); }
int compare_exact(const Term& a, const Term& b) noexcept { return cmp(a, b, Mode::Exact); }
int compare_map_keys(const Term& a, const Term& b) noexcept { return cmp(a, b, Mode::MapKey); }
bool equal(const Term& a, const Term& b) noexcept { return a.raw() == b.raw() || cmp(a, b, Mode::Equal) == 0; }

bool exact_equal(const Term& a, const Term& b) noexcept {
  if (a.raw() == b.raw()) return true;
  if (!a.is_boxed() || !b.is_boxed()) return false;  // immediates are canonical
  return cmp(a, b, Mode::Exact) == 0;
}
bool Term::operator==(const Term& o) const noexcept { return exact_equal(*this, o); }

// Funs hash by module, origin and arity, so any FunObject::same_as that
// requires those to match stays consistent with this hash.
std::size_t hash(const Term& t0) noexcept {
  std::size_t h = 0x51ED27;
  const Term* t = &t0;
  for (;;) {
    if (!t->is_boxed()) return mix(h, static_cast<std::size_t>(t->raw() ^ (t->raw() >> 32)));
    Kind k = t->kind();
    h = mix(h, static_cast<std::size_t>(k));
    switch (k) {
      case Kind::Integer: {
        const BigInt& b = TermAccess::as<BigObject>(*t)->value;
        for (auto limb = b.backend().limbs(), end = limb + b.backend().size(); limb != end; ++limb)
          h = mix(h, static_cast<std::size_t>(*limb));
        return mix(h, b.sign() < 0);
      }
      case Kind::Float: {
        double d = t->as_double();
        if (d == 0.0) d = 0.0;  // -0.0 === 0.0 on OTP 25
        uint64_t bits;
        std::memcpy(&bits, &d, 8);
        return mix(h, static_cast<std::size_t>(bits ^ (bits >> 32)));
      }
      case Kind::Binary: return mix(h, std::hash<std::string_view>{}(t->bytes()));
      case Kind::Fun: {
        const FunObject& f = t->fun();
        h = mix(h, f.module().id);
        h = mix(h, std::hash<std::string>{}(f.name()));
        return mix(h, f.arity());
      }
      case Kind::Tuple:
        for (const Term& e : t->elements()) h = mix(h, hash(e));
        return h;
      case Kind::Map:
        for (const MapEntry& e : t->map_entries()) h = mix(mix(h, hash(e.key)), hash(e.value));
        return h;
      case Kind::Cons:
        h = mix(h, hash(t->head()));
        t = &t->tail();
        continue;
      default: return h;
    }
  }
}

}  // namespace otp

// The guard functions of ETS match specs (ERTS' guard_tab), with BEAM's
// semantics. A function that would raise returns false instead: the match
// spec turns that into a failed guard or an :EXIT result.
#include <cmath>
#include <cstdlib>

#include "services/ets_match_internal.hpp"
#include "term/arith.hpp"

namespace otp::ets::detail {

namespace {

// Runs an arithmetic function of term/arith.hpp, which throws badarith.
template <class F>
bool arith(F&& f, Term* out) {
  try {
    *out = f();
    return true;
  } catch (const ErlangError&) {
    return false;
  }
}

bool both_numbers(const Term* a) { return a[0].is_number() && a[1].is_number(); }
bool both_integers(const Term* a) { return a[0].is_integer() && a[1].is_integer(); }

// A float with an integral value as an integer term.
Term integer_of(double d) {
  if (std::fabs(d) < 9.0e18) return Term::integer(static_cast<int64_t>(d));
  return Term::integer(BigInt(d));
}

bool bitwise(Bif bif, const Term* a, Term* out) {
  if (!both_integers(a)) return false;
  if (a[0].is_small() && a[1].is_small() && bif != Bif::Bsl) {
    int64_t x = a[0].small(), y = a[1].small();
    switch (bif) {
      case Bif::Band: *out = Term::integer(x & y); return true;
      case Bif::Bor: *out = Term::integer(x | y); return true;
      case Bif::Bxor: *out = Term::integer(x ^ y); return true;
      case Bif::Bsr:
        if (y >= 0) {
          *out = Term::integer(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
          return true;
        }
        break;
      default: break;
    }
  }
  BigInt x = a[0].bigint(), y = a[1].bigint();
  switch (bif) {
    case Bif::Band: *out = Term::integer(BigInt(x & y)); return true;
    case Bif::Bor: *out = Term::integer(BigInt(x | y)); return true;
    case Bif::Bxor: *out = Term::integer(BigInt(x ^ y)); return true;
    default: break;
  }
  // bsl / bsr: a negative shift goes the other way; BEAM's system_limit
  // for huge left shifts is a failure here.
  if (y > 1 << 24 || y < -(1 << 24)) {
    bool left = (bif == Bif::Bsl) == (y > 0);
    if (left && x != 0) return false;
    *out = Term::integer(left || x >= 0 ? 0 : -1);
    return true;
  }
  long n = y.convert_to<long>();
  if (bif == Bif::Bsr) n = -n;
  BigInt r;
  if (n >= 0) r = x << static_cast<unsigned>(n);
  else if (x >= 0) r = x >> static_cast<unsigned>(-n);
  else r = -(BigInt(-x - 1) >> static_cast<unsigned>(-n)) - 1;  // arithmetic: rounds down
  *out = Term::integer(r);
  return true;
}

}  // namespace

bool apply_bif(Bif bif, const Term* a, const EvalContext& cx, Term* out) {
  switch (bif) {
    case Bif::IsAtom: *out = Term::boolean(a[0].is_atom()); return true;
    case Bif::IsFloat: *out = Term::boolean(a[0].is_float()); return true;
    case Bif::IsInteger: *out = Term::boolean(a[0].is_integer()); return true;
    case Bif::IsList: *out = Term::boolean(a[0].is_list()); return true;
    case Bif::IsNumber: *out = Term::boolean(a[0].is_number()); return true;
    case Bif::IsPid: *out = Term::boolean(a[0].is_pid()); return true;
    case Bif::IsPort: *out = Term::boolean(false); return true;
    case Bif::IsReference: *out = Term::boolean(a[0].is_ref()); return true;
    case Bif::IsTuple: *out = Term::boolean(a[0].is_tuple()); return true;
    case Bif::IsMap: *out = Term::boolean(a[0].is_map()); return true;
    case Bif::IsBinary: *out = Term::boolean(a[0].is_binary()); return true;
    case Bif::IsFunction: *out = Term::boolean(a[0].is_fun()); return true;
    case Bif::IsRecord:
      if (!a[1].is_atom() || !a[2].is_integer()) return false;
      *out = Term::boolean(a[0].is_tuple() && a[0].tuple_size() > 0 && a[2].is_small() &&
                           static_cast<int64_t>(a[0].tuple_size()) == a[2].small() && a[0][0] == a[1]);
      return true;
    case Bif::Abs:
      if (a[0].is_float()) {
        *out = Term::from_double(std::fabs(a[0].as_double()));
        return true;
      }
      if (!a[0].is_integer()) return false;
      *out = compare(a[0], Term::integer(0)) < 0 ? neg(a[0]) : a[0];
      return true;
    case Bif::Element:
      if (!a[0].is_small() || !a[1].is_tuple() || a[0].small() < 1 ||
          static_cast<uint64_t>(a[0].small()) > a[1].tuple_size())
        return false;
      *out = a[1][static_cast<std::size_t>(a[0].small() - 1)];
      return true;
    case Bif::Hd:
    case Bif::Tl:
      if (!a[0].is_cons()) return false;
      *out = bif == Bif::Hd ? a[0].head() : a[0].tail();
      return true;
    case Bif::Length: {
      std::ptrdiff_t n = list_length(a[0]);
      if (n < 0) return false;
      *out = Term::integer(n);
      return true;
    }
    case Bif::Node0: *out = Term(atom::nonode_nohost); return true;
    case Bif::Node1:
      if (!a[0].is_pid() && !a[0].is_ref()) return false;
      *out = Term(atom::nonode_nohost);
      return true;
    case Bif::Round:
    case Bif::Trunc:
      if (a[0].is_integer()) {
        *out = a[0];
        return true;
      }
      if (!a[0].is_float()) return false;
      *out = integer_of(bif == Bif::Round ? std::round(a[0].as_double()) : std::trunc(a[0].as_double()));
      return true;
    case Bif::Size:
      if (a[0].is_tuple()) *out = Term::integer(static_cast<int64_t>(a[0].tuple_size()));
      else if (a[0].is_binary()) *out = Term::integer(static_cast<int64_t>(a[0].bytes().size()));
      else return false;
      return true;
    case Bif::MapSize:
      if (!a[0].is_map()) return false;
      *out = Term::integer(static_cast<int64_t>(a[0].map_size()));
      return true;
    case Bif::BitSize:
    case Bif::ByteSize:
      if (!a[0].is_binary()) return false;
      *out = Term::integer(static_cast<int64_t>(a[0].bytes().size()) * (bif == Bif::BitSize ? 8 : 1));
      return true;
    case Bif::Float:
      if (a[0].is_float()) {
        *out = a[0];
        return true;
      }
      return a[0].is_integer() && arith([&] { return Term::from_double(to_double(a[0])); }, out);
    case Bif::Plus1:
      if (!a[0].is_number()) return false;
      *out = a[0];
      return true;
    case Bif::Minus1: return a[0].is_number() && arith([&] { return neg(a[0]); }, out);
    case Bif::Plus: return both_numbers(a) && arith([&] { return add(a[0], a[1]); }, out);
    case Bif::Minus: return both_numbers(a) && arith([&] { return sub(a[0], a[1]); }, out);
    case Bif::Times: return both_numbers(a) && arith([&] { return mul(a[0], a[1]); }, out);
    case Bif::Divide: return both_numbers(a) && arith([&] { return fdiv(a[0], a[1]); }, out);
    case Bif::Div:
    case Bif::Rem:
      if (!both_integers(a) || (a[1].is_small() && a[1].small() == 0)) return false;
      return arith([&] { return bif == Bif::Div ? int_div(a[0], a[1]) : int_rem(a[0], a[1]); }, out);
    case Bif::Band:
    case Bif::Bor:
    case Bif::Bxor:
    case Bif::Bsl:
    case Bif::Bsr: return bitwise(bif, a, out);
    case Bif::Bnot:
      if (!a[0].is_integer()) return false;
      *out = a[0].is_small() ? Term::integer(~a[0].small()) : Term::integer(BigInt(-a[0].bigint() - 1));
      return true;
    case Bif::Gt: *out = Term::boolean(compare(a[0], a[1]) > 0); return true;
    case Bif::Ge: *out = Term::boolean(compare(a[0], a[1]) >= 0); return true;
    case Bif::Lt: *out = Term::boolean(compare(a[0], a[1]) < 0); return true;
    case Bif::Le: *out = Term::boolean(compare(a[0], a[1]) <= 0); return true;
    case Bif::ExactEq: *out = Term::boolean(exact_equal(a[0], a[1])); return true;
    case Bif::Eq: *out = Term::boolean(equal(a[0], a[1])); return true;
    case Bif::ExactNeq: *out = Term::boolean(!exact_equal(a[0], a[1])); return true;
    case Bif::Neq: *out = Term::boolean(!equal(a[0], a[1])); return true;
    case Bif::Not:
      if (!a[0].is_boolean()) return false;
      *out = Term::boolean(a[0].is_atom(atom::false_));
      return true;
    case Bif::Xor:
      if (!a[0].is_boolean() || !a[1].is_boolean()) return false;
      *out = Term::boolean(a[0].is_atom(atom::true_) != a[1].is_atom(atom::true_));
      return true;
    case Bif::MapGet: {
      if (!a[1].is_map()) return false;
      const Term* v = a[1].map_get(a[0]);
      if (!v) return false;
      *out = *v;
      return true;
    }
    case Bif::IsMapKey:
      if (!a[1].is_map()) return false;
      *out = Term::boolean(a[1].map_get(a[0]) != nullptr);
      return true;
    case Bif::BinaryPart: {
      if (!a[0].is_binary() || !a[1].is_small() || !a[2].is_small()) return false;
      int64_t size = static_cast<int64_t>(a[0].bytes().size()), start = a[1].small(), len = a[2].small();
      if (len < 0) {
        start += len;
        len = -len;
      }
      if (start < 0 || start + len > size) return false;
      *out = Term::binary(a[0].bytes().substr(static_cast<std::size_t>(start), static_cast<std::size_t>(len)));
      return true;
    }
    case Bif::Self: *out = Term(cx.self); return true;
  }
  return false;
}

}  // namespace otp::ets::detail

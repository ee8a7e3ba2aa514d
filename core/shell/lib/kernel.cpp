// Kernel, part 1: the guards and BIFs (is_*, abs, div, rem, round, trunc,
// elem, hd, length, map_size, ...) with OTP 25's argument errors as
// Elixir prints them. Their :erlang twins reuse these (erlang.cpp).
#include <cmath>

#include "shell/lib/kernel_detail.hpp"

namespace otp::shell::lib {

Term float_to_integer(double d) {
  if (std::fabs(d) < 4.0e18) return Term::integer(static_cast<int64_t>(d));
  return Term::integer(BigInt(d));
}

Term round_number(const Term& x, int mode) {
  if (x.is_integer()) return x;
  if (!x.is_float()) raise_badarg(1, "not a number");
  double d = x.as_double();
  switch (mode) {
    case 0: d = std::round(d); break;  // half away from zero, as Erlang
    case 1: d = std::trunc(d); break;
    case 2: d = std::ceil(d); break;
    default: d = std::floor(d); break;
  }
  return float_to_integer(d);
}

Term integer_op(const Term& a, const Term& b, bool is_div) {
  if (!a.is_integer() || !b.is_integer() || (b.is_small() && b.small() == 0)) raise_arithmetic(arith_blame(is_div ? "div" : "rem", a, b));
  return is_div ? int_div(a, b) : int_rem(a, b);
}

Term element(const Term& index, const Term& tuple) {
  if (!tuple.is_tuple()) {
    if (!index.is_integer()) raise_badargs({{1, "not an integer"}, {2, "not a tuple"}});
    raise_badarg(2, "not a tuple");
  }
  if (!index.is_integer()) raise_badarg(1, "not an integer");
  if (!index.is_small() || index.small() < 1 || static_cast<std::size_t>(index.small()) > tuple.tuple_size())
    raise_badarg(1, "out of range");
  return tuple[static_cast<std::size_t>(index.small() - 1)];
}

Term setelement(const Term& index, const Term& tuple, const Term& value) {
  if (!tuple.is_tuple()) raise_badarg(2, "not a tuple");
  if (!index.is_integer()) raise_badarg(1, "not an integer");
  if (!index.is_small() || index.small() < 1 || static_cast<std::size_t>(index.small()) > tuple.tuple_size())
    raise_badarg(1, "out of range");
  std::vector<Term> elems(tuple.elements().begin(), tuple.elements().end());
  elems[static_cast<std::size_t>(index.small() - 1)] = value;
  return Term::tuple(std::span<const Term>(elems));
}

Term head(const Term& l) {
  if (!l.is_cons()) raise_badarg(1, "not a nonempty list");
  return l.head();
}
Term tail(const Term& l) {
  if (!l.is_cons()) raise_badarg(1, "not a nonempty list");
  return l.tail();
}
Term length(const Term& l) {
  std::ptrdiff_t n = l.is_list() ? list_length(l) : -1;
  if (n < 0) raise_badarg(1, "not a list");
  return Term::integer(n);
}
Term map_size(const Term& m) {
  if (!m.is_map()) raise_bad_map(m);
  return Term::integer(static_cast<int64_t>(m.map_size()));
}
Term tuple_size(const Term& t) {
  if (!t.is_tuple()) raise_badarg(1, "not a tuple");
  return Term::integer(static_cast<int64_t>(t.tuple_size()));
}
Term byte_size(const Term& b) {
  if (!b.is_binary()) raise_badarg(1, "not a bitstring");
  return Term::integer(static_cast<int64_t>(b.bytes().size()));
}
Term abs_number(const Term& x) {
  if (!x.is_number()) raise_badarg(1, "not a number");
  if (x.is_float()) return Term::from_double(std::fabs(x.as_double()));
  return compare(x, Term::integer(0)) < 0 ? neg(x) : x;
}
Term max_of(const Term& a, const Term& b) { return compare(a, b) < 0 ? b : a; }
Term min_of(const Term& a, const Term& b) { return compare(a, b) > 0 ? b : a; }

Term is_function2(const Term& f, const Term& arity) {
  if (!arity.is_integer()) raise_badarg(2, "not an integer");
  if (!arity.is_small() || arity.small() < 0 || arity.small() > 255) raise_badarg(2, "out of range");
  return Term::boolean(f.is_fun() && f.fun().arity() == arity.small());
}

namespace {

bool is_struct_map(const Term& t) {
  const Term* s = t.is_map() ? t.map_get(Term(atom::__struct__)) : nullptr;
  return s && s->is_atom();
}

bool is_exception_map(const Term& t) {
  const Term* e = t.is_map() ? t.map_get(Term(atom::__exception__)) : nullptr;
  return is_struct_map(t) && e && e->is_atom(atom::true_);
}

// A guard of one argument.
template <bool (*P)(const Term&)>
Term guard(Args a) {
  return Term::boolean(P(a[0]));
}
bool p_atom(const Term& t) { return t.is_atom(); }
bool p_binary(const Term& t) { return t.is_binary(); }
bool p_boolean(const Term& t) { return t.is_boolean(); }
bool p_float(const Term& t) { return t.is_float(); }
bool p_function(const Term& t) { return t.is_fun(); }
bool p_integer(const Term& t) { return t.is_integer(); }
bool p_list(const Term& t) { return t.is_list(); }
bool p_map(const Term& t) { return t.is_map(); }
bool p_nil(const Term& t) { return t.is_atom(atom::nil); }
bool p_number(const Term& t) { return t.is_number(); }
bool p_pid(const Term& t) { return t.is_pid(); }
bool p_port(const Term&) { return false; }
bool p_reference(const Term& t) { return t.is_ref(); }
bool p_tuple(const Term& t) { return t.is_tuple(); }
bool p_struct(const Term& t) { return is_struct_map(t); }
bool p_exception(const Term& t) { return is_exception_map(t); }

}  // namespace

void add_guards(Library& lib, const char* m) {
  lib.add(m, "is_atom", 1, guard<p_atom>, "True if the term is an atom.");
  lib.add(m, "is_binary", 1, guard<p_binary>, "True if the term is a binary.");
  lib.add(m, "is_bitstring", 1, guard<p_binary>, "True if the term is a bitstring.");
  lib.add(m, "is_boolean", 1, guard<p_boolean>, "True if the term is true or false.");
  lib.add(m, "is_float", 1, guard<p_float>, "True if the term is a float.");
  lib.add(m, "is_function", 1, guard<p_function>, "True if the term is a function.");
  lib.add(m, "is_function", 2, [](Args a) { return is_function2(a[0], a[1]); }, "True if the term is a function of that arity.");
  lib.add(m, "is_integer", 1, guard<p_integer>, "True if the term is an integer.");
  lib.add(m, "is_list", 1, guard<p_list>, "True if the term is a list.");
  lib.add(m, "is_map", 1, guard<p_map>, "True if the term is a map.");
  lib.add(m, "is_number", 1, guard<p_number>, "True if the term is an integer or a float.");
  lib.add(m, "is_pid", 1, guard<p_pid>, "True if the term is a pid.");
  lib.add(m, "is_port", 1, guard<p_port>, "True if the term is a port.");
  lib.add(m, "is_reference", 1, guard<p_reference>, "True if the term is a reference.");
  lib.add(m, "is_tuple", 1, guard<p_tuple>, "True if the term is a tuple.");
}

void add_kernel(Library& lib) {
  add_guards(lib, "Kernel");
  lib.add("Kernel", "is_nil", 1, guard<p_nil>, "True if the term is nil.");
  lib.add("Kernel", "is_struct", 1, guard<p_struct>, "True if the term is a struct.");
  lib.add("Kernel", "is_struct", 2, [](Args a) {
    if (!a[1].is_atom()) raise_argument_error("argument error");
    return Term::boolean(is_struct_map(a[0]) && *a[0].map_get(Term(atom::__struct__)) == a[1]);
  }, "True if the term is a struct of that module.");
  lib.add("Kernel", "is_exception", 1, guard<p_exception>, "True if the term is an exception struct.");
  lib.add("Kernel", "is_exception", 2, [](Args a) {
    return Term::boolean(is_exception_map(a[0]) && *a[0].map_get(Term(atom::__struct__)) == a[1]);
  }, "True if the term is an exception of that module.");
  lib.add("Kernel", "is_map_key", 2, [](Args a) {
    if (!a[0].is_map()) raise_bad_map(a[0]);
    return Term::boolean(a[0].map_get(a[1]) != nullptr);
  }, "True if the map has the key.");
  lib.add("Kernel", "abs", 1, [](Args a) { return abs_number(a[0]); }, "The absolute value of a number.");
  lib.add("Kernel", "max", 2, [](Args a) { return max_of(a[0], a[1]); }, "The larger of two terms (term order).");
  lib.add("Kernel", "min", 2, [](Args a) { return min_of(a[0], a[1]); }, "The smaller of two terms (term order).");
  lib.add("Kernel", "div", 2, [](Args a) { return integer_op(a[0], a[1], true); }, "Integer division, truncated toward zero.");
  lib.add("Kernel", "rem", 2, [](Args a) { return integer_op(a[0], a[1], false); }, "The remainder of div/2 (sign of the dividend).");
  lib.add("Kernel", "round", 1, [](Args a) { return round_number(a[0], 0); }, "The nearest integer (halves away from zero).");
  lib.add("Kernel", "trunc", 1, [](Args a) { return round_number(a[0], 1); }, "The integer part of a number.");
  lib.add("Kernel", "ceil", 1, [](Args a) { return round_number(a[0], 2); }, "The smallest integer not below the number.");
  lib.add("Kernel", "floor", 1, [](Args a) { return round_number(a[0], 3); }, "The largest integer not above the number.");
  lib.add("Kernel", "elem", 2, [](Args a) {
    if (!a[1].is_integer()) raise_arithmetic(arith_blame("+", a[1], Term::integer(1)));
    return element(add(a[1], Term::integer(1)), a[0]);
  }, "The element at a zero-based index of a tuple.");
  lib.add("Kernel", "put_elem", 3, [](Args a) {
    if (!a[1].is_integer()) raise_arithmetic(arith_blame("+", a[1], Term::integer(1)));
    return setelement(add(a[1], Term::integer(1)), a[0], a[2]);
  }, "The tuple with the element at index replaced.");
  lib.add("Kernel", "hd", 1, [](Args a) { return head(a[0]); }, "The head of a non-empty list.");
  lib.add("Kernel", "tl", 1, [](Args a) { return tail(a[0]); }, "The tail of a non-empty list.");
  lib.add("Kernel", "length", 1, [](Args a) { return length(a[0]); }, "The length of a list.");
  lib.add("Kernel", "map_size", 1, [](Args a) { return map_size(a[0]); }, "The number of keys in a map.");
  lib.add("Kernel", "tuple_size", 1, [](Args a) { return tuple_size(a[0]); }, "The number of elements in a tuple.");
  lib.add("Kernel", "byte_size", 1, [](Args a) { return byte_size(a[0]); }, "The number of bytes in a binary.");
  lib.add("Kernel", "bit_size", 1, [](Args a) {
    if (!a[0].is_binary()) raise_badarg(1, "not a bitstring");
    return Term::integer(8 * static_cast<int64_t>(a[0].bytes().size()));
  }, "The number of bits in a bitstring.");
}

}  // namespace otp::shell::lib

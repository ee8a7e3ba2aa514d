// :erlang, part 2: guards, arithmetic, bitwise and comparison operators as
// functions, time, phash2, float_to_binary, error/exit/throw.
//
// Limits: phash2 is a deterministic hash of its own (not BEAM's values);
// system_time and monotonic_time both read the node's clock (virtual in
// tests), in the unit asked for (:native is nanoseconds).
#include <cstdio>

#include "shell/lib/chars.hpp"
#include "term/float_format.hpp"
#include "shell/lib/kernel_detail.hpp"
#include "runtime/exit.hpp"
#include "runtime/node.hpp"

namespace otp::shell::lib {

namespace {

Term arith(Args a, char op) {
  const char sym[2] = {op, 0};
  if (!a[0].is_number() || !a[1].is_number()) raise_arithmetic(arith_blame(sym, a[0], a[1]));
  if (op == '/' && compare(a[1], Term::integer(0)) == 0) raise_arithmetic(arith_blame(sym, a[0], a[1]));
  return op == '+' ? add(a[0], a[1]) : op == '-' ? sub(a[0], a[1]) : op == '*' ? mul(a[0], a[1]) : fdiv(a[0], a[1]);
}

Term bitwise(Args a, const char* op) {
  if (!a[0].is_integer() || !a[1].is_integer())
    raise_arithmetic(arith_blame(op, a[0], a[1]));
  BigInt x = a[0].bigint(), y = a[1].bigint();
  std::string_view o(op);
  if (o == "band") return Term::integer(BigInt(x & y));
  if (o == "bor") return Term::integer(BigInt(x | y));
  if (o == "bxor") return Term::integer(BigInt(x ^ y));
  if (y > 100000 || y < -100000) raise_arithmetic();
  int64_t n = static_cast<int64_t>(y);
  if (o == "bsr") n = -n;
  if (n >= 0) return Term::integer(BigInt(x << static_cast<unsigned>(n)));
  // arithmetic shift right (floor), as BEAM
  BigInt d = BigInt(1) << static_cast<unsigned>(-n);
  BigInt q = x / d;
  if (x < 0 && q * d != x) q -= 1;
  return Term::integer(q);
}

Term boolean_op(Args a, int op) {
  if (!a[0].is_boolean() || !a[1].is_boolean()) raise_argument_error("argument error");
  bool x = a[0].is_atom(atom::true_), y = a[1].is_atom(atom::true_);
  return Term::boolean(op == 0 ? (x && y) : op == 1 ? (x || y) : (x != y));
}

int64_t per_second(const Term& unit) {
  if (unit.is_small() && unit.small() > 0) return unit.small();
  std::string_view u = unit.is_atom() ? unit.atom().name() : "";
  if (u == "second" || u == "seconds") return 1;
  if (u == "millisecond" || u == "milli_seconds") return 1000;
  if (u == "microsecond" || u == "micro_seconds") return 1000000;
  if (u == "nanosecond" || u == "nano_seconds" || u == "native" || u == "perf_counter") return 1000000000;
  raise_badarg(1, "invalid time unit");
}

Term node_time(Args a) {
  Process* p = Process::current();
  if (!p) raise_argument_error("the node's clock is read from a process");
  int64_t ms = p->node().now_ms();
  int64_t unit = a.empty() ? 1000000000 : per_second(a[0]);
  return Term::integer(BigInt(ms) * unit / 1000);
}

std::string float_text(double d, const Term& opts) {
  std::string out = float_scientific(d, 20);
  bool compact = false;
  int decimals = -1;
  for (const Term* c = &opts; c->is_cons(); c = &c->tail()) {
    const Term& o = c->head();
    if (o.is_atom(Atom::intern("short"))) return float_chars(d);
    if (o.is_atom(Atom::intern("compact"))) compact = true;
    else if (o.is_tuple() && o.tuple_size() == 2 && o[1].is_small()) {
      int n = static_cast<int>(std::min<int64_t>(std::max<int64_t>(o[1].small(), 0), 253));
      if (o[0].is_atom(Atom::intern("decimals"))) decimals = n;
      else if (o[0].is_atom(Atom::intern("scientific"))) {
        out = float_scientific(d, n);
      }
    } else {
      raise_badarg(2, "invalid option in list");
    }
  }
  if (decimals >= 0) {
    out = float_fixed(d, decimals);
    if (compact && out.find('.') != std::string::npos) {
      while (out.back() == '0') out.pop_back();
      if (out.back() == '.') out += '0';
    }
  }
  return out;
}

Term float_to(Args a, bool list) {
  if (!a[0].is_float()) raise_badarg(1, "not a float");
  std::string s = float_text(a[0].as_double(), a.size() > 1 ? a[1] : Term::empty_list());
  return list ? Term::charlist(s) : Term::binary(s);
}


}  // namespace

void add_erlang_more(Library& lib) {
  const char* E = ":erlang";
  add_guards(lib, E);
  lib.add(E, "is_map_key", 2, [](Args a) {
    if (!a[1].is_map()) raise_bad_map(a[1]);
    return Term::boolean(a[1].map_get(a[0]) != nullptr);
  }, "True if the map (2nd) has the key (1st).");
  lib.add(E, "abs", 1, [](Args a) { return abs_number(a[0]); }, "The absolute value.");
  lib.add(E, "hd", 1, [](Args a) { return head(a[0]); }, "The head of a non-empty list.");
  lib.add(E, "tl", 1, [](Args a) { return tail(a[0]); }, "The tail of a non-empty list.");
  lib.add(E, "length", 1, [](Args a) { return length(a[0]); }, "The length of a list.");
  lib.add(E, "tuple_size", 1, [](Args a) { return tuple_size(a[0]); }, "The number of elements of a tuple.");
  lib.add(E, "byte_size", 1, [](Args a) { return byte_size(a[0]); }, "The number of bytes of a binary.");
  lib.add(E, "map_size", 1, [](Args a) { return map_size(a[0]); }, "The number of keys of a map.");
  lib.add(E, "max", 2, [](Args a) { return max_of(a[0], a[1]); }, "The larger term.");
  lib.add(E, "min", 2, [](Args a) { return min_of(a[0], a[1]); }, "The smaller term.");
  lib.add(E, "round", 1, [](Args a) { return round_number(a[0], 0); }, "The nearest integer.");
  lib.add(E, "trunc", 1, [](Args a) { return round_number(a[0], 1); }, "The integer part.");
  lib.add(E, "ceil", 1, [](Args a) { return round_number(a[0], 2); }, "The integer not below.");
  lib.add(E, "floor", 1, [](Args a) { return round_number(a[0], 3); }, "The integer not above.");
  lib.add(E, "div", 2, [](Args a) { return integer_op(a[0], a[1], true); }, "Integer division.");
  lib.add(E, "rem", 2, [](Args a) { return integer_op(a[0], a[1], false); }, "Integer remainder.");
  lib.add(E, "float", 1, [](Args a) {
    if (!a[0].is_number()) raise_badarg(1, "not a number");
    return Term::from_double(to_double(a[0]));
  }, "The number as a float.");
  lib.add(E, "+", 2, [](Args a) { return arith(a, '+'); }, "Addition.");
  lib.add(E, "-", 2, [](Args a) { return arith(a, '-'); }, "Subtraction.");
  lib.add(E, "*", 2, [](Args a) { return arith(a, '*'); }, "Multiplication.");
  lib.add(E, "/", 2, [](Args a) { return arith(a, '/'); }, "Float division.");
  lib.add(E, "-", 1, [](Args a) {
    if (!a[0].is_number()) raise_arithmetic(arith_blame("-", a[0]));
    return neg(a[0]);
  }, "Negation.");
  lib.add(E, "band", 2, [](Args a) { return bitwise(a, "band"); }, "Bitwise and.");
  lib.add(E, "bor", 2, [](Args a) { return bitwise(a, "bor"); }, "Bitwise or.");
  lib.add(E, "bxor", 2, [](Args a) { return bitwise(a, "bxor"); }, "Bitwise exclusive or.");
  lib.add(E, "bsl", 2, [](Args a) { return bitwise(a, "bsl"); }, "Shift left.");
  lib.add(E, "bsr", 2, [](Args a) { return bitwise(a, "bsr"); }, "Arithmetic shift right.");
  lib.add(E, "bnot", 1, [](Args a) {
    if (!a[0].is_integer()) raise_arithmetic(arith_blame("bnot", a[0]));
    return sub(neg(a[0]), Term::integer(1));
  }, "Bitwise not.");
  lib.add(E, "==", 2, [](Args a) { return Term::boolean(equal(a[0], a[1])); }, "Equal (1 == 1.0).");
  lib.add(E, "/=", 2, [](Args a) { return Term::boolean(!equal(a[0], a[1])); }, "Not equal.");
  lib.add(E, "=:=", 2, [](Args a) { return Term::boolean(a[0] == a[1]); }, "Exactly equal.");
  lib.add(E, "=/=", 2, [](Args a) { return Term::boolean(!(a[0] == a[1])); }, "Exactly not equal.");
  lib.add(E, "<", 2, [](Args a) { return Term::boolean(compare(a[0], a[1]) < 0); }, "Less than.");
  lib.add(E, ">", 2, [](Args a) { return Term::boolean(compare(a[0], a[1]) > 0); }, "Greater than.");
  lib.add(E, "=<", 2, [](Args a) { return Term::boolean(compare(a[0], a[1]) <= 0); }, "Less than or equal.");
  lib.add(E, ">=", 2, [](Args a) { return Term::boolean(compare(a[0], a[1]) >= 0); }, "Greater than or equal.");
  lib.add(E, "and", 2, [](Args a) { return boolean_op(a, 0); }, "Boolean and.");
  lib.add(E, "or", 2, [](Args a) { return boolean_op(a, 1); }, "Boolean or.");
  lib.add(E, "xor", 2, [](Args a) { return boolean_op(a, 2); }, "Boolean exclusive or.");
  lib.add(E, "not", 1, [](Args a) {
    if (!a[0].is_boolean()) raise_argument_error("argument error");
    return Term::boolean(a[0].is_atom(atom::false_));
  }, "Boolean not.");
  lib.add(E, "phash2", 1, [](Args a) { return Term::integer(static_cast<int64_t>(hash(a[0]) % (1u << 27))); }, "A hash in 0..2^27-1 (deterministic, not BEAM's values).");
  lib.add(E, "phash2", 2, [](Args a) {
    if (!a[1].is_small() || a[1].small() < 1 || a[1].small() > (int64_t{1} << 32)) raise_badarg(1, "out of range");
    return Term::integer(static_cast<int64_t>(hash(a[0]) % static_cast<uint64_t>(a[1].small())));
  }, "A hash in 0..range-1.");
  lib.add(E, "system_time", 0, node_time, "The node's clock in native units (ns).");
  lib.add(E, "system_time", 1, node_time, "The node's clock in a time unit.");
  lib.add(E, "monotonic_time", 0, node_time, "The node's monotonic clock in native units (ns).");
  lib.add(E, "monotonic_time", 1, node_time, "The node's monotonic clock in a time unit.");
  lib.add(E, "float_to_binary", 1, [](Args a) { return float_to(a, false); }, "The float in scientific notation, 20 digits.");
  lib.add(E, "float_to_binary", 2, [](Args a) { return float_to(a, false); }, "With options :short, decimals: n, scientific: n, :compact.");
  lib.add(E, "float_to_list", 1, [](Args a) { return float_to(a, true); }, "float_to_binary/1 as a charlist.");
  lib.add(E, "float_to_list", 2, [](Args a) { return float_to(a, true); }, "float_to_binary/2 as a charlist.");
  lib.add(E, "error", 1, [](Args a) -> Term { throw ErlangError(a[0]); }, "Raises an error with the reason.");
  lib.add(E, "error", 2, [](Args a) -> Term { throw ErlangError(a[0]); }, "Raises an error with the reason.");
  lib.add(E, "exit", 1, [](Args a) -> Term { throw ExitSignal{a[0]}; }, "Exits the calling process.");
  lib.add(E, "throw", 1, [](Args a) -> Term { throw ThrownValue{a[0]}; }, "Throws a value.");
  lib.add(E, "make_ref", 0, [](Args) -> Term {
    Process* p = Process::current();
    if (!p) raise_argument_error("make_ref/0 outside a process");
    return Term(p->node().make_ref());
  }, "A new unique reference.");
  lib.add(E, "node", 0, [](Args) { return Term::atom("nonode@nohost"); }, "This node's name.");
}

}  // namespace otp::shell::lib

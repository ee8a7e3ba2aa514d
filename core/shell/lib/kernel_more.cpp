// Kernel, part 2: conversions (to_string, to_charlist, inspect), binary_part,
// node, make_ref, apply/2, exit/throw and the operators as functions
// (Kernel.+/2, ...). get_in and friends are in kernel_access.cpp.
#include "shell/lib/chars.hpp"
#include "shell/lib/kernel_detail.hpp"
#include "runtime/exit.hpp"
#include "runtime/node.hpp"
#include "term/error.hpp"

namespace otp::shell::lib {

InspectOptions inspect_options(const Term& opts, bool pretty, Term* label) {
  InspectOptions o;
  o.pretty = pretty;
  if (!opts.is_list() || list_length(opts) < 0) raise_argument_error("argument error");
  for (const Term* c = &opts; c->is_cons(); c = &c->tail()) {
    const Term& kv = c->head();
    if (!kv.is_tuple() || kv.tuple_size() != 2 || !kv[0].is_atom()) continue;
    std::string_view k = kv[0].atom().name();
    const Term& v = kv[1];
    bool infinity = v.is_atom(atom::infinity);
    if (k == "pretty") o.pretty = v.is_atom(atom::true_);
    else if (k == "limit") o.limit = infinity ? -1 : v.is_small() ? static_cast<int>(v.small()) : o.limit;
    else if (k == "width") o.width = infinity ? 0 : v.is_small() ? static_cast<int>(v.small()) : o.width;
    else if (k == "label" && label) *label = v;
    else if (k == "charlists" || k == "char_lists") {
      std::string_view s = v.is_atom() ? v.atom().name() : "";
      o.charlists = s == "as_lists" ? Charlists::AsLists : s == "as_charlists" ? Charlists::AsCharlists : Charlists::Infer;
    }
  }
  return o;
}

namespace {

Term binary_part(Args a) {
  if (!a[0].is_binary()) raise_badarg(1, "not a binary");
  if (!a[1].is_small() || !a[2].is_small()) raise_badarg(a[1].is_small() ? 3 : 2, "not an integer");
  int64_t size = static_cast<int64_t>(a[0].bytes().size()), start = a[1].small(), len = a[2].small();
  if (start < 0 || start > size) raise_badarg(2, "out of range");
  int64_t from = len >= 0 ? start : start + len, to = len >= 0 ? start + len : start;
  if (from < 0 || to > size) raise_badarg(3, "out of range");
  return Term::binary(a[0].bytes().substr(static_cast<std::size_t>(from), static_cast<std::size_t>(to - from)));
}

Term arith(Args a, char op) {
  const char sym[2] = {op, 0};
  if (!a[0].is_number() || !a[1].is_number()) raise_arithmetic(arith_blame(sym, a[0], a[1]));
  try {
    switch (op) {
      case '+': return add(a[0], a[1]);
      case '-': return sub(a[0], a[1]);
      case '*': return mul(a[0], a[1]);
      default:
        if (compare(a[1], Term::integer(0)) == 0) raise_arithmetic(arith_blame(sym, a[0], a[1]));
        return fdiv(a[0], a[1]);
    }
  } catch (const ErlangError&) {
    rethrow_arithmetic(arith_blame(sym, a[0], a[1]));
  }
}

Term append(Args a) {
  if (list_length(a[0]) < 0) raise_argument_error("argument error");
  return list_of(list_to_vector(a[0]), a[1]);
}

Term subtract(Args a) {
  if (list_length(a[0]) < 0 || list_length(a[1]) < 0) raise_argument_error("argument error");
  std::vector<Term> left = list_to_vector(a[0]);
  std::vector<bool> gone(left.size(), false);
  for (const Term* c = &a[1]; c->is_cons(); c = &c->tail()) {
    for (std::size_t i = 0; i < left.size(); ++i) {
      if (!gone[i] && left[i] == c->head()) {
        gone[i] = true;
        break;
      }
    }
  }
  std::vector<Term> out;
  for (std::size_t i = 0; i < left.size(); ++i)
    if (!gone[i]) out.push_back(left[i]);
  return list_of(out);
}

}  // namespace

void add_kernel_more(Library& lib) {
  lib.add("Kernel", "to_string", 1, [](Args a) { return Term::binary(to_chars(a[0])); }, "The term as a string (String.Chars).");
  lib.add("Kernel", "to_charlist", 1, [](Args a) { return to_charlist(a[0]); }, "The term as a charlist (List.Chars).");
  lib.add("Kernel", "inspect", 1, [](Args a) { return Term::binary(inspect(a[0], inspect_options(Term::empty_list(), false, nullptr))); }, "The term as Elixir source text.");
  lib.add("Kernel", "inspect", 2, [](Args a) {
    if (!a[1].is_list()) no_clause("Kernel", "inspect", {a[0], a[1]});
    return Term::binary(inspect(a[0], inspect_options(a[1], false, nullptr)));
  }, "inspect/1 with options: pretty, limit, width, charlists.");
  lib.add("Kernel", "binary_part", 3, binary_part, "The part of a binary from start, of length (negative: backwards).");
  lib.add("Kernel", "node", 0, [](Args) { return Term::atom("nonode@nohost"); }, "This node's name: :nonode@nohost.");
  lib.add("Kernel", "make_ref", 0, [](Args) -> Term {
    Process* p = Process::current();
    if (!p) raise_argument_error("make_ref/0 outside a process");
    return Term(p->node().make_ref());
  }, "A new unique reference.");
  lib.add("Kernel", "apply", 2, [](Args a) {
    if (list_length(a[1]) < 0) raise_argument_error("argument error");
    std::vector<Term> args = list_to_vector(a[1]);
    tick();
    return apply_fun(a[0], args);
  }, "Calls fun with the arguments in a list.");
  lib.add("Kernel", "exit", 1, [](Args a) -> Term { throw ExitSignal{a[0]}; }, "Exits the calling process with reason.");
  lib.add("Kernel", "throw", 1, [](Args a) -> Term { throw ThrownValue{a[0]}; }, "Throws a value for catch.");
  lib.add("Kernel", "+", 2, [](Args a) { return arith(a, '+'); }, "Addition.");
  lib.add("Kernel", "-", 2, [](Args a) { return arith(a, '-'); }, "Subtraction.");
  lib.add("Kernel", "*", 2, [](Args a) { return arith(a, '*'); }, "Multiplication.");
  lib.add("Kernel", "/", 2, [](Args a) { return arith(a, '/'); }, "Division; always a float.");
  lib.add("Kernel", "+", 1, [](Args a) {
    if (!a[0].is_number()) raise_arithmetic(arith_blame("+", a[0]));
    return a[0];
  }, "Unary plus.");
  lib.add("Kernel", "-", 1, [](Args a) {
    if (!a[0].is_number()) raise_arithmetic(arith_blame("-", a[0]));
    return neg(a[0]);
  }, "Unary minus.");
  lib.add("Kernel", "==", 2, [](Args a) { return Term::boolean(equal(a[0], a[1])); }, "Equal (1 == 1.0).");
  lib.add("Kernel", "!=", 2, [](Args a) { return Term::boolean(!equal(a[0], a[1])); }, "Not equal.");
  lib.add("Kernel", "===", 2, [](Args a) { return Term::boolean(a[0] == a[1]); }, "Strictly equal (1 !== 1.0).");
  lib.add("Kernel", "!==", 2, [](Args a) { return Term::boolean(!(a[0] == a[1])); }, "Strictly not equal.");
  lib.add("Kernel", "<", 2, [](Args a) { return Term::boolean(compare(a[0], a[1]) < 0); }, "Less than (term order).");
  lib.add("Kernel", ">", 2, [](Args a) { return Term::boolean(compare(a[0], a[1]) > 0); }, "Greater than (term order).");
  lib.add("Kernel", "<=", 2, [](Args a) { return Term::boolean(compare(a[0], a[1]) <= 0); }, "Less than or equal (term order).");
  lib.add("Kernel", ">=", 2, [](Args a) { return Term::boolean(compare(a[0], a[1]) >= 0); }, "Greater than or equal (term order).");
  lib.add("Kernel", "++", 2, append, "Concatenates a proper list and a term.");
  lib.add("Kernel", "--", 2, subtract, "Removes the first occurrence of each element of the right list.");
  lib.add("Kernel", "not", 1, [](Args a) {
    if (!a[0].is_boolean()) raise_argument_error("argument error");
    return Term::boolean(a[0].is_atom(atom::false_));
  }, "Boolean not.");
}

}  // namespace otp::shell::lib

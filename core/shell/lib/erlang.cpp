// :erlang, part 1: the conversion BIFs a learner types (tuple_to_list,
// atom_to_binary, list_to_integer, iolist_to_binary, make_tuple, ...) and
// List's conversions that are these BIFs in Elixir (List.to_atom, ...),
// with OTP 25's argument errors.
#include "shell/lib/chars.hpp"
#include "shell/lib/kernel_detail.hpp"
#include "shell/lib/string_detail.hpp"

namespace otp::shell::lib {

namespace {

std::vector<Term> list_arg(const Term& l, int position = 1) {
  if (!l.is_list() || list_length(l) < 0) raise_badarg(position, "not a list");
  return list_to_vector(l);
}

// A charlist argument as UTF-8 (list_to_atom & co.).
std::string chars_arg(const Term& l, const char* what = "not a list of characters") {
  if (!l.is_list() || list_length(l) < 0) raise_badarg(1, "not a list");
  std::string out;
  for (const Term* c = &l; c->is_cons(); c = &c->tail()) {
    const Term& h = c->head();
    if (!h.is_small() || h.small() < 0 || h.small() > 0x10FFFF) raise_badarg(1, what);
    append_utf8(out, static_cast<uint32_t>(h.small()));
  }
  return out;
}

Term atom_arg_name(const Term& a) {
  if (!a.is_atom()) raise_badarg(1, "not an atom");
  return Term::binary(a.atom().name());
}

Term list_to_integer(Args a) {
  std::string s = chars_arg(a[0], "not a textual representation of an integer");
  int base = 10;
  if (a.size() > 1) {
    if (!a[1].is_small() || a[1].small() < 2 || a[1].small() > 36) raise_badarg(2, "not an integer in the range 2 through 36");
    base = static_cast<int>(a[1].small());
  }
  Term v;
  if (!parse_integer_exact(s, base, &v)) raise_badarg(1, "not a textual representation of an integer");
  return v;
}

Term integer_to_text(Args a, bool list) {
  if (!a[0].is_integer()) raise_badarg(1, "not an integer");
  Term b = builtins().find(module_atom("Integer"), Atom::intern("to_string"), static_cast<unsigned>(a.size()))->fn(a);
  return list ? Term::charlist(b.bytes()) : b;
}

Term make_tuple(Args a) {
  if (!a[0].is_small() || a[0].small() < 0 || a[0].small() > (1 << 24)) raise_badarg(1, "out of range");
  std::vector<Term> v(static_cast<std::size_t>(a[0].small()), a[1]);
  if (a.size() > 2) {
    for (const Term& p : list_arg(a[2], 3)) {
      if (!p.is_tuple() || p.tuple_size() != 2 || !p[0].is_small() || p[0].small() < 1 ||
          p[0].small() > static_cast<int64_t>(v.size()))
        raise_badarg(3, "not a list of pairs");
      v[static_cast<std::size_t>(p[0].small() - 1)] = p[1];
    }
  }
  return Term::tuple(std::span<const Term>(v));
}

Term tuple_edit(Args a, bool insert) {
  if (!a[1].is_tuple()) raise_badarg(2, "not a tuple");
  std::vector<Term> v(a[1].elements().begin(), a[1].elements().end());
  int64_t limit = static_cast<int64_t>(v.size()) + (insert ? 1 : 0);
  if (!a[0].is_small() || a[0].small() < 1 || a[0].small() > limit) raise_badarg(1, "out of range");
  auto at = v.begin() + (a[0].small() - 1);
  if (insert) v.insert(at, a[2]);
  else v.erase(at);
  return Term::tuple(std::span<const Term>(v));
}

}  // namespace

void add_erlang(Library& lib) {
  lib.add(":erlang", "element", 2, [](Args a) { return element(a[0], a[1]); }, "The element at a 1-based index of a tuple.");
  lib.add(":erlang", "setelement", 3, [](Args a) { return setelement(a[0], a[1], a[2]); }, "The tuple with the element at a 1-based index replaced.");
  lib.add(":erlang", "tuple_to_list", 1, [](Args a) {
    if (!a[0].is_tuple()) raise_badarg(1, "not a tuple");
    return Term::list(a[0].elements());
  }, "The tuple's elements as a list.");
  lib.add(":erlang", "list_to_tuple", 1, [](Args a) {
    std::vector<Term> v = list_arg(a[0]);
    return Term::tuple(std::span<const Term>(v));
  }, "The list's elements as a tuple.");
  lib.add(":erlang", "make_tuple", 2, make_tuple, "A tuple of n copies of a value.");
  lib.add(":erlang", "make_tuple", 3, make_tuple, "make_tuple/2 with {position, value} overrides.");
  lib.add(":erlang", "append_element", 2, [](Args a) {
    if (!a[0].is_tuple()) raise_badarg(1, "not a tuple");
    std::vector<Term> v(a[0].elements().begin(), a[0].elements().end());
    v.push_back(a[1]);
    return Term::tuple(std::span<const Term>(v));
  }, "The tuple with an element added at the end.");
  lib.add(":erlang", "insert_element", 3, [](Args a) { return tuple_edit(a, true); }, "The tuple with a value inserted at a 1-based index.");
  lib.add(":erlang", "delete_element", 2, [](Args a) { return tuple_edit(a, false); }, "The tuple without the element at a 1-based index.");
  lib.add(":erlang", "atom_to_binary", 1, [](Args a) { return atom_arg_name(a[0]); }, "The atom's name as a binary.");
  lib.add(":erlang", "atom_to_binary", 2, [](Args a) { return atom_arg_name(a[0]); }, "The atom's name as a binary (utf8).");
  lib.add(":erlang", "atom_to_list", 1, [](Args a) { return Term::charlist(atom_arg_name(a[0]).bytes()); }, "The atom's name as a charlist.");
  lib.add(":erlang", "binary_to_atom", 1, [](Args a) { return string_to_atom(a[0], false); }, "The atom with this name.");
  lib.add(":erlang", "binary_to_atom", 2, [](Args a) { return string_to_atom(a[0], false); }, "The atom with this name (utf8).");
  lib.add(":erlang", "binary_to_existing_atom", 1, [](Args a) { return string_to_atom(a[0], true); }, "The existing atom with this name.");
  lib.add(":erlang", "binary_to_existing_atom", 2, [](Args a) { return string_to_atom(a[0], true); }, "The existing atom with this name.");
  lib.add(":erlang", "list_to_atom", 1, [](Args a) { return Term::atom(chars_arg(a[0])); }, "The atom named by a charlist.");
  lib.add(":erlang", "list_to_existing_atom", 1, [](Args a) {
    Atom found;
    if (!Atom::find(chars_arg(a[0]), found)) raise_badarg(1, "not an already existing atom");
    return Term(found);
  }, "The existing atom named by a charlist.");
  lib.add(":erlang", "integer_to_binary", 1, [](Args a) { return integer_to_text(a, false); }, "The integer in decimal.");
  lib.add(":erlang", "integer_to_binary", 2, [](Args a) { return integer_to_text(a, false); }, "The integer in base 2..36.");
  lib.add(":erlang", "integer_to_list", 1, [](Args a) { return integer_to_text(a, true); }, "The integer in decimal, as a charlist.");
  lib.add(":erlang", "integer_to_list", 2, [](Args a) { return integer_to_text(a, true); }, "The integer in base 2..36, as a charlist.");
  lib.add(":erlang", "binary_to_integer", 1, string_to_integer, "The integer a binary spells.");
  lib.add(":erlang", "binary_to_integer", 2, string_to_integer, "The integer a binary spells in a base.");
  lib.add(":erlang", "list_to_integer", 1, list_to_integer, "The integer a charlist spells.");
  lib.add(":erlang", "list_to_integer", 2, list_to_integer, "The integer a charlist spells in a base.");
  lib.add(":erlang", "binary_to_float", 1, [](Args a) { return string_to_float(a[0]); }, "The float a binary spells.");
  lib.add(":erlang", "list_to_float", 1, [](Args a) {
    return string_to_float(Term::binary(chars_arg(a[0], "not a textual representation of a float")));
  }, "The float a charlist spells.");
  lib.add(":erlang", "binary_to_list", 1, [](Args a) {
    if (!a[0].is_binary()) raise_badarg(1, "not a binary");
    std::vector<Term> out;
    for (unsigned char c : a[0].bytes()) out.push_back(Term::integer(c));
    return list_of(out);
  }, "The bytes of a binary as a list.");
  lib.add(":erlang", "list_to_binary", 1, [](Args a) {
    std::string out;
    if (!a[0].is_list() || !append_iodata(out, a[0])) raise_badarg(1, "not an iolist term");
    return Term::binary(out);
  }, "The bytes of an iolist as a binary.");
  lib.add(":erlang", "iolist_to_binary", 1, [](Args a) {
    std::string out;
    if (!append_iodata(out, a[0])) raise_badarg(1, "not an iodata term");
    return Term::binary(out);
  }, "The bytes of iodata as a binary.");
  lib.add(":erlang", "iolist_size", 1, [](Args a) {
    std::string out;
    if (!append_iodata(out, a[0])) raise_badarg(1, "not an iodata term");
    return Term::integer(static_cast<int64_t>(out.size()));
  }, "The number of bytes of iodata.");

  lib.add("List", "to_atom", 1, [](Args a) { return Term::atom(chars_arg(a[0])); }, "The atom named by a charlist.");
  lib.add("List", "to_existing_atom", 1, [](Args a) {
    Atom found;
    if (!Atom::find(chars_arg(a[0]), found)) raise_badarg(1, "not an already existing atom");
    return Term(found);
  }, "The existing atom named by a charlist.");
  lib.add("List", "to_integer", 1, list_to_integer, "The integer a charlist spells.");
  lib.add("List", "to_integer", 2, list_to_integer, "The integer a charlist spells in a base.");
  lib.add("List", "to_float", 1, [](Args a) {
    return string_to_float(Term::binary(chars_arg(a[0], "not a textual representation of a float")));
  }, "The float a charlist spells.");
}

}  // namespace otp::shell::lib

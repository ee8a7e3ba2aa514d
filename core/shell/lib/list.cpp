// List (Elixir 1.14): first, last, flatten, folds, positional edits,
// key-tuple functions and conversions, failing as Elixir does for a
// non-list (FunctionClauseError, or the BIF's ArgumentError).
#include "shell/lib/chars.hpp"
#include "shell/lib/enum_detail.hpp"
#include "shell/lib/enumerable.hpp"
#include "shell/lib/list_detail.hpp"

namespace otp::shell::lib {

std::vector<Term> proper_list(const Term& l, const char* module, const char* fun, std::initializer_list<Term> args) {
  if (!l.is_list() || list_length(l) < 0) raise_function_clause(module, fun, std::vector<Term>(args));
  return list_to_vector(l);
}

// Iterative (a stack of the lists being walked), so that a list nested a
// million deep flattens as it does on BEAM instead of overflowing the stack.
void flatten_into(const Term& l, std::vector<Term>& out) {
  std::vector<const Term*> pending{&l};
  while (!pending.empty()) {
    const Term* c = pending.back();
    pending.pop_back();
    for (; c->is_cons(); c = &c->tail()) {
      if (c->head().is_list()) {
        pending.push_back(&c->tail());  // the rest of this list, after the nested one
        c = &c->head();
        pending.push_back(c);
        break;
      }
      out.push_back(c->head());
    }
  }
}

std::optional<std::size_t> keyfind_index(const std::vector<Term>& items, const Term& key, int64_t pos) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    const Term& t = items[i];
    if (t.is_tuple() && pos >= 0 && static_cast<std::size_t>(pos) < t.tuple_size() && equal(t[static_cast<std::size_t>(pos)], key))
      return i;
  }
  return std::nullopt;
}

namespace {

Term first(Args a) {
  Term dflt = a.size() > 1 ? a[1] : Term();
  if (a[0].is_nil_list()) return dflt;
  if (!a[0].is_cons())
    raise_function_clause("List", "first", {a[0], dflt}, {"def first([], default)", "def first([head | _], _default)"});
  return a[0].head();
}

Term last(Args a) {
  Term dflt = a.size() > 1 ? a[1] : Term();
  if (a[0].is_nil_list()) return dflt;
  if (!a[0].is_cons()) raise_clause_error("CaseClauseError", Term::tuple({a[0], dflt}));
  const Term* c = &a[0];
  while (c->tail().is_cons()) c = &c->tail();
  return c->head();
}

Term flatten(Args a) {
  if (!a[0].is_list()) no_clause(":lists", "flatten", {a[0]});
  std::vector<Term> out;
  flatten_into(a[0], out);
  return list_of(out, a.size() > 1 ? a[1] : Term::empty_list());
}

Term fold(Args a, bool left) {
  if (!a[0].is_list() || !a[2].is_fun()) no_clause("List", left ? "foldl" : "foldr", {a[0], a[1], a[2]});
  std::vector<Term> items = list_to_vector(a[0]);
  Term acc = a[1];
  if (left)
    for (const Term& x : items) acc = call(a[2], x, acc);
  else
    for (auto it = items.rbegin(); it != items.rend(); ++it) acc = call(a[2], *it, acc);
  return acc;
}

// The position for index in a list of n (negative from the end), or -1.
int64_t position(int64_t index, std::size_t n) {
  int64_t size = static_cast<int64_t>(n);
  int64_t p = index < 0 ? size + index : index;
  return p < 0 || p >= size ? -1 : p;
}

Term insert_at(Args a) {
  if (!a[0].is_list() || !a[1].is_small()) no_clause("List", "insert_at", {a[0], a[1], a[2]});
  std::vector<Term> v = list_to_vector(a[0]);
  int64_t size = static_cast<int64_t>(v.size()), i = a[1].small();
  int64_t at = i < 0 ? std::max<int64_t>(size + i + 1, 0) : std::min(i, size);
  v.insert(v.begin() + at, a[2]);
  return list_of(v);
}

// delete_at/replace_at/update_at/pop_at.
Term edit_at(Args a, int what, const char* name) {
  if (!a[0].is_list() || !a[1].is_small()) raise_function_clause("List", name, std::vector<Term>(a.begin(), a.end()));
  std::vector<Term> v = list_to_vector(a[0]);
  int64_t p = position(a[1].small(), v.size());
  if (what == 3) {  // pop_at
    Term dflt = a.size() > 2 ? a[2] : Term();
    if (p < 0) return Term::tuple({dflt, a[0]});
    Term x = v[static_cast<std::size_t>(p)];
    v.erase(v.begin() + p);
    return Term::tuple({x, list_of(v)});
  }
  if (p < 0) return a[0];
  if (what == 0) v.erase(v.begin() + p);
  else if (what == 1) v[static_cast<std::size_t>(p)] = a[2];
  else v[static_cast<std::size_t>(p)] = call(a[2], v[static_cast<std::size_t>(p)]);
  return list_of(v);
}

Term list_delete(Args a) {
  std::vector<Term> v = proper_list(a[0], "List", "delete", {a[0], a[1]});
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == a[1]) {
      v.erase(v.begin() + static_cast<std::ptrdiff_t>(i));
      break;
    }
  }
  return list_of(v);
}

Term duplicate(const Term& x, const Term& n, const char* module) {
  if (!n.is_small() || n.small() < 0) {
    if (module[0] == ':') no_clause(module, "duplicate", {n, x});
    no_clause(":lists", "duplicate", {n, x});
  }
  return list_of(std::vector<Term>(static_cast<std::size_t>(n.small()), x));
}

// keyfind/keymember?/keydelete/keystore/keyreplace/keytake; pos is 0-based.
Term key_op(Args a, const char* name) {
  if (!a[0].is_list() || list_length(a[0]) < 0) raise_badarg(3, "not a list");
  if (!a[2].is_small()) raise_badarg(2, "not an integer");
  std::vector<Term> v = list_to_vector(a[0]);
  auto i = keyfind_index(v, a[1], a[2].small());
  std::string_view n(name);
  if (n == "keyfind") return i ? v[*i] : (a.size() > 3 ? a[3] : Term());
  if (n == "keymember?") return Term::boolean(i.has_value());
  if (n == "keydelete") {
    if (i) v.erase(v.begin() + static_cast<std::ptrdiff_t>(*i));
    return list_of(v);
  }
  if (n == "keystore" || n == "keyreplace") {
    if (i) v[*i] = a[3];
    else if (n == "keystore") v.push_back(a[3]);
    return list_of(v);
  }
  // keytake
  if (!i) return Term();
  Term found = v[*i];
  v.erase(v.begin() + static_cast<std::ptrdiff_t>(*i));
  return Term::tuple({found, list_of(v)});
}

Term keysort(Args a) {
  std::vector<Term> v = proper_list(a[0], "List", "keysort", {a[0], a[1]});
  if (!a[1].is_small() || a[1].small() < 0) no_clause("List", "keysort", {a[0], a[1]});
  std::size_t pos = static_cast<std::size_t>(a[1].small());
  for (const Term& t : v)
    if (!t.is_tuple() || t.tuple_size() <= pos) raise_badarg(2, "out of range");
  merge_sort(v, [pos](const Term& x, const Term& y) { return compare(x[pos], y[pos]) <= 0; });
  return list_of(v);
}

Term starts_with(Args a) {
  const Term *l = &a[0], *p = &a[1];
  for (; p->is_cons(); p = &p->tail(), l = &l->tail())
    if (!l->is_cons() || !(l->head() == p->head())) return Term::boolean(false);
  return Term::boolean(true);
}

}  // namespace

void add_list(Library& lib) {
  lib.add("List", "first", 1, first, "The first element, or nil.");
  lib.add("List", "first", 2, first, "The first element, or default.");
  lib.add("List", "last", 1, last, "The last element, or nil.");
  lib.add("List", "last", 2, last, "The last element, or default.");
  lib.add("List", "flatten", 1, flatten, "The list with nested lists flattened.");
  lib.add("List", "flatten", 2, flatten, "The flattened list followed by tail.");
  lib.add("List", "foldl", 3, [](Args a) { return fold(a, true); }, "Folds fun.(x, acc) from the left.");
  lib.add("List", "foldr", 3, [](Args a) { return fold(a, false); }, "Folds fun.(x, acc) from the right.");
  lib.add("List", "insert_at", 3, insert_at, "The list with value inserted at index (negative from the end).");
  lib.add("List", "delete", 2, list_delete, "The list without the first occurrence of the element.");
  lib.add("List", "delete_at", 2, [](Args a) { return edit_at(a, 0, "delete_at"); }, "The list without the element at index.");
  lib.add("List", "replace_at", 3, [](Args a) { return edit_at(a, 1, "replace_at"); }, "The list with the element at index replaced.");
  lib.add("List", "update_at", 3, [](Args a) { return edit_at(a, 2, "update_at"); }, "The list with fun applied at index.");
  lib.add("List", "pop_at", 2, [](Args a) { return edit_at(a, 3, "pop_at"); }, "{element at index or nil, the list without it}.");
  lib.add("List", "pop_at", 3, [](Args a) { return edit_at(a, 3, "pop_at"); }, "{element at index or default, the list without it}.");
  lib.add("List", "wrap", 1, [](Args a) {
    if (a[0].is_atom(atom::nil)) return Term::empty_list();
    return a[0].is_list() ? a[0] : Term::list({a[0]});
  }, "nil as [], a list as itself, anything else in a list.");
  lib.add("List", "duplicate", 2, [](Args a) { return duplicate(a[0], a[1], "List"); }, "A list of n copies of the element.");
  lib.add("List", "zip", 1, [](Args a) {
    Term e = enumerable::to_list(a[0]);
    return builtins().find(module_atom("Enum"), Atom::intern("zip"), 1)->fn(std::span<const Term>(&e, 1));
  }, "Zips a list of lists into tuples, up to the shortest.");
  lib.add("List", "keyfind", 3, [](Args a) { return key_op(a, "keyfind"); }, "The first tuple whose element at position is key, or nil.");
  lib.add("List", "keyfind", 4, [](Args a) { return key_op(a, "keyfind"); }, "The first tuple with key at position, or default.");
  lib.add("List", "keymember?", 3, [](Args a) { return key_op(a, "keymember?"); }, "True if a tuple has key at position.");
  lib.add("List", "keydelete", 3, [](Args a) { return key_op(a, "keydelete"); }, "The list without the first tuple with key at position.");
  lib.add("List", "keystore", 4, [](Args a) { return key_op(a, "keystore"); }, "The list with the tuple with key replaced, or the new tuple appended.");
  lib.add("List", "keyreplace", 4, [](Args a) { return key_op(a, "keyreplace"); }, "The list with the tuple with key replaced.");
  lib.add("List", "keytake", 3, [](Args a) { return key_op(a, "keytake"); }, "{tuple with key, rest of the list}, or nil.");
  lib.add("List", "keysort", 2, keysort, "The tuples sorted by the element at position (stable).");
  lib.add("List", "starts_with?", 2, starts_with, "True if the list starts with prefix.");
  lib.add("List", "improper?", 1, [](Args a) { return Term::boolean(a[0].is_cons() && list_length(a[0]) < 0); }, "True for an improper list.");
  lib.add("List", "ascii_printable?", 1, [](Args a) {
    for (const Term* c = &a[0]; c->is_cons(); c = &c->tail()) {
      const Term& h = c->head();
      if (!h.is_small() || !((h.small() >= 32 && h.small() <= 126) || (h.small() >= 7 && h.small() <= 13) || h.small() == 27))
        return Term::boolean(false);
    }
    return Term::boolean(true);
  }, "True if the list is a printable ASCII charlist.");
  lib.add("List", "to_tuple", 1, [](Args a) {
    if (!a[0].is_list() || list_length(a[0]) < 0) raise_badarg(1, "not a list");
    std::vector<Term> v = list_to_vector(a[0]);
    return Term::tuple(std::span<const Term>(v));
  }, "The list's elements as a tuple.");
  lib.add("List", "to_string", 1, [](Args a) { return Term::binary(chardata_to_string(a[0])); }, "A charlist or chardata as a string.");
  lib.add("List", "to_charlist", 1, [](Args a) { return Term::charlist(chardata_to_string(a[0])); }, "Chardata as a flat charlist.");
}

}  // namespace otp::shell::lib

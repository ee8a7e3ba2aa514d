// Keyword (Elixir 1.14): lists of {atom, value}, duplicates allowed, first
// occurrence wins on reads; put/delete act on every occurrence. Guards as
// Elixir's: a non-list or a non-atom key is a FunctionClauseError.
#include <algorithm>

#include "shell/lib/enum_detail.hpp"
#include "shell/lib/enumerable.hpp"
#include "shell/lib/list_detail.hpp"

namespace otp::shell::lib {

namespace {

using Pairs = std::vector<Term>;  // the {key, value} tuples

bool is_pair(const Term& t) { return t.is_tuple() && t.tuple_size() == 2; }

// The keyword list argument and key (atom) of Keyword.name.
Pairs kw(Args a, const char* name, bool key_is_atom = true) {
  bool ok = a[0].is_list() && list_length(a[0]) >= 0 && (!key_is_atom || a.size() < 2 || a[1].is_atom());
  if (!ok) {
    std::vector<Term> args(a.begin(), a.end());
    if (std::string_view(name) == "get" && args.size() == 2) args.push_back(Term());
    if (std::string_view(name) == "get")
      raise_function_clause("Keyword", name, std::move(args), {"def get(keywords, key, default) when is_list(keywords) and is_atom(key)"});
    raise_function_clause("Keyword", name, std::move(args));
  }
  return list_to_vector(a[0]);
}

const Term* find(const Pairs& l, const Term& key) {
  for (const Term& p : l)
    if (is_pair(p) && p[0] == key) return &p[1];
  return nullptr;
}

Pairs without(const Pairs& l, const Term& key) {
  Pairs out;
  for (const Term& p : l)
    if (!(is_pair(p) && p[0] == key)) out.push_back(p);
  return out;
}

bool member(const Term& keys, const Term& k) {
  for (const Term* c = &keys; c->is_cons(); c = &c->tail())
    if (c->head() == k) return true;
  return false;
}

Term get(Args a) {
  Pairs l = kw(a, "get");
  const Term* v = find(l, a[1]);
  return v ? *v : (a.size() > 2 ? a[2] : Term());
}

Term put(const Pairs& l, const Term& key, const Term& value) {
  Pairs out{Term::tuple({key, value})};
  for (const Term& p : without(l, key)) out.push_back(p);
  return list_of(out);
}

// update/4 and update!/3: the first occurrence updated, later ones dropped.
Term update(Args a, bool bang) {
  Pairs l = kw(a, bang ? "update!" : "update");
  const Term& f = a[bang ? 2 : 3];
  Pairs out;
  bool done = false;
  for (const Term& p : l) {
    if (is_pair(p) && p[0] == a[1]) {
      if (!done) out.push_back(Term::tuple({p[0], call(f, p[1])}));
      done = true;
    } else {
      out.push_back(p);
    }
  }
  if (!done) {
    if (bang) raise_key_error(a[1], a[0]);
    out.push_back(Term::tuple({a[1], a[2]}));
  }
  return list_of(out);
}

Term merge(Args a) {
  Pairs l1 = kw(a, "merge", false);
  if (!a[1].is_list() || list_length(a[1]) < 0) no_clause("Keyword", "merge", {a[0], a[1]});
  Pairs l2 = list_to_vector(a[1]);
  for (const Term& p : l2)
    if (!is_pair(p) || !p[0].is_atom())
      raise_argument_error("expected a keyword list as the second argument, got: " + inspect(a[1]));
  Pairs original = l1, acc;
  for (const Term& p : l2) {
    const Term* v1 = a.size() > 2 ? find(original, p[0]) : nullptr;
    if (v1) {
      tick();
      Term args[3] = {p[0], *v1, p[1]};
      acc.push_back(Term::tuple({p[0], apply_fun(a[2], args)}));
      // :lists.keydelete: only the first occurrence
      for (std::size_t i = 0; i < original.size(); ++i)
        if (is_pair(original[i]) && original[i][0] == p[0]) {
          original.erase(original.begin() + static_cast<std::ptrdiff_t>(i));
          break;
        }
    } else {
      acc.push_back(p);
    }
    l1 = without(l1, p[0]);
  }
  for (const Term& p : acc) l1.push_back(p);
  return list_of(l1);
}

Term new_kw(Args a) {
  Pairs acc;  // newest first
  enumerable::each(a[0], [&](const Term& x) {
    Term p = a.size() > 1 ? call(a[1], x) : x;
    if (!is_pair(p)) raise_clause_error("MatchError", p);
    Pairs next{p};
    for (const Term& q : without(acc, p[0])) next.push_back(q);
    acc = std::move(next);
    return true;
  });
  std::reverse(acc.begin(), acc.end());
  return list_of(acc);
}

Term take_drop(Args a, bool take) {
  Pairs l = kw(a, take ? "take" : "drop", false);
  Pairs out;
  for (const Term& p : l)
    if (is_pair(p) && member(a[1], p[0]) == take) out.push_back(p);
  return list_of(out);
}

Term pop(Args a) {
  Pairs l = kw(a, "pop");
  const Term* v = find(l, a[1]);
  if (!v) return Term::tuple({a.size() > 2 ? a[2] : Term(), a[0]});
  return Term::tuple({*v, list_of(without(l, a[1]))});
}

Term keys_values(Args a, bool keys) {
  Pairs l = kw(a, keys ? "keys" : "values", false);
  std::vector<Term> out;
  for (const Term& p : l)
    if (is_pair(p)) out.push_back(keys ? p[0] : p[1]);
  return list_of(out);
}

Term filter(Args a, bool keep) {
  Pairs l = kw(a, keep ? "filter" : "reject", false);
  Pairs out;
  for (const Term& p : l)
    if (truthy(call(a[1], p)) == keep) out.push_back(p);
  return list_of(out);
}

}  // namespace

void add_keyword(Library& lib) {
  lib.add("Keyword", "get", 2, get, "The first value for key, or nil.");
  lib.add("Keyword", "get", 3, get, "The first value for key, or default.");
  lib.add("Keyword", "get_values", 2, [](Args a) {
    std::vector<Term> out;
    for (const Term& p : kw(a, "get_values"))
      if (is_pair(p) && p[0] == a[1]) out.push_back(p[1]);
    return list_of(out);
  }, "Every value for key.");
  lib.add("Keyword", "fetch", 2, [](Args a) {
    const Term* v = find(kw(a, "fetch"), a[1]);
    return v ? Term::tuple({Term(atom::ok), *v}) : Term(atom::error);
  }, "{:ok, first value for key} or :error.");
  lib.add("Keyword", "fetch!", 2, [](Args a) {
    const Term* v = find(kw(a, "fetch!"), a[1]);
    if (!v) raise_key_error(a[1], a[0]);
    return *v;
  }, "The first value for key; raises KeyError if missing.");
  lib.add("Keyword", "has_key?", 2, [](Args a) { return Term::boolean(find(kw(a, "has_key?"), a[1]) != nullptr); }, "True if key is present.");
  lib.add("Keyword", "put", 3, [](Args a) { return put(kw(a, "put"), a[1], a[2]); }, "The list with every key entry replaced by one {key, value} in front.");
  lib.add("Keyword", "put_new", 3, [](Args a) {
    Pairs l = kw(a, "put_new");
    return find(l, a[1]) ? a[0] : Term::cons(Term::tuple({a[1], a[2]}), a[0]);
  }, "The list with {key, value} in front unless key is present.");
  lib.add("Keyword", "delete", 2, [](Args a) { return list_of(without(kw(a, "delete"), a[1])); }, "The list without any entry for key.");
  lib.add("Keyword", "keys", 1, [](Args a) { return keys_values(a, true); }, "The keys, in order (duplicates kept).");
  lib.add("Keyword", "values", 1, [](Args a) { return keys_values(a, false); }, "The values, in order.");
  lib.add("Keyword", "merge", 2, merge, "The first list without the second's keys, then the second.");
  lib.add("Keyword", "merge", 3, merge, "As merge/2; fun.(key, v1, v2) resolves conflicts.");
  lib.add("Keyword", "new", 0, [](Args) { return Term::empty_list(); }, "An empty keyword list.");
  lib.add("Keyword", "new", 1, new_kw, "A keyword list from pairs, duplicates removed (the last wins).");
  lib.add("Keyword", "new", 2, new_kw, "A keyword list from transform of each element.");
  lib.add("Keyword", "take", 2, [](Args a) { return take_drop(a, true); }, "The entries whose keys are given.");
  lib.add("Keyword", "drop", 2, [](Args a) { return take_drop(a, false); }, "The entries whose keys are not given.");
  lib.add("Keyword", "split", 2, [](Args a) { return Term::tuple({take_drop(a, true), take_drop(a, false)}); }, "{taken entries, the others}.");
  lib.add("Keyword", "update", 4, [](Args a) { return update(a, false); }, "The list with fun.(value) for key, or {key, default} appended.");
  lib.add("Keyword", "update!", 3, [](Args a) { return update(a, true); }, "The list with fun.(value) for key; raises KeyError if missing.");
  lib.add("Keyword", "replace!", 3, [](Args a) {
    Term b[4] = {a[0], a[1], Term(), make_fun(Atom::intern("Elixir.Keyword"), "replace!/3", 1, [v = a[2]](std::span<const Term>) { return v; })};
    Pairs l = kw(a, "replace!");
    if (!find(l, a[1])) raise_key_error(a[1], a[0]);
    return update(std::span<const Term>(b), false);
  }, "The list with key's value replaced; raises KeyError if missing.");
  lib.add("Keyword", "pop", 2, pop, "{first value for key or nil, list without key}.");
  lib.add("Keyword", "pop", 3, pop, "{first value for key or default, list without key}.");
  lib.add("Keyword", "keyword?", 1, [](Args a) {
    if (!a[0].is_list() || list_length(a[0]) < 0) return Term::boolean(false);
    for (const Term* c = &a[0]; c->is_cons(); c = &c->tail())
      if (!is_pair(c->head()) || !c->head()[0].is_atom()) return Term::boolean(false);
    return Term::boolean(true);
  }, "True if the term is a keyword list.");
  lib.add("Keyword", "to_list", 1, [](Args a) { return list_of(kw(a, "to_list", false)); }, "The keyword list itself.");
  lib.add("Keyword", "filter", 2, [](Args a) { return filter(a, true); }, "The entries for which fun.({k, v}) is truthy.");
  lib.add("Keyword", "reject", 2, [](Args a) { return filter(a, false); }, "The entries for which fun.({k, v}) is falsy.");
}

}  // namespace otp::shell::lib

// Map (Elixir 1.14) and :maps: plain maps, BadMapError for a non-map and
// KeyError for a missing key where Elixir raises them. Maps are immutable
// sorted arrays (term.hpp), so each update copies: O(n).
#include "shell/lib/enum_detail.hpp"
#include "shell/lib/enumerable.hpp"

namespace otp::shell::lib {

namespace {

const Term& need_map(const Term& m) {
  if (!m.is_map()) raise_bad_map(m);
  return m;
}

std::vector<std::pair<Term, Term>> entries_of(const Term& m) {
  std::vector<std::pair<Term, Term>> out;
  out.reserve(m.map_size());
  for (const MapEntry& e : m.map_entries()) out.emplace_back(e.key, e.value);
  return out;
}

Term get(Args a) {
  const Term* v = need_map(a[0]).map_get(a[1]);
  return v ? *v : a.size() > 2 ? a[2] : Term();
}

Term fetch(Args a) {
  const Term* v = need_map(a[0]).map_get(a[1]);
  return v ? Term::tuple({Term(atom::ok), *v}) : Term(atom::error);
}

Term fetch_bang(Args a) {
  const Term* v = need_map(a[0]).map_get(a[1]);
  if (!v) raise_key_error(a[1], a[0]);
  return *v;
}

// The keys argument of drop/take/split: any enumerable (a list in practice).
std::vector<Term> keys_arg(const Term& keys) { return enumerable::to_vector(keys); }

Term drop(Args a) {
  need_map(a[0]);
  Term m = a[0];
  for (const Term& k : keys_arg(a[1])) m = m.map_remove(k);
  return m;
}

Term take(Args a) {
  need_map(a[0]);
  std::vector<std::pair<Term, Term>> out;
  for (const Term& k : keys_arg(a[1]))
    if (const Term* v = a[0].map_get(k)) out.emplace_back(k, *v);
  return Term::map(std::move(out));
}

Term split(Args a) {
  Term taken = take(a), rest = drop(a);
  return Term::tuple({taken, rest});
}

Term keys_or_values(const Term& m, bool keys) {
  std::vector<Term> out;
  for (const MapEntry& e : need_map(m).map_entries()) out.push_back(keys ? e.key : e.value);
  return list_of(out);
}

Term to_list(const Term& m) {
  std::vector<Term> out;
  for (const MapEntry& e : need_map(m).map_entries()) out.push_back(Term::tuple({e.key, e.value}));
  return list_of(out);
}

Term merge(Args a) {
  need_map(a[0]);
  need_map(a[1]);
  if (a.size() == 2) {
    if (a[0].map_size() == 0) return a[1];
    std::vector<std::pair<Term, Term>> out = entries_of(a[0]);
    for (const MapEntry& e : a[1].map_entries()) out.emplace_back(e.key, e.value);
    return Term::map(std::move(out));
  }
  std::vector<std::pair<Term, Term>> out = entries_of(a[0]);
  for (const MapEntry& e : a[1].map_entries()) {
    const Term* old = a[0].map_get(e.key);
    if (!old) {
      out.emplace_back(e.key, e.value);
      continue;
    }
    tick();
    Term args[3] = {e.key, *old, e.value};
    out.emplace_back(e.key, apply_fun(a[2], args));
  }
  return Term::map(std::move(out));
}

Term update(Args a) {
  const Term* v = need_map(a[0]).map_get(a[1]);
  return a[0].map_put(a[1], v ? call(a[3], *v) : a[2]);
}

Term update_bang(Args a) {
  const Term* v = need_map(a[0]).map_get(a[1]);
  if (!v) raise_key_error(a[1], a[0]);
  return a[0].map_put(a[1], call(a[2], *v));
}

Term pop(Args a) {
  const Term* v = need_map(a[0]).map_get(a[1]);
  if (!v) return Term::tuple({a.size() > 2 ? a[2] : Term(), a[0]});
  return Term::tuple({*v, a[0].map_remove(a[1])});
}

Term filter(const Term& m, const Term& f, bool keep) {
  std::vector<std::pair<Term, Term>> out;
  for (const MapEntry& e : need_map(m).map_entries())
    if (truthy(call(f, Term::tuple({e.key, e.value}))) == keep) out.emplace_back(e.key, e.value);
  return Term::map(std::move(out));
}

Term from_struct(const Term& s) {
  if (!s.is_map()) no_clause("Map", "from_struct", {s});
  return s.map_remove(Term(atom::__struct__));
}

}  // namespace

void add_map(Library& lib) {
  lib.add("Map", "new", 0, [](Args) { return Term::map({}); }, "An empty map.");
  lib.add("Map", "new", 1, [](Args a) { return a[0].is_map() && !enumerable::struct_name(a[0]) ? a[0] : into(a[0], Term::map({}), nullptr); }, "A map from an enumerable of {key, value}.");
  lib.add("Map", "new", 2, [](Args a) { return into(a[0], Term::map({}), &a[1]); }, "A map from transform of each element ({key, value}).");
  lib.add("Map", "get", 2, get, "The value for key, or nil.");
  lib.add("Map", "get", 3, get, "The value for key, or default.");
  lib.add("Map", "get_lazy", 3, [](Args a) {
    const Term* v = need_map(a[0]).map_get(a[1]);
    if (v) return *v;
    tick();
    return apply_fun(a[2], {});
  }, "The value for key, or fun.() if missing.");
  lib.add("Map", "fetch", 2, fetch, "{:ok, value} for key, or :error.");
  lib.add("Map", "fetch!", 2, fetch_bang, "The value for key; raises KeyError if missing.");
  lib.add("Map", "put", 3, [](Args a) { return need_map(a[0]).map_put(a[1], a[2]); }, "The map with key set to value.");
  lib.add("Map", "put_new", 3, [](Args a) {
    return need_map(a[0]).map_get(a[1]) ? a[0] : a[0].map_put(a[1], a[2]);
  }, "The map with key set to value unless key is present.");
  lib.add("Map", "put_new_lazy", 3, [](Args a) {
    if (need_map(a[0]).map_get(a[1])) return a[0];
    tick();
    return a[0].map_put(a[1], apply_fun(a[2], {}));
  }, "The map with key set to fun.() unless key is present.");
  lib.add("Map", "replace", 3, [](Args a) {
    return need_map(a[0]).map_get(a[1]) ? a[0].map_put(a[1], a[2]) : a[0];
  }, "The map with an existing key's value replaced.");
  lib.add("Map", "replace!", 3, [](Args a) {
    if (!need_map(a[0]).map_get(a[1])) raise_key_error(a[1], a[0]);
    return a[0].map_put(a[1], a[2]);
  }, "The map with an existing key's value replaced; raises KeyError if missing.");
  lib.add("Map", "delete", 2, [](Args a) { return need_map(a[0]).map_remove(a[1]); }, "The map without key.");
  lib.add("Map", "drop", 2, drop, "The map without the given keys.");
  lib.add("Map", "take", 2, take, "The map with only the given keys.");
  lib.add("Map", "split", 2, split, "{map with the given keys, map without them}.");
  lib.add("Map", "keys", 1, [](Args a) { return keys_or_values(a[0], true); }, "The keys, in map order.");
  lib.add("Map", "values", 1, [](Args a) { return keys_or_values(a[0], false); }, "The values, in key order.");
  lib.add("Map", "to_list", 1, [](Args a) { return to_list(a[0]); }, "The {key, value} pairs, in map order.");
  lib.add("Map", "merge", 2, merge, "The maps merged; the second's values win.");
  lib.add("Map", "merge", 3, merge, "The maps merged; fun.(key, v1, v2) resolves conflicts.");
  lib.add("Map", "update", 4, update, "The map with fun.(value) at key, or default if missing.");
  lib.add("Map", "update!", 3, update_bang, "The map with fun.(value) at key; raises KeyError if missing.");
  lib.add("Map", "has_key?", 2, [](Args a) { return Term::boolean(need_map(a[0]).map_get(a[1]) != nullptr); }, "True if the map has key.");
  lib.add("Map", "pop", 2, pop, "{value or nil, map without key}.");
  lib.add("Map", "pop", 3, pop, "{value or default, map without key}.");
  lib.add("Map", "filter", 2, [](Args a) { return filter(a[0], a[1], true); }, "The entries for which fun.({k, v}) is truthy.");
  lib.add("Map", "reject", 2, [](Args a) { return filter(a[0], a[1], false); }, "The entries for which fun.({k, v}) is falsy.");
  lib.add("Map", "from_struct", 1, [](Args a) { return from_struct(a[0]); }, "The struct as a plain map (without :__struct__).");
  lib.add("Map", "equal?", 2, [](Args a) { return Term::boolean(need_map(a[0]) == need_map(a[1])); }, "True if both maps are strictly equal.");

  // :maps
  lib.add(":maps", "get", 2, [](Args a) {
    const Term* v = need_map(a[1]).map_get(a[0]);
    if (!v) raise_key_error(a[0], a[1]);
    return *v;
  }, "The value for key; error {:badkey, key} if missing.");
  lib.add(":maps", "get", 3, [](Args a) {
    const Term* v = need_map(a[1]).map_get(a[0]);
    return v ? *v : a[2];
  }, "The value for key, or default.");
  lib.add(":maps", "find", 2, [](Args a) {
    const Term* v = need_map(a[1]).map_get(a[0]);
    return v ? Term::tuple({Term(atom::ok), *v}) : Term(atom::error);
  }, "{:ok, value} or :error.");
  lib.add(":maps", "put", 3, [](Args a) { return need_map(a[2]).map_put(a[0], a[1]); }, "The map with key set to value.");
  lib.add(":maps", "remove", 2, [](Args a) { return need_map(a[1]).map_remove(a[0]); }, "The map without key.");
  lib.add(":maps", "is_key", 2, [](Args a) { return Term::boolean(need_map(a[1]).map_get(a[0]) != nullptr); }, "True if the map has key.");
  lib.add(":maps", "keys", 1, [](Args a) { return keys_or_values(a[0], true); }, "The keys.");
  lib.add(":maps", "values", 1, [](Args a) { return keys_or_values(a[0], false); }, "The values.");
  lib.add(":maps", "to_list", 1, [](Args a) { return to_list(a[0]); }, "The {key, value} pairs.");
  lib.add(":maps", "from_list", 1, [](Args a) {
    if (list_length(a[0]) < 0) raise_badarg(1, "not a list");
    return into(a[0], Term::map({}), nullptr);
  }, "A map from a list of {key, value}.");
  lib.add(":maps", "merge", 2, merge, "The maps merged; the second's values win.");
  lib.add(":maps", "size", 1, [](Args a) { return Term::integer(static_cast<int64_t>(need_map(a[0]).map_size())); }, "The number of keys.");
  lib.add(":maps", "new", 0, [](Args) { return Term::map({}); }, "An empty map.");
  lib.add(":maps", "update", 3, [](Args a) {
    if (!need_map(a[2]).map_get(a[0])) raise_key_error(a[0], a[2]);
    return a[2].map_put(a[0], a[1]);
  }, "The map with an existing key set to value.");
  lib.add(":maps", "with", 2, [](Args a) { Term b[2] = {a[1], a[0]}; return take(b); }, "The map with only the given keys.");
  lib.add(":maps", "without", 2, [](Args a) { Term b[2] = {a[1], a[0]}; return drop(b); }, "The map without the given keys.");
  lib.add(":maps", "map", 2, [](Args a) {
    std::vector<std::pair<Term, Term>> out;
    for (const MapEntry& e : need_map(a[1]).map_entries()) out.emplace_back(e.key, call(a[0], e.key, e.value));
    return Term::map(std::move(out));
  }, "The map with fun.(key, value) as each value.");
  lib.add(":maps", "filter", 2, [](Args a) {
    std::vector<std::pair<Term, Term>> out;
    for (const MapEntry& e : need_map(a[1]).map_entries())
      if (call(a[0], e.key, e.value).is_atom(atom::true_)) out.emplace_back(e.key, e.value);
    return Term::map(std::move(out));
  }, "The entries for which pred.(key, value) is true.");
  lib.add(":maps", "fold", 3, [](Args a) {
    Term acc = a[1];
    for (const MapEntry& e : need_map(a[2]).map_entries()) {
      tick();
      Term args[3] = {e.key, e.value, acc};
      acc = apply_fun(a[0], args);
    }
    return acc;
  }, "Folds fun.(key, value, acc) over the map.");
}

}  // namespace otp::shell::lib

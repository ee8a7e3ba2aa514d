// Enum, part 1: walking and folding (map, each, filter, reduce, count, sum,
// all?, find, member?, join, flat_map, map_reduce, group_by, into, ...).
// Every function takes any enumerable (enumerable.hpp); funs are applied
// with a reduction each, so a long walk can be preempted.
#include "shell/lib/chars.hpp"
#include "shell/lib/enum_detail.hpp"
#include "shell/lib/enumerable.hpp"
#include "shell/lib/support.hpp"
#include "term/error.hpp"

namespace otp::shell::lib {

namespace {

using enumerable::each;

Term map(Args a) {
  std::vector<Term> out;
  if (auto n = enumerable::fast_count(a[0])) out.reserve(static_cast<std::size_t>(*n));
  each(a[0], [&](const Term& x) {
    out.push_back(call(a[1], x));
    return true;
  });
  return list_of(out);
}

Term filter(const Term& e, const Term& f, bool keep) {
  std::vector<Term> out;
  each(e, [&](const Term& x) {
    if (truthy(call(f, x)) == keep) out.push_back(x);
    return true;
  });
  return list_of(out);
}

Term reduce3(Args a) {
  Term acc = a[1];
  each(a[0], [&](const Term& x) {
    acc = call(a[2], x, acc);
    return true;
  });
  return acc;
}

Term reduce2(Args a) {
  std::optional<Term> acc;
  each(a[0], [&](const Term& x) {
    acc = acc ? call(a[1], x, *acc) : x;
    return true;
  });
  if (!acc) raise_empty();
  return *acc;
}

Term reduce_while(Args a) {
  static const Term cont = Term::atom("cont"), halt = Term::atom("halt");
  Term acc = a[1];
  each(a[0], [&](const Term& x) {
    Term r = call(a[2], x, acc);
    if (!r.is_tuple() || r.tuple_size() != 2 || !(r[0] == cont || r[0] == halt))
      raise_function_clause("Enumerable.List", "reduce", {Term::empty_list(), r, a[2]});
    acc = r[1];
    return r[0] == cont;
  });
  return acc;
}

Term count(Args a) {
  if (a.size() == 1) {
    if (auto n = enumerable::fast_count(a[0])) return Term::integer(*n);
    int64_t n = 0;
    each(a[0], [&](const Term&) { return ++n, true; });
    return Term::integer(n);
  }
  int64_t n = 0;
  each(a[0], [&](const Term& x) {
    n += truthy(call(a[1], x));
    return true;
  });
  return Term::integer(n);
}

Term sum_or_product(const Term& e, bool sum) {
  Term acc = Term::integer(sum ? 0 : 1);
  each(e, [&](const Term& x) {
    if (!x.is_number() || !acc.is_number()) raise_arithmetic(arith_blame(sum ? "+" : "*", x, acc));
    acc = sum ? add(acc, x) : mul(acc, x);
    return true;
  });
  return acc;
}

// all?/any? with or without a fun.
Term quantify(Args a, bool all) {
  bool result = all;
  each(a[0], [&](const Term& x) {
    bool t = truthy(a.size() > 1 ? call(a[1], x) : x);
    if (t != all) {
      result = !all;
      return false;
    }
    return true;
  });
  return Term::boolean(result);
}

// find/2,3, find_value/2,3, find_index/2.
enum class Find { Elem, Value, Index };
Term find(Args a, Find what) {
  const Term& f = a[a.size() - 1];
  Term found = a.size() == 3 ? a[1] : Term();
  int64_t i = 0;
  each(a[0], [&](const Term& x) {
    Term r = call(f, x);
    if (truthy(r)) {
      found = what == Find::Elem ? x : what == Find::Value ? r : Term::integer(i);
      return false;
    }
    ++i;
    return true;
  });
  return found;
}

Term member(Args a) {
  if (auto m = enumerable::fast_member(a[0], a[1])) return Term::boolean(*m);
  bool found = false;
  each(a[0], [&](const Term& x) { return !(found = x == a[1]); });
  return Term::boolean(found);
}

Term empty(Args a) {
  if (auto n = enumerable::fast_count(a[0])) return Term::boolean(*n == 0);
  bool any = false;
  each(a[0], [&](const Term&) { return !(any = true); });
  return Term::boolean(!any);
}

// join/1,2 and map_join/2,3.
Term join(const Term& e, const Term& joiner, const Term* mapper) {
  if (!joiner.is_binary()) no_clause("Enum", mapper ? "map_join" : "join", {e, joiner});
  std::string out;
  bool first = true;
  each(e, [&](const Term& x) {
    if (!first) out += joiner.bytes();
    first = false;
    append_chars(out, mapper ? call(*mapper, x) : x);
    return true;
  });
  return Term::binary(out);
}

Term flat_map(Args a) {
  std::vector<Term> out;
  each(a[0], [&](const Term& x) {
    Term r = call(a[1], x);
    if (r.is_list()) {
      for (const Term* c = &r; c->is_cons(); c = &c->tail()) out.push_back(c->head());
    } else {
      each(r, [&](const Term& y) { return out.push_back(y), true; });
    }
    return true;
  });
  return list_of(out);
}

Term map_reduce(Args a) {
  std::vector<Term> out;
  Term acc = a[1];
  each(a[0], [&](const Term& x) {
    Term r = call(a[2], x, acc);
    if (!r.is_tuple() || r.tuple_size() != 2) raise_clause_error("MatchError", r);
    out.push_back(r[0]);
    acc = r[1];
    return true;
  });
  return Term::tuple({list_of(out), acc});
}

Term scan(Args a) {
  bool has_acc = a.size() == 3;
  std::optional<Term> acc;
  if (has_acc) acc = a[1];
  std::vector<Term> out;
  each(a[0], [&](const Term& x) {
    acc = acc ? call(a[has_acc ? 2 : 1], x, *acc) : x;
    out.push_back(*acc);
    return true;
  });
  return list_of(out);
}

Term frequencies(Args a) {
  std::vector<std::pair<Term, int64_t>> counts;
  std::unordered_map<Term, std::size_t, TermHash, ExactEq> index;
  each(a[0], [&](const Term& x) {
    Term k = a.size() > 1 ? call(a[1], x) : x;
    auto [it, fresh] = index.emplace(k, counts.size());
    if (fresh) counts.emplace_back(k, 0);
    ++counts[it->second].second;
    return true;
  });
  std::vector<std::pair<Term, Term>> entries;
  for (auto& [k, n] : counts) entries.emplace_back(k, Term::integer(n));
  return Term::map(std::move(entries));
}

Term group_by(Args a) {
  std::vector<std::pair<Term, std::vector<Term>>> groups;
  std::unordered_map<Term, std::size_t, TermHash, ExactEq> index;
  each(a[0], [&](const Term& x) {
    Term k = call(a[1], x);
    Term v = a.size() > 2 ? call(a[2], x) : x;
    auto [it, fresh] = index.emplace(k, groups.size());
    if (fresh) groups.emplace_back(k, std::vector<Term>{});
    groups[it->second].second.push_back(v);
    return true;
  });
  std::vector<std::pair<Term, Term>> entries;
  for (auto& [k, vs] : groups) entries.emplace_back(k, list_of(vs));
  return Term::map(std::move(entries));
}

Term each_fn(Args a) {
  each(a[0], [&](const Term& x) { return call(a[1], x), true; });
  return Term(atom::ok);
}

Term reverse(Args a) {
  Term out = a.size() > 1 ? enumerable::to_list(a[1]) : Term::empty_list();
  each(a[0], [&](const Term& x) { return out = Term::cons(x, std::move(out)), true; });
  return out;
}

}  // namespace

void add_enum(Library& lib) {
  lib.add("Enum", "map", 2, map, "Returns a list of fun applied to each element.");
  lib.add("Enum", "each", 2, each_fn, "Calls fun on each element; returns :ok.");
  lib.add("Enum", "filter", 2, [](Args a) { return filter(a[0], a[1], true); }, "Keeps the elements for which fun is truthy.");
  lib.add("Enum", "reject", 2, [](Args a) { return filter(a[0], a[1], false); }, "Drops the elements for which fun is truthy.");
  lib.add("Enum", "reduce", 2, reduce2, "Folds with fun(x, acc), the first element as acc; raises Enum.EmptyError if empty.");
  lib.add("Enum", "reduce", 3, reduce3, "Folds with fun(x, acc) from acc.");
  lib.add("Enum", "reduce_while", 3, reduce_while, "Folds while fun returns {:cont, acc}; stops at {:halt, acc}.");
  lib.add("Enum", "count", 1, count, "The number of elements.");
  lib.add("Enum", "count", 2, count, "The number of elements for which fun is truthy.");
  lib.add("Enum", "sum", 1, [](Args a) { return sum_or_product(a[0], true); }, "The sum of the elements.");
  lib.add("Enum", "product", 1, [](Args a) { return sum_or_product(a[0], false); }, "The product of the elements.");
  lib.add("Enum", "all?", 1, [](Args a) { return quantify(a, true); }, "True if every element is truthy.");
  lib.add("Enum", "all?", 2, [](Args a) { return quantify(a, true); }, "True if fun is truthy for every element.");
  lib.add("Enum", "any?", 1, [](Args a) { return quantify(a, false); }, "True if some element is truthy.");
  lib.add("Enum", "any?", 2, [](Args a) { return quantify(a, false); }, "True if fun is truthy for some element.");
  lib.add("Enum", "find", 2, [](Args a) { return find(a, Find::Elem); }, "The first element for which fun is truthy, or nil.");
  lib.add("Enum", "find", 3, [](Args a) { return find(a, Find::Elem); }, "The first element for which fun is truthy, or default.");
  lib.add("Enum", "find_value", 2, [](Args a) { return find(a, Find::Value); }, "The first truthy fun result, or nil.");
  lib.add("Enum", "find_value", 3, [](Args a) { return find(a, Find::Value); }, "The first truthy fun result, or default.");
  lib.add("Enum", "find_index", 2, [](Args a) { return find(a, Find::Index); }, "The index of the first element for which fun is truthy, or nil.");
  lib.add("Enum", "member?", 2, member, "True if the element is in the enumerable (===).");
  lib.add("Enum", "empty?", 1, empty, "True if the enumerable has no elements.");
  lib.add("Enum", "join", 1, [](Args a) { return join(a[0], Term::binary(""), nullptr); }, "The elements as strings, joined.");
  lib.add("Enum", "join", 2, [](Args a) { return join(a[0], a[1], nullptr); }, "The elements as strings, joined with joiner.");
  lib.add("Enum", "map_join", 2, [](Args a) { return join(a[0], Term::binary(""), &a[1]); }, "fun of each element as strings, joined.");
  lib.add("Enum", "map_join", 3, [](Args a) { return join(a[0], a[1], &a[2]); }, "fun of each element as strings, joined with joiner.");
  lib.add("Enum", "flat_map", 2, flat_map, "Maps fun and flattens one level.");
  lib.add("Enum", "map_reduce", 3, map_reduce, "Maps and folds at once: fun(x, acc) -> {y, acc}; returns {ys, acc}.");
  lib.add("Enum", "scan", 2, scan, "Every accumulated value, starting from the first element.");
  lib.add("Enum", "scan", 3, scan, "Every accumulated value, starting from acc.");
  lib.add("Enum", "frequencies", 1, frequencies, "A map from each element to how often it occurs.");
  lib.add("Enum", "frequencies_by", 2, frequencies, "A map from each key_fun value to how often it occurs.");
  lib.add("Enum", "group_by", 2, group_by, "A map from key_fun values to the elements with that key, in order.");
  lib.add("Enum", "group_by", 3, group_by, "As group_by/2, collecting value_fun of each element.");
  lib.add("Enum", "reverse", 1, reverse, "The elements in reverse order.");
  lib.add("Enum", "reverse", 2, reverse, "The elements reversed, followed by tail.");
  lib.add("Enum", "to_list", 1, [](Args a) { return enumerable::to_list(a[0]); }, "The elements as a list.");
  lib.add("Enum", "into", 2, [](Args a) { return into(a[0], a[1], nullptr); }, "Collects the elements into a collectable (list, map, MapSet, binary).");
  lib.add("Enum", "into", 3, [](Args a) { return into(a[0], a[1], &a[2]); }, "Collects fun of each element into a collectable.");
}

}  // namespace otp::shell::lib

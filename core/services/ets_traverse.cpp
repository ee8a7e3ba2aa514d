// Walking an ETS table (see ets.hpp): tab2list, first/next/last/prev,
// foldl/foldr, match, match_object, match_delete and the select family.
// Objects are visited in table order; a select whose single clause binds
// the key visits only the objects under that key.
#include <algorithm>
#include <array>
#include <vector>

#include "services/ets_api.hpp"
#include "services/ets_match.hpp"
#include "term/fun.hpp"

namespace otp::ets {

using namespace detail;

namespace {

Term list_of(const std::vector<Term>& xs) { return Term::list(std::span<const Term>(xs)); }

// Runs `spec` on the table's objects, calling f(result) for each match.
template <class F>
void run_spec(Process& self, const Store& s, const MatchSpec& spec, F&& f) {
  std::size_t visited = 0;
  Pid me = self.self();
  auto visit = [&](const Term& obj) {
    ++visited;
    Term r;
    if (spec.run(obj, me, &r)) f(r);
    return true;
  };
  if (const Term* key = spec.bound_key(s.keypos()))
    s.for_each_with_key(*key, visit);
  else
    s.for_each(visit);
  charge_objects(self, visited);
}

Term collect(Process& self, const Store& s, const MatchSpec& spec) {
  std::vector<Term> out;
  run_spec(self, s, spec, [&](const Term& r) { out.push_back(r); });
  return list_of(out);
}

// Deletes the objects for which `spec` gives true; returns how many.
std::size_t erase_matching(Process& self, Store& s, const MatchSpec& spec) {
  Pid me = self.self();
  std::size_t visited = s.size();
  std::size_t n = s.erase_if([&](const Term& obj) {
    Term r;
    return spec.run(obj, me, &r) && r.is_atom(atom::true_);
  });
  charge_objects(self, visited);
  return n;
}

std::vector<Term> snapshot(Process& self, const Term& tab, bool* ordered = nullptr) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Read, &cause);
  if (!t) fail(Fn::Other, cause, {tab});
  if (ordered) *ordered = t->store.type() == Type::OrderedSet;
  std::vector<Term> objs;
  objs.reserve(t->store.size());
  t->store.for_each([&](const Term& o) {
    objs.push_back(o);
    return true;
  });
  charge_objects(self, objs.size());
  return objs;
}

Term step(Process& self, const Term& tab, const Term& key, bool forward) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Read, &cause);
  Fn fn = forward ? Fn::Next : Fn::Prev;
  if (!t) fail(fn, cause, {tab, key});
  Term out;
  if (!(forward ? t->store.next(key, &out) : t->store.prev(key, &out))) fail(fn, Cause::None, {tab, key});
  self.charge(1);
  return out;
}

Term end(Process& self, const Term& tab, bool first) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Read, &cause);
  if (!t) fail(Fn::Other, cause, {tab});
  self.charge(1);
  return first ? t->store.first() : t->store.last();
}

Table& readable(Process& self, const Term& tab, const Term& arg2, Fn fn, Need need = Need::Read) {
  Cause cause;
  Table* t = resolve(self, tab, need, &cause);
  if (!t) fail(fn, cause, {tab, arg2});
  return *t;
}

MatchSpec compiled(const Term& tab, const Term& spec) {
  MatchSpec ms;
  if (!ms.compile(spec)) fail(Fn::Select, Cause::None, {tab, spec});
  return ms;
}

MatchSpec pattern(const Term& tab, const Term& pattern, bool whole_object) {
  MatchSpec ms;
  if (!ms.compile_pattern(pattern, whole_object)) fail(Fn::Other, Cause::None, {tab, pattern});
  return ms;
}

}  // namespace

Term tab2list(Process& self, const Term& tab) { return list_of(snapshot(self, tab)); }

Term first(Process& self, const Term& tab) { return end(self, tab, true); }
Term last(Process& self, const Term& tab) { return end(self, tab, false); }
Term next(Process& self, const Term& tab, const Term& key) { return step(self, tab, key, true); }
Term prev(Process& self, const Term& tab, const Term& key) { return step(self, tab, key, false); }

static Term apply2(const Term& fun, const Term& object, const Term& acc) {
  std::array<Term, 2> args{object, acc};
  return apply_fun(fun, args);
}

Term foldl(Process& self, const Term& fun, const Term& acc, const Term& tab) {
  Term a = acc;
  for (const Term& o : snapshot(self, tab)) a = apply2(fun, o, a);
  return a;
}

Term foldr(Process& self, const Term& fun, const Term& acc, const Term& tab) {
  bool ordered = false;
  std::vector<Term> objs = snapshot(self, tab, &ordered);
  // Last to first; a hash table's last is its first and prev its next, so
  // foldr walks it as foldl does (as ETS).
  if (ordered) std::reverse(objs.begin(), objs.end());
  Term a = acc;
  for (const Term& o : objs) a = apply2(fun, o, a);
  return a;
}

Term foldl(Process& self, const std::function<Term(const Term&, const Term&)>& fun, Term acc, const Term& tab) {
  for (const Term& o : snapshot(self, tab)) acc = fun(o, acc);
  return acc;
}

Term match(Process& self, const Term& tab, const Term& pat) {
  Table& t = readable(self, tab, pat, Fn::Other);
  return collect(self, t.store, pattern(tab, pat, false));
}

Term match_object(Process& self, const Term& tab, const Term& pat) {
  Table& t = readable(self, tab, pat, Fn::Other);
  return collect(self, t.store, pattern(tab, pat, true));
}

Term match_delete(Process& self, const Term& tab, const Term& pat) {
  Table& t = readable(self, tab, pat, Fn::Other, Need::Write);
  MatchSpec ms;
  if (!ms.compile(Term::list({Term::tuple({pat, Term::empty_list(), Term::list({Term(atom::true_)})})})))
    fail(Fn::Other, Cause::None, {tab, pat});
  erase_matching(self, t.store, ms);
  return true_();
}

Term select(Process& self, const Term& tab, const Term& spec) {
  Table& t = readable(self, tab, spec, Fn::Select);
  return collect(self, t.store, compiled(tab, spec));
}

Term select_count(Process& self, const Term& tab, const Term& spec) {
  Table& t = readable(self, tab, spec, Fn::Select);
  MatchSpec ms = compiled(tab, spec);
  int64_t n = 0;
  run_spec(self, t.store, ms, [&](const Term& r) { n += r.is_atom(atom::true_); });
  return Term::integer(n);
}

Term select_delete(Process& self, const Term& tab, const Term& spec) {
  Table& t = readable(self, tab, spec, Fn::Select, Need::Write);
  MatchSpec ms = compiled(tab, spec);
  return Term::integer(static_cast<int64_t>(erase_matching(self, t.store, ms)));
}

}  // namespace otp::ets

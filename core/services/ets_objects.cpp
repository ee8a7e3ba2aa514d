// ETS objects by key (see ets.hpp): insert, insert_new, lookup,
// lookup_element, member, take, delete/2, delete_object, delete_all_objects.
// insert and lookup are the hot paths: no allocation besides the stored
// tuple's reference and, for lookup, the one-cell result list.
#include <vector>

#include "services/ets_api.hpp"

namespace otp::ets {

using namespace detail;

namespace {

bool valid_object(const Store& s, const Term& o) noexcept { return o.is_tuple() && o.tuple_size() >= s.keypos(); }

// The objects of an insert: one tuple or a proper list of them; false if
// any is not an object of this table.
bool objects_of(const Store& s, const Term& objects, std::vector<Term>* out) {
  if (objects.is_tuple()) {
    if (!valid_object(s, objects)) return false;
    out->push_back(objects);
    return true;
  }
  const Term* l = &objects;
  for (; l->is_cons(); l = &l->tail()) {
    if (!valid_object(s, l->head())) return false;
    out->push_back(l->head());
  }
  return l->is_nil_list();
}

// A list insert into a bag applies the objects last first, as OTP 25 does
// (so [{k, 1}, {k, 2}] looks up as [{k, 2}, {k, 1}]); other types apply
// them in order (the last of two objects with one key wins in a set).
void insert_all(Store& s, const std::vector<Term>& objs) {
  if (s.type() == Type::Bag)
    for (auto it = objs.rbegin(); it != objs.rend(); ++it) s.insert(*it);
  else
    for (const Term& o : objs) s.insert(o);
}

// insert/2 of a list (or of a bad object): kept out of insert() so that the
// common case holds no destructible local (under emscripten's JS exceptions
// a call made while one is live goes through a JS wrapper).
__attribute__((noinline)) Term insert_list(Process& self, Table* t, const Term& tab, const Term& objects) {
  std::vector<Term> objs;
  if (!objects_of(t->store, objects, &objs)) fail(Fn::Insert, Cause::None, {tab, objects});
  insert_all(t->store, objs);
  charge_objects(self, objs.size());
  return true_();
}

}  // namespace

Term insert(Process& self, const Term& tab, const Term& objects) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (!t) fail(Fn::Insert, cause, {tab, objects});
  if (!objects.is_tuple() || !valid_object(t->store, objects)) return insert_list(self, t, tab, objects);
  t->store.insert(objects);
  self.charge(1);
  return true_();
}

Term insert_new(Process& self, const Term& tab, const Term& objects) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (!t) fail(Fn::InsertNew, cause, {tab, objects});
  std::vector<Term> objs;
  if (!objects_of(t->store, objects, &objs)) fail(Fn::InsertNew, Cause::None, {tab, objects});
  charge_objects(self, objs.size());
  for (const Term& o : objs)
    if (t->store.contains(t->store.key_of(o))) return Term(atom::false_);
  insert_all(t->store, objs);
  return true_();
}

Term lookup(Process& self, const Term& tab, const Term& key) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Read, &cause);
  if (!t) fail(Fn::Other, cause, {tab, key});
  self.charge(1);
  return t->store.lookup(key);
}

Term lookup_element(Process& self, const Term& tab, const Term& key, const Term& pos) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Read, &cause);
  if (!t) fail(Fn::LookupElement, cause, {tab, key, pos});
  if (!pos.is_small() || pos.small() < 1) fail(Fn::LookupElement, Cause::None, {tab, key, pos});
  std::size_t p = static_cast<std::size_t>(pos.small());
  Term found = t->store.lookup(key);
  if (found.is_nil_list()) fail(Fn::LookupElement, Cause::BadKey, {tab, key, pos});
  self.charge(1);
  std::vector<Term> elements;
  for (const Term* l = &found; l->is_cons(); l = &l->tail()) {
    const Term& o = l->head();
    if (o.tuple_size() < p) fail(Fn::LookupElement, Cause::None, {tab, key, pos});
    elements.push_back(o[p - 1]);
  }
  Type type = t->store.type();
  if (type == Type::Set || type == Type::OrderedSet) return elements[0];
  return Term::list(std::span<const Term>(elements));
}

Term member(Process& self, const Term& tab, const Term& key) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Read, &cause);
  if (!t) fail(Fn::Other, cause, {tab, key});
  self.charge(1);
  return Term::boolean(t->store.contains(key));
}

Term take(Process& self, const Term& tab, const Term& key) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (!t) fail(Fn::Other, cause, {tab, key});
  self.charge(1);
  return t->store.take(key);
}

Term delete_(Process& self, const Term& tab, const Term& key) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (!t) fail(Fn::Other, cause, {tab, key});
  self.charge(1);
  t->store.erase(key);
  return true_();
}

Term delete_object(Process& self, const Term& tab, const Term& object) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (!t) fail(Fn::DeleteObject, cause, {tab, object});
  if (!valid_object(t->store, object)) fail(Fn::DeleteObject, Cause::None, {tab, object});
  self.charge(1);
  t->store.erase_object(object);
  return true_();
}

Term delete_all_objects(Process& self, const Term& tab) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (!t) fail(Fn::Other, cause, {tab});
  charge_objects(self, t->store.size());
  t->store.clear();
  return true_();
}

}  // namespace otp::ets

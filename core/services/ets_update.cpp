// ETS in-place updates (see ets.hpp): update_counter/3,4 and
// update_element/3, on set and ordered_set tables. Each call is atomic: the
// object is rebuilt as a new tuple and stored only if every operation of
// the call succeeds.
#include <vector>

#include "services/ets_api.hpp"
#include "term/arith.hpp"

namespace otp::ets {

using namespace detail;

namespace {

struct CounterOp {
  std::size_t pos;  // 1-based
  Term incr, threshold, set_value;  // threshold nil: none
};

// Parses one op; false if it is not an update operation.
bool counter_op(const Term& op, std::size_t keypos, CounterOp* out) {
  if (op.is_integer()) {
    *out = CounterOp{keypos + 1, op, Term(), Term()};
    return true;
  }
  if (!op.is_tuple() || (op.tuple_size() != 2 && op.tuple_size() != 4)) return false;
  for (const Term& e : op.elements())
    if (!e.is_integer()) return false;
  if (!op[0].is_small() || op[0].small() < 0) {
    *out = CounterOp{0, op[1], Term(), Term()};  // out of range
  } else {
    *out = CounterOp{static_cast<std::size_t>(op[0].small()), op[1], Term(), Term()};
  }
  if (op.tuple_size() == 4) {
    out->threshold = op[2];
    out->set_value = op[3];
  }
  return true;
}

[[noreturn]] void counter_fail(Cause c, const Term& tab, const Term& key, const Term& op, const Term* deflt) {
  if (deflt) fail(Fn::UpdateCounter, c, {tab, key, op, *deflt});
  fail(Fn::UpdateCounter, c, {tab, key, op});
}

Term update_counter_impl(Process& self, const Term& tab, const Term& key, const Term& op, const Term* deflt) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (!t) counter_fail(cause, tab, key, op, deflt);
  Store& s = t->store;
  if (s.type() != Type::Set && s.type() != Type::OrderedSet) counter_fail(Cause::TableType, tab, key, op, deflt);
  const Term* stored = s.find(key);
  Term object;
  if (stored) {
    object = *stored;
  } else if (!deflt) {
    counter_fail(Cause::BadKey, tab, key, op, deflt);
  } else {
    if (!deflt->is_tuple() || deflt->tuple_size() < s.keypos()) counter_fail(Cause::None, tab, key, op, deflt);
    std::vector<Term> xs(deflt->elements().begin(), deflt->elements().end());
    xs[s.keypos() - 1] = key;  // the default's key is replaced by Key, as ETS does
    object = Term::tuple(std::span<const Term>(xs));
  }
  std::vector<Term> ops;
  bool as_list = op.is_list();
  if (as_list) {
    if (list_length(op) < 0) counter_fail(Cause::None, tab, key, op, deflt);
    ops = list_to_vector(op);
  } else {
    ops.push_back(op);
  }
  std::vector<Term> xs(object.elements().begin(), object.elements().end());
  std::vector<Term> results;
  for (const Term& o : ops) {
    CounterOp c;
    if (!counter_op(o, s.keypos(), &c)) counter_fail(Cause::None, tab, key, op, deflt);
    if (c.pos == s.keypos()) counter_fail(Cause::KeyPos, tab, key, op, deflt);
    if (c.pos < 1 || c.pos > xs.size()) counter_fail(Cause::Position, tab, key, op, deflt);
    Term& field = xs[c.pos - 1];
    if (!field.is_integer()) counter_fail(Cause::None, tab, key, op, deflt);
    Term v = add(field, c.incr);
    if (c.threshold.is_integer()) {
      bool up = compare(c.incr, Term::integer(0)) >= 0;
      if (up ? compare(v, c.threshold) > 0 : compare(v, c.threshold) < 0) v = c.set_value;
    }
    field = v;
    results.push_back(std::move(v));
  }
  self.charge(1);
  if (stored || deflt) s.insert(Term::tuple(std::span<const Term>(xs)));
  if (as_list) return Term::list(std::span<const Term>(results));
  return results[0];
}

}  // namespace

Term update_counter(Process& self, const Term& tab, const Term& key, const Term& op) {
  return update_counter_impl(self, tab, key, op, nullptr);
}

Term update_counter(Process& self, const Term& tab, const Term& key, const Term& op, const Term& default_object) {
  return update_counter_impl(self, tab, key, op, &default_object);
}

Term update_element(Process& self, const Term& tab, const Term& key, const Term& changes) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (!t) fail(Fn::UpdateElement, cause, {tab, key, changes});
  Store& s = t->store;
  if (s.type() != Type::Set && s.type() != Type::OrderedSet) fail(Fn::UpdateElement, Cause::None, {tab, key, changes});
  std::vector<Term> specs;
  if (changes.is_list()) {
    if (list_length(changes) < 0) fail(Fn::UpdateElement, Cause::None, {tab, key, changes});
    specs = list_to_vector(changes);
  } else {
    specs.push_back(changes);
  }
  for (const Term& c : specs)
    if (!c.is_tuple() || c.tuple_size() != 2 || !c[0].is_small()) fail(Fn::UpdateElement, Cause::None, {tab, key, changes});
  const Term* stored = s.find(key);
  self.charge(1);
  if (!stored) return Term(atom::false_);
  std::vector<Term> xs(stored->elements().begin(), stored->elements().end());
  for (const Term& c : specs) {
    int64_t pos = c[0].small();
    if (pos == static_cast<int64_t>(s.keypos())) fail(Fn::UpdateElement, Cause::KeyPos, {tab, key, changes});
    if (pos < 1 || static_cast<std::size_t>(pos) > xs.size()) fail(Fn::UpdateElement, Cause::None, {tab, key, changes});
    xs[static_cast<std::size_t>(pos - 1)] = c[1];
  }
  s.replace(key, Term::tuple(std::span<const Term>(xs)));
  return true_();
}

}  // namespace otp::ets

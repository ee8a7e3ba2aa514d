// ETS table information (see ets.hpp): info/1,2 and all/0, in OTP 25's
// shapes. info needs no access right, so observers may also call it from
// outside any process (info(Node&, tab)).
#include <string_view>
#include <vector>

#include "services/ets_api.hpp"

namespace otp::ets {

using namespace detail;

namespace {

Term type_atom(Type t) {
  switch (t) {
    case Type::Set: return Term(atom::set);
    case Type::OrderedSet: return Term(atom::ordered_set);
    case Type::Bag: return Term(atom::bag);
    case Type::DuplicateBag: return Term(atom::duplicate_bag);
  }
  return Term(atom::set);
}

Term protection_atom(Protection p) {
  switch (p) {
    case Protection::Public: return Term(atom::public_);
    case Protection::Protected: return Term(atom::protected_);
    case Protection::Private: return Term(atom::private_);
  }
  return Term(atom::protected_);
}

Term item_value(const Table& t, Atom item, bool* known) {
  *known = true;
  if (item == atom::id) return Term(t.ref);
  if (item == atom::decentralized_counters) return t.decentralized_counters;
  if (item == atom::read_concurrency) return t.read_concurrency;
  if (item == atom::write_concurrency) return t.write_concurrency;
  if (item == atom::compressed) return Term::boolean(t.compressed);
  if (item == atom::memory) return Term::integer(static_cast<int64_t>(t.store.memory_words()));
  if (item == atom::owner) return Term(t.owner);
  if (item == atom::heir) return t.heir;
  if (item == atom::name) return t.name;
  if (item == atom::size) return Term::integer(static_cast<int64_t>(t.store.size()));
  if (item == atom::node) return Term(atom::nonode_nohost);
  if (item == atom::named_table) return Term::boolean(t.named);
  if (item == atom::type) return type_atom(t.store.type());
  if (item == atom::keypos) return Term::integer(static_cast<int64_t>(t.store.keypos()));
  if (item == atom::protection) return protection_atom(t.protection);
  std::string_view n = item.name();
  if (n == "fixed" || n == "safe_fixed" || n == "safe_fixed_monotonic_time") return Term(atom::false_);
  *known = false;
  return Term();
}

Term info_list(const Table& t) {
  static const Atom items[] = {atom::id, atom::decentralized_counters, atom::read_concurrency,
                               atom::write_concurrency, atom::compressed, atom::memory, atom::owner,
                               atom::heir, atom::name, atom::size, atom::node, atom::named_table,
                               atom::type, atom::keypos, atom::protection};
  std::vector<Term> out;
  bool known;
  for (Atom a : items) out.push_back(Term::tuple({Term(a), item_value(t, a, &known)}));
  return Term::list(std::span<const Term>(out));
}

}  // namespace

Term info(Node& node, const Term& tab) {
  Cause cause;
  Table* t = Tables::of(node).resolve(tab, Pid{0, 0}, Need::Info, &cause);
  if (t) return info_list(*t);
  if (cause == Cause::Type) fail(Fn::Other, cause, {tab});
  return Term(atom::undefined);
}

Term info(Process& self, const Term& tab) {
  self.charge(1);
  return info(self.node(), tab);
}

Term info(Process& self, const Term& tab, const Term& item) {
  Cause cause = Cause::None;
  Table* t = resolve(self, tab, Need::Info, &cause);
  if (!t && cause == Cause::Type) fail(Fn::Info, cause, {tab, item});
  bool known = false;
  Term v;
  if (item.is_atom()) {
    static const Table probe(Type::Set, 1);  // to tell valid items on a missing table
    v = item_value(t ? *t : probe, item.atom(), &known);
    if (!t) v = Term(atom::undefined);  // a missing table: :undefined for any valid item
  }
  if (!known) fail(Fn::Info, Cause::None, {tab, item});
  self.charge(1);
  return v;
}

Term all(Node& node) {
  std::vector<Term> ids;
  for (Table* t : Tables::of(node).all()) ids.push_back(t->tid());
  return Term::list(std::span<const Term>(ids));
}

}  // namespace otp::ets

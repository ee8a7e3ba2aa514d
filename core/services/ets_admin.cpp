// ETS tables as a whole (see ets.hpp): new, delete, rename, give_away,
// setopts and whereis (info and all: ets_info.cpp).
#include <vector>

#include "services/ets_api.hpp"

namespace otp::ets {

using namespace detail;

namespace {

bool is_bool(const Term& t) { return t.is_boolean(); }

bool protection_of(const Term& t, Protection* p) {
  if (t.is_atom(atom::public_)) *p = Protection::Public;
  else if (t.is_atom(atom::protected_)) *p = Protection::Protected;
  else if (t.is_atom(atom::private_)) *p = Protection::Private;
  else return false;
  return true;
}

bool heir_option(const Term& o, Term* heir, Term* data) {
  if (o.is_tuple() && o.tuple_size() == 2 && o[0].is_atom(atom::heir) && o[1].is_atom(atom::none)) {
    *heir = Term(atom::none);
    *data = Term();
    return true;
  }
  if (o.is_tuple() && o.tuple_size() == 3 && o[0].is_atom(atom::heir) && o[1].is_pid()) {
    *heir = o[1];
    *data = o[2];
    return true;
  }
  return false;
}

}  // namespace

Term new_table(Process& self, const Term& name, const Term& options) {
  if (!name.is_atom() || list_length(options) < 0) fail(Fn::New, Cause::None, {name, options});
  Type type = Type::Set;
  Protection protection = Protection::Protected;
  bool named = false, compressed = false;
  std::size_t keypos = 1;
  Term heir(atom::none), heir_data, rc(atom::false_), wc(atom::false_), dc(atom::false_);
  for (const Term* l = &options; l->is_cons(); l = &l->tail()) {
    const Term& o = l->head();
    bool ok = true;
    if (o.is_atom(atom::set)) type = Type::Set;
    else if (o.is_atom(atom::ordered_set)) type = Type::OrderedSet;
    else if (o.is_atom(atom::bag)) type = Type::Bag;
    else if (o.is_atom(atom::duplicate_bag)) type = Type::DuplicateBag;
    else if (o.is_atom(atom::named_table)) named = true;
    else if (o.is_atom(atom::compressed)) compressed = true;
    else if (o.is_atom()) ok = protection_of(o, &protection);
    else if (heir_option(o, &heir, &heir_data)) ok = true;
    else if (!o.is_tuple() || o.tuple_size() != 2) ok = false;
    else if (o[0].is_atom(atom::keypos)) {
      ok = o[1].is_small() && o[1].small() >= 1;
      if (ok) keypos = static_cast<std::size_t>(o[1].small());
    } else if (o[0].is_atom(atom::read_concurrency) && is_bool(o[1])) rc = o[1];
    else if (o[0].is_atom(atom::write_concurrency) && (is_bool(o[1]) || o[1].is_atom(atom::auto_))) wc = o[1];
    else if (o[0].is_atom(atom::decentralized_counters) && is_bool(o[1])) dc = o[1];
    else ok = false;
    if (!ok) fail(Fn::New, Cause::None, {name, options});
  }
  Table* t = Tables::of(self.node()).create(self.self(), type, keypos, name, named);
  if (!t) fail(Fn::New, Cause::AlreadyExists, {name, options});
  t->protection = protection;
  t->heir = heir;
  t->heir_data = heir_data;
  t->read_concurrency = rc;
  t->write_concurrency = wc;
  t->decentralized_counters = dc;
  t->compressed = compressed;
  self.charge(1);
  return t->tid();
}

Term delete_(Process& self, const Term& tab) {
  Cause cause;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (!t) fail(Fn::Other, cause, {tab});
  charge_objects(self, t->store.size());
  Tables::of(self.node()).destroy(t);
  return true_();
}

Term rename(Process& self, const Term& tab, const Term& name) {
  Cause cause = Cause::None;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (!t || !name.is_atom() || !Tables::of(self.node()).rename(t, name)) fail(Fn::Rename, cause, {tab, name});
  return t->tid();
}

Term give_away(Process& self, const Term& tab, const Term& pid, const Term& gift) {
  Cause cause = Cause::None;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (t && pid.is_pid()) {
    if (!(t->owner == self.self())) cause = Cause::NotOwner;
    else if (pid.pid() == self.self()) cause = Cause::Owner;
    else if (self.node().alive(pid.pid())) {
      Tables::of(self.node()).transfer(t, pid.pid(), gift);
      return true_();
    }
  }
  fail(Fn::GiveAway, cause, {tab, pid, gift});
}

Term setopts(Process& self, const Term& tab, const Term& options) {
  Cause cause = Cause::None;
  Table* t = resolve(self, tab, Need::Write, &cause);
  if (!t || !(t->owner == self.self())) fail(Fn::Setopts, cause, {tab, options});
  std::vector<Term> opts;
  if (options.is_list()) {
    if (list_length(options) < 0) fail(Fn::Setopts, Cause::None, {tab, options});
    opts = list_to_vector(options);
  } else {
    opts.push_back(options);
  }
  Term heir = t->heir, data = t->heir_data;
  Protection protection = t->protection;
  bool saw_heir = false, saw_protection = false;
  for (const Term& o : opts) {
    bool ok;
    if (o.is_tuple() && o.tuple_size() == 2 && o[0].is_atom(atom::protection)) {
      ok = !saw_protection && protection_of(o[1], &protection);
      saw_protection = true;
    } else {
      ok = !saw_heir && heir_option(o, &heir, &data);
      saw_heir = true;
    }
    if (!ok) fail(Fn::Setopts, Cause::None, {tab, options});
  }
  t->heir = heir;
  t->heir_data = data;
  t->protection = protection;
  return true_();
}

Term whereis(Process& self, const Term& name) {
  if (!name.is_atom()) fail(Fn::Whereis, Cause::None, {name});
  Cause cause;
  Table* t = resolve(self, name, Need::Info, &cause);
  return t ? Term(t->ref) : Term(atom::undefined);
}

}  // namespace otp::ets

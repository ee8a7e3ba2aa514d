// The ETS tables of a node (see ets_tables.hpp): identifiers, creation and
// deletion, transfer of ownership, and the exit hook that drops a dead
// owner's tables or hands them to their heirs.
#include "services/ets_tables.hpp"

#include <algorithm>

namespace otp::ets::detail {

Tables::Tables(Node& node) : node_(node) {
  node_.add_exit_hook([this](Pid pid) { owner_exited(pid); });
}

Table* Tables::find(const Term& tab, Cause* cause) const {
  if (tab.is_atom()) {
    auto it = by_name_.find(tab.atom().id);
    if (it != by_name_.end()) return it->second;
    *cause = Cause::Id;
    return nullptr;
  }
  if (tab.is_ref()) {
    uint64_t id = tab.ref().id;
    if (!(id & kTableRefBit)) {
      *cause = Cause::Type;
      return nullptr;
    }
    auto it = by_ref_.find(id);
    if (it != by_ref_.end()) return it->second.get();
    *cause = Cause::Id;
    return nullptr;
  }
  *cause = Cause::Type;
  return nullptr;
}

Table* Tables::create(Pid owner, Type type, std::size_t keypos, const Term& name, bool named) {
  if (named && by_name_.count(name.atom().id)) return nullptr;
  auto table = std::make_unique<Table>(type, keypos);
  Table* t = table.get();
  t->ref = Ref{kTableRefBit | ++counter_};
  t->name = name;
  t->named = named;
  t->owner = owner;
  by_ref_.emplace(t->ref.id, std::move(table));
  if (named) by_name_.emplace(name.atom().id, t);
  node_.watch_exit(owner);
  return t;
}

void Tables::destroy(Table* t) {
  forget_cache();
  if (t->named) by_name_.erase(t->name.atom().id);
  by_ref_.erase(t->ref.id);  // frees t
}

bool Tables::rename(Table* t, const Term& name) {
  if (t->named) {
    if (by_name_.count(name.atom().id)) return false;
    by_name_.erase(t->name.atom().id);
    by_name_.emplace(name.atom().id, t);
    forget_cache();
  }
  t->name = name;
  return true;
}

void Tables::transfer(Table* t, Pid to, const Term& data) {
  Pid from = t->owner;
  t->owner = to;
  node_.watch_exit(to);
  node_.send(to, Term::tuple({Term(atom::ets_transfer), t->tid(), Term(from), data}));
}

std::vector<Table*> Tables::all() const {
  std::vector<Table*> out;
  out.reserve(by_ref_.size());
  for (const auto& [id, t] : by_ref_) out.push_back(t.get());
  std::sort(out.begin(), out.end(), [](const Table* a, const Table* b) { return a->ref.id < b->ref.id; });
  return out;
}

// The exit hook: `pid` is no longer alive, its links and monitors have not
// fired yet. Its tables go to their heirs or away.
void Tables::owner_exited(Pid pid) {
  std::vector<Table*> owned;
  for (const auto& [id, t] : by_ref_)
    if (t->owner == pid) owned.push_back(t.get());
  std::sort(owned.begin(), owned.end(), [](const Table* a, const Table* b) { return a->ref.id < b->ref.id; });
  for (Table* t : owned) {
    if (t->heir.is_pid() && !(t->heir.pid() == pid) && node_.alive(t->heir.pid()))
      transfer(t, t->heir.pid(), t->heir_data);
    else
      destroy(t);
  }
}

}  // namespace otp::ets::detail

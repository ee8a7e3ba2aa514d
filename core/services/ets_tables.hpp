// The ETS tables of one node (Node::service<Tables>()): each table's
// storage with its ownership and access rules, the table identifiers, and
// what happens to a table when its owner dies.
//
// Identifiers: every table has a reference of its own (info :id); a named
// table is also known by its name, which ets:new returns for it (otherwise
// it returns the reference). Table references have bit 59 set, so a
// reference that never named a table is told apart from one of a deleted
// table ("not a valid table identifier" vs "does not refer to an existing
// ETS table"), as BEAM's magic references are.
//
// Access (checked against the calling process on every call): public tables
// are open to all; protected ones are read by all and written by the owner
// only; private ones are the owner's alone. info/1,2 needs no access.
//
// Ownership: a table dies with its owner (a Node exit hook, which runs
// before the owner's links and monitors fire) unless its heir is alive and
// is not the owner itself: the heir then becomes the owner and receives
// {:"ETS-TRANSFER", tid, old_owner, heir_data}; the heir setting stays.
// When the node goes, its tables go with it (this service dies with it).
#pragma once
#include <cstdint>
#include <memory>
#include <unordered_map>
#include <vector>

#include "runtime/node.hpp"
#include "services/ets_errors.hpp"
#include "services/ets_store.hpp"

namespace otp::ets::detail {

enum class Protection : uint8_t { Public, Protected, Private };
enum class Need : uint8_t { Info, Read, Write };

inline constexpr uint64_t kTableRefBit = uint64_t{1} << 59;

struct Table {
  Table(Type type, std::size_t keypos) : store(type, keypos) {}
  Store store;
  Ref ref{0};
  Term name;  // an atom
  bool named = false;
  Protection protection = Protection::Protected;
  Pid owner{0, 0};
  Term heir = Term(atom::none);  // a pid or :none
  Term heir_data;
  Term read_concurrency = Term(atom::false_);
  Term write_concurrency = Term(atom::false_);  // true, false or :auto
  Term decentralized_counters = Term(atom::false_);
  bool compressed = false;

  // What the table is called in ets:all/0 and ETS-TRANSFER: its name if named.
  Term tid() const { return named ? name : Term(ref); }
};

class Tables {
 public:
  explicit Tables(Node& node);
  Tables(const Tables&) = delete;
  Tables& operator=(const Tables&) = delete;

  static Tables& of(Node& node) { return node.service<Tables>(); }

  // The table `tab` identifies, if `caller` may use it as `need` says;
  // otherwise nullptr and *cause says why (Type, Id or Access).
  Table* resolve(const Term& tab, Pid caller, Need need, Cause* cause) {
    Table* t = cached_;
    if (!t || tab.raw() != cached_word_) {
      t = find(tab, cause);
      if (!t) return nullptr;
      if (!tab.is_boxed()) {
        cached_word_ = tab.raw();
        cached_ = t;
      }
    }
    if (need != Need::Info && t->protection != Protection::Public && !(t->owner == caller) &&
        (need == Need::Write || t->protection == Protection::Private)) {
      *cause = Cause::Access;
      return nullptr;
    }
    return t;
  }

  // A new table owned by `owner`; nullptr when `named` and the name is taken.
  Table* create(Pid owner, Type type, std::size_t keypos, const Term& name, bool named);
  void destroy(Table* t);
  // rename: false when `named` and another named table has the name.
  bool rename(Table* t, const Term& name);
  // Makes `to` the owner and sends it {:"ETS-TRANSFER", tid, from, data}.
  void transfer(Table* t, Pid to, const Term& data);

  // Every table, oldest first.
  std::vector<Table*> all() const;

 private:
  Table* find(const Term& tab, Cause* cause) const;
  void owner_exited(Pid pid);
  void forget_cache() noexcept { cached_ = nullptr; }

  Node& node_;
  uint64_t counter_ = 0;
  std::unordered_map<uint64_t, std::unique_ptr<Table>> by_ref_;  // ref id -> table
  std::unordered_map<uint32_t, Table*> by_name_;                  // atom id -> named table
  // The last identifier resolved (an immediate's word) and its table.
  uint64_t cached_word_ = 0;
  Table* cached_ = nullptr;
};

}  // namespace otp::ets::detail

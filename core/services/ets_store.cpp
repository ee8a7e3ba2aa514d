// ETS storage (see ets_store.hpp): the three containers behind one interface.
#include "services/ets_store.hpp"

#include <algorithm>
#include <iterator>

#include "term/heap.hpp"

namespace otp::ets::detail {

namespace {

Term end_of_table() { return Term(atom::end_of_table); }

// Words an object takes in ETS (erts' size_object, with ETS's own figure for
// binaries), for info(tab, :memory).
std::size_t flat_words(const Term& t) {
  if (!t.is_boxed()) return 0;
  switch (t.kind()) {
    case Kind::Float: return 2;
    case Kind::Integer: {
      std::size_t bytes = t.bigint().backend().size() * sizeof(boost::multiprecision::limb_type);
      return 1 + (bytes + 7) / 8;
    }
    case Kind::Binary: return 6;
    case Kind::Fun: return 10;
    case Kind::Tuple: {
      std::size_t n = 1 + t.tuple_size();
      for (const Term& e : t.elements()) n += flat_words(e);
      return n;
    }
    case Kind::Cons: {
      std::size_t n = 0;
      const Term* l = &t;
      for (; l->is_cons(); l = &l->tail()) n += 2 + flat_words(l->head());
      return n + flat_words(*l);
    }
    case Kind::Map: {
      std::size_t n = 3 + 2 * t.map_size();
      for (const MapEntry& e : t.map_entries()) n += flat_words(e.key) + flat_words(e.value);
      return n;
    }
    default: return 0;
  }
}

}  // namespace

Store::Store(Type type, std::size_t keypos)
    : type_(type), index_(keypos - 1), ordered_(EntryLess{keypos - 1}) {}

namespace {
// [object], made with no destructible temporary alive across a call that
// may throw (Term::cons takes its arguments by value): under emscripten's
// JS exceptions such a call would go through a JS wrapper, which costs more
// than the allocation itself. Hence term/heap.hpp's cons cell directly.
Term singleton(const Term& object) {
  HeapObject* cell = new ConsObject(object, Term::empty_list());
  return TermAccess::adopt(cell);
}
}  // namespace

void Store::insert(const Term& object) {
  const Term& key = object[index_];
  switch (type_) {
    case Type::Set: {
      auto [it, added] = set_.try_emplace(key);
      it->second.object = object;
      it->second.list = singleton(object);
      size_ += added;
      return;
    }
    case Type::OrderedSet: {
      auto it = ordered_.lower_bound(key);
      if (it != ordered_.end() && compare(it->object[index_], key) == 0) {
        it->object = object;
        it->list = singleton(object);
      } else {
        ordered_.emplace_hint(it, Entry{object, singleton(object)});
        ++size_;
      }
      return;
    }
    case Type::Bag:
    case Type::DuplicateBag: {
      Bucket& b = bag_[key];
      if (type_ == Type::Bag)
        for (const Term& o : b.objects)
          if (exact_equal(o, object)) return;
      b.objects.push_back(object);
      b.list = Term();
      ++size_;
      return;
    }
  }
}

bool Store::contains(const Term& key) const {
  switch (type_) {
    case Type::Set: return set_.count(key) != 0;
    case Type::OrderedSet: return ordered_.find(key) != ordered_.end();
    default: return bag_.count(key) != 0;
  }
}

Term Store::lookup(const Term& key) const {
  switch (type_) {
    case Type::Set: {
      auto it = set_.find(key);
      return it == set_.end() ? Term::empty_list() : it->second.list;
    }
    case Type::OrderedSet: {
      auto it = ordered_.find(key);
      return it == ordered_.end() ? Term::empty_list() : it->list;
    }
    default: {
      auto it = bag_.find(key);
      if (it == bag_.end()) return Term::empty_list();
      const Bucket& b = it->second;
      if (!b.list.is_cons()) b.list = Term::list(std::span<const Term>(b.objects));
      return b.list;
    }
  }
}

const Term* Store::find(const Term& key) const {
  if (type_ == Type::Set) {
    auto it = set_.find(key);
    return it == set_.end() ? nullptr : &it->second.object;
  }
  if (type_ == Type::OrderedSet) {
    auto it = ordered_.find(key);
    return it == ordered_.end() ? nullptr : &it->object;
  }
  return nullptr;
}

void Store::replace(const Term& key, Term object) {
  if (type_ == Type::Set) {
    auto it = set_.find(key);
    if (it != set_.end()) {
      it->second.list = singleton(object);
      it->second.object = std::move(object);
    }
  } else if (type_ == Type::OrderedSet) {
    auto it = ordered_.find(key);
    if (it != ordered_.end()) {
      it->list = singleton(object);
      it->object = std::move(object);
    }
  }
}

std::size_t Store::erase(const Term& key) {
  std::size_t n = 0;
  switch (type_) {
    case Type::Set: n = set_.erase(key); break;
    case Type::OrderedSet: {
      auto it = ordered_.find(key);
      if (it != ordered_.end()) {
        ordered_.erase(it);
        n = 1;
      }
      break;
    }
    default: {
      auto it = bag_.find(key);
      if (it != bag_.end()) {
        n = it->second.objects.size();
        bag_.erase(it);
      }
    }
  }
  size_ -= n;
  return n;
}

std::size_t Store::erase_object(const Term& object) {
  const Term& key = object[index_];
  if (type_ == Type::Set || type_ == Type::OrderedSet) {
    const Term* stored = find(key);
    return stored && exact_equal(*stored, object) ? erase(key) : 0;
  }
  auto it = bag_.find(key);
  if (it == bag_.end()) return 0;
  auto& objs = it->second.objects;
  std::size_t before = objs.size();
  objs.erase(std::remove_if(objs.begin(), objs.end(), [&](const Term& o) { return exact_equal(o, object); }),
             objs.end());
  std::size_t n = before - objs.size();
  it->second.list = Term();
  if (objs.empty()) bag_.erase(it);
  size_ -= n;
  return n;
}

Term Store::take(const Term& key) {
  Term found = lookup(key);
  if (!found.is_nil_list()) erase(key);
  return found;
}

void Store::clear() {
  set_.clear();
  bag_.clear();
  ordered_.clear();
  size_ = 0;
}

Term Store::first() const {
  switch (type_) {
    case Type::Set: return set_.empty() ? end_of_table() : set_.begin()->first;
    case Type::OrderedSet: return ordered_.empty() ? end_of_table() : ordered_.begin()->object[index_];
    default: return bag_.empty() ? end_of_table() : bag_.begin()->first;
  }
}

Term Store::last() const {
  if (type_ != Type::OrderedSet) return first();
  return ordered_.empty() ? end_of_table() : std::prev(ordered_.end())->object[index_];
}

bool Store::next(const Term& key, Term* out) const {
  switch (type_) {
    case Type::Set: {
      auto it = set_.find(key);
      if (it == set_.end()) return false;
      ++it;
      *out = it == set_.end() ? end_of_table() : it->first;
      return true;
    }
    case Type::OrderedSet: {
      auto it = ordered_.upper_bound(key);
      *out = it == ordered_.end() ? end_of_table() : it->object[index_];
      return true;
    }
    default: {
      auto it = bag_.find(key);
      if (it == bag_.end()) return false;
      ++it;
      *out = it == bag_.end() ? end_of_table() : it->first;
      return true;
    }
  }
}

bool Store::prev(const Term& key, Term* out) const {
  if (type_ != Type::OrderedSet) return next(key, out);
  auto it = ordered_.lower_bound(key);
  *out = it == ordered_.begin() ? end_of_table() : std::prev(it)->object[index_];
  return true;
}

std::size_t Store::memory_words() const {
  // OTP 25's figures: an empty hash table takes 305 words and each object 4
  // more than its flat size; an ordered_set 139 and 5 per object.
  bool ordered = type_ == Type::OrderedSet;
  std::size_t words = ordered ? 139 : 305;
  std::size_t overhead = ordered ? 5 : 4;
  for_each([&](const Term& obj) {
    words += overhead + flat_words(obj);
    return true;
  });
  return words;
}

}  // namespace otp::ets::detail

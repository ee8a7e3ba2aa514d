#include "term/struct.hpp"

#include <mutex>
#include <stdexcept>
#include <unordered_map>

namespace otp {
namespace {

struct Registry {
  std::mutex mutex;
  std::unordered_map<uint32_t, std::vector<Atom>> fields;
};
Registry& registry() {
  static Registry* r = new Registry();
  return *r;
}

}  // namespace

void register_struct(Atom module, std::vector<Atom> fields_in_order) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  r.fields[module.id] = std::move(fields_in_order);
}

std::optional<std::vector<Atom>> struct_fields(Atom module) {
  Registry& r = registry();
  std::lock_guard<std::mutex> lock(r.mutex);
  auto it = r.fields.find(module.id);
  if (it == r.fields.end()) return std::nullopt;
  return it->second;
}

Term make_struct(Atom module, std::initializer_list<std::pair<Atom, Term>> values) {
  auto fields = struct_fields(module);
  if (!fields) throw std::invalid_argument("make_struct: unregistered struct " + std::string(module.name()));
  std::vector<std::pair<Term, Term>> entries;
  entries.emplace_back(Term(atom::__struct__), Term(module));
  for (Atom f : *fields) {
    Term v = f == atom::__exception__ ? Term(atom::true_) : Term();
    for (const auto& [k, val] : values)
      if (k == f) v = val;
    entries.emplace_back(Term(f), std::move(v));
  }
  return Term::map(std::move(entries));
}

}  // namespace otp

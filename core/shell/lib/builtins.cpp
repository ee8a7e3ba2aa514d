// The library table and the exception helpers (see builtins.hpp).
#include "shell/lib/builtins.hpp"

#include <algorithm>
#include <mutex>
#include <set>

#include "shell/lib/errors.hpp"
#include "term/error.hpp"
#include "term/struct.hpp"

namespace otp::shell {

// Each library file (lib/*.cpp) adds its functions here.
void add_library_modules(Library& lib);

Atom module_atom(std::string_view written) {
  if (!written.empty() && written.front() == ':') return Atom::intern(written.substr(1));
  return Atom::intern("Elixir." + std::string(written));
}

void Library::add(std::string_view module, std::string_view name, unsigned arity, BuiltinFn fn, const char* doc) {
  Atom m = module_atom(module);
  Atom n = Atom::intern(name);
  auto [it, fresh] = table_.emplace(Key{m.id, n.id, arity}, Builtin{fn, doc});
  if (!fresh) return;
  auto& list = exports_[m.id];
  list.emplace_back(n, arity);
  std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
    return a.first.name() != b.first.name() ? a.first.name() < b.first.name() : a.second < b.second;
  });
}

const Builtin* Library::find(Atom module, Atom name, unsigned arity) const {
  auto it = table_.find(Key{module.id, name.id, arity});
  return it == table_.end() ? nullptr : &it->second;
}

bool Library::has_module(Atom module) const { return exports_.count(module.id) != 0; }

bool Library::has_function(Atom module, Atom name) const {
  auto it = exports_.find(module.id);
  if (it == exports_.end()) return false;
  return std::any_of(it->second.begin(), it->second.end(), [&](const auto& e) { return e.first == name; });
}

std::vector<std::pair<Atom, unsigned>> Library::exports(Atom module) const {
  auto it = exports_.find(module.id);
  return it == exports_.end() ? std::vector<std::pair<Atom, unsigned>>{} : it->second;
}

std::vector<Atom> Library::modules() const {
  std::vector<Atom> out;
  for (const auto& [id, list] : exports_) out.push_back(Atom{id});
  std::sort(out.begin(), out.end(), [](Atom a, Atom b) { return a.name() < b.name(); });
  return out;
}

const Library& builtins() {
  static const Library lib = [] {
    Library l;
    add_library_modules(l);
    return l;
  }();
  return lib;
}

Term exception(std::string_view module, std::string message) {
  // The struct with all its fields (errors.hpp: make_exception).
  return make_exception(module_atom(module), {{Atom(atom::message), Term::binary(std::move(message))}});
}

void raise(std::string_view module, std::string message) {
  throw ErlangError(exception(module, std::move(message)));
}

void raise_argument_error(std::string message) { raise("ArgumentError", std::move(message)); }

}  // namespace otp::shell

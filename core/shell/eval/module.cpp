// Module and ModuleTable (see module.hpp).
#include "shell/eval/module.hpp"

#include <algorithm>

namespace otp::shell {

namespace {
uint64_t key(Atom fun, unsigned arity) { return (static_cast<uint64_t>(fun.id) << 8) | arity; }
}  // namespace

const Module::Function* Module::find(Atom fun, unsigned arity) const {
  auto it = functions_.find(key(fun, arity));
  return it == functions_.end() ? nullptr : &it->second;
}

Module::Function& Module::add(Atom fun, unsigned arity) {
  Function& f = functions_[key(fun, arity)];
  f.name = fun;
  f.arity = arity;
  return f;
}

const Term* Module::attribute(Atom attr) const {
  for (auto it = attributes.rbegin(); it != attributes.rend(); ++it)
    if (it->first == attr) return &it->second;
  return nullptr;
}

std::vector<std::pair<Atom, unsigned>> Module::exports() const {
  std::vector<std::pair<Atom, unsigned>> out;
  for (const auto& [k, f] : functions_)
    if (!f.priv) out.emplace_back(f.name, f.arity);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.first.name() != b.first.name() ? a.first.name() < b.first.name() : a.second < b.second;
  });
  return out;
}

bool Module::uses_behaviour(std::string_view elixir_name) const {
  for (const Term* c = &uses; c->is_cons(); c = &c->tail())
    if (c->head().is_atom() && c->head().atom().name() == elixir_name) return true;
  return false;
}

std::shared_ptr<const Module> ModuleTable::find(Atom name) const {
  auto it = modules_.find(name.id);
  return it == modules_.end() ? nullptr : it->second;
}

bool ModuleTable::define(std::shared_ptr<const Module> module) {
  auto [it, fresh] = modules_.insert_or_assign(module->name.id, module);
  return !fresh;
}

std::vector<Atom> ModuleTable::names() const {
  std::vector<Atom> out;
  for (const auto& [id, m] : modules_) out.push_back(Atom{id});
  return out;
}

ModuleTable& modules_of(otp::Node& node) { return node.service<ModuleTable>(); }

}  // namespace otp::shell

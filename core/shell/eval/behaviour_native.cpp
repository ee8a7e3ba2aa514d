// The per-node table of C++ modules callable from the shell (see
// behaviour_native.hpp): a Node service, keyed by module, name and arity.
#include "shell/eval/behaviour_native.hpp"

#include <algorithm>
#include <unordered_map>

#include "shell/lib/builtins.hpp"

namespace otp::shell {

namespace {

struct NativeModule {
  std::unordered_map<uint64_t, NativeFn> functions;  // name id << 8 | arity
  std::vector<std::pair<Atom, unsigned>> exports;
  std::shared_ptr<const GenServer> gen_server;
};

struct NativeTable {
  explicit NativeTable(otp::Node&) {}
  std::unordered_map<uint32_t, NativeModule> modules;
};

uint64_t key(Atom name, unsigned arity) { return (uint64_t{name.id} << 8) | arity; }

NativeModule* find_module(otp::Node& node, Atom module) {
  auto& mods = node.service<NativeTable>().modules;
  auto it = mods.find(module.id);
  return it == mods.end() ? nullptr : &it->second;
}

}  // namespace

void register_native(otp::Node& node, std::string_view module, std::string_view name, unsigned arity, NativeFn fn,
                     const char*) {
  NativeModule& m = node.service<NativeTable>().modules[module_atom(module).id];
  Atom n = Atom::intern(name);
  if (m.functions.insert_or_assign(key(n, arity), std::move(fn)).second) {
    m.exports.emplace_back(n, arity);
    std::sort(m.exports.begin(), m.exports.end(), [](const auto& a, const auto& b) {
      return a.first.name() != b.first.name() ? a.first.name() < b.first.name() : a.second < b.second;
    });
  }
}

void register_native_gen_server(otp::Node& node, std::shared_ptr<const GenServer> module) {
  Term name = module->module_name();
  node.service<NativeTable>().modules[name.atom().id].gen_server = std::move(module);
}

const NativeFn* find_native(otp::Node& node, Atom module, Atom name, unsigned arity) {
  NativeModule* m = find_module(node, module);
  if (!m) return nullptr;
  auto it = m->functions.find(key(name, arity));
  return it == m->functions.end() ? nullptr : &it->second;
}

std::shared_ptr<const GenServer> find_native_gen_server(otp::Node& node, Atom module) {
  NativeModule* m = find_module(node, module);
  return m ? m->gen_server : nullptr;
}

bool has_native_module(otp::Node& node, Atom module) { return find_module(node, module) != nullptr; }

std::vector<std::pair<Atom, unsigned>> native_exports(otp::Node& node, Atom module) {
  NativeModule* m = find_module(node, module);
  return m ? m->exports : std::vector<std::pair<Atom, unsigned>>{};
}

}  // namespace otp::shell

// Modules defined in the shell: `defmodule Name do def ... end end`.
//
// A Module is immutable once defined; redefining a name installs a new
// Module in the node's ModuleTable, and every fully qualified call
// (Name.fun(...), a GenServer callback, a spawn of Name.fun) looks the
// module up at call time, so running processes move to the new code at
// their next call into the module: hot code upgrade as BEAM's. Local calls
// stay in the version they run in, as on BEAM.
//
// Who calls what: the evaluator installs modules (defmodule) and looks them
// up at each call; C++ code of a process of the node (a behaviour adapter,
// an example's callbacks) may look one up with modules_of(node).find(name).
#pragma once
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "runtime/node.hpp"
#include "shell/ast.hpp"

namespace otp::shell {

class Module {
 public:
  struct Clause {
    std::span<Node* const> params;
    const Node* guard = nullptr;
    const Node* body = nullptr;
  };
  struct Function {
    Atom name{};
    unsigned arity = 0;
    bool priv = false;
    std::vector<Clause> clauses;
    // A default-argument entry (f/1 of `def f(a, b \\ 2)`): the full arity
    // and the clause whose defaults fill the missing arguments.
    unsigned full_arity = 0;
    bool has_defaults = false;
    std::size_t defaults_clause = 0;  // in the full-arity function's clauses
  };

  Atom name{};
  std::shared_ptr<Arena> arena;
  std::vector<std::pair<Atom, Term>> attributes;  // last value per name wins
  Term uses = Term::empty_list();                 // [GenServer, ...] from `use`
  // The `use` directives in order, with their evaluated options (see
  // behaviour.hpp: use_module / finish_module).
  struct Use {
    Atom module{};
    Term opts;
  };
  std::vector<Use> used;
  std::vector<std::pair<std::string, Atom>> aliases;  // alias directives in the body

  const Function* find(Atom fun, unsigned arity) const;
  Function& add(Atom fun, unsigned arity);
  const Term* attribute(Atom attr) const;
  std::vector<std::pair<Atom, unsigned>> exports() const;  // public, sorted
  bool uses_behaviour(std::string_view elixir_name) const;

 private:
  std::unordered_map<uint64_t, Function> functions_;
};

// The modules of a node (Node::service<ModuleTable>()).
class ModuleTable {
 public:
  explicit ModuleTable(otp::Node&) {}
  std::shared_ptr<const Module> find(Atom name) const;
  // Installs a new version; returns whether an older one existed.
  bool define(std::shared_ptr<const Module> module);
  std::vector<Atom> names() const;

 private:
  std::unordered_map<uint32_t, std::shared_ptr<const Module>> modules_;
};

ModuleTable& modules_of(otp::Node& node);

}  // namespace otp::shell

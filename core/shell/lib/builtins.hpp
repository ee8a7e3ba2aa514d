// The shell language's built-in functions: Elixir and Erlang functions
// written in C++ (Enum.map/2, String.upcase/1, :erlang.element/2, ...),
// looked up by module, name and arity.
//
// Who calls what: the evaluator (core/shell) resolves a remote call
// `Mod.fun(args)` to a BuiltinFn once and calls it with evaluated
// arguments; tab completion and h/1 list exports() and doc(). Each library
// file (core/shell/lib/*.cpp) defines one `void add_<area>(Library&)`
// called from builtins.cpp (explicit calls, since a static library drops
// object files that nothing references).
//
// A BuiltinFn runs inside the calling process (Process::current()), so it
// may block (GenServer.call), spend reductions (Process::consume, which may
// preempt it), and fail exactly as Elixir does: ErlangError{reason} for an
// error (raise() below builds Elixir's exception structs), ExitSignal for an
// exit, ThrownValue for a throw. Funs passed in are applied with
// apply_fun (term/fun.hpp): an interpreted fun runs the evaluator.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "term/term.hpp"

namespace otp::shell {

using BuiltinFn = Term (*)(std::span<const Term> args);

struct Builtin {
  BuiltinFn fn = nullptr;
  const char* doc = "";  // one or two lines for h/1: what it returns
};

class Library {
 public:
  // Registers Module.name/arity; `module` as Elixir writes it ("Enum",
  // "String.Chars") or an Erlang module with a leading colon (":erlang").
  void add(std::string_view module, std::string_view name, unsigned arity, BuiltinFn fn, const char* doc = "");
  const Builtin* find(Atom module, Atom name, unsigned arity) const;
  bool has_module(Atom module) const;
  bool has_function(Atom module, Atom name) const;  // any arity
  // Module.name/arity of every export of `module`, sorted by name then arity.
  std::vector<std::pair<Atom, unsigned>> exports(Atom module) const;
  std::vector<Atom> modules() const;  // sorted by name

 private:
  struct Key {
    uint32_t module, name, arity;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const noexcept {
      return (static_cast<std::size_t>(k.module) * 0x9E3779B97F4A7C15ull) ^ (k.name * 0x85EBCA6Bull) ^ k.arity;
    }
  };
  std::unordered_map<Key, Builtin, KeyHash> table_;
  std::unordered_map<uint32_t, std::vector<std::pair<Atom, unsigned>>> exports_;
};

// The one library, built on first use (thread-safe static).
const Library& builtins();

// The module atom for a name as written: "Enum" -> :"Elixir.Enum",
// ":erlang" -> :erlang.
Atom module_atom(std::string_view written);

// Elixir's exception struct %Elixir.<module>{message: message} (module as
// Elixir writes it, "ArgumentError"; registered as a struct on first use).
Term exception(std::string_view module, std::string message);
// erlang:error(exception(module, message)).
[[noreturn]] void raise(std::string_view module, std::string message);
// ArgumentError, the common case.
[[noreturn]] void raise_argument_error(std::string message);

}  // namespace otp::shell

// The shell language's evaluator: walks the syntax tree (shell/ast.hpp)
// inside the calling process, with Elixir's semantics.
//
// Who calls what: the IEx session evaluates each complete input with
// Interp::eval_top over the session's bindings; interpreted funs and
// modules (fun.hpp, module.hpp) call back into Interp for their bodies.
//
// Representation:
//  - Env: the variables in scope, innermost last, so a clause's bindings are
//    dropped by resetting to a mark (case/fn/receive clauses do not leak).
//    Funs capture the bindings visible where they are made (by value, as
//    Elixir's closures).
//  - Errors are Erlang reasons thrown as ErlangError ({:badmatch, v},
//    {:case_clause, v}, :function_clause, ...), so `catch :error, r` sees
//    what BEAM gives; `rescue` and the session print them as Elixir's
//    exceptions (normalize()).
//  - Tail calls: a call in tail position to an interpreted function or fun
//    does not recurse in C++; it is handed back to the calling function's
//    loop, so `def loop(), do: loop()` runs forever in constant stack.
//  - Every call spends a reduction, so interpreted loops are preempted.
#pragma once
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "runtime/process.hpp"
#include "shell/ast.hpp"

namespace otp::shell {

class Module;
class InterpretedFun;

struct Binding {
  Atom name{};
  Term value;
};

class Env {
 public:
  const Term* find(Atom name) const noexcept {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it)
      if (it->name == name) return &it->value;
    return nullptr;
  }
  void bind(Atom name, Term value) { vars_.push_back(Binding{name, std::move(value)}); }
  std::size_t mark() const noexcept { return vars_.size(); }
  void reset(std::size_t m) { vars_.resize(m); }
  // The latest value of each name, in the order names were first bound.
  std::vector<Binding> visible() const;
  const std::vector<Binding>& all() const noexcept { return vars_; }

 private:
  std::vector<Binding> vars_;
};

// A pending tail call: the callee and its arguments.
struct TailCall {
  std::shared_ptr<const Module> module;  // named function: its module
  Atom name{};
  const InterpretedFun* ifun = nullptr;  // or an interpreted fun
  Term fun;                                    // keeps ifun alive (may be empty when the caller does)
  std::vector<Term> args;
  bool active = false;
};

class Interp {
 public:
  Interp(Env& env, std::shared_ptr<const Module> module, std::shared_ptr<Arena> arena);
  // Aliases in effect (the session's; a module's are its own).
  void set_aliases(std::vector<std::pair<std::string, Atom>>* aliases) noexcept { aliases_ = aliases; }

  // Evaluates a node; `tail` marks tail position (see TailCall).
  Term eval(const Node* n, bool tail = false);
  // A clause body, a Block or a single expression.
  Term eval_body(const Node* n, bool tail = false);
  // Matches `value` against pattern `pat`, binding its variables.
  bool match(const Node* pat, const Term& value);
  // Evaluates a guard (errors in a guard mean false, as in Elixir).
  bool guard(const Node* g);

  // The tail call left by eval(..., true), if any (then eval returned nil).
  TailCall& tail_call() noexcept { return tail_; }

  Env& env() noexcept { return env_; }
  const std::shared_ptr<const Module>& module() const noexcept { return module_; }
  const std::shared_ptr<Arena>& arena() const noexcept { return arena_; }

  // Calls a function value (interpreted or native) with args, running
  // interpreted tail calls to completion.
  static Term apply(const Term& fun, std::vector<Term> args);
  // Calls Module.name(args) (interpreted or built-in), to completion.
  static Term call_remote(Atom module, Atom name, std::vector<Term> args);
  // Runs a tail call (and the ones it leaves) to completion.
  static Term run(TailCall call);

 private:
  Term eval_call(const Node* n, bool tail);
  Term eval_local_call(const Node* n, bool tail);
  Term eval_remote_call(const Node* n, bool tail);
  Term eval_anon_call(const Node* n, bool tail);
  Term eval_binary(const Node* n, bool tail);
  Term eval_unary(const Node* n);
  Term eval_capture(const Node* n);
  Term eval_fn(const Node* n);
  Term eval_case(const Node* subject_node, const Node* clauses, bool tail);
  Term eval_cond(const Node* call, bool tail);
  Term eval_if(const Node* call, bool negate, bool tail);
  Term eval_receive(const Node* call, bool tail);
  Term eval_try(const Node* call, bool tail);
  Term eval_with(const Node* call, bool tail);
  Term eval_for(const Node* call);
  Term eval_defmodule(const Node* call);
  Term eval_interp(const Node* n);
  Term eval_map(const Node* n);
  Term eval_map_update(const Node* n);
  Term eval_list(const Node* n);
  Term eval_sigil(const Node* n);
  bool match_node(const Node* p, const Term& v);
  Term call_special(const Node* n, bool tail, bool* handled);
  void eval_directive(const Node* n);
  Term resolve_alias(const Node* n);
  Term eval_module_expr(const Node* e);
  std::vector<Term> eval_args(std::span<Node* const> args);
  // Runs clauses (a Stab or Section body) against values; false if none matched.
  bool run_clauses(const Node* clauses, std::span<const Term> values, bool tail, Term* out);
  Term tail_or_call(std::shared_ptr<const Module> module, Atom name, Term fun, std::vector<Term> args, bool tail);

  Env& env_;
  std::shared_ptr<const Module> module_;
  std::shared_ptr<Arena> arena_;
  TailCall tail_;
  std::optional<Term> pipe_;
  std::vector<std::pair<std::string, Atom>>* aliases_ = nullptr;  // alias Foo.Bar: "Bar" -> Foo.Bar
  Module* defining_ = nullptr;  // inside defmodule's body  // the left side of |>, prepended to the next call's arguments
  std::size_t match_mark_ = 0;  // where the current pattern's bindings start
};

// Elixir truthiness.
inline bool truthy(const Term& t) noexcept { return !t.is_atom(atom::nil) && !t.is_atom(atom::false_); }

// Exception.normalize(:error, reason): an Elixir exception struct for an
// Erlang error reason ({:badmatch, v} -> %MatchError{term: v}, ...).
Term normalize_error(const Term& reason);
// Exception.message/1 of a normalised exception.
std::string error_message(const Term& exception_struct);
// Module names as Elixir writes them (Foo.Bar, :erlang).
std::string module_text_of(Atom module);
// The message of `raise Module` with no message.
std::string default_message(Atom exception);

}  // namespace otp::shell

// Funs written in the shell (`fn x -> x end`, `&(&1 + 1)`): the clauses,
// the bindings captured where the fun was made, and what keeps the syntax
// tree alive. They print as Elixir prints shell funs:
// #Function<N.M/arity in :erl_eval.expr/6>.
#pragma once
#include <memory>
#include <vector>

#include "shell/eval/interp.hpp"
#include "term/fun.hpp"

namespace otp::shell {

class InterpretedFun final : public FunObject {
 public:
  InterpretedFun(const Node* fn, std::vector<Binding> captured, std::shared_ptr<const Module> module,
                 std::shared_ptr<Arena> arena, uint32_t arity);

  // Applies the fun to completion (FunObject's entry, used by built-ins).
  Term call(std::span<const Term> args) const override;
  // One step: runs the matching clause with `interp`-style tail handling;
  // returns the result, or leaves a tail call in *tail.
  Term step(std::span<const Term> args, TailCall* tail) const;
  // The line of its `fn` (or capture) in the input that made it.
  uint32_t line() const noexcept { return fn_->line; }

 private:
  const Node* fn_;  // the Fn node (its kids are Clauses)
  std::vector<Binding> captured_;
  std::shared_ptr<const Module> module_;
  std::shared_ptr<Arena> arena_;
};

// The InterpretedFun behind a fun term, or null for other funs.
const InterpretedFun* as_interpreted(const Term& fun) noexcept;

}  // namespace otp::shell

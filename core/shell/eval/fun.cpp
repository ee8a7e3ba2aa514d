// Interpreted funs (see fun.hpp).
#include "shell/eval/fun.hpp"

#include <atomic>

#include "shell/eval/module.hpp"
#include "shell/lib/errors.hpp"

namespace otp::shell {

namespace {
uint32_t next_index() {
  static std::atomic<uint32_t> n{40};
  return n++;
}
}  // namespace

InterpretedFun::InterpretedFun(const Node* fn, std::vector<Binding> captured, std::shared_ptr<const Module> module,
                               std::shared_ptr<Arena> arena, uint32_t arity)
    : FunObject(Atom::intern("erl_eval"), "expr/6", arity, false, next_index(), 3316493),
      fn_(fn), captured_(std::move(captured)), module_(std::move(module)), arena_(std::move(arena)) {}

Term InterpretedFun::call(std::span<const Term> args) const {
  TailCall t;
  t.ifun = this;  // the caller's term keeps it alive
  t.args.assign(args.begin(), args.end());
  t.active = true;
  return Interp::run(std::move(t));
}

Term InterpretedFun::step(std::span<const Term> args, TailCall* tail) const {
  Env env;
  for (const Binding& b : captured_) env.bind(b.name, b.value);
  Interp in(env, module_, arena_);
  const std::size_t base = env.mark();
  if (fn_->kind != NodeKind::Fn) {  // a capture &(...): &1..&N are the arguments
    for (std::size_t i = 0; i < args.size(); ++i) env.bind(Atom::intern("&" + std::to_string(i + 1)), args[i]);
    Term r = in.eval(fn_, true);
    *tail = std::move(in.tail_call());
    return r;
  }
  for (const Node* clause : fn_->children()) {
    env.reset(base);
    auto params = clause->patterns();
    if (params.size() != args.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; ok && i < params.size(); ++i) ok = in.match(params[i], args[i]);
    if (!ok || !in.guard(clause->guard())) continue;
    Term r = in.eval_body(clause->body(), true);
    *tail = std::move(in.tail_call());
    return r;
  }
  std::vector<Term> given(args.begin(), args.end());
  raise_function_clause(":erl_eval", "-inside-an-interpreted-fun-", std::move(given));
}

const InterpretedFun* as_interpreted(const Term& fun) noexcept {
  if (!fun.is_fun()) return nullptr;
  return dynamic_cast<const InterpretedFun*>(&fun.fun());
}

}  // namespace otp::shell

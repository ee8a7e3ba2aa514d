// Calls: local (module functions, Kernel, special forms), remote
// (interpreted modules, then built-ins), anonymous, captures, and the
// trampoline that runs tail calls (see interp.hpp).
#include <algorithm>

#include "shell/eval/behaviour_native.hpp"
#include "shell/eval/fun.hpp"
#include "shell/eval/interp.hpp"
#include "shell/eval/module.hpp"
#include "shell/eval/raise.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

namespace otp::shell {

namespace {

const Atom& kernel() {
  static const Atom k = Atom::intern("Elixir.Kernel");
  return k;
}
const Atom& iex_helpers() {
  static const Atom k = Atom::intern("Elixir.IEx.Helpers");
  return k;
}

std::string module_text(Atom m) {
  std::string_view n = m.name();
  if (n.rfind("Elixir.", 0) == 0) return std::string(n.substr(7));
  return ":" + std::string(n);
}

// Calls a built-in; an error leaving it without a stack trace gets the
// built-in's frame ({String, :upcase, 2, []}), as BEAM's would have.
Term call_builtin(const Builtin* b, Atom module, Atom name, std::span<const Term> args) {
  try {
    return b->fn(args);
  } catch (ErlangError& e) {
    // Erlang's BIFs report their arguments ({:ets, :insert, [t, o], []}).
    if (e.stacktrace.is_nil_list() || !e.stacktrace.is_list()) {
      Term arity = module.name().rfind("Elixir.", 0) == 0 ? Term::integer(static_cast<int64_t>(args.size()))
                                                           : Term::list(args);
      e.stacktrace = Term::list(std::vector<Term>{Term::tuple({Term(module), Term(name), arity, Term::empty_list()})});
    }
    throw;
  }
}

// %UndefinedFunctionError{module, function, arity}: its message (and IEx's
// "Did you mean") is computed from the module's exports (lib/errors.hpp).
[[noreturn]] void raise_undefined(Atom module, Atom name, std::size_t arity, bool module_exists) {
  (void)module_exists;
  raise_undefined_function(module, name, arity);
}

// Fills the missing arguments of a default-argument entry.
std::vector<Term> with_defaults(const Module::Clause& c, std::vector<Term> given, Interp& in) {
  const auto& params = c.params;
  std::size_t with_default = 0;
  for (const Node* p : params) with_default += (p->kind == NodeKind::BinaryOp && p->op == Op::Default);
  const std::size_t required = params.size() - with_default;
  std::size_t from_args = given.size() - required;  // defaults given explicitly, from the left
  std::vector<Term> out;
  std::size_t next = 0;
  for (const Node* p : params) {
    bool has_default = p->kind == NodeKind::BinaryOp && p->op == Op::Default;
    if (has_default && from_args == 0) {
      out.push_back(in.eval(p->kid(1)));
      continue;
    }
    if (has_default) --from_args;
    out.push_back(std::move(given[next++]));
  }
  return out;
}

// One step of a named interpreted function: the matching clause's body.
Term step_named(const std::shared_ptr<const Module>& m, Atom name, std::vector<Term>& args, TailCall* tail) {
  const Module::Function* f = m->find(name, static_cast<unsigned>(args.size()));
  if (!f) raise_undefined(m->name, name, args.size(), true);
  Env env;
  Interp in(env, m, m->arena);
  if (f->has_defaults) {
    const Module::Function* full = m->find(name, f->full_arity);
    args = with_defaults(full->clauses[f->defaults_clause], std::move(args), in);
    f = full;
  }
  for (const Module::Clause& c : f->clauses) {
    env.reset(0);
    bool ok = true;
    for (std::size_t i = 0; ok && i < c.params.size(); ++i) {
      const Node* p = c.params[i];
      if (p->kind == NodeKind::BinaryOp && p->op == Op::Default) p = p->kid(0);
      ok = in.match(p, args[i]);
    }
    if (!ok || !in.guard(c.guard)) continue;
    Term r = in.eval_body(c.body, true);
    *tail = std::move(in.tail_call());
    return r;
  }
  raise_function_clause(module_text(m->name), name.name(), args);
}

}  // namespace

namespace {

// BEAM keeps the 8 innermost frames (the default backtrace_depth).
constexpr std::size_t kStackDepth = 8;

// Adds the frame of `call` (the function an error is leaving) to the
// error's stack trace: {Mod, :fun, arity, [file: 'iex', line: L]} for a
// module function; shell funs are erl_eval's, as on BEAM.
void add_frame(ErlangError& e, const TailCall& call) {
  std::size_t depth = 0;
  std::vector<Term> frames;
  for (const Term* c = &e.stacktrace; c->is_cons(); c = &c->tail(), ++depth) frames.push_back(c->head());
  if (!e.stacktrace.is_list() || depth >= kStackDepth) return;
  static const Term file_key = Term::atom("file"), line_key = Term::atom("line"), erl_eval = Term::atom("erl_eval"),
                    inside = Term::atom("-inside-an-interpreted-fun-");
  const Term iex_file = Term::list(std::vector<Term>{Term::integer('i'), Term::integer('e'), Term::integer('x')});
  uint32_t line = 0;
  Term frame;
  const std::size_t arity = call.args.size();
  auto location = [&] {
    return Term::list(std::vector<Term>{Term::tuple({file_key, iex_file}),
                                        Term::tuple({line_key, Term::integer(static_cast<int64_t>(line))})});
  };
  if (call.ifun) {
    line = call.ifun->line();
    frame = Term::tuple({erl_eval, inside, Term::integer(static_cast<int64_t>(arity)), location()});
  } else if (call.module) {
    if (const Module::Function* f = call.module->find(call.name, static_cast<unsigned>(arity));
        f && !f->clauses.empty() && f->clauses.front().body)
      line = f->clauses.front().body->line;
    frame = Term::tuple({Term(call.module->name), Term(call.name), Term::integer(static_cast<int64_t>(arity)), location()});
  } else {
    return;
  }
  frames.push_back(std::move(frame));
  e.stacktrace = Term::list(std::span<const Term>(frames));
}

}  // namespace

Term Interp::run(TailCall call) {
  Process* self = Process::current();
  for (;;) {
    if (self) self->consume(1);
    TailCall next;
    Term r;
    try {
      r = call.ifun ? call.ifun->step(call.args, &next) : step_named(call.module, call.name, call.args, &next);
    } catch (ErlangError& e) {
      add_frame(e, call);
      throw;
    }
    if (!next.active) return r;
    call = std::move(next);
  }
}

Term Interp::tail_or_call(std::shared_ptr<const Module> module, Atom name, Term fun, std::vector<Term> args, bool tail) {
  TailCall t;
  t.module = std::move(module);
  t.name = name;
  t.ifun = as_interpreted(fun);
  t.fun = std::move(fun);
  t.args = std::move(args);
  t.active = true;
  if (tail) {
    tail_ = std::move(t);
    return Term(atom::nil);
  }
  return run(std::move(t));
}

Term Interp::apply(const Term& fun, std::vector<Term> args) {
  if (const InterpretedFun* f = as_interpreted(fun)) {
    if (f->arity() != args.size()) return apply_fun(fun, args);  // badarity, as BEAM reports it
    TailCall t;
    t.ifun = f;
    t.fun = fun;
    t.args = std::move(args);
    t.active = true;
    return run(std::move(t));
  }
  return apply_fun(fun, args);
}

Term Interp::call_remote(Atom module, Atom name, std::vector<Term> args) {
  Process* self = Process::current();
  if (self) {
    if (auto m = modules_of(self->node()).find(module)) {
      const Module::Function* f = m->find(name, static_cast<unsigned>(args.size()));
      if (!f || f->priv) raise_undefined(module, name, args.size(), true);
      TailCall t;
      t.module = std::move(m);
      t.name = name;
      t.args = std::move(args);
      t.active = true;
      return run(std::move(t));
    }
  }
  const Library& lib = builtins();
  if (const Builtin* b = lib.find(module, name, static_cast<unsigned>(args.size()))) {
    if (self) self->consume(1);
    return call_builtin(b, module, name, args);
  }
  if (self)  // C++ modules registered for the shell (behaviour_native.hpp)
    if (const NativeFn* fn = find_native(self->node(), module, name, static_cast<unsigned>(args.size()))) {
      self->consume(1);
      return (*fn)(*self, args);
    }
  raise_undefined(module, name, args.size(), lib.has_module(module) || (self && has_native_module(self->node(), module)));
}

Term Interp::eval_local_call(const Node* n, bool tail) {
  bool handled = false;
  Term r = call_special(n, tail, &handled);
  if (handled) return r;
  Atom name = n->name;
  // A bare name (a Var node: `self`, `foo`) is a call without arguments.
  const std::span<Node* const> call_args = n->kind == NodeKind::LocalCall ? n->args() : std::span<Node* const>{};
  const std::size_t arity = call_args.size() + (pipe_ ? 1 : 0);
  if (module_) {
    if (const Module::Function* f = module_->find(name, static_cast<unsigned>(arity))) {
      (void)f;
      return tail_or_call(module_, name, Term(), eval_args(call_args), tail);
    }
  }
  const Library& lib = builtins();
  if (const Builtin* b = lib.find(kernel(), name, static_cast<unsigned>(arity))) {
    std::vector<Term> args = eval_args(call_args);
    if (Process* self = Process::current()) self->consume(1);
    return call_builtin(b, kernel(), name, args);
  }
  if (const Builtin* b = lib.find(iex_helpers(), name, static_cast<unsigned>(arity))) {
    std::vector<Term> args = eval_args(call_args);
    return b->fn(args);
  }
  if (n->kind == NodeKind::Var) {
    raise_compile_error(n, "undefined function " + std::string(name.name()) + "/0 (there is no such import)");
  }
  raise_compile_error(n, "undefined function " + std::string(name.name()) + "/" + std::to_string(arity) +
                             " (there is no such import)");
}

Term Interp::eval_remote_call(const Node* n, bool tail) {
  const Node* target = n->target();
  Term t = eval(target);
  if (!t.is_atom()) {
    // map.field: {:badkey, field, term} (KeyError); term.fun(): apply's badarg
    if (n->has(kNoParens) && n->args().empty() && !pipe_) {
      if (t.is_map())
        if (const Term* v = t.map_get(Term(n->name))) return *v;
      throw ErlangError(Term::tuple({Term::atom("badkey"), Term(n->name), t}));
    }
    std::vector<Term> args = eval_args(n->args());
    ErlangError e{Term(atom::badarg)};
    e.stacktrace = Term::list({Term::tuple({Term::atom("erlang"), Term::atom("apply"),
                                            Term::list({t, Term(n->name), Term::list(std::span<const Term>(args))}),
                                            Term::empty_list()})});
    throw e;
  }
  Atom module = t.atom();
  std::vector<Term> args = eval_args(n->args());
  if (Process* self = Process::current()) {
    if (auto m = modules_of(self->node()).find(module)) {
      const Module::Function* f = m->find(n->name, static_cast<unsigned>(args.size()));
      if (!f || f->priv) raise_undefined(module, n->name, args.size(), true);
      return tail_or_call(std::move(m), n->name, Term(), std::move(args), tail);
    }
  }
  return call_remote(module, n->name, std::move(args));
}

Term Interp::eval_anon_call(const Node* n, bool tail) {
  Term f = eval(n->target());
  std::vector<Term> args = eval_args(n->args());
  if (const InterpretedFun* ifun = as_interpreted(f); ifun && ifun->arity() == args.size())
    return tail_or_call(nullptr, Atom{}, std::move(f), std::move(args), tail);
  if (Process* self = Process::current()) self->consume(1);
  return apply_fun(f, args);
}

Term Interp::eval_fn(const Node* n) {
  uint32_t arity = n->count ? static_cast<uint32_t>(n->kid(0)->patterns().size()) : 0;
  return Term::fun(new InterpretedFun(n, env_.all(), module_, arena_, arity));
}

namespace {
// The largest &N in a capture's body.
uint32_t capture_arity(const Node* n) {
  if (!n) return 0;
  uint32_t best = 0;
  if (n->kind == NodeKind::CaptureArg && n->value.is_small()) best = static_cast<uint32_t>(n->value.small());
  if (n->kind == NodeKind::UnaryOp && n->op == Op::Capture) return 0;  // nested capture: its own
  for (const Node* k : n->children()) best = std::max(best, capture_arity(k));
  best = std::max(best, capture_arity(n->x));
  if (n->kind == NodeKind::Clause) best = std::max(best, capture_arity(n->y));
  return best;
}

class ExternalFun final : public FunObject {
 public:
  ExternalFun(Atom module, Atom name, uint32_t arity)
      : FunObject(module, std::string(name.name()), arity, true), name_(name) {}
  Term call(std::span<const Term> args) const override {
    return Interp::call_remote(module(), name_, std::vector<Term>(args.begin(), args.end()));
  }
  bool same_as(const FunObject& o) const noexcept override {
    auto* e = dynamic_cast<const ExternalFun*>(&o);
    return e && e->module() == module() && e->name_ == name_ && e->arity() == arity();
  }

 private:
  Atom name_;
};
}  // namespace

// Elixir 1.14's text for a capture it cannot make.
static std::string capture_error(const std::string& got) {
  return "invalid args for &, expected one of:\n\n"
         "  * &Mod.fun/arity to capture a remote function, such as &Enum.map/2\n"
         "  * &fun/arity to capture a local or imported function, such as &is_atom/1\n"
         "  * &some_code(&1, ...) containing at least one argument as &1, such as &List.flatten(&1)\n\nGot: " + got;
}

Term Interp::eval_capture(const Node* n) {
  if (n->kind == NodeKind::CaptureFn) {
    uint32_t arity = static_cast<uint32_t>(n->value.small());
    if (n->count > 0) {
      Term m = eval(n->kid(0));
      if (!m.is_atom()) raise_compile_error(n, capture_error(to_source(n->kid(0)) + "." + std::string(n->name.name()) + "/" + std::to_string(arity)));
      return Term::fun(new ExternalFun(m.atom(), n->name, arity));
    }
    Atom mod = module_ ? module_->name : kernel();
    if (!module_ && !builtins().find(kernel(), n->name, arity))
      raise_compile_error(n, "undefined function " + std::string(n->name.name()) + "/" + std::to_string(arity) + " (there is no such import)");
    return Term::fun(new ExternalFun(mod, n->name, arity));
  }
  const Node* body = n->kid(0);
  uint32_t arity = capture_arity(body);
  if (arity == 0) raise_compile_error(n, capture_error(to_source(body)));
  return Term::fun(new InterpretedFun(body, env_.all(), module_, arena_, arity));
}

}  // namespace otp::shell

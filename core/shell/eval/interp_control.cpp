// Special forms and Kernel macros: case, cond, if/unless, receive, raise,
// throw, exit, self, send, spawn*, binding (try, with and for are in
// interp_try.cpp; defmodule in interp_module.cpp).
#include <unordered_set>
#include "runtime/exit.hpp"
#include "runtime/node.hpp"
#include "shell/eval/fun.hpp"
#include "shell/eval/interp.hpp"
#include "shell/eval/interp_data.hpp"
#include "shell/eval/raise.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "term/error.hpp"

namespace otp::shell {

namespace {

bool named(const Node* n, std::string_view name) { return n->name.name() == name; }

Process& current(const Node* at) {
  Process* p = Process::current();
  if (!p) raise_not_supported(at, "this call outside a process");
  return *p;
}

const Node* section(const Node* call, const char* name) { return block_section(call, Atom::intern(name)); }

Term spawn_fun(const Node* at, const Term& fun, bool link, bool monitor) {
  Process& self = current(at);
  if (!fun.is_fun() || fun.fun().arity() != 0) throw ErlangError(Term(atom::badarg));
  SpawnOptions o;
  o.link = link;
  o.monitor = monitor;
  Spawned s = self.spawn([fun](Process&) { Interp::apply(fun, {}); }, o);
  if (monitor) return Term::tuple({Term(s.pid), Term(*s.monitor)});
  return Term(s.pid);
}

}  // namespace

bool Interp::run_clauses(const Node* clauses, std::span<const Term> values, bool tail, Term* out) {
  if (!clauses) return false;
  std::span<Node* const> list;
  Node* single[1];
  if (clauses->kind == NodeKind::Stab) {
    list = clauses->children();
  } else if (clauses->kind == NodeKind::Clause) {
    single[0] = const_cast<Node*>(clauses);
    list = std::span<Node* const>(single, 1);
  } else {
    raise_compile_error(clauses, "expected -> clauses");
  }
  const std::size_t base = env_.mark();
  for (const Node* c : list) {
    auto pats = c->patterns();
    if (pats.size() != values.size()) continue;
    bool ok = true;
    for (std::size_t i = 0; ok && i < pats.size(); ++i) ok = match(pats[i], values[i]);
    if (ok && guard(c->guard())) {
      *out = eval_body(c->body(), tail);
      if (!tail_.active) env_.reset(base);  // clause bindings do not leak
      else env_.reset(base);
      return true;
    }
    env_.reset(base);
  }
  return false;
}

Term Interp::eval_case(const Node* subject_node, const Node* clauses, bool tail) {
  Term subject = eval(subject_node);
  Term out;
  if (run_clauses(clauses, std::span<const Term>(&subject, 1), tail, &out)) return out;
  throw ErlangError(Term::tuple({Term(atom::case_clause), subject}));
}

Term Interp::eval_cond(const Node* call, bool tail) {
  const Node* body = section(call, "do");
  if (!body || body->kind != NodeKind::Stab) raise_compile_error(call, "expected -> clauses for :do in \"cond\"");
  for (const Node* c : body->children()) {
    if (c->patterns().size() != 1) raise_compile_error(c, "expected one condition in cond");
    if (truthy(eval(c->patterns()[0]))) return eval_body(c->body(), tail);
  }
  raise("CondClauseError", "no cond clause evaluated to a truthy value");
}

Term Interp::eval_if(const Node* call, bool negate, bool tail) {
  auto args = call->args();
  if (args.empty()) raise_compile_error(call, "invalid or duplicate keys for if, only \"do\" and an optional \"else\" are permitted");
  bool c = truthy(eval(args[0]));
  if (negate) c = !c;
  const Node* branch = section(call, c ? "do" : "else");
  return branch ? eval_body(branch, tail) : Term(atom::nil);
}

Term Interp::eval_receive(const Node* call, bool tail) {
  Process& self = current(call);
  const Node* clauses = section(call, "do");
  const Node* after = section(call, "after");
  Timeout timeout = Timeout::infinity();
  const Node* after_body = nullptr;
  if (after) {
    const Node* c = after->kind == NodeKind::Stab && after->count == 1 ? after->kid(0) : after;
    if (c->kind != NodeKind::Clause || c->patterns().size() != 1)
      raise_compile_error(after, "expected a single -> clause for :after in \"receive\"");
    Term t = eval(c->patterns()[0]);
    if (t.is_atom(atom::infinity)) {
      timeout = Timeout::infinity();
    } else if (t.is_small() && t.small() >= 0) {
      timeout = Timeout{t.small()};
    } else {
      throw ErlangError(Term(atom::timeout_value));
    }
    after_body = c->body();
  }
  const std::size_t base = env_.mark();
  const Node* chosen = nullptr;
  std::span<Node* const> list;
  if (clauses && clauses->kind == NodeKind::Stab) list = clauses->children();
  std::optional<Term> got = self.receive(
      [&](const Term& m) {
        for (const Node* c : list) {
          env_.reset(base);
          if (c->patterns().size() == 1 && match(c->patterns()[0], m) && guard(c->guard())) {
            chosen = c;
            return true;
          }
        }
        env_.reset(base);
        return false;
      },
      timeout);
  if (!got) return after_body ? eval_body(after_body, tail) : Term(atom::nil);
  Term r = eval_body(chosen->body(), tail);
  env_.reset(base);
  return r;
}

Term Interp::call_special(const Node* n, bool tail, bool* handled) {
  *handled = true;
  // A bare name (a Var node: `self`) is a call without arguments.
  const std::span<Node* const> args = n->kind == NodeKind::LocalCall ? n->args() : std::span<Node* const>{};
  const std::size_t arity = args.size() + (pipe_ ? 1 : 0);
  // Most local calls are not special forms (fib calling fib): one lookup
  // answers them instead of the comparisons below.
  static const std::unordered_set<uint32_t> specials = [] {
    std::unordered_set<uint32_t> s;
    for (const char* w : {"alias", "apply", "binding", "case", "cond", "def", "defmacro", "defmodule", "defp",
                          "defstruct", "exit", "for", "get_and_update_in", "if", "import", "pop_in", "put_in", "quote",
                          "raise", "receive", "require", "reraise", "self", "send", "spawn", "spawn_link",
                          "spawn_monitor", "throw", "try", "unless", "unquote", "update_in", "with"})
      s.insert(Atom::intern(w).id);
    return s;
  }();
  if (!specials.count(n->name.id)) {
    *handled = false;
    return Term();
  }
  std::string_view name = n->name.name();
  if (pipe_ && (name == "case" || name == "if" || name == "unless")) {
    // `x |> case do ... end`: the piped value is the subject
    Term subject = std::move(*pipe_);
    pipe_.reset();
    if (name == "case") {
      Term out;
      if (run_clauses(section(n, "do"), std::span<const Term>(&subject, 1), tail, &out)) return out;
      throw ErlangError(Term::tuple({Term(atom::case_clause), subject}));
    }
    bool c = truthy(subject) != (name == "unless");
    const Node* branch = section(n, c ? "do" : "else");
    return branch ? eval_body(branch, tail) : Term(atom::nil);
  }
  if ((name == "case" || name == "if" || name == "unless") && args.size() == 1 && !n->x && !pipe_)
    raise_compile_error(n, "undefined function " + std::string(name) + "/1 (there is no such import)");
  if (name == "case" && args.size() >= 1) return eval_case(args[0], section(n, "do"), tail);
  if (name == "cond") return eval_cond(n, tail);
  if (name == "if") return eval_if(n, false, tail);
  if (name == "unless") return eval_if(n, true, tail);
  if (name == "receive") return eval_receive(n, tail);
  if (name == "try") return eval_try(n, tail);
  if (name == "with") return eval_with(n, tail);
  if (name == "for") return eval_for(n);
  if (name == "defmodule") return eval_defmodule(n);
  if (name == "def" || name == "defp")
    raise("ArgumentError", "cannot invoke " + std::string(name) + "/2 outside module");
  if (name == "self" && arity == 0) return Term(current(n).self());
  if (name == "throw" && arity == 1) throw ThrownValue{eval_args(args)[0]};
  if (name == "exit" && arity == 1) throw ExitSignal{eval_args(args)[0]};
  if ((name == "raise" && (arity == 1 || arity == 2)) || (name == "reraise" && (arity == 2 || arity == 3))) {
    if (arity == (name == "raise" ? 2u : 3u) && !args.empty() && args[0]->kind == NodeKind::Literal && !args[0]->value.is_atom())
      raise_compile_error(n, "invalid call " + to_source(args[0]) + ".exception(" + to_source(args[1]) + ")");
    std::vector<Term> a = eval_args(args);
    ErlangError e{raised_exception(a[0], arity == (name == "raise" ? 2u : 3u) ? &a[1] : nullptr)};
    if (name == "reraise") e.stacktrace = a.back();
    throw e;
  }
  if (name == "send" && arity == 2) {
    std::vector<Term> a = eval_args(args);
    Process& self = current(n);
    const Term& dest = a[0];
    bool valid = dest.is_pid() || (dest.is_atom() && self.node().whereis(dest)) ||
                 (dest.is_tuple() && dest.tuple_size() == 2 && dest[0].is_atom() && dest[1].is_atom());
    if (!valid) {
      // erlang:send/2's badarg with OTP 25's error_info text.
      ErlangError e{Term(atom::badarg), Term::map({{Term::integer(1), Term::binary("invalid destination")}})};
      e.stacktrace = Term::list({Term::tuple({Term::atom("erlang"), Term::atom("send"), Term::list({a[0], a[1]}), Term::empty_list()})});
      throw e;
    }
    // Kernel.send/2 of the library (otp_proc_more.cpp) delivers it.
    static const Builtin* kernel_send = builtins().find(Atom::intern("Elixir.Kernel"), Atom::intern("send"), 2);
    return kernel_send->fn(a);
  }
  if (!pipe_ && (((name == "put_in" || name == "update_in" || name == "get_and_update_in") && arity == 2) ||
                 (name == "pop_in" && arity == 1)))
    return eval_access_path(*this, n, name);
  if ((name == "spawn" || name == "spawn_link" || name == "spawn_monitor") && arity == 1) {
    Term f = eval_args(args)[0];
    return spawn_fun(n, f, name == "spawn_link", name == "spawn_monitor");
  }
  if ((name == "spawn" || name == "spawn_link") && arity == 3) {
    std::vector<Term> a = eval_args(args);
    if (!a[0].is_atom() || !a[1].is_atom() || !a[2].is_list()) throw ErlangError(Term(atom::badarg));
    Atom m = a[0].atom(), f = a[1].atom();
    std::vector<Term> call_args;
    for (const Term* c = &a[2]; c->is_cons(); c = &c->tail()) call_args.push_back(c->head());
    SpawnOptions o;
    o.link = name == "spawn_link";
    o.initial_call = Term::tuple({a[0], a[1], Term::integer(static_cast<int64_t>(call_args.size()))});
    Spawned s = current(n).spawn([m, f, call_args](Process&) { Interp::call_remote(m, f, call_args); }, o);
    return Term(s.pid);
  }
  if (name == "binding" && arity == 0) {
    std::vector<Term> kv;
    for (const Binding& b : env_.visible())
      if (b.name.name() != "__STACKTRACE__") kv.push_back(Term::tuple({Term(b.name), b.value}));
    return Term::list(std::span<const Term>(kv));
  }
  if (name == "apply" && (arity == 2 || arity == 3)) {
    std::vector<Term> a = eval_args(args);
    std::vector<Term> call_args;
    const Term& list = a.back();
    const Term* c = &list;
    for (; c->is_cons(); c = &c->tail()) call_args.push_back(c->head());
    if (!c->is_nil_list()) throw ErlangError(Term(atom::badarg));
    if (arity == 2) return apply(a[0], std::move(call_args));
    if (!a[0].is_atom() || !a[1].is_atom()) throw ErlangError(Term(atom::badarg));
    return call_remote(a[0].atom(), a[1].atom(), std::move(call_args));
  }
  if (name == "alias" || name == "import" || name == "require") {
    eval_directive(n);
    return Term(atom::ok);
  }
  if (name == "quote" || name == "unquote" || name == "defmacro" || name == "defstruct")
    raise_not_supported(n, std::string(name));
  *handled = false;
  (void)named;
  return Term();
}

}  // namespace otp::shell

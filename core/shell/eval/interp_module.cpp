// defmodule: runs the module body, collecting def/defp clauses, attributes,
// `use` (behaviour_use.cpp adds what a use defines) and aliases, and
// installs the module in the node's ModuleTable (replacing an older
// version: hot code upgrade).
#include "shell/eval/behaviour.hpp"
#include "shell/eval/interp.hpp"
#include "shell/eval/module.hpp"
#include "shell/eval/raise.hpp"
#include "shell/lib/builtins.hpp"
#include "term/error.hpp"

namespace otp::shell {

namespace {

// def head forms: f(x, y) / f / f(x) when guard
void split_head(const Node* head, const Node** call, const Node** guard) {
  *guard = nullptr;
  if (head->kind == NodeKind::BinaryOp && head->op == Op::When) {
    *guard = head->kid(1);
    head = head->kid(0);
  }
  *call = head;
}

Term beam_like_binary(Atom module) {
  // What IEx shows as the compiled module's bytes; here a small
  // self-describing chunk, since shell modules are not compiled to BEAM.
  std::string bytes = "FOR1";
  bytes += std::string("\0\0\0\0", 4);
  bytes += "BEAMOTPP";
  bytes += module.name();
  return Term::binary(bytes);
}

}  // namespace

std::string module_text_of(Atom m) {
  std::string_view n = m.name();
  if (n.rfind("Elixir.", 0) == 0) return std::string(n.substr(7));
  return ":" + std::string(n);
}

std::string default_message(Atom exception) {
  std::string_view n = exception.name();
  if (n == "Elixir.ArgumentError") return "argument error";
  if (n == "Elixir.RuntimeError") return "runtime error";
  if (n == "Elixir.ArithmeticError") return "bad argument in arithmetic expression";
  return "got " + module_text_of(exception) + " with message nil";
}

void Interp::eval_directive(const Node* n) {
  auto args = n->args();
  if (n->name.name() != "alias" || args.empty() || !aliases_) return;
  Term full = eval(args[0]);
  if (!full.is_atom()) raise_compile_error(n, "invalid argument for alias, expected a compile time atom or alias, got: " + inspect(full));
  std::string_view name = full.atom().name();
  std::string as(name.substr(name.rfind('.') + 1));
  if (args.size() > 1) {
    const Node* opts = args[1];
    for (const Node* pair : opts->children())
      if (pair->kind == NodeKind::Tuple && pair->count == 2 && pair->kid(0)->value.is_atom() &&
          pair->kid(0)->value.atom().name() == "as") {
        Term a = eval(pair->kid(1));
        if (a.is_atom()) {
          std::string_view an = a.atom().name();
          as = std::string(an.rfind("Elixir.", 0) == 0 ? an.substr(7) : an);
        }
      }
  }
  aliases_->push_back({std::move(as), full.atom()});
}

Term Interp::resolve_alias(const Node* n) {
  Atom full = n->value.atom();
  if (!aliases_ || aliases_->empty()) return n->value;
  std::string_view name = full.name();
  if (name.rfind("Elixir.", 0) != 0) return n->value;
  std::string_view rest = name.substr(7);
  std::string_view first = rest.substr(0, rest.find('.'));
  for (auto it = aliases_->rbegin(); it != aliases_->rend(); ++it)
    if (it->first == first) {
      std::string out(it->second.name());
      out += rest.substr(first.size());
      return Term::atom(out);
    }
  return n->value;
}

Term Interp::eval_defmodule(const Node* call) {
  auto args = call->args();
  if (args.empty()) raise_compile_error(call, "undefined function defmodule/0");
  Term name = eval(args[0]);
  if (!name.is_atom()) raise_compile_error(call, "invalid module name: " + inspect(name));
  const Node* body = block_section(call, Atom::intern("do"));
  Process* self = Process::current();
  if (!self) raise_not_supported(call, "defmodule outside a process");

  auto mod = std::make_shared<Module>();
  mod->name = name.atom();
  mod->arena = arena_;
  mod->aliases = aliases_ ? *aliases_ : std::vector<std::pair<std::string, Atom>>{};
  // A nested module's short name is an alias inside its parent.
  Env env;
  Interp in(env, nullptr, arena_);
  in.aliases_ = &mod->aliases;
  in.defining_ = mod.get();
  Term last(atom::nil);
  std::span<Node* const> exprs;
  Node* one[1];
  if (body && body->kind == NodeKind::Block) {
    exprs = body->children();
  } else if (body) {
    one[0] = const_cast<Node*>(body);
    exprs = std::span<Node* const>(one, 1);
  }
  for (const Node* e : exprs) last = in.eval_module_expr(e);
  finish_module(*mod, call);
  behaviour::install_start_resolver(self->node());
  if (modules_of(self->node()).define(mod))  // IEx's compiler warning, on standard error
    self->node().log("warning: redefining module " + module_text_of(mod->name) +
                     " (current version defined in memory)\n  iex:" + std::to_string(call->line) + "\n\n");
  return Term::tuple({Term(atom::module), name, beam_like_binary(mod->name), last});
}

Term Interp::eval_module_expr(const Node* e) {
  Module& mod = *defining_;
  if (e->kind == NodeKind::LocalCall && (e->name.name() == "def" || e->name.name() == "defp")) {
    auto args = e->args();
    if (args.empty()) raise_compile_error(e, "missing function head");
    const Node *head, *guard_node;
    split_head(args[0], &head, &guard_node);
    if (head->kind != NodeKind::LocalCall && head->kind != NodeKind::Var)
      raise_compile_error(e, "invalid syntax in def " + to_source(head));
    const Node* fbody = block_section(e, Atom::intern("do"));
    std::span<Node* const> params = head->kind == NodeKind::LocalCall ? head->args() : std::span<Node* const>{};
    const unsigned arity = static_cast<unsigned>(params.size());
    Module::Function& f = mod.add(head->name, arity);
    f.priv = e->name.name() == "defp";
    f.clauses.push_back(Module::Clause{params, guard_node, fbody});
    unsigned defaults = 0;
    for (const Node* p : params) defaults += (p->kind == NodeKind::BinaryOp && p->op == Op::Default);
    for (unsigned k = 1; k <= defaults; ++k) {
      Module::Function& g = mod.add(head->name, arity - k);
      g.priv = f.priv;
      g.full_arity = arity;
      g.has_defaults = true;
      g.defaults_clause = f.clauses.size() - 1;
    }
    return Term::tuple({Term(head->name), Term::integer(arity)});
  }
  if (e->kind == NodeKind::Attr) {
    if (e->count == 0) return mod.attribute(e->name) ? *mod.attribute(e->name) : Term(atom::nil);
    Term v = eval(e->kid(0));
    mod.attributes.emplace_back(e->name, v);
    return Term(atom::ok);
  }
  if (e->kind == NodeKind::LocalCall && e->name.name() == "use" && !e->args().empty()) {
    Term used = eval(e->args()[0]);
    Term opts = e->args().size() > 1 ? eval(e->args()[1]) : Term::empty_list();
    use_module(mod, used, opts, e);
    return Term(atom::ok);
  }
  module_ = nullptr;
  return eval(e);
}

}  // namespace otp::shell

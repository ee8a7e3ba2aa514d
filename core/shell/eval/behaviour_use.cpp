// `use GenServer` (and Supervisor, DynamicSupervisor, Agent, Task,
// GenStage) inside defmodule, as Elixir 1.14's __using__ macros expand:
//
//   every use     def child_spec(arg): %{id: __MODULE__, start: {__MODULE__,
//                 :start_link, [arg]}} (+ type: :supervisor for supervisors,
//                 restart: :temporary for Task) with the use's options
//                 applied by Supervisor.child_spec/2, at call time;
//   use GenServer handle_call/3, handle_cast/2 (raise "attempted to call
//                 GenServer ... but no handle_call/3 clause was provided"),
//                 handle_info/2 (logs "... received unexpected message in
//                 handle_info/2: ..."), terminate/2 (:ok), code_change/3
//                 ({:ok, state}), and init/1 ({:ok, arg}) with Elixir's
//                 warning when the module has none.
//
// A default is added only when the body does not define that name/arity
// (defoverridable: the user's clauses replace it whole). The defaults are
// syntax trees built here, in the module's arena, whose bodies call the
// hidden built-ins of :otp_shell_use below (the module name and options
// are literals in the tree), so they are ordinary functions of the module:
// exported, callable as Counter.child_spec(1), redefined with the module.
#include "shell/eval/behaviour.hpp"
#include "shell/eval/interp.hpp"
#include "shell/eval/module.hpp"
#include "shell/eval/raise.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"

namespace otp::shell {

namespace {

Term A(const char* s) { return Term::atom(s); }

const char* kKnown[] = {"GenServer", "Supervisor", "DynamicSupervisor", "Agent", "Task", "GenStage"};

// Syntax-tree builders (line = the defmodule's, for error positions).
struct Builder {
  Arena& ar;
  uint32_t line;
  Node* lit(Term v) {
    Node* n = ar.node(NodeKind::Literal, line, 1);
    ar.set_value(n, std::move(v));
    return n;
  }
  Node* var(const char* name) {
    Node* n = ar.node(NodeKind::Var, line, 1);
    n->name = Atom::intern(name);
    return n;
  }
  Node** array(std::initializer_list<Node*> kids) {
    Node** a = ar.array(kids.size());
    std::size_t i = 0;
    for (Node* k : kids) a[i++] = k;
    return a;
  }
  Node* tuple(std::initializer_list<Node*> kids) {
    Node* n = ar.node(NodeKind::Tuple, line, 1);
    n->kids = array(kids);
    n->count = static_cast<uint32_t>(kids.size());
    return n;
  }
  // :otp_shell_use.fun(args...)
  Node* hidden(const char* fun, std::initializer_list<Node*> args) {
    Node* n = ar.node(NodeKind::RemoteCall, line, 1);
    n->name = Atom::intern(fun);
    n->kids = ar.array(args.size() + 1);
    n->kids[0] = lit(A("otp_shell_use"));
    std::size_t i = 1;
    for (Node* k : args) n->kids[i++] = k;
    n->count = static_cast<uint32_t>(args.size() + 1);
    return n;
  }
};

// def name(params...), do: body; unless the module defines name/arity.
void define(Module& mod, Builder& b, const char* name, std::initializer_list<const char*> params, Node* body) {
  Atom fun = Atom::intern(name);
  const unsigned arity = static_cast<unsigned>(params.size());
  if (mod.find(fun, arity)) return;
  Node** ps = b.ar.array(params.size());
  std::size_t i = 0;
  for (const char* p : params) ps[i++] = b.var(p);
  Module::Function& f = mod.add(fun, arity);
  f.clauses.push_back(Module::Clause{std::span<Node* const>(ps, params.size()), nullptr, body});
}

std::string init_warning(Atom module, uint32_t line) {
  std::string m = module_text_of(module);
  return "warning: function init/1 required by behaviour GenServer is not implemented (in module " + m +
         ").\n\nWe will inject a default implementation for now:\n\n    def init(init_arg) do\n"
         "      {:ok, init_arg}\n    end\n\nYou can copy the implementation above or define your own that "
         "converts the arguments given to GenServer.start_link/3 to the server state.\n\n  iex:" +
         std::to_string(line) + ": " + m + " (module)\n\n";
}

}  // namespace

void use_module(Module& mod, const Term& used, const Term& opts, const Node* at) {
  if (!used.is_atom())
    raise_compile_error(at, "invalid arguments for use, expected a compile time atom or alias, got: " + inspect(used));
  Atom m = used.atom();
  bool known = false;
  for (const char* k : kKnown) known = known || m == module_atom(k);
  if (!known) {
    Process* p = Process::current();
    bool loaded = (p && modules_of(p->node()).find(m)) || builtins().has_module(m);
    if (!loaded) raise_compile_error(at, "module " + module_text_of(m) + " is not loaded and could not be found");
    raise("UndefinedFunctionError", "function " + module_text_of(m) + ".__using__/1 is undefined or private");
  }
  mod.uses = Term::cons(used, mod.uses);
  mod.used.push_back(Module::Use{m, opts});
}

void finish_module(Module& mod, const Node* at) {
  if (mod.used.empty()) return;
  Builder b{*mod.arena, at ? at->line : 1};
  Term self(mod.name);
  for (const Module::Use& u : mod.used) {
    define(mod, b, "child_spec", {"init_arg"},
           b.hidden("child_spec", {b.lit(Term(u.module)), b.lit(self), b.var("init_arg"), b.lit(u.opts)}));
    if (u.module != module_atom("GenServer")) continue;
    define(mod, b, "handle_call", {"msg", "_from", "state"}, b.hidden("handle_call", {b.var("msg"), b.var("state")}));
    define(mod, b, "handle_cast", {"msg", "state"}, b.hidden("handle_cast", {b.var("msg"), b.var("state")}));
    define(mod, b, "handle_info", {"msg", "state"},
           b.hidden("handle_info", {b.lit(self), b.var("msg"), b.var("state")}));
    define(mod, b, "terminate", {"_reason", "_state"}, b.lit(Term(atom::ok)));
    define(mod, b, "code_change", {"_old", "state", "_extra"}, b.tuple({b.lit(Term(atom::ok)), b.var("state")}));
    if (!mod.find(Atom::intern("init"), 1)) {
      if (Process* p = Process::current()) p->node().log(init_warning(mod.name, b.line));
      define(mod, b, "init", {"init_arg"}, b.tuple({b.lit(Term(atom::ok)), b.var("init_arg")}));
    }
  }
}

namespace lib {

namespace {

using Args = std::span<const Term>;

// The name Elixir's defaults print: the registered name, or self().
std::string proc_name() {
  Process& me = behaviour::self();
  Term reg = me.node().process_info(Term(me.self()), A("registered_name"));
  bool named = reg.is_tuple() && reg.tuple_size() == 2 && reg[1].is_atom();
  return inspect(named ? reg[1] : Term(me.self()));
}

Term child_spec(Args a) {
  Atom kind = a[0].atom();
  std::vector<std::pair<Term, Term>> kv{
      {A("id"), a[1]}, {A("start"), Term::tuple({a[1], A("start_link"), Term::list({a[2]})})}};
  if (kind == module_atom("Supervisor") || kind == module_atom("DynamicSupervisor"))
    kv.emplace_back(A("type"), A("supervisor"));
  if (kind == module_atom("Task")) kv.emplace_back(A("restart"), A("temporary"));
  return behaviour::child_spec(Term::map(std::move(kv)), a[3]);
}

}  // namespace

void add_behaviour_use(Library& lib) {
  const char* U = ":otp_shell_use";
  lib.add(U, "child_spec", 4, child_spec, "The child_spec/1 that `use` defines (internal).");
  lib.add(U, "handle_call", 2, [](Args) -> Term {
    raise("RuntimeError", "attempted to call GenServer " + proc_name() + " but no handle_call/3 clause was provided");
  }, "`use GenServer`'s handle_call/3 (internal).");
  lib.add(U, "handle_cast", 2, [](Args) -> Term {
    raise("RuntimeError", "attempted to cast GenServer " + proc_name() + " but no handle_cast/2 clause was provided");
  }, "`use GenServer`'s handle_cast/2 (internal).");
  lib.add(U, "handle_info", 3, [](Args a) {
    behaviour::log(behaviour::self().node(), "error",
                   module_text_of(a[0].atom()) + " " + proc_name() +
                       " received unexpected message in handle_info/2: " + inspect(a[1]) + "\n");
    return Term::tuple({Term(atom::noreply), a[2]});
  }, "`use GenServer`'s handle_info/2 (internal).");
}

}  // namespace lib
}  // namespace otp::shell

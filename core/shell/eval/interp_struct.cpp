// Struct literals (see interp_data.hpp): `%RuntimeError{message: "x"}`,
// `%{s | k: v}`'s struct form `%Name{s | k: v}`, and the name part of
// struct patterns. A struct is a map with :__struct__; its fields and
// defaults come from Name.__struct__/0 (every built-in exception has one,
// see lib/exception_structs.cpp) or, for structs only registered with
// term/struct.hpp (Range, Task, ...), from the registered fields with nil.
#include "runtime/process.hpp"
#include "shell/eval/interp_data.hpp"
#include "shell/eval/module.hpp"
#include "shell/eval/raise.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "term/error.hpp"
#include "term/struct.hpp"

namespace otp::shell {

namespace {

bool exports_struct(Atom module) {
  static const Atom fn = Atom::intern("__struct__");
  if (Process* p = Process::current())
    if (auto m = modules_of(p->node()).find(module)) return m->find(fn, 0) != nullptr;
  return builtins().find(module, fn, 0) != nullptr;
}

Term defaults(const Node* at, Atom module) {
  if (exports_struct(module)) return Interp::call_remote(module, Atom::intern("__struct__"), {});
  if (struct_fields(module)) return make_struct(module, {});
  std::string name = module_text_of(module);
  raise_compile_error(at, name + ".__struct__/1 is undefined, cannot expand struct " + name +
                              ". Make sure the struct name is correct. If the struct name exists and is correct but "
                              "it still cannot be found, you likely have cyclic module usage in your code");
}

Atom struct_name(Interp& in, const Node* name) {
  Term m = in.eval(name);
  if (!m.is_atom())
    raise_compile_error(name, "expected struct name to be a compile time atom or alias, got: " + to_source(name));
  return m.atom();
}

}  // namespace

Term build_struct(Interp& in, const Node* n) {
  Atom module = struct_name(in, n->kid(0));
  const Node* body = n->kid(1);
  if (body->kind == NodeKind::MapUpdate) {
    Term fields = defaults(n, module);  // the struct must exist; its keys are known
    for (uint32_t i = 1; i + 1 < body->count; i += 2) {
      const Node* k = body->kid(i);
      if (k->kind == NodeKind::Literal && !fields.map_get(k->value))
        raise_compile_error(n, "unknown key " + inspect(k->value) + " for struct " + module_text_of(module));
    }
    Term base = in.eval(body->kid(0));
    const Term* m = base.is_map() ? base.map_get(Term(atom::__struct__)) : nullptr;
    if (!m || !(*m == Term(module)))
      throw ErlangError(make_exception(Atom::intern("Elixir.BadStructError"),
                                       {{Atom::intern("struct"), Term(module)}, {Atom::intern("term"), base}}));
    for (uint32_t i = 1; i + 1 < body->count; i += 2) {
      Term k = in.eval(body->kid(i));
      Term v = in.eval(body->kid(i + 1));
      if (!base.map_get(k)) raise_key_error(k, base);
      base = base.map_put(std::move(k), std::move(v));
    }
    return base;
  }
  Term s = defaults(n, module);
  for (uint32_t i = 0; i + 1 < body->count; i += 2) {
    Term k = in.eval(body->kid(i));
    Term v = in.eval(body->kid(i + 1));
    if (k.is_atom(atom::__struct__) || !s.map_get(k)) raise_key_error(k, Term());
    s = s.map_put(std::move(k), std::move(v));
  }
  return s;
}

std::optional<Term> struct_pattern_module(Interp& in, const Node* name) {
  if (name->kind == NodeKind::Var && name->name.name() != "__MODULE__") return std::nullopt;
  if (name->kind == NodeKind::UnaryOp && name->op == Op::Pin) return in.eval(name->kid(0));
  return Term(struct_name(in, name));
}

}  // namespace otp::shell

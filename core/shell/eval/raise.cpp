// The evaluator's errors (see raise.hpp).
#include "shell/eval/raise.hpp"

#include <mutex>

#include "term/error.hpp"
#include "term/struct.hpp"
#include "shell/lib/builtins.hpp"

namespace otp::shell {

void raise_compile_error(const Node* at, std::string description) {
  static const Atom mod = [] {
    Atom m = Atom::intern("Elixir.CompileError");
    if (!struct_fields(m))
      register_struct(m, {Atom::intern("file"), Atom::intern("line"), Atom(atom::__exception__), Atom::intern("description")});
    return m;
  }();
  throw ErlangError(Term::map({{Term(atom::__struct__), Term(mod)},
                               {Term(atom::__exception__), Term(atom::true_)},
                               {Term::atom("file"), Term::binary("iex")},
                               {Term::atom("line"), Term::integer(at ? at->line : 0)},
                               {Term::atom("description"), Term::binary(description)}}));
}

void raise_not_supported(const Node*, std::string what) {
  raise("RuntimeError", what + " is not supported in this shell");
}

void raise_bad_boolean(std::string_view op, const Term& value) {
  raise("BadBooleanError",
        "expected a boolean on left-side of \"" + std::string(op) + "\", got: " + inspect(value));
}

std::string to_source(const Node* n) {
  if (!n) return "";
  switch (n->kind) {
    case NodeKind::Var: return std::string(n->name.name());
    case NodeKind::Literal: return inspect(n->value);
    case NodeKind::Alias: return n->value.is_atom() ? inspect(n->value) : "alias";
    case NodeKind::LocalCall: {
      std::string s(n->name.name());
      s += "(";
      for (std::size_t i = 0; i < n->args().size(); ++i) s += (i ? ", " : "") + to_source(n->args()[i]);
      return s + ")";
    }
    case NodeKind::RemoteCall: {
      std::string s = to_source(n->target()) + "." + std::string(n->name.name());
      if (n->has(kNoParens) && n->args().empty()) return s;
      s += "(";
      for (std::size_t i = 0; i < n->args().size(); ++i) s += (i ? ", " : "") + to_source(n->args()[i]);
      return s + ")";
    }
    case NodeKind::BinaryOp:
      return to_source(n->kid(0)) + " " + std::string(op_text(n->op)) + " " + to_source(n->kid(1));
    case NodeKind::UnaryOp: return std::string(op_text(n->op)) + to_source(n->kid(0));
    default: return node_kind_name(n->kind);
  }
}

}  // namespace otp::shell

// The evaluator's errors (see raise.hpp).
#include "shell/eval/raise.hpp"

#include "term/error.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"

namespace otp::shell {

void raise_compile_error(const Node* at, std::string description) {
  throw CompileFailure(make_exception(Atom::intern("Elixir.CompileError"),
                                   {{Atom::intern("file"), Term::binary("iex")},
                                    {Atom::intern("line"), Term::integer(at ? at->line : 0)},
                                    {Atom::intern("description"), Term::binary(description)}}));
}

void raise_not_supported(const Node*, std::string what) {
  raise("RuntimeError", what + " is not supported in this shell");
}

void raise_bad_boolean(std::string_view op, const Term& value) {
  throw ErlangError(make_exception(Atom::intern("Elixir.BadBooleanError"),
                                   {{Atom::intern("term"), value}, {Atom::intern("operator"), Term::atom(op)}}));
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
    case NodeKind::List:
    case NodeKind::Tuple: {
      std::string s = n->kind == NodeKind::List ? "[" : "{";
      for (std::size_t i = 0; i < n->count; ++i) s += (i ? ", " : "") + to_source(n->kid(i));
      if (n->kind == NodeKind::List && n->x) s += " | " + to_source(n->x);
      return s + (n->kind == NodeKind::List ? "]" : "}");
    }
    case NodeKind::Access: return to_source(n->kid(0)) + "[" + to_source(n->kid(1)) + "]";
    case NodeKind::AnonCall: {
      std::string s = to_source(n->target()) + ".(";
      for (std::size_t i = 0; i < n->args().size(); ++i) s += (i ? ", " : "") + to_source(n->args()[i]);
      return s + ")";
    }
    default: return node_kind_name(n->kind);
  }
}

}  // namespace otp::shell

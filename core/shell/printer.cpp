// Syntax tree -> Elixir source (see printer.hpp).
#include "shell/printer.hpp"

#include "term/inspect_text.hpp"

namespace otp::shell {

namespace {

class Printer {
 public:
  explicit Printer(const PrintOptions& o) : opts_(o) {}
  std::string out;

  void expr(const Node* n, int indent);
  void block_body(const Node* body, int indent);  // the lines of a do/else body

 private:
  void line(int indent) {
    out += '\n';
    out.append(static_cast<size_t>(indent) * 2, ' ');
  }
  void list(std::span<Node* const> items, int indent, bool kw_tail_bare = false);
  void operand(const Node* n, int parent_prec, bool right, int indent);
  void call_args(const Node* call, std::span<Node* const> args, int indent);
  void clause(const Node* c, int indent);
  void parts(const Node* n, char delim, int indent);
  void name(Atom a) { out += a.name(); }
  const PrintOptions& opts_;
};

int node_prec(const Node* n) {
  if (n->kind == NodeKind::BinaryOp) return n->op == Op::RangeStep ? op_precedence(Op::Range) : op_precedence(n->op);
  if (n->kind == NodeKind::UnaryOp || n->kind == NodeKind::CaptureFn) return unary_precedence(n->op);
  return 1000;
}

bool is_pair(const Node* n) { return n->kind == NodeKind::Tuple && n->has(kKwPair); }

void Printer::operand(const Node* n, int parent_prec, bool right, int indent) {
  int p = node_prec(n);
  bool assoc_right = n->kind == NodeKind::BinaryOp && op_right_assoc(n->op);
  bool wrap = !opts_.explicit_parens && (p < parent_prec || (p == parent_prec && right != assoc_right && p != 1000));
  if (wrap) out += '(';
  expr(n, indent);
  if (wrap) out += ')';
}

void Printer::list(std::span<Node* const> items, int indent, bool) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    const Node* e = items[i];
    if (!e) continue;
    if (is_pair(e) && e->kid(0)->kind == NodeKind::Literal && e->kid(0)->value.is_atom()) {
      out += inspect_atom_key(e->kid(0)->value.atom());
      out += ' ';
      expr(e->kid(1), indent);
    } else if (e->kind == NodeKind::List && e->has(kKwList) && i + 1 == items.size()) {
      list(e->children(), indent);  // trailing keywords without brackets
    } else {
      expr(e, indent);
    }
  }
}

void Printer::parts(const Node* n, char delim, int indent) {
  for (const Node* p : n->children()) {
    if (p->has(kStrPart)) {
      std::string_view text = p->value.bytes();
      if (n->kind == NodeKind::Sigil) {
        out += text;
      } else {
        std::string esc = escape_text(text, delim);
        for (size_t i = 0; i < esc.size(); ++i) {  // #{ in text must not read as an interpolation
          if (esc[i] == '#' && i + 1 < esc.size() && esc[i + 1] == '{') out += '\\';
          out += esc[i];
        }
      }
    } else {
      out += "#{";
      expr(p, indent);
      out += '}';
    }
  }
}

void Printer::call_args(const Node* call, std::span<Node* const> args, int indent) {
  const Node* block = call->x;
  if (block && call->has(kNoParens)) {  // if x do ... end
    if (!args.empty()) out += ' ';
    list(args, indent);
  } else {
    out += '(';
    list(args, indent);
    out += ')';
  }
  if (!block) return;
  out += " do";
  for (const Node* s : block->children()) {
    if (s->name.name() != "do") {
      line(indent);
      name(s->name);
    }
    block_body(s->x, indent + 1);
  }
  line(indent);
  out += "end";
}

void Printer::block_body(const Node* body, int indent) {
  if (body->kind == NodeKind::Block && !body->has(kParens)) {
    for (const Node* e : body->children()) {
      line(indent);
      expr(e, indent);
    }
  } else if (body->kind == NodeKind::Stab) {
    for (const Node* c : body->children()) {
      line(indent);
      clause(c, indent);
    }
  } else {
    line(indent);
    expr(body, indent);
  }
}

void Printer::clause(const Node* c, int indent) {
  list(c->patterns(), indent);
  if (c->x) {
    out += c->count ? " when " : "when ";
    expr(c->x, indent);
  }
  out += c->count || c->x ? " ->" : "->";
  const Node* b = c->y;
  if (b->kind == NodeKind::Block && !b->has(kParens) && b->count > 1) {
    block_body(b, indent + 1);
  } else {
    out += ' ';
    expr(b, indent);
  }
}

void Printer::expr(const Node* n, int indent) {
  switch (n->kind) {
    case NodeKind::Literal:
      if (n->has(kCharLiteral) && n->value.is_small()) {
        std::string c;
        int64_t v = n->value.small();
        if (v == ' ') {
          out += "?\\s";
        } else if (v > 32 && v < 127) {
          out += '?';
          out += static_cast<char>(v);
        } else {
          out += inspect(n->value);
        }
      } else {
        out += inspect(n->value, InspectOptions{1 << 30, 1 << 30, true});
      }
      return;
    case NodeKind::Var:
      name(n->name);
      return;
    case NodeKind::Alias:
      for (size_t i = 0; i < n->count; ++i) {
        if (i) out += '.';
        const Node* s = n->kid(i);
        if (s->kind == NodeKind::Literal && s->value.is_atom()) {
          name(s->value.atom());
        } else {
          operand(s, kDotPrecedence, false, indent);
        }
      }
      return;
    case NodeKind::List:
      out += '[';
      list(n->children(), indent);
      if (n->x) {
        out += " | ";
        expr(n->x, indent);
      }
      out += ']';
      return;
    case NodeKind::Tuple:
      out += '{';
      list(n->children(), indent);
      out += '}';
      return;
    case NodeKind::Map:
    case NodeKind::MapUpdate: {
      out += "%{";
      size_t i = 0;
      if (n->kind == NodeKind::MapUpdate) {
        expr(n->kid(0), indent);
        out += " | ";
        i = 1;
      }
      for (size_t first = i; i < n->count; i += 2) {
        if (i != first) out += ", ";
        const Node* k = n->kid(i);
        const Node* v = n->kid(i + 1);
        if (v && k->kind == NodeKind::Literal && k->value.is_atom()) {
          out += inspect_atom_key(k->value.atom());
          out += ' ';
        } else {
          expr(k, indent);
          if (v) out += " => ";
        }
        if (v) expr(v, indent);
      }
      out += '}';
      return;
    }
    case NodeKind::Struct: {
      out += '%';
      expr(n->kid(0), indent);
      std::string saved = std::move(out);
      out.clear();
      expr(n->kid(1), indent);
      saved += out.substr(1);  // drop the map's '%'
      out = std::move(saved);
      return;
    }
    case NodeKind::Bitstring:
      out += "<<";
      list(n->children(), indent);
      out += ">>";
      return;
    case NodeKind::Interp:
      switch (n->interp_kind()) {
        case InterpKind::String:
          out += '"';
          parts(n, '"', indent);
          out += '"';
          return;
        case InterpKind::Charlist:
          out += '\'';
          parts(n, '\'', indent);
          out += '\'';
          return;
        case InterpKind::Atom:
          out += ":\"";
          parts(n, '"', indent);
          out += '"';
          return;
      }
      return;
    case NodeKind::Sigil: {
      out += '~';
      out += n->name.name().substr(6);
      std::string body;
      for (const Node* p : n->children())
        if (p->has(kStrPart)) body += p->value.bytes();
      char open = '(', close = ')';
      for (const char* d : {"()", "[]", "{}", "<>", "\"\"", "//", "||"})
        if (body.find(d[1]) == std::string::npos) {
          open = d[0];
          close = d[1];
          break;
        }
      out += open;
      parts(n, close, indent);
      out += close;
      for (const Term* t = &n->value; t->is_cons(); t = &t->tail()) out += static_cast<char>(t->head().small());
      return;
    }
    case NodeKind::BinaryOp: {
      if (opts_.explicit_parens) out += '(';
      const int p = node_prec(n);
      const bool right = op_right_assoc(n->op);
      if (n->op == Op::RangeStep) {
        operand(n->kid(0), p, false, indent);
        out += "..";
        operand(n->kid(1), p, true, indent);
        out += "//";
        operand(n->kid(2), p, true, indent);
      } else {
        operand(n->kid(0), p, !right ? false : false, indent);
        const bool tight = n->op == Op::Range || n->op == Op::Step;
        out += tight ? "" : " ";
        out += op_text(n->op);
        out += tight ? "" : " ";
        operand(n->kid(1), right ? p : p + 1, true, indent);
      }
      if (opts_.explicit_parens) out += ')';
      return;
    }
    case NodeKind::UnaryOp: {
      if (opts_.explicit_parens) out += '(';
      out += op_text(n->op);
      if (n->op == Op::Not) out += ' ';
      const Node* e = n->kid(0);
      bool wrap = !opts_.explicit_parens && (e->kind == NodeKind::BinaryOp || e->kind == NodeKind::UnaryOp);
      if (wrap) out += '(';
      expr(e, indent);
      if (wrap) out += ')';
      if (opts_.explicit_parens) out += ')';
      return;
    }
    case NodeKind::Attr:
      out += '@';
      name(n->name);
      if (n->count) {
        out += ' ';
        expr(n->kid(0), indent);
      }
      return;
    case NodeKind::CaptureArg:
      out += '&';
      out += inspect(n->value);
      return;
    case NodeKind::CaptureFn:
      out += '&';
      if (n->count) {
        operand(n->kid(0), kDotPrecedence, false, indent);
        out += '.';
      }
      name(n->name);
      out += '/';
      out += inspect(n->value);
      return;
    case NodeKind::LocalCall:
      name(n->name);
      if (n->has(kNoParens) && n->count == 0 && !n->x) return;  // `..`
      call_args(n, n->args(), indent);
      return;
    case NodeKind::RemoteCall:
      operand(n->kid(0), kDotPrecedence, false, indent);
      out += '.';
      name(n->name);
      if (n->has(kNoParens) && n->count == 1 && !n->x) return;
      call_args(n, n->args(), indent);
      return;
    case NodeKind::AnonCall:
      if (n->has(kNestedParens)) {
        expr(n->kid(0), indent);
      } else {
        operand(n->kid(0), kDotPrecedence, false, indent);
        out += '.';
      }
      call_args(n, n->args(), indent);
      return;
    case NodeKind::Access:
      operand(n->kid(0), kDotPrecedence, false, indent);
      out += '[';
      expr(n->kid(1), indent);
      out += ']';
      return;
    case NodeKind::Fn:
      if (n->count == 1) {
        out += "fn ";
        clause(n->kid(0), indent);
        out += " end";
        return;
      }
      out += "fn";
      for (const Node* c : n->children()) {
        line(indent + 1);
        clause(c, indent + 1);
      }
      line(indent);
      out += "end";
      return;
    case NodeKind::Clause:
      clause(n, indent);
      return;
    case NodeKind::Stab:
      out += '(';
      for (size_t i = 0; i < n->count; ++i) {
        if (i) out += "; ";
        clause(n->kid(i), indent);
      }
      out += ')';
      return;
    case NodeKind::Block:
      if (n->count == 1 && opts_.explicit_parens &&
          (n->kid(0)->kind == NodeKind::UnaryOp || n->kid(0)->kind == NodeKind::BinaryOp)) {
        expr(n->kid(0), indent);  // already parenthesized
        return;
      }
      out += '(';
      for (size_t i = 0; i < n->count; ++i) {
        if (i) out += "; ";
        expr(n->kid(i), indent);
      }
      out += ')';
      return;
    case NodeKind::DoBlock:
    case NodeKind::Section:
      return;
  }
}

}  // namespace

std::string to_source(const Node* n, const PrintOptions& opts) {
  Printer p(opts);
  p.expr(n, 0);
  return std::move(p.out);
}

std::string to_source(std::span<Node* const> exprs, const PrintOptions& opts) {
  Printer p(opts);
  for (size_t i = 0; i < exprs.size(); ++i) {
    if (i) p.out += '\n';
    p.expr(exprs[i], 0);
  }
  return std::move(p.out);
}

}  // namespace otp::shell

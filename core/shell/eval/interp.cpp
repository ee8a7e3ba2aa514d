// Expression evaluation: the dispatch on node kinds, data constructors and
// operators (see interp.hpp). Calls are in interp_call.cpp, matching in
// interp_match.cpp, control flow in interp_control.cpp.
#include "shell/eval/interp.hpp"

#include "shell/eval/fun.hpp"
#include "shell/eval/interp_data.hpp"
#include "shell/eval/module.hpp"
#include "shell/eval/raise.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/chars.hpp"
#include "shell/lib/errors.hpp"
#include "term/arith.hpp"
#include "term/error.hpp"

namespace otp::shell {

std::vector<Binding> Env::visible() const {
  std::vector<Binding> out;
  for (const Binding& b : vars_) {
    bool seen = false;
    for (Binding& o : out)
      if (o.name == b.name) {
        o.value = b.value;
        seen = true;
      }
    if (!seen) out.push_back(b);
  }
  return out;
}

namespace {

Term boolean_operand(const Node* n, const Term& v, std::string_view op) {
  if (v.is_atom(atom::true_) || v.is_atom(atom::false_)) return v;
  (void)n;
  raise_bad_boolean(op, v);
}

bool is_zero(const Term& t) { return (t.is_small() && t.small() == 0) || (t.is_float() && t.as_double() == 0.0); }

// An arithmetic operator. Shell code runs in erl_eval on BEAM, which applies
// :erlang.+/2 and friends, so a failure's first stack frame is the operator
// ({:erlang, :/, [1, 0], []}, which IEx blames as ": 1 / 0"); compiled module
// code does the arithmetic inline and has no such frame.
template <class F>
Term arith2(bool compiled, std::string_view op, const Term& a, const Term& b, F f) {
  if (a.is_number() && b.is_number() && !(op == "/" && is_zero(b))) {
    try {
      return f(a, b);
    } catch (const ErlangError&) {
      if (compiled) throw;
      rethrow_arithmetic(arith_blame(op, a, b));
    }
  }
  if (compiled) raise_arithmetic();
  raise_arithmetic(arith_blame(op, a, b));
}

Term concat_lists(const Term& a, const Term& b) {
  if (!a.is_list()) throw ErlangError(Term(atom::badarg));
  std::vector<Term> items;
  const Term* c = &a;
  for (; c->is_cons(); c = &c->tail()) items.push_back(c->head());
  if (!c->is_nil_list()) throw ErlangError(Term(atom::badarg));
  return Term::list(std::span<const Term>(items), b);
}

Term subtract_lists(const Term& a, const Term& b) {
  std::vector<Term> items, drop;
  const Term* c = &a;
  for (; c->is_cons(); c = &c->tail()) items.push_back(c->head());
  if (!c->is_nil_list()) throw ErlangError(Term(atom::badarg));
  for (c = &b; c->is_cons(); c = &c->tail()) drop.push_back(c->head());
  if (!c->is_nil_list()) throw ErlangError(Term(atom::badarg));
  for (const Term& d : drop)
    for (auto it = items.begin(); it != items.end(); ++it)
      if (exact_equal(*it, d)) {
        items.erase(it);
        break;
      }
  return Term::list(std::span<const Term>(items));
}

}  // namespace

Term make_range(const Term& first, const Term& last, const Term* step) {
  static const Atom range = Atom::intern("Elixir.Range");
  if (!first.is_integer() || !last.is_integer() || (step && !step->is_integer()))
    raise_argument_error("ranges (first..last//step) expect both sides to be integers, got: " +
                         inspect(first) + ".." + inspect(last) + (step ? "//" + inspect(*step) : ""));
  Term s = step ? *step : Term::integer(compare(first, last) <= 0 ? 1 : -1);
  return Term::map({{Term(atom::__struct__), Term(range)},
                    {Term::atom("first"), first},
                    {Term::atom("last"), last},
                    {Term::atom("step"), s}});
}

Interp::Interp(Env& env, std::shared_ptr<const Module> module, std::shared_ptr<Arena> arena)
    : env_(env), module_(std::move(module)), arena_(std::move(arena)) {
  if (module_) aliases_ = const_cast<std::vector<std::pair<std::string, Atom>>*>(&module_->aliases);
}

Term Interp::eval_body(const Node* n, bool tail) {
  if (!n) return Term(atom::nil);
  if (n->kind != NodeKind::Block) return eval(n, tail);
  if (n->count == 0) return Term(atom::nil);
  for (uint32_t i = 0; i + 1 < n->count; ++i) eval(n->kid(i));
  return eval(n->kid(n->count - 1), tail);
}

std::vector<Term> Interp::eval_args(std::span<Node* const> args) {
  std::vector<Term> out;
  out.reserve(args.size() + 1);
  if (pipe_) {
    out.push_back(std::move(*pipe_));
    pipe_.reset();
  }
  for (const Node* a : args) out.push_back(eval(a));
  return out;
}

Term Interp::eval_list(const Node* n) {
  Term tail = n->x ? eval(n->x) : Term::empty_list();
  std::vector<Term> items;
  items.reserve(n->count);
  for (const Node* k : n->children()) items.push_back(eval(k));
  return Term::list(std::span<const Term>(items), std::move(tail));
}

Term Interp::eval_map(const Node* n) {
  std::vector<std::pair<Term, Term>> kv;
  for (uint32_t i = 0; i + 1 < n->count; i += 2) kv.emplace_back(eval(n->kid(i)), eval(n->kid(i + 1)));
  return Term::map(std::move(kv));
}

Term Interp::eval_map_update(const Node* n) {
  Term base = eval(n->kid(0));
  if (!base.is_map()) raise_bad_map(base);
  for (uint32_t i = 1; i + 1 < n->count; i += 2) {
    Term k = eval(n->kid(i));
    Term v = eval(n->kid(i + 1));
    if (!base.map_get(k)) {
      // :maps.update/3's {:badkey, k}; Elixir finds the map in the frame
      ErlangError e{Term::tuple({Term::atom("badkey"), k})};
      e.stacktrace = Term::list({Term::tuple({Term::atom("maps"), Term::atom("update"), Term::list({k, v, base}), Term::empty_list()})});
      throw e;
    }
    base = base.map_put(std::move(k), std::move(v));
  }
  return base;
}

Term Interp::eval_interp(const Node* n) {
  std::string s;
  for (const Node* part : n->children()) {
    if (part->kind == NodeKind::Literal && part->value.is_binary())
      s += part->value.bytes();
    else
      lib::append_chars(s, eval(part));
  }
  switch (n->interp_kind()) {
    case InterpKind::String: return Term::binary(s);
    case InterpKind::Charlist: return Term::charlist(s);
    case InterpKind::Atom: return Term::atom(s);
  }
  return Term::binary(s);
}

Term Interp::eval(const Node* n, bool tail) {
  switch (n->kind) {
    case NodeKind::Literal: return n->value;
    case NodeKind::Var: {
      if (const Term* v = env_.find(n->name)) return *v;
      if (n->name.name() == "__MODULE__") return module_ ? Term(module_->name) : Term(atom::nil);
      if (n->name.name() == "__STACKTRACE__")
        raise_compile_error(n, "__STACKTRACE__ is available only inside catch and rescue clauses of try expressions");
      if (n->name.name() == "_") raise_compile_error(n, "invalid use of _. \"_\" represents a value to be ignored in a pattern and cannot be used in expressions");
      if (!module_) warn_variable_as_call(n);
      return eval_local_call(n, tail);  // a zero-arity call without parentheses
    }
    case NodeKind::Alias:
      if (n->value.is_atom()) return resolve_alias(n);
      raise_not_supported(n, "a dynamic alias");
    case NodeKind::List: return eval_list(n);
    case NodeKind::Tuple: {
      std::vector<Term> items;
      items.reserve(n->count);
      for (const Node* k : n->children()) items.push_back(eval(k));
      return Term::tuple(std::span<const Term>(items));
    }
    case NodeKind::Map: return eval_map(n);
    case NodeKind::MapUpdate: return eval_map_update(n);
    case NodeKind::Interp: return eval_interp(n);
    case NodeKind::BinaryOp: return eval_binary(n, tail);
    case NodeKind::UnaryOp: return eval_unary(n);
    case NodeKind::Attr: {
      if (!module_) raise_not_supported(n, "a module attribute outside a module");
      if (const Term* v = module_->attribute(n->name)) return *v;
      return Term(atom::nil);
    }
    case NodeKind::CaptureFn: return eval_capture(n);
    case NodeKind::LocalCall: return eval_local_call(n, tail);
    case NodeKind::RemoteCall: return eval_remote_call(n, tail);
    case NodeKind::AnonCall: return eval_anon_call(n, tail);
    case NodeKind::Access: {
      Term c = eval(n->kid(0));
      Term k = eval(n->kid(1));
      return call_remote(Atom::intern("Elixir.Access"), Atom::intern("get"), {std::move(c), std::move(k)});
    }
    case NodeKind::Fn: return eval_fn(n);
    case NodeKind::Block: return eval_body(n, tail);
    case NodeKind::Struct: return build_struct(*this, n);
    case NodeKind::Bitstring: return build_bitstring(*this, n);
    case NodeKind::Sigil: return eval_sigil(n);
    case NodeKind::CaptureArg:
      if (const Term* v = env_.find(Atom::intern("&" + inspect(n->value)))) return *v;
      raise_compile_error(n, "capture argument &" + inspect(n->value) + " must be used within the capture operator &");
    default: break;
  }
  raise_not_supported(n, node_kind_name(n->kind));
}

Term Interp::eval_sigil(const Node* n) {
  std::string_view sigil = n->name.name();
  std::string text;
  for (const Node* part : n->children()) {
    if (part->kind == NodeKind::Literal && part->value.is_binary())
      text += part->value.bytes();
    else
      lib::append_chars(text, eval(part));
  }
  std::string mods;
  for (const Term* c = &n->value; c->is_cons(); c = &c->tail()) mods += static_cast<char>(c->head().small());
  if (sigil == "sigil_w" || sigil == "sigil_W") {
    std::vector<Term> words;
    std::size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
      std::size_t j = i;
      while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      if (j > i) {
        std::string_view w(text.data() + i, j - i);
        words.push_back(mods == "a" ? Term::atom(w) : mods == "c" ? Term::charlist(w) : Term::binary(w));
      }
      i = j;
    }
    return Term::list(std::span<const Term>(words));
  }
  if (sigil == "sigil_s" || sigil == "sigil_S") return Term::binary(text);
  if (sigil == "sigil_c" || sigil == "sigil_C") return Term::charlist(text);
  raise_not_supported(n, "the sigil ~" + std::string(sigil.substr(6)));
}

Term Interp::eval_binary(const Node* n, bool tail) {
  const Node* l = n->kid(0);
  const Node* r = n->kid(1);
  switch (n->op) {
    case Op::Match: {
      Term v = eval(r);
      if (!match(l, v)) throw ErlangError(Term::tuple({Term(atom::badmatch), v}));
      return v;
    }
    case Op::Pipe: {
      Term v = eval(l);
      if (r->kind != NodeKind::LocalCall && r->kind != NodeKind::RemoteCall && r->kind != NodeKind::AnonCall)
        raise_argument_error("cannot pipe " + inspect(v) + " into " + to_source(r) +
                             ", can only pipe into local calls foo(), remote calls Foo.bar() or anonymous function calls foo.()");
      pipe_ = std::move(v);
      return eval(r, tail);
    }
    case Op::AndAnd: {
      Term a = eval(l);
      return truthy(a) ? eval(r, tail) : a;
    }
    case Op::OrOr: {
      Term a = eval(l);
      return truthy(a) ? a : eval(r, tail);
    }
    case Op::And: {
      Term a = boolean_operand(l, eval(l), "and");
      return a.is_atom(atom::true_) ? eval(r, tail) : a;
    }
    case Op::Or: {
      Term a = boolean_operand(l, eval(l), "or");
      return a.is_atom(atom::true_) ? a : eval(r, tail);
    }
    case Op::RangeStep: {
      Term first = eval(n->kid(0)), last = eval(n->kid(1)), step = eval(n->kid(2));
      return make_range(first, last, &step);
    }
    case Op::Step:
      if (l->kind == NodeKind::BinaryOp && l->op == Op::Range) {
        Term first = eval(l->kid(0)), last = eval(l->kid(1)), step = eval(r);
        return make_range(first, last, &step);
      }
      break;
    default: break;
  }
  Term a = eval(l);
  Term b = eval(r);
  switch (n->op) {
    case Op::Plus: return arith2(module_ != nullptr, "+", a, b, add);
    case Op::Minus: return arith2(module_ != nullptr, "-", a, b, sub);
    case Op::Mul: return arith2(module_ != nullptr, "*", a, b, mul);
    case Op::Div: return arith2(module_ != nullptr, "/", a, b, fdiv);
    case Op::Pow:
      if (!a.is_number() || !b.is_number())
        raise_function_clause("Kernel", "**", {a, b},
                              {"def **(base, exponent) when is_integer(base) and is_integer(exponent) and exponent >= 0",
                               "def **(base, exponent) when is_number(base) and is_number(exponent)"});
      return otp::pow(a, b);
    case Op::Concat: return concat_lists(a, b);
    case Op::Subtract: return subtract_lists(a, b);
    case Op::BinConcat:
      if (!a.is_binary() || !b.is_binary()) raise_argument_error("expected binary argument in <> operator but got: " + inspect(a.is_binary() ? b : a));
      return Term::binary(std::string(a.bytes()) + std::string(b.bytes()));
    case Op::Range: return make_range(a, b, nullptr);
    case Op::Eq: return Term::boolean(equal(a, b));
    case Op::Ne: return Term::boolean(!equal(a, b));
    case Op::StrictEq: return Term::boolean(exact_equal(a, b));
    case Op::StrictNe: return Term::boolean(!exact_equal(a, b));
    case Op::Lt: return Term::boolean(compare(a, b) < 0);
    case Op::Gt: return Term::boolean(compare(a, b) > 0);
    case Op::Le: return Term::boolean(compare(a, b) <= 0);
    case Op::Ge: return Term::boolean(compare(a, b) >= 0);
    case Op::In: return call_remote(Atom::intern("Elixir.Enum"), Atom::intern("member?"), {b, a});
    case Op::NotIn: {
      Term in = call_remote(Atom::intern("Elixir.Enum"), Atom::intern("member?"), {b, a});
      return Term::boolean(!truthy(in));
    }
    case Op::RegexMatch:
      if (a.is_binary() && b.is_binary()) return Term::boolean(std::string_view(a.bytes()).find(b.bytes()) != std::string_view::npos);
      raise_not_supported(n, "=~ with a regular expression");
    default: break;
  }
  raise_not_supported(n, "the operator " + std::string(op_text(n->op)));
}

Term Interp::eval_unary(const Node* n) {
  const Node* x = n->kid(0);
  switch (n->op) {
    case Op::Minus: {
      Term v = eval(x);
      if (!v.is_number()) module_ ? raise_arithmetic() : raise_arithmetic(arith_blame("-", v));
      return neg(v);
    }
    case Op::Plus: {
      Term v = eval(x);
      if (!v.is_number()) module_ ? raise_arithmetic() : raise_arithmetic(arith_blame("+", v));
      return v;
    }
    case Op::Bang: return Term::boolean(!truthy(eval(x)));
    case Op::Not: {
      Term v = eval(x);
      if (v.is_atom(atom::true_)) return Term(atom::false_);
      if (v.is_atom(atom::false_)) return Term(atom::true_);
      ErlangError e{Term(atom::badarg)};  // :erlang.not/1
      e.stacktrace = Term::list({Term::tuple({Term::atom("erlang"), Term::atom("not"), Term::list({v}), Term::empty_list()})});
      throw e;
    }
    case Op::Capture: return eval_capture(n);
    case Op::Pin: raise_compile_error(n, "cannot use ^" + to_source(x) + " outside of match clauses");
    case Op::BNot: return call_remote(Atom::intern("Elixir.Bitwise"), Atom::intern("bnot"), {eval(x)});
    default: break;
  }
  raise_not_supported(n, "the operator " + std::string(op_text(n->op)));
}

}  // namespace otp::shell

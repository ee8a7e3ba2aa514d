// try/rescue/catch/else/after, with/else, and for comprehensions.
#include <exception>
#include <functional>

#include "runtime/crash.hpp"
#include "runtime/exit.hpp"
#include "shell/eval/interp.hpp"
#include "shell/eval/raise.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "term/error.hpp"

namespace otp::shell {

namespace {

struct Caught {
  Atom kind{};   // error | exit | throw
  Term payload;  // the reason or thrown value
  Term stacktrace = Term::empty_list();
  Term arguments_info;  // OTP's error_info texts of a badarg, or nil
};

// What an escaping C++ exception is in Elixir's terms; false for the
// runtime's own unwinding (a kill), which must keep going.
bool classify(std::exception_ptr e, Caught* out) {
  try {
    std::rethrow_exception(e);
  } catch (const CompileFailure&) {
    return false;  // raised before the input runs, in Elixir
  } catch (const ErlangError& x) {
    *out = Caught{Atom(atom::error), x.reason, x.stacktrace.is_list() ? x.stacktrace : Term::empty_list(), x.arguments_info};
  } catch (const ExitSignal& x) {
    *out = Caught{Atom(atom::exit), x.reason, Term::empty_list(), Term()};
  } catch (const ThrownValue& x) {
    *out = Caught{Atom::intern("throw"), x.value, Term::empty_list(), Term()};
  } catch (const std::exception& x) {
    if (!is_system_limit(x)) return false;
    *out = Caught{Atom(atom::error), Term(atom::system_limit), Term::empty_list(), Term()};
  } catch (...) {
    return false;
  }
  return true;
}

// Does a rescue pattern's module list accept this exception struct?
bool accepts(const Term& modules, const Term& exception) {
  const Term* mod = exception.map_get(Term(atom::__struct__));
  if (!mod) return false;
  if (modules.is_atom()) return modules == *mod;
  for (const Term* c = &modules; c->is_cons(); c = &c->tail())
    if (c->head() == *mod) return true;
  return false;
}

}  // namespace

Term normalize_error(const Term& reason) { return normalize_exception(reason); }

std::string error_message(const Term& exception_struct) { return exception_message(exception_struct); }

Term Interp::eval_try(const Node* call, bool tail) {
  const Node* body = block_section(call, Atom::intern("do"));
  const Node* rescue = block_section(call, Atom::intern("rescue"));
  const Node* catches = block_section(call, Atom::intern("catch"));
  const Node* else_ = block_section(call, Atom::intern("else"));
  const Node* after = block_section(call, Atom::intern("after"));
  (void)tail;
  const std::size_t base = env_.mark();
  Term result;
  std::exception_ptr err;
  try {
    result = eval_body(body, false);
  } catch (...) {
    err = std::current_exception();
  }
  env_.reset(base);
  // Outside the catch block from here on: clauses may block or switch fibers.
  std::exception_ptr pending;
  if (err) {
    Caught c;
    bool handled = false;
    if (classify(err, &c)) {
      // __STACKTRACE__ inside the rescue and catch clauses
      env_.bind(Atom::intern("__STACKTRACE__"), c.stacktrace);
      const std::size_t clauses_base = env_.mark();
      if (rescue && c.kind == Atom(atom::error)) {
        Term ex = normalize_exception(c.payload, c.stacktrace);
        if (c.payload.is_atom(atom::badarg) && c.arguments_info.is_map() && c.arguments_info.map_size() > 0)
          ex = ex.map_put(Term(atom::message), Term::binary(arguments_error_text(c.arguments_info)));
        for (const Node* cl : rescue->kind == NodeKind::Stab ? rescue->children() : std::span<Node* const>{}) {
          if (cl->patterns().size() != 1) continue;
          const Node* p = cl->patterns()[0];
          bool ok = false;
          if (p->kind == NodeKind::BinaryOp && p->op == Op::In) {
            ok = accepts(eval(p->kid(1)), ex) && match(p->kid(0), ex);
          } else if (p->kind == NodeKind::Alias) {
            ok = accepts(eval(p), ex);
          } else {
            ok = match(p, ex);
          }
          if (ok) {
            result = eval_body(cl->body(), false);
            handled = true;
            break;
          }
          env_.reset(clauses_base);
        }
      }
      if (!handled && catches && catches->kind == NodeKind::Stab) {
        for (const Node* cl : catches->children()) {
          auto pats = cl->patterns();
          bool ok = false;
          if (pats.size() == 2)
            ok = match(pats[0], Term(c.kind)) && match(pats[1], c.payload);
          else if (pats.size() == 1 && c.kind == Atom::intern("throw"))
            ok = match(pats[0], c.payload);
          if (ok && guard(cl->guard())) {
            result = eval_body(cl->body(), false);
            handled = true;
            break;
          }
          env_.reset(clauses_base);
        }
      }
    }
    if (!handled) pending = err;
  } else if (else_) {
    Term out;
    if (!run_clauses(else_, std::span<const Term>(&result, 1), false, &out)) {
      if (after) eval_body(after, false);
      throw ErlangError(Term::tuple({Term::atom("try_clause"), result}));
    }
    result = out;
  }
  env_.reset(base);
  if (after) eval_body(after, false);
  env_.reset(base);
  if (pending) std::rethrow_exception(pending);
  return result;
}

Term Interp::eval_with(const Node* call, bool tail) {
  auto args = call->args();
  const Node* body = block_section(call, Atom::intern("do"));
  const Node* else_ = block_section(call, Atom::intern("else"));
  const std::size_t base = env_.mark();
  std::size_t n = args.size();
  if (n > 0 && args[n - 1]->kind == NodeKind::List && !call->x) --n;  // do:/else: keywords
  for (std::size_t i = 0; i < n; ++i) {
    const Node* a = args[i];
    if (a->kind == NodeKind::BinaryOp && a->op == Op::LeftArrow) {
      Term v = eval(a->kid(1));
      const Node* pat = a->kid(0);
      const Node* g = nullptr;
      if (pat->kind == NodeKind::BinaryOp && pat->op == Op::When) {
        g = pat->kid(1);
        pat = pat->kid(0);
      }
      std::size_t before = env_.mark();
      if (match(pat, v) && guard(g)) continue;
      env_.reset(before);
      env_.reset(base);
      if (!else_) return v;
      Term out;
      if (run_clauses(else_, std::span<const Term>(&v, 1), tail, &out)) return out;
      throw ErlangError(Term::tuple({Term::atom("with_clause"), v}));
    }
    eval(a);
  }
  Term r = eval_body(body, false);
  env_.reset(base);
  return r;
}

Term Interp::eval_for(const Node* call) {
  auto args = call->args();
  const Node* body = block_section(call, Atom::intern("do"));
  Term into;
  bool has_into = false, uniq = false;
  std::size_t n = args.size();
  while (n > 0 && args[n - 1]->kind == NodeKind::List && args[n - 1]->has(kKwList)) {
    for (const Node* pair : args[n - 1]->children()) {
      if (pair->kind != NodeKind::Tuple || pair->count != 2) continue;
      std::string_view key = pair->kid(0)->value.is_atom() ? pair->kid(0)->value.atom().name() : "";
      if (key == "into") {
        into = eval(pair->kid(1));
        has_into = true;
      } else if (key == "uniq") {
        uniq = truthy(eval(pair->kid(1)));
      } else if (key == "reduce") {
        raise_not_supported(call, "for with :reduce");
      }
    }
    --n;
  }
  std::vector<Term> out;
  const std::size_t base = env_.mark();
  // Depth-first over the generators; filters apply where they appear.
  std::function<void(std::size_t)> step = [&](std::size_t i) {
    if (i == n) {
      out.push_back(eval_body(body, false));
      return;
    }
    const Node* a = args[i];
    if (a->kind == NodeKind::BinaryOp && a->op == Op::LeftArrow) {
      Term list = call_remote(Atom::intern("Elixir.Enum"), Atom::intern("to_list"), {eval(a->kid(1))});
      const Node* pat = a->kid(0);
      const Node* g = nullptr;
      if (pat->kind == NodeKind::BinaryOp && pat->op == Op::When) {
        g = pat->kid(1);
        pat = pat->kid(0);
      }
      for (const Term* c = &list; c->is_cons(); c = &c->tail()) {
        std::size_t mark = env_.mark();
        if (match(pat, c->head()) && guard(g)) step(i + 1);
        env_.reset(mark);
      }
      return;
    }
    if (truthy(eval(a))) step(i + 1);
  };
  step(0);
  env_.reset(base);
  Term list = Term::list(std::span<const Term>(out));
  if (uniq) list = call_remote(Atom::intern("Elixir.Enum"), Atom::intern("uniq"), {list});
  if (has_into) return call_remote(Atom::intern("Elixir.Enum"), Atom::intern("into"), {list, into});
  return list;
}

}  // namespace otp::shell

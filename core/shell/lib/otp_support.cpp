// The shared helpers of the otp_*.cpp library files (see otp_support.hpp).
#include "shell/lib/otp_support.hpp"

#include <string>
#include <vector>

#include "shell/eval/interp.hpp"

namespace otp::shell::lib {

Process& caller(std::string_view what) {
  Process* p = Process::current();
  if (!p) raise("RuntimeError", std::string(what) + " needs a calling process");
  return *p;
}

std::optional<Timeout> timeout_arg(const Term& t) {
  if (t.is_atom(atom::infinity)) return Timeout::infinity();
  if (t.is_small() && t.small() >= 0) return Timeout{t.small()};
  return std::nullopt;
}

Term timeout_term(Timeout t) { return t.is_infinity() ? Term(atom::infinity) : Term::integer(t.ms); }

bool proper_list(const Term& t) noexcept { return t.is_list() && list_length(t) >= 0; }

const Term* opt(const Term& opts, std::string_view key) {
  for (const Term* c = &opts; c->is_cons(); c = &c->tail()) {
    const Term& kv = c->head();
    if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom() && kv[0].atom().name() == key) return &kv[1];
  }
  return nullptr;
}

void no_clause_for(std::string_view module, std::string_view fun, Args args) {
  raise_function_clause(module, fun, std::vector<Term>(args.begin(), args.end()));
}

bool is_mfa(const Term& m, const Term& f, const Term& a) noexcept {
  return m.is_atom() && f.is_atom() && proper_list(a);
}

Term apply_mfa(const Term& m, const Term& f, const Term& a) {
  return Interp::call_remote(m.atom(), f.atom(), list_to_vector(a));
}

Term mfa_fun(const Term& m, const Term& f, const Term& a, uint32_t arity) {
  return make_fun(Atom::intern("erl_eval"), "expr/6", arity, [m, f, a](std::span<const Term> args) {
    std::vector<Term> all(args.begin(), args.end());
    for (const Term* c = &a; c->is_cons(); c = &c->tail()) all.push_back(c->head());
    tick();
    return Interp::call_remote(m.atom(), f.atom(), std::move(all));
  });
}

Term name_option(const Term& opts) {
  const Term* n = opt(opts, "name");
  if (!n || n->is_atom(atom::nil)) return Term::empty_list();
  if (n->is_atom()) return *n;
  if (n->is_tuple() && n->tuple_size() == 3 && n->elements()[0].is_atom(atom::via) && n->elements()[1].is_atom())
    return *n;
  if (n->is_tuple() && n->tuple_size() == 2 && n->elements()[0].is_atom(Atom::intern("global")))
    raise("RuntimeError", "{:global, name} names are not supported in this shell (there is one node)");
  raise_argument_error(
      "expected :name option to be one of the following:\n\n  * nil\n  * atom\n  * {:global, term}\n"
      "  * {:via, module, term}\n\nGot: " + inspect(*n) + "\n");
}

void badarg(int position, std::string_view what) {
  throw ErlangError(Term(atom::badarg), Term::map({{Term::integer(position), Term::binary(what)}}));
}

}  // namespace otp::shell::lib

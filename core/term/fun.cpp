#include "term/fun.hpp"

#include <vector>

#include "term/error.hpp"
#include "term/heap.hpp"

namespace otp {

Term FunObject::call(std::span<const Term>) const {
  auto* self = const_cast<FunObject*>(this);
  ++self->refs;  // the term below shares this object
  throw ErlangError(Term::tuple({Term::atom("badfun"), TermAccess::adopt(self)}));
}

Term make_fun(Atom module, std::string name, uint32_t arity, NativeFun::Body body) {
  return Term::fun(new NativeFun(module, std::move(name), arity, std::move(body)));
}

Term apply_fun(const Term& fun, std::span<const Term> args) {
  if (!fun.is_fun()) throw ErlangError(Term::tuple({Term::atom("badfun"), fun}));
  const FunObject& f = fun.fun();
  if (f.arity() != args.size()) {
    std::vector<Term> as(args.begin(), args.end());
    throw ErlangError(Term::tuple(
        {Term::atom("badarity"), Term::tuple({fun, Term::list(std::span<const Term>(as))})}));
  }
  return f.call(args);
}

}  // namespace otp

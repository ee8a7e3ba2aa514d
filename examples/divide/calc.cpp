#include "divide/calc.hpp"

#include "behaviours/supervisor.hpp"
#include "term/arith.hpp"

namespace otp::examples {

namespace gs = gen_server;

namespace {
const Term& calc_name() {
  static const Term t = Term::atom("Elixir.Calc");
  return t;
}
const Term& ops() {
  static const Term t = Term::atom("ops");
  return t;
}
}  // namespace

Term Calc::module_name() const { return calc_name(); }

Term Calc::init(const Term&) const { return gs::ok(Term::map({{ops(), Term::integer(0)}})); }

Term Calc::handle_call(const Term& request, const Term& from, const Term& state) const {
  if (request.is_tuple() && request.tuple_size() == 3 && request[0].is_atom() &&
      request[0].atom().name() == "divide") {
    Term result = fdiv(request[1], request[2]);  // 1 / 0 raises ArithmeticError: let it crash
    return gs::reply(result, state.map_put(ops(), add(*state.map_get(ops()), Term::integer(1))));
  }
  return GenServer::handle_call(request, from, state);
}

namespace calc {

Term start_link(Process& self) {
  GenServerOptions o;
  o.name = calc_name();
  return gs::start(self, std::make_shared<const Calc>(), Term::empty_list(), o);
}

Term divide(Process& self, Term a, Term b) {
  return gs::call(self, calc_name(), Term::tuple({Term::atom("divide"), std::move(a), std::move(b)}));
}

Term child_spec(Node& node) {
  supervisor::register_start(node, calc_name().atom(), Atom::intern("start_link"),
                             [](Process& self, std::span<const Term>) { return start_link(self); });
  return Term::map({{Term::atom("id"), calc_name()},
                    {Term::atom("start"), Term::tuple({calc_name(), Term::atom("start_link"),
                                                       Term::list({Term::empty_list()})})}});
}

Term start_supervised(Process& self) {
  supervisor::Options o;
  o.name = Term::atom("Elixir.CalcSup");
  return supervisor::start_link(self, Term::list({child_spec(self.node())}), o);
}

}  // namespace calc
}  // namespace otp::examples

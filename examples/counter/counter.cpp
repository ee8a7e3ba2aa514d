#include "counter/counter.hpp"

#include "behaviours/child_spec.hpp"
#include "term/arith.hpp"

namespace otp::examples {

namespace gs = gen_server;

namespace {
std::shared_ptr<const Counter> module() {
  static const auto m = std::make_shared<const Counter>();
  return m;
}
}  // namespace

Term Counter::module_name() const { return Term::atom("Elixir.Counter"); }

Term Counter::init(const Term& initial) const { return gs::ok(initial); }

Term Counter::handle_call(const Term& request, const Term& from, const Term& count) const {
  if (request.is_atom() && request.atom().name() == "value") return gs::reply(count, count);
  return GenServer::handle_call(request, from, count);
}

Term Counter::handle_cast(const Term& request, const Term& count) const {
  if (request.is_atom() && request.atom().name() == "increment") return gs::noreply(add(count, Term::integer(1)));
  if (request.is_tuple() && request.tuple_size() == 2 && request[0].is_atom() && request[0].atom().name() == "add")
    return gs::noreply(otp::add(count, request[1]));
  return GenServer::handle_cast(request, count);
}

namespace counter {

Term start_link(Process& self, Term initial, Term name) {
  GenServerOptions o;
  o.name = std::move(name);
  return gs::start(self, module(), std::move(initial), o);
}

Term value(Process& self, const Term& c) { return gs::call(self, c, Term::atom("value")); }

void increment(Process& self, const Term& c) { gs::cast(self.node(), c, Term::atom("increment")); }

void add(Process& self, const Term& c, int64_t n) {
  gs::cast(self.node(), c, Term::tuple({Term::atom("add"), Term::integer(n)}));
}

void load(Node& node) {
  supervisor::register_start(node, Atom::intern("Elixir.Counter"), Atom::intern("start_link"),
                             [](Process& self, std::span<const Term> args) {
                               return start_link(self, args.empty() ? Term::integer(0) : args[0],
                                                 args.size() > 1 ? args[1] : Term::empty_list());
                             });
}

}  // namespace counter
}  // namespace otp::examples

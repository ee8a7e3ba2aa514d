#include "chatroom/pubsub.hpp"

#include "behaviours/child_spec.hpp"
#include "behaviours/supervisor.hpp"
#include "services/registry.hpp"

namespace otp::examples::pubsub {

namespace {
// The registry's name: <name>.Registry.
Term table(const Term& name) { return Term::atom(std::string(name.atom().name()) + ".Registry"); }
}  // namespace

Term start_link(Process& self, const Term& name) {
  Term reg = table(name);
  supervisor::ChildOptions o;
  o.module = Atom::intern("Elixir.Registry");
  o.type = Term::atom("supervisor");
  Term child = supervisor::child_spec(reg, [reg](Process& s) {
    return registry::start_link(s, Term::list({Term::tuple({Term::atom("keys"), Term::atom("duplicate")}),
                                               Term::tuple({Term::atom("name"), reg})}));
  }, o);
  supervisor::Options so;
  so.name = name;
  return supervisor::start_link(self, Term::list({child}), so);
}

Term subscribe(Process& self, const Term& name, const Term& topic) {
  registry::register_(self, table(name), topic, Term());
  return Term(atom::ok);
}

Term unsubscribe(Process& self, const Term& name, const Term& topic) {
  registry::unregister(self, table(name), topic);
  return Term(atom::ok);
}

Term broadcast(Process& self, const Term& name, const Term& topic, const Term& message) {
  registry::dispatch(self, table(name), topic, [&self, &message](const Term& entries) {
    for (const Term* l = &entries; l->is_cons(); l = &l->tail()) self.send(l->head()[0].pid(), message);
  });
  return Term(atom::ok);
}

Term subscribers(Process& self, const Term& name, const Term& topic) {
  std::vector<Term> pids;
  for (const Term& e : list_to_vector(registry::lookup(self.node(), table(name), topic))) pids.push_back(e[0]);
  return Term::list(std::span<const Term>(pids));
}

}  // namespace otp::examples::pubsub

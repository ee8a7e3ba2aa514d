#include "chatroom/pubsub.hpp"

#include "behaviours/child_spec.hpp"
#include "behaviours/gen_server.hpp"
#include "behaviours/supervisor.hpp"

namespace otp::examples::pubsub {

namespace gs = gen_server;

namespace {

Term A(const char* s) { return Term::atom(s); }
bool is(const Term& t, const char* tag, std::size_t n) {
  return t.is_tuple() && t.tuple_size() == n && t[0].is_atom() && t[0].atom().name() == tag;
}
// The table's registered name: <name>.Registry.
Term table(const Term& name) { return Term::atom(std::string(name.atom().name()) + ".Registry"); }

Term without(const Term& list, const Term& pid) {
  std::vector<Term> kept;
  for (const Term* l = &list; l->is_cons(); l = &l->tail())
    if (!(l->head() == pid)) kept.push_back(l->head());
  return Term::list(std::span<const Term>(kept));
}

// State: %{topic => [pid]}.
class Table : public GenServer {
 public:
  Term module_name() const override { return A("Elixir.Phoenix.PubSub.Registry"); }
  Term init(const Term&) const override { return gs::ok(Term::map({})); }
  Term handle_call(const Term& req, const Term& from, const Term& topics) const override {
    Process& self = *Process::current();
    if (is(req, "subscribe", 3)) {
      const Term* subs = topics.map_get(req[1]);
      self.monitor(req[2]);
      return gs::reply(A("ok"), topics.map_put(req[1], Term::cons(req[2], subs ? *subs : Term::empty_list())));
    }
    if (is(req, "unsubscribe", 3)) {
      const Term* subs = topics.map_get(req[1]);
      return gs::reply(A("ok"), subs ? topics.map_put(req[1], without(*subs, req[2])) : topics);
    }
    if (is(req, "subscribers", 2)) {
      const Term* subs = topics.map_get(req[1]);
      return gs::reply(subs ? *subs : Term::empty_list(), topics);
    }
    if (is(req, "broadcast", 3)) {
      if (const Term* subs = topics.map_get(req[1]))
        for (const Term* l = subs; l->is_cons(); l = &l->tail()) self.send(l->head().pid(), req[2]);
      return gs::reply(A("ok"), topics);
    }
    return GenServer::handle_call(req, from, topics);
  }
  Term handle_info(const Term& msg, const Term& topics) const override {
    if (is(msg, "DOWN", 5)) {  // a subscriber died: drop it everywhere
      std::vector<std::pair<Term, Term>> kept;
      for (const MapEntry& e : topics.map_entries()) kept.emplace_back(e.key, without(e.value, msg[3]));
      return gs::noreply(Term::map(std::move(kept)));
    }
    return GenServer::handle_info(msg, topics);
  }
};

}  // namespace

Term start_link(Process& self, const Term& name) {
  Term reg = table(name);
  supervisor::ChildOptions o;
  o.module = Atom::intern("Elixir.Phoenix.PubSub.Registry");
  Term child = supervisor::child_spec(reg, [reg](Process& s) {
    GenServerOptions go;
    go.name = reg;
    return gs::start(s, std::make_shared<const Table>(), Term(), go);
  }, o);
  supervisor::Options so;
  so.name = name;
  return supervisor::start_link(self, Term::list({child}), so);
}

Term subscribe(Process& self, const Term& name, const Term& topic) {
  return gs::call(self, table(name), Term::tuple({A("subscribe"), topic, Term(self.self())}));
}

Term unsubscribe(Process& self, const Term& name, const Term& topic) {
  return gs::call(self, table(name), Term::tuple({A("unsubscribe"), topic, Term(self.self())}));
}

Term broadcast(Process& self, const Term& name, const Term& topic, const Term& message) {
  return gs::call(self, table(name), Term::tuple({A("broadcast"), topic, message}));
}

Term subscribers(Process& self, const Term& name, const Term& topic) {
  return gs::call(self, table(name), Term::tuple({A("subscribers"), topic}));
}

}  // namespace otp::examples::pubsub

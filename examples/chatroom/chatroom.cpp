#include "chatroom/chatroom.hpp"

#include <vector>

#include "behaviours/child_spec.hpp"
#include "behaviours/dynamic_supervisor.hpp"
#include "behaviours/supervisor.hpp"
#include "chatroom/pubsub.hpp"
#include "services/ets.hpp"
#include "term/arith.hpp"

namespace otp::examples::chatroom {

namespace gs = gen_server;

namespace {

Term A(const char* s) { return Term::atom(s); }
bool is(const Term& t, const char* tag, std::size_t n) {
  return t.is_tuple() && t.tuple_size() == n && t[0].is_atom() && t[0].atom().name() == tag;
}
Term reversed(const Term& list) {
  Term out = Term::empty_list();
  for (const Term* l = &list; l->is_cons(); l = &l->tail()) out = Term::cons(l->head(), out);
  return out;
}
supervisor::ChildOptions of(const char* module, const char* type = "worker", const char* modules = nullptr) {
  supervisor::ChildOptions o;
  o.module = Atom::intern(module);
  o.type = A(type);
  o.modules = Term::list({A(modules ? modules : module)});
  return o;
}

// Chatroom.Repo.Store: a store process backed by an ETS table it owns,
// :chatroom_messages, a protected duplicate_bag of {room, user, text}. Writes
// go through the store (only the owner may write); reads go straight to the
// table (messages/2), and a lookup lists a room's messages oldest first. The
// table dies with the store: a restarted store starts empty.
const char* const kMessages = "chatroom_messages";

class Store : public GenServer {
 public:
  Term module_name() const override { return A("Elixir.Chatroom.Repo.Store"); }
  Term init(const Term&) const override {
    Term options = Term::list({A("named_table"), A("duplicate_bag"), A("protected"),
                               Term::tuple({A("read_concurrency"), A("true")})});
    return gs::ok(ets::new_table(*Process::current(), A(kMessages), options));
  }
  Term handle_call(const Term& req, const Term& from, const Term& table) const override {
    if (is(req, "insert", 4)) {
      ets::insert(*Process::current(), table, Term::tuple({req[1], req[2], req[3]}));
      return gs::reply(A("ok"), table);
    }
    return GenServer::handle_call(req, from, table);
  }
};

// Chatroom.Room: counts what is said in one room.
class Room : public GenServer {
 public:
  Term module_name() const override { return A("Elixir.Chatroom.Room"); }
  Term init(const Term& name) const override { return gs::ok(Term::map({{A("name"), name}, {A("said"), Term::integer(0)}})); }
  Term handle_call(const Term& req, const Term& from, const Term& st) const override {
    if (req == A("info")) return gs::reply(st, st);
    return GenServer::handle_call(req, from, st);
  }
  Term handle_cast(const Term& req, const Term& st) const override {
    if (req == A("said")) return gs::noreply(st.map_put(A("said"), add(*st.map_get(A("said")), Term::integer(1))));
    return GenServer::handle_cast(req, st);
  }
};

// ChatroomWeb.Connection: one (simulated) client, joined to one room.
class Connection : public GenServer {
 public:
  Term module_name() const override { return A("Elixir.ChatroomWeb.Connection"); }
  Term init(const Term& args) const override {  // {user, room}
    pubsub::subscribe(*Process::current(), A("Elixir.Phoenix.PubSub"), args[1]);
    return gs::ok(Term::map({{A("user"), args[0]}, {A("room"), args[1]}, {A("inbox"), Term::empty_list()}}));
  }
  Term handle_call(const Term& req, const Term& from, const Term& st) const override {
    Process& self = *Process::current();
    if (is(req, "say", 2)) {
      const Term& room = *st.map_get(A("room"));
      const Term& user = *st.map_get(A("user"));
      gs::call(self, A("Elixir.Chatroom.Repo.Store"), Term::tuple({A("insert"), room, user, req[1]}));
      Term r = chatroom::room(self, room);
      if (is(r, "ok", 2)) gs::cast(self.node(), r[1], A("said"));
      pubsub::broadcast(self, A("Elixir.Phoenix.PubSub"), room, Term::tuple({A("chat"), user, req[1]}));
      return gs::reply(A("ok"), st);
    }
    if (req == A("inbox")) return gs::reply(reversed(*st.map_get(A("inbox"))), st);
    return GenServer::handle_call(req, from, st);
  }
  Term handle_info(const Term& msg, const Term& st) const override {
    if (is(msg, "chat", 3))
      return gs::noreply(st.map_put(A("inbox"), Term::cons(Term::tuple({msg[1], msg[2]}), *st.map_get(A("inbox")))));
    return GenServer::handle_info(msg, st);
  }
};

Term start_named(Process& self, std::shared_ptr<const GenServer> m, Term args, const char* name) {
  GenServerOptions o;
  if (name) o.name = A(name);
  return gs::start(self, std::move(m), std::move(args), o);
}

Term named_sup(Process& self, Term children, const char* name) {
  supervisor::Options o;
  o.name = A(name);
  return supervisor::start_link(self, std::move(children), o);
}

Term named_dynsup(Process& self, const char* name) {
  dynamic_supervisor::Options o;
  o.name = A(name);
  return dynamic_supervisor::start_link(self, o);
}

// Chatroom.Supervisor's children, in start order (which_children shows them
// newest first).
Term children() {
  auto store = supervisor::child_spec(A("Elixir.Chatroom.Repo.Store"), [](Process& s) {
    return start_named(s, std::make_shared<const Store>(), Term(), "Elixir.Chatroom.Repo.Store");
  }, of("Elixir.Chatroom.Repo.Store"));
  auto rooms = supervisor::child_spec(A("Elixir.Chatroom.RoomSupervisor"), [](Process& s) {
    return named_dynsup(s, "Elixir.Chatroom.RoomSupervisor");
  }, of("Elixir.Chatroom.RoomSupervisor", "supervisor", "Elixir.DynamicSupervisor"));
  auto repo = supervisor::child_spec(A("Elixir.Chatroom.Repo"), [store](Process& s) {
    return named_sup(s, Term::list({store}), "Elixir.Chatroom.Repo");
  }, of("Elixir.Chatroom.Repo", "supervisor"));
  auto pubsub_sup = supervisor::child_spec(A("Elixir.Phoenix.PubSub"), [](Process& s) {
    return pubsub::start_link(s, A("Elixir.Phoenix.PubSub"));
  }, of("Elixir.Phoenix.PubSub", "supervisor", "Elixir.Phoenix.PubSub.Supervisor"));
  auto endpoint = supervisor::child_spec(A("Elixir.ChatroomWeb.Endpoint"), [](Process& s) {
    auto conns = supervisor::child_spec(A("Elixir.ChatroomWeb.Endpoint.Connections"), [](Process& s2) {
      return named_dynsup(s2, "Elixir.ChatroomWeb.Endpoint.Connections");
    }, of("Elixir.ChatroomWeb.Endpoint.Connections", "supervisor", "Elixir.DynamicSupervisor"));
    return named_sup(s, Term::list({conns}), "Elixir.ChatroomWeb.Endpoint");
  }, of("Elixir.ChatroomWeb.Endpoint", "supervisor"));
  return Term::list({rooms, repo, pubsub_sup, endpoint});
}

}  // namespace

void load(Node& node) {
  AppSpec s;
  s.name = Atom::intern("chatroom");
  s.description = "chatroom";
  s.vsn = "0.1.0";
  s.applications = {Atom::intern("kernel"), Atom::intern("stdlib"), Atom::intern("elixir"), Atom::intern("logger")};
  s.modules = Term::list({A("Elixir.Chatroom.Application"), A("Elixir.Chatroom.Repo"), A("Elixir.Chatroom.Room"),
                          A("Elixir.ChatroomWeb.Endpoint"), A("Elixir.ChatroomWeb.Connection")});
  s.start = [](Process& self, const Term&) { return named_sup(self, children(), "Elixir.Chatroom.Supervisor"); };
  application::load(node, std::move(s));
}

Term connect(Process& self, const Term& user, const Term& room) {
  Term spec = supervisor::child_spec(A("connection"), [user, room](Process& s) {
    return gs::start(s, std::make_shared<const Connection>(), Term::tuple({user, room}));
  }, [] { auto o = of("Elixir.ChatroomWeb.Connection"); o.restart = A("temporary"); return o; }());
  return dynamic_supervisor::start_child(self, A("Elixir.ChatroomWeb.Endpoint.Connections"), spec);
}

Term say(Process& self, const Term& connection, const Term& text) {
  return gs::call(self, connection, Term::tuple({A("say"), text}));
}

Term inbox(Process& self, const Term& connection) { return gs::call(self, connection, A("inbox")); }

Term messages(Process& self, const Term& room) {
  std::vector<Term> out;
  Term stored = ets::lookup(self, A(kMessages), room);
  for (const Term* l = &stored; l->is_cons(); l = &l->tail()) out.push_back(Term::tuple({l->head()[1], l->head()[2]}));
  return Term::list(std::span<const Term>(out));
}

Term room(Process& self, const Term& name) {
  // Each room is registered as Chatroom.Room.<name>.
  std::string text = name.is_binary() ? std::string(name.bytes()) : inspect(name);
  Term reg = Term::atom("Elixir.Chatroom.Room." + text);
  if (auto pid = self.node().whereis(reg)) return Term::tuple({A("ok"), Term(*pid)});
  Term spec = supervisor::child_spec(reg, [name, reg](Process& s) {
    GenServerOptions o;
    o.name = reg;
    return gs::start(s, std::make_shared<const Room>(), name, o);
  }, of("Elixir.Chatroom.Room"));
  Term r = dynamic_supervisor::start_child(self, A("Elixir.Chatroom.RoomSupervisor"), spec);
  if (is(r, "error", 2) && is(r[1], "already_started", 2)) return Term::tuple({A("ok"), r[1][1]});
  return r;
}

}  // namespace otp::examples::chatroom

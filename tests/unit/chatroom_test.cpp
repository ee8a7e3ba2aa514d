#include <string>

#include "behaviours/application.hpp"
#include "behaviours/supervisor.hpp"
#include "chatroom/chatroom.hpp"
#include "chatroom/pubsub.hpp"
#include "node_fixture.hpp"
#include "services/ets.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;
namespace chat = otp::examples::chatroom;

namespace {
// which_children with pids masked, as normalize.py does.
std::string masked(const Term& children) {
  std::string s = inspect(children);
  for (std::size_t p = 0; (p = s.find("#PID<", p)) != std::string::npos; p += 7)
    s.replace(p, s.find('>', p) - p + 1, "#PID<*>");
  return s;
}
// A booted node running :chatroom.
void start_chatroom(Process& self) {
  application::boot(self);
  chat::load(self.node());
  application::ensure_all_started(self, a("chatroom"));
}
}  // namespace

TEST_CASE_METHOD(NodeFixture, "the chatroom application runs the seed's supervision tree", "[examples][chatroom]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    application::boot(self);
    chat::load(node);
    seen.push_back(inspect(application::ensure_all_started(self, a("chatroom"))));
    seen.push_back(inspect(list_to_vector(application::started_applications(node))[0]));
    seen.push_back(masked(supervisor::which_children(self, a("Elixir.Chatroom.Supervisor"))));
    application::stop(self, a("chatroom"));
  });
  CHECK(seen == std::vector<std::string>{
                    "{:ok, [:chatroom]}", "{:chatroom, 'chatroom', '0.1.0'}",
                    "[\n  {ChatroomWeb.Endpoint, #PID<*>, :supervisor, [ChatroomWeb.Endpoint]},\n"
                    "  {Phoenix.PubSub, #PID<*>, :supervisor, [Phoenix.PubSub.Supervisor]},\n"
                    "  {Chatroom.Repo, #PID<*>, :supervisor, [Chatroom.Repo]},\n"
                    "  {Chatroom.RoomSupervisor, #PID<*>, :supervisor, [DynamicSupervisor]}\n]"});
}

TEST_CASE_METHOD(NodeFixture, "chat connections hear each other and one crashing leaves the rest alone",
                 "[examples][chatroom]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    start_chatroom(self);
    Term ann = chat::connect(self, Term::binary("ann"), Term::binary("lobby"))[1];
    Term bob = chat::connect(self, Term::binary("bob"), Term::binary("lobby"))[1];
    Term eve = chat::connect(self, Term::binary("eve"), Term::binary("garden"))[1];
    chat::say(self, ann, Term::binary("hello"));
    chat::say(self, bob, Term::binary("hi ann"));
    seen.push_back(inspect(chat::inbox(self, bob)));
    seen.push_back(inspect(chat::inbox(self, eve)));
    self.exit(ann, a("kill"));
    chat::say(self, bob, Term::binary("still here"));
    seen.push_back(inspect(chat::messages(self, Term::binary("lobby"))));
    seen.push_back(inspect(examples::pubsub::subscribers(self, a("Elixir.Phoenix.PubSub"), Term::binary("lobby"))) ==
                           "[" + inspect(bob) + "]"
                       ? "ann unsubscribed"
                       : "ann still subscribed");
    Term room = chat::room(self, Term::binary("lobby"))[1];
    seen.push_back(inspect(gen_server::call(self, room, a("info"))));
    application::stop(self, a("chatroom"));
  });
  CHECK(seen == std::vector<std::string>{
                    "[{\"ann\", \"hello\"}, {\"bob\", \"hi ann\"}]", "[]",
                    "[{\"ann\", \"hello\"}, {\"bob\", \"hi ann\"}, {\"bob\", \"still here\"}]",
                    "ann unsubscribed", "%{name: \"lobby\", said: 3}"});
}

TEST_CASE_METHOD(NodeFixture, "killing the chatroom's store restarts it empty and keeps connections",
                 "[examples][chatroom][supervisor]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    start_chatroom(self);
    Term ann = chat::connect(self, Term::binary("ann"), Term::binary("lobby"))[1];
    chat::say(self, ann, Term::binary("before"));
    Pid store = *node.whereis(a("Elixir.Chatroom.Repo.Store"));
    self.exit(Term(store), a("kill"));
    std::optional<Pid> again;
    for (int k = 0; k < 10 && (!again || *again == store); ++k) {
      self.yield();
      again = node.whereis(a("Elixir.Chatroom.Repo.Store"));
    }
    seen.push_back(again && !(*again == store) ? "restarted" : "not restarted");
    seen.push_back(inspect(chat::messages(self, Term::binary("lobby"))));
    chat::say(self, ann, Term::binary("after"));
    seen.push_back(inspect(chat::messages(self, Term::binary("lobby"))));
    application::stop(self, a("chatroom"));
    seen.push_back(node.whereis(a("Elixir.Chatroom.Supervisor")) ? "tree alive" : "tree gone");
  });
  CHECK(seen == std::vector<std::string>{"restarted", "[]", "[{\"ann\", \"after\"}]", "tree gone"});
}

TEST_CASE_METHOD(NodeFixture, "the chatroom's store keeps the messages in an ETS table it owns",
                 "[examples][chatroom][ets]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    start_chatroom(self);
    Term ann = chat::connect(self, Term::binary("ann"), Term::binary("lobby"))[1];
    chat::say(self, ann, Term::binary("stored"));
    Term table = a("chatroom_messages");
    Pid store = *node.whereis(a("Elixir.Chatroom.Repo.Store"));
    seen.push_back(ets::info(self, table, a("owner")) == Term(store) ? "owned by the store" : "owner?");
    seen.push_back(inspect(ets::info(self, table, a("type"))) + " " + inspect(ets::info(self, table, a("protection"))));
    seen.push_back(inspect(ets::lookup(self, table, Term::binary("lobby"))));
    try {  // protected: only the store writes
      ets::insert(self, table, t({Term::binary("lobby"), Term::binary("eve"), Term::binary("forged")}));
      seen.push_back("written");
    } catch (const ErlangError& e) {
      seen.push_back(inspect(e.reason));
    }
    application::stop(self, a("chatroom"));
    seen.push_back(inspect(ets::info(self, table)));
  });
  CHECK(seen == std::vector<std::string>{"owned by the store", ":duplicate_bag :protected",
                                         "[{\"lobby\", \"ann\", \"stored\"}]", ":badarg", ":undefined"});
}

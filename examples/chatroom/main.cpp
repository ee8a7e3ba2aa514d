// otp_chatroom: the seed's "See It In Action" on this runtime.
#include <cstdio>

#include "behaviours/application.hpp"
#include "behaviours/supervisor.hpp"
#include "chatroom/chatroom.hpp"

using namespace otp;
namespace chat = otp::examples::chatroom;

int main() {
  NodeOptions options;
  options.log = [](std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); };
  Node node(options);
  node.spawn([](Process& self) {
    auto show = [](const char* what, const Term& t) { std::printf("iex> %s\n%s\n", what, inspect(t).c_str()); };
    application::boot(self);
    chat::load(self.node());
    show("Application.ensure_all_started(:chatroom)", application::ensure_all_started(self, Term::atom("chatroom")));
    show("Application.started_applications()", application::started_applications(self.node()));
    show("Supervisor.which_children(Chatroom.Supervisor)",
         supervisor::which_children(self, Term::atom("Elixir.Chatroom.Supervisor")));
    Term ann = chat::connect(self, Term::binary("ann"), Term::binary("lobby"))[1];
    Term bob = chat::connect(self, Term::binary("bob"), Term::binary("lobby"))[1];
    chat::say(self, ann, Term::binary("hello"));
    chat::say(self, bob, Term::binary("hi ann"));
    show("inbox of bob", chat::inbox(self, bob));
    self.exit(ann, Term::atom("kill"));
    chat::say(self, bob, Term::binary("ann crashed, I am fine"));
    show("Chatroom.Repo.messages(\"lobby\")", chat::messages(self, Term::binary("lobby")));
    show("Application.stop(:chatroom)", application::stop(self, Term::atom("chatroom")));
  });
  node.run_until_idle();
  std::printf("processes left: %zu\n", node.process_count());
  return 0;
}

// Registers Counter, Calc and the chatroom's functions with the shell (see
// shell_modules.hpp).
#include "shell_modules/shell_modules.hpp"

#include "chatroom/chatroom.hpp"
#include "counter/counter.hpp"
#include "divide/calc.hpp"
#include "shell/eval/behaviour_native.hpp"
#include "term/error.hpp"

namespace otp::examples {

namespace {

using Args = std::span<const Term>;

Term A(const char* s) { return Term::atom(s); }

// %{id: Mod, start: {Mod, :start_link, [arg]}}, as `use GenServer` makes it.
Term spec_of(const char* module, const Term& arg) {
  return Term::map({{A("id"), A(module)}, {A("start"), Term::tuple({A(module), A("start_link"), Term::list({arg})})}});
}

Term name_or_none(Args a, std::size_t i) {
  return a.size() > i && !a[i].is_atom(atom::nil) ? a[i] : Term::empty_list();
}

}  // namespace

void register_shell_modules(Node& node) {
  using shell::register_native;
  // Counter
  shell::register_native_gen_server(node, std::make_shared<const Counter>());
  auto counter_start = [](Process& self, Args a) { return counter::start_link(self, a[0], name_or_none(a, 1)); };
  register_native(node, "Counter", "start_link", 1, counter_start);
  register_native(node, "Counter", "start_link", 2, counter_start);
  register_native(node, "Counter", "value", 1, [](Process& self, Args a) { return counter::value(self, a[0]); });
  register_native(node, "Counter", "increment", 1, [](Process& self, Args a) {
    counter::increment(self, a[0]);
    return Term(atom::ok);
  });
  register_native(node, "Counter", "add", 2, [](Process& self, Args a) {
    if (!a[1].is_small()) throw ErlangError(Term(atom::badarith));
    counter::add(self, a[0], a[1].small());
    return Term(atom::ok);
  });
  register_native(node, "Counter", "child_spec", 1, [](Process&, Args a) { return spec_of("Elixir.Counter", a[0]); });
  // Calc
  shell::register_native_gen_server(node, std::make_shared<const Calc>());
  register_native(node, "Calc", "start_link", 1, [](Process& self, Args) { return calc::start_link(self); });
  register_native(node, "Calc", "divide", 2, [](Process& self, Args a) { return calc::divide(self, a[0], a[1]); });
  register_native(node, "Calc", "child_spec", 1, [](Process&, Args a) { return spec_of("Elixir.Calc", a[0]); });
  // The chatroom (its application is loaded and started by the host)
  register_native(node, "ChatroomWeb.Endpoint", "connect", 2,
                  [](Process& self, Args a) { return chatroom::connect(self, a[0], a[1]); });
  register_native(node, "ChatroomWeb.Endpoint", "say", 2,
                  [](Process& self, Args a) { return chatroom::say(self, a[0], a[1]); });
  register_native(node, "ChatroomWeb.Endpoint", "inbox", 1,
                  [](Process& self, Args a) { return chatroom::inbox(self, a[0]); });
  register_native(node, "Chatroom.Repo", "messages", 1,
                  [](Process& self, Args a) { return chatroom::messages(self, a[0]); });
  register_native(node, "Chatroom.Room", "room", 1, [](Process& self, Args a) { return chatroom::room(self, a[0]); });
}

}  // namespace otp::examples

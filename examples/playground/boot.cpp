#include "playground/boot.hpp"

#include "behaviours/application.hpp"
#include "chatroom/chatroom.hpp"
#include "counter/counter.hpp"
#include "divide/calc.hpp"
#include "shell_modules/shell_modules.hpp"
#include "switch/switch.hpp"

namespace otp::examples {

void boot_playground(Node& node) {
  node.spawn([](Process& self) {
    application::boot(self);
    counter::load(self.node());
    calc::child_spec(self.node());
    chatroom::load(self.node());
    application::ensure_all_started(self, Term::atom("chatroom"));
  });
  register_shell_modules(node);
  telephone::register_shell(node);
  node.run_until_idle();
}

}  // namespace otp::examples

// otp_divide: let it crash. A supervised Calc divides; dividing by zero
// crashes it, the supervisor restarts it, and the caller is told.
#include <cstdio>

#include "behaviours/supervisor.hpp"
#include "behaviours/sys.hpp"
#include "divide/calc.hpp"
#include "runtime/exit.hpp"

using namespace otp;

int main() {
  NodeOptions options;
  options.log = [](std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); };
  Node node(options);
  node.spawn([](Process& self) {
    const Term calc = Term::atom("Elixir.Calc");
    std::printf("Supervisor.start_link([Calc], ...)  -> %s\n",
                inspect(examples::calc::start_supervised(self)).c_str());
    std::printf("Calc divide 10 / 2                  -> %s\n",
                inspect(examples::calc::divide(self, Term::integer(10), Term::integer(2))).c_str());
    std::printf(":sys.get_state(Calc)                -> %s\n", inspect(sys::get_state(self, calc)).c_str());
    Term before(*self.node().whereis(calc));
    try {
      examples::calc::divide(self, Term::integer(1), Term::integer(0));
    } catch (const ExitSignal& e) {
      std::printf("Calc divide 1 / 0: the caller exits  -> %s\n", inspect(e.reason).c_str());
    }
    self.sleep(10);  // the supervisor restarts Calc meanwhile
    Term after(*self.node().whereis(calc));
    std::printf("Calc was %s, is now %s, state %s\n", inspect(before).c_str(), inspect(after).c_str(),
                inspect(sys::get_state(self, calc)).c_str());
    std::printf("Calc divide 8 / 2                   -> %s\n",
                inspect(examples::calc::divide(self, Term::integer(8), Term::integer(2))).c_str());
    std::printf("Supervisor.count_children(CalcSup)  -> %s\n",
                inspect(supervisor::count_children(self, Term::atom("Elixir.CalcSup"))).c_str());
  });
  for (;;) {
    RunResult r = node.run(1'000'000);
    if (r.idle && !r.next_timer) break;
  }
  return 0;
}

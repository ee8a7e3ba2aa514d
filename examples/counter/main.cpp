// otp_counter: the Counter GenServer, step by step.
#include <cstdio>

#include "counter/counter.hpp"
#include "behaviours/sys.hpp"

using namespace otp;

int main() {
  Node node;
  node.spawn([](Process& self) {
    Term pid = examples::counter::start_link(self, Term::integer(0))[1];
    std::printf("{:ok, pid} = Counter.start_link(0)     -> %s\n", inspect(pid).c_str());
    examples::counter::increment(self, pid);
    examples::counter::increment(self, pid);
    examples::counter::add(self, pid, 40);
    std::printf("Counter.value(pid)                     -> %s\n",
                inspect(examples::counter::value(self, pid)).c_str());
    std::printf(":sys.get_state(pid)                    -> %s\n", inspect(sys::get_state(self, pid)).c_str());
    gen_server::stop(self, pid);
    std::printf("GenServer.stop(pid); alive?             -> %s\n", self.node().alive(pid.pid()) ? "true" : "false");
  });
  node.run_until_idle();
  return 0;
}

// An outside program on the installed library: plain processes, a GenServer
// of its own, and the switch example from otp_examples. Prints what
// tests/install/run_consumer.cmake checks.
#include <cstdio>

#include "behaviours/gen_server.hpp"
#include "runtime/node.hpp"
#include "switch/switch.hpp"

using namespace otp;

namespace {

// A counter: call :next answers the count and adds one.
class Counter : public GenServer {
 public:
  Term module_name() const override { return Term::atom("Elixir.Consumer.Counter"); }
  Term init(const Term& n) const override { return gen_server::ok(n); }
  Term handle_call(const Term&, const Term&, const Term& n) const override {
    return gen_server::reply(n, Term::integer(n.small() + 1));
  }
};

}  // namespace

int main() {
  Node node;
  // 1,000 processes passing a token along a chain.
  std::vector<Pid> chain(1000);
  int64_t arrived = -1;
  for (std::size_t k = chain.size(); k-- > 0;) {
    const Pid next = k + 1 < chain.size() ? chain[k + 1] : Pid{};
    const bool last = k + 1 == chain.size();
    chain[k] = node.spawn_handler([next, last, &arrived](Process& self, const Term& msg) {
      if (last) arrived = msg.small();
      else self.send(next, Term::integer(msg.small() + 1));
    });
  }
  node.send(chain[0], Term::integer(1));
  node.run_until_idle();
  std::printf("token passed %lld hops\n", static_cast<long long>(arrived));

  node.spawn([](Process& self) {
    Term pid = gen_server::start(self, std::make_shared<const Counter>(), Term::integer(41))[1];
    gen_server::call(self, pid, Term::atom("next"));
    std::printf("counter says %s\n", inspect(gen_server::call(self, pid, Term::atom("next"))).c_str());
  });
  node.run_until_idle();

  namespace tel = otp::examples::telephone;
  node.spawn([](Process& self) {
    tel::Config c;
    c.partitions = 2;
    c.calls_per_tick = 0;
    tel::start_link(self, c);
    for (int k = 0; k < 100; ++k) tel::place_call(self, 10'000);
    self.receive();
  });
  node.run_until_idle();
  std::printf("switch calls up %lld\n", static_cast<long long>(tel::summary(node).still_up));
  return 0;
}

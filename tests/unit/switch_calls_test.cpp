// The telephone switch example (examples/switch) on the virtual clock:
// 100,000 calls placed and hung up, one in 100 crashing on purpose, and
// every other call unaffected.
#include "node_fixture.hpp"
#include "switch/switch.hpp"
#include "behaviours/dynamic_supervisor.hpp"
#include "behaviours/gen_server.hpp"

using namespace otp;
using namespace otp::test;
namespace tel = otp::examples::telephone;

TEST_CASE_METHOD(NodeFixture, "the switch holds 100,000 calls and only the noisy ones crash and are restarted",
                 "[switch]") {
  Driver d(*this);
  tel::Config c;
  c.partitions = 100;
  c.calls_per_tick = 10'000;
  c.tick_ms = 10;
  c.max_calls = 100'000;
  c.min_call_ms = 1'000;
  c.max_call_ms = 5'000;
  c.crash_every = 100;
  d([&](Process& self) { REQUIRE(tel::start_link(self, c)[0] == a("ok")); });

  // Every call is placed by t = 100 ms; none hangs up before 1 s and no
  // noise comes before 500 ms.
  run_timers_until(200);
  tel::Summary s = tel::summary(node);
  CHECK(s.set_up == 100'000);
  CHECK(s.still_up == 100'000);
  CHECK(s.completed == 0);
  CHECK(s.crashed == 0);
  CHECK(s.dropped == 0);

  run_timers_until();
  s = tel::summary(node);
  CHECK(s.set_up == 100'000);
  CHECK(s.completed == 100'000);
  CHECK(s.crashed == 1'000);
  CHECK(s.restarts == 1'000);
  CHECK(s.still_up == 0);
  CHECK(s.dropped == 0);
  CHECK(s.shell_callbacks == 0);
  CHECK(count(logs, "{:line_noise, ") == 1'000);
  CHECK(tel::format(s).find("no other call was affected") != std::string::npos);
  // Calls hang up at their own time, so the last is gone by 5 s (+ the
  // 100 ms it took to place them all).
  CHECK(clock.now_ms() <= 5'100);
}

TEST_CASE_METHOD(NodeFixture, "a call that crashes on line noise is restarted and hangs up at its original time",
                 "[switch]") {
  Driver d(*this);
  tel::Config c;
  c.partitions = 1;
  c.calls_per_tick = 0;  // no traffic: the test places the calls
  Term noisy, quiet;
  d([&](Process& self) {
    REQUIRE(tel::start_link(self, c)[0] == a("ok"));
    noisy = tel::place_call(self, 1'000, true)[1];
    quiet = tel::place_call(self, 1'000, false)[1];
  });
  run_timers_until(600);  // the noise came at 500 ms
  CHECK_FALSE(node.alive(noisy.pid()));
  CHECK(node.alive(quiet.pid()));
  tel::Summary s = tel::summary(node);
  CHECK(s.crashed == 1);
  CHECK(s.restarts == 1);
  CHECK(s.still_up == 2);
  CHECK(s.dropped == 0);
  CHECK(count(logs, "** (ErlangError) Erlang error: {:line_noise, 0}") == 1);
  // The restarted call kept its {id, hangup_at} and answers the C++ :info.
  d([&](Process& self) {
    Term kids = dynamic_supervisor::which_children(self, a("Elixir.Switch.Calls.P0"));
    for (const Term* k = &kids; k->is_cons(); k = &k->tail())
      if (k->head()[1] != quiet)
        CHECK(inspect(gen_server::call(self, k->head()[1], a("info"))) == "{:cpp, {0, 1000}}");
  });
  run_timers_until(999);
  CHECK(tel::summary(node).still_up == 2);
  run_timers_until(1'000);
  s = tel::summary(node);
  CHECK(s.completed == 2);
  CHECK(s.still_up == 0);
  CHECK(s.dropped == 0);
}

TEST_CASE_METHOD(NodeFixture, "place_call before the switch is started is an error", "[switch]") {
  Driver d(*this);
  d([&](Process& self) { CHECK(inspect(tel::place_call(self, 10)) == "{:error, :not_started}"); });
}

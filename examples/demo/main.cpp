// otp_demo: a guided tour of the process runtime, natively, until the
// playground's shell exists. Each step prints what it does and what OTP
// would show, using the same terms and inspect as the shell will.
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "runtime/node.hpp"
#include "term/error.hpp"

using namespace otp;

namespace {

void say(const std::string& s) { std::printf("%s\n", s.c_str()); }
Term a(const char* s) { return Term::atom(s); }
Term tup(std::initializer_list<Term> xs) { return Term::tuple(xs); }

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void processes_are_cheap(Node& node) {
  say("\n== Processes are cheap ==");
  constexpr int kCount = 100'000;
  auto t0 = std::chrono::steady_clock::now();
  std::vector<Pid> pids;
  for (int k = 0; k < kCount; ++k)
    pids.push_back(node.spawn_handler([](Process& self, const Term& msg) {
      self.send(msg[0].pid(), tup({a("pong"), Term(self.self())}));
    }));
  node.run_until_idle();
  say("spawned " + std::to_string(node.process_count()) + " processes in " +
      std::to_string(ms_since(t0)) + " ms; each waits for a message and holds no stack");
  int pongs = 0;
  node.spawn([&](Process& self) {
    for (Pid p : pids) self.send(p, tup({Term(self.self()), a("ping")}));
    for (int k = 0; k < kCount; ++k) {
      self.receive();
      ++pongs;
    }
  });
  node.run_until_idle();
  say("pinged them all: " + std::to_string(pongs) + " pongs");
  for (Pid p : pids) node.exit(Term(p), a("kill"));
  node.run_until_idle();
}

void let_it_crash(Node& node) {
  say("\n== Let it crash: links and trap_exit ==");
  node.spawn([](Process& self) {
    self.trap_exit(true);
    SpawnOptions linked;
    linked.link = true;
    auto worker = self.spawn(
        [](Process& me) {
          Term msg = me.receive();
          if (msg == Term::integer(0)) throw ErlangError(a("badarith"));  // divide by zero
        },
        linked);
    say("a supervisor-like process " + inspect(Term(self.self())) + " traps exits and links to " +
        inspect(Term(worker.pid)));
    self.send(worker.pid, Term::integer(0));
    Term exit = self.receive();
    say("the worker crashed; the trapping process received:\n  " + inspect(exit));
    auto again = self.spawn([](Process& me) { me.receive(); }, linked);
    say("so it starts a fresh one: " + inspect(Term(again.pid)));
    self.exit(Term(again.pid), a("shutdown"));
    say("and shuts it down: " + inspect(self.receive()));
  });
  node.run_until_idle();
}

void monitors_and_info(Node& node) {
  say("\n== Names, monitors and Process.info ==");
  node.spawn([&](Process& self) {
    auto worker = self.spawn([](Process& me) {
      while (me.receive() != Term::atom("stop")) {
      }
    });
    node.register_name(a("worker"), Term(worker.pid));
    self.monitor(a("worker"));
    self.send(a("worker"), a("hello"));
    say("Process.info(worker, :registered_name) -> " +
        inspect(node.process_info(Term(worker.pid), a("registered_name"))));
    say("Process.info(worker, :monitored_by)    -> " +
        inspect(node.process_info(Term(worker.pid), a("monitored_by"))));
    self.send(a("worker"), a("stop"));
    say("after :stop, the monitor says: " + inspect(self.receive()));
    self.monitor(Term(worker.pid));
    say("monitoring it again, now dead: " + inspect(self.receive()));
  });
  node.run_until_idle();
}

void timers(Node& node) {
  say("\n== Timers ==");
  node.spawn([](Process& self) {
    self.send_after(50, Term(self.self()), a("tick"));
    auto t0 = std::chrono::steady_clock::now();
    Term m = self.receive();
    say("send_after(50 ms) delivered " + inspect(m) + " after " + std::to_string(ms_since(t0)) +
        " ms");
    auto none = self.receive([](const Term&) { return true; }, Timeout{20});
    say("receive ... after 20 -> " + std::string(none ? inspect(*none) : ":timeout"));
  });
  // A host loop, as the native shell drives its node: run, then sleep until
  // the next timer.
  for (;;) {
    RunResult r = node.run(100'000);
    if (r.idle && !r.next_timer) break;
    if (r.idle) {
      auto wait = *r.next_timer - node.now_ms();
      if (wait > 0) std::this_thread::sleep_for(std::chrono::milliseconds(wait));
    }
  }
}

}  // namespace

int main() {
  say("OTP Playground runtime demo (native). Processes, links, monitors and timers");
  say("on one host-driven scheduler; the IEx shell and the browser page build on it.");
  NodeOptions options;
  options.log = [](std::string_view text) {  // crash reports in line with the rest
    std::fwrite(text.data(), 1, text.size(), stdout);
  };
  Node node(options);
  processes_are_cheap(node);
  let_it_crash(node);
  monitors_and_info(node);
  timers(node);
  say("\nlive processes at the end: " + std::to_string(node.process_count()));
  return 0;
}

// otp_switch: the seed's telephone switch. Calls arrive and hang up, one in
// --crash-every crashes on purpose, and the summary shows that every other
// call was unaffected.
//
//   otp_switch                 100,000 calls, 2,000 every 10 ms, 1-4 s each
//   otp_switch --calls N --per-tick N --tick MS --min MS --max MS --crash-every N --partitions P
//   otp_switch --shell ...     the same with an IEx session on stdin, in the
//                              switch's node: define a new Switch.Call while
//                              the calls run (hot code upgrade)
//   otp_switch --hold N        sets up N calls at once, holds them, and prints
//                              calls set up per second and bytes per call
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

#include "shell/session/session.hpp"
#include "switch/switch.hpp"

using namespace otp;
namespace tel = otp::examples::telephone;

namespace {

std::size_t resident_bytes() {
  long total = 0, resident = 0;
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  if (std::fscanf(f, "%ld %ld", &total, &resident) != 2) resident = 0;
  std::fclose(f);
  return static_cast<std::size_t>(resident) * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void print(std::string_view s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fflush(stdout);
}

// Runs the node until nothing is runnable and no timer is left, sleeping
// until each next timer. With a session, lines read from stdin are typed
// into it until stdin ends. Without one, a status line about once a second.
void drive(Node& node, shell::Session* session) {
  auto t0 = std::chrono::steady_clock::now();
  double next_status = 1.0;
  bool input_open = session != nullptr;
  std::string pending;
  for (;;) {
    RunResult r = node.run(20'000);
    if (!r.idle) continue;
    if (!session && seconds_since(t0) >= next_status) {
      tel::Summary s = tel::summary(node);
      std::printf("%5.1fs  up %8lld  set up %8lld  completed %8lld  crashed %5lld  restarts %5lld  dropped %lld\n",
                  seconds_since(t0), (long long)s.still_up, (long long)s.set_up, (long long)s.completed,
                  (long long)s.crashed, (long long)s.restarts, (long long)s.dropped);
      next_status += 1.0;
    }
    int64_t wait = r.next_timer ? std::max<int64_t>(0, *r.next_timer - node.now_ms()) : -1;
    if (!input_open) {
      if (wait < 0) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(wait));
      continue;
    }
    pollfd in{STDIN_FILENO, POLLIN, 0};
    if (poll(&in, 1, wait < 0 ? -1 : static_cast<int>(std::min<int64_t>(wait, 1000))) <= 0) continue;
    char buf[4096];
    ssize_t got = read(STDIN_FILENO, buf, sizeof buf);
    if (got <= 0) {
      input_open = false;
      if (!pending.empty()) session->input(pending);
      continue;
    }
    pending.append(buf, static_cast<std::size_t>(got));
    for (std::size_t nl; (nl = pending.find('\n')) != std::string::npos; pending.erase(0, nl + 1))
      session->input(std::string_view(pending).substr(0, nl));
  }
}

[[noreturn]] void hold(Node& node, int64_t calls) {
  const std::size_t before = resident_bytes();
  double secs = 0;
  node.spawn([&](Process& self) {
    tel::Config c;
    c.partitions = std::max<int64_t>(1, calls / 1000);
    c.calls_per_tick = 0;
    tel::start_link(self, c);
    auto t0 = std::chrono::steady_clock::now();
    for (int64_t k = 0; k < calls; ++k) tel::place_call(self, 3'600'000);
    secs = seconds_since(t0);
    self.receive();  // keep the switch (linked to this process) up
  });
  node.run_until_idle();
  const std::size_t after = resident_bytes();
  print(tel::format(tel::summary(node)));
  std::printf("%lld calls set up in %.2f s: %.0f calls/s, %.0f bytes per call (RSS)\n", (long long)calls, secs,
              static_cast<double>(calls) / secs, static_cast<double>(after - before) / static_cast<double>(calls));
  std::fflush(stdout);
  std::_Exit(0);  // a million calls need no orderly teardown
}

}  // namespace

int main(int argc, char** argv) {
  tel::Config c;
  c.max_calls = 100'000;
  c.calls_per_tick = 2'000;
  c.min_call_ms = 1'000;
  c.max_call_ms = 4'000;
  c.partitions = 0;
  int64_t hold_calls = 0;
  bool with_shell = false;
  for (int k = 1; k < argc; ++k) {
    auto num = [&](int64_t* out) {
      if (k + 1 >= argc) return false;
      *out = std::atoll(argv[++k]);
      return true;
    };
    bool ok = false;
    if (!std::strcmp(argv[k], "--calls")) ok = num(&c.max_calls);
    else if (!std::strcmp(argv[k], "--per-tick")) ok = num(&c.calls_per_tick);
    else if (!std::strcmp(argv[k], "--tick")) ok = num(&c.tick_ms);
    else if (!std::strcmp(argv[k], "--min")) ok = num(&c.min_call_ms);
    else if (!std::strcmp(argv[k], "--max")) ok = num(&c.max_call_ms);
    else if (!std::strcmp(argv[k], "--crash-every")) ok = num(&c.crash_every);
    else if (!std::strcmp(argv[k], "--partitions")) ok = num(&c.partitions);
    else if (!std::strcmp(argv[k], "--hold")) ok = num(&hold_calls);
    else if (!std::strcmp(argv[k], "--shell")) ok = with_shell = true;
    if (!ok) {
      std::fprintf(stderr,
                   "usage: %s [--shell] [--calls N] [--per-tick N] [--tick MS] [--min MS] [--max MS]\n"
                   "          [--crash-every N] [--partitions P] | --hold N\n",
                   argv[0]);
      return 2;
    }
  }
  if (c.calls_per_tick <= 0 || c.tick_ms <= 0 || c.max_calls <= 0) {
    std::fprintf(stderr, "--calls, --per-tick and --tick must be positive\n");
    return 2;
  }
  if (c.partitions <= 0) c.partitions = std::max<int64_t>(1, c.max_calls / 1000);

  // Log reports: the first one is shown, the others only counted.
  int64_t reports = 0;
  NodeOptions options;
  options.log = [&reports](std::string_view text) {
    if (reports++ == 0) {
      print(text);
      print("(further log reports are counted, not shown)\n\n");
    }
  };
  Node node(options);
  if (hold_calls > 0) hold(node, hold_calls);

  std::printf("otp_switch: %lld calls, %lld every %lld ms, %lld-%lld ms each, 1 in %lld crashes, %lld partitions\n\n",
              (long long)c.max_calls, (long long)c.calls_per_tick, (long long)c.tick_ms, (long long)c.min_call_ms,
              (long long)c.max_call_ms, (long long)c.crash_every, (long long)c.partitions);
  std::fflush(stdout);
  Pid owner = node.spawn([&](Process& self) {
    Term r = tel::start_link(self, c);
    if (!r.is_tuple() || !r[0].is_atom(atom::ok)) std::printf("start_link: %s\n", inspect(r).c_str());
    self.receive();  // the switch is linked to this process; stopped below
  });
  if (with_shell) {
    tel::register_shell(node);  // Switch.summary() and friends at the prompt
    const bool tty = isatty(STDIN_FILENO);
    shell::SessionOptions so;
    so.output = print;
    so.prompt = [tty](std::string_view p) { if (tty) print(p); };
    so.banner_at_start = tty;
    shell::Session session(node, std::move(so));
    session.start();
    drive(node, &session);
  } else {
    drive(node, nullptr);
  }
  tel::Summary s = tel::summary(node);
  std::printf("\n%s", tel::format(s).c_str());
  std::printf("log reports: %lld\n", (long long)reports);
  node.exit(Term(owner), Term::atom("shutdown"));
  node.run_until_idle();
  return s.dropped == 0 ? 0 : 1;
}

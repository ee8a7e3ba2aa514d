// A node on a virtual clock for deterministic tests, with a leak check at
// teardown: no process, fiber or heap term may outlive the node.
#pragma once
#include <catch2/catch.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "fiber/fiber.hpp"
#include "runtime/exit.hpp"
#include "runtime/node.hpp"
#include "term/term.hpp"

namespace otp::test {

struct NodeFixture {
  ManualClock clock;
  std::vector<std::string> logs;
  std::size_t terms_before = term_live_objects();
  std::size_t fibers_before = fiber::stats().live;
  std::unique_ptr<Node> node_ptr;
  Node& node;

  explicit NodeFixture(int32_t turn_reductions = 4000)
      : node_ptr(std::make_unique<Node>(make_options(turn_reductions))), node(*node_ptr) {}

  NodeOptions make_options(int32_t turn_reductions) {
    NodeOptions o;
    o.clock = &clock;
    o.turn_reductions = turn_reductions;
    o.log = [this](std::string_view s) { logs.emplace_back(s); };
    return o;
  }

  ~NodeFixture() {
    node_ptr.reset();
    CHECK(fiber::stats().live == fibers_before);
    CHECK(term_live_objects() == terms_before);
  }

  // Spawns `body`, runs the node until idle, returns the pid.
  Pid run(Body body, SpawnOptions opts = {}) {
    Pid p = node.spawn(std::move(body), std::move(opts));
    node.run_until_idle();
    return p;
  }

  // Runs the node to idle, then moves the clock to each next timer until
  // none is left or `until_ms` is reached (-1: no limit).
  void run_timers_until(int64_t until_ms = -1) {
    for (;;) {
      node.run_until_idle();
      RunResult r = node.run(0);
      if (!r.next_timer) return;
      if (until_ms >= 0 && *r.next_timer > until_ms) {
        clock.set(until_ms);
        node.run_until_idle();
        return;
      }
      if (*r.next_timer > clock.now_ms()) clock.set(*r.next_timer);
    }
  }
};

inline Term a(const char* name) { return Term::atom(name); }
inline Term i(int64_t v) { return Term::integer(v); }
inline Term t(std::initializer_list<Term> xs) { return Term::tuple(xs); }

// Matches a message that is a tuple whose first element is the atom `tag`.
inline auto tagged(Term tag) {
  return [tag](const Term& m) { return m.is_tuple() && m.tuple_size() > 0 && m[0] == tag; };
}

// Runs `body` and returns the exit reason it threw (ExitSignal), printed on
// one line, or "[]" if it returned.
template <class F>
std::string exit_of(F&& body) {
  try {
    body();
  } catch (const ExitSignal& e) {
    InspectOptions one_line;
    one_line.width = 100000;
    return inspect(e.reason, one_line);
  }
  return "[]";
}

// How many log entries contain `needle`.
inline std::size_t count(const std::vector<std::string>& logs, const std::string& needle) {
  std::size_t n = 0;
  for (const auto& l : logs) n += l.find(needle) != std::string::npos;
  return n;
}

// A process that runs test steps (jobs) on request, so that calls needing a
// live caller (a supervisor's parent, say) are made from a process while
// the test drives the node from outside.
struct Driver {
  NodeFixture& f;
  std::function<void(Process&)> job;
  Pid pid{};
  explicit Driver(NodeFixture& fx, bool trap = false) : f(fx) {
    pid = f.node.spawn([this, trap](Process& self) {
      self.trap_exit(trap);
      for (;;) {
        self.receive([](const Term& m) { return m == Term::atom("go"); }, Timeout::infinity());
        job(self);
      }
    });
    f.node.run_until_idle();
  }
  void operator()(std::function<void(Process&)> j) {
    job = std::move(j);
    f.node.send(pid, Term::atom("go"));
    f.node.run_until_idle();
  }
};

}  // namespace otp::test

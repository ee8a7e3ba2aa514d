// The bench program: one line per figure, `BENCH <name> <value>`, with the
// names and sizes of ../shared/BENCH.md. Built natively and as wasm (run the
// .js under node, or otp_bench_web in Chromium through chromium.mjs).
// `--only NAME` runs the figures whose name contains NAME (repeatable, or
// NAME,NAME); `--scale F` multiplies the sizes (for quick checks);
// `--tab-limits` adds what a browser tab holds (tab_limits.cpp), which
// otherwise runs only when an --only names it. Erlang's equivalents are in
// erl/ and compare.sh runs both.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include <unistd.h>
#if defined(__EMSCRIPTEN__)
#include <malloc.h>
#else
#include <sys/wait.h>
#endif

#include "bench.hpp"
#include "fiber/fiber.hpp"
#include "behaviours/gen_server.hpp"
#include "behaviours/supervisor.hpp"
#include "runtime/exit.hpp"
#include "runtime/node.hpp"

using namespace otp;

namespace otp_bench {

namespace {
double g_scale = 1.0;
std::vector<std::string> g_only;  // empty: every figure
bool g_tab_limits = false;

std::vector<Group>& groups() {
  static std::vector<Group> all;
  return all;
}
}  // namespace

int64_t scaled(int64_t n) { return std::max<int64_t>(1, static_cast<int64_t>(n * g_scale)); }

double now_ns() {
  using namespace std::chrono;
  return static_cast<double>(
      duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count());
}

// Resident memory in bytes: RSS natively (each memory figure runs in a
// forked child, so memory freed by an earlier figure cannot be reused and
// hide a cost); in wasm, where there is no fork, the bytes malloc has handed
// out (mallinfo), which memory reuse does not distort.
std::size_t resident_bytes() {
#if defined(__EMSCRIPTEN__)
  return static_cast<std::size_t>(mallinfo().uordblks);
#else
  long pages_total = 0, pages_resident = 0;
  FILE* f = std::fopen("/proc/self/statm", "r");
  if (!f) return 0;
  if (std::fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) pages_resident = 0;
  std::fclose(f);
  return static_cast<std::size_t>(pages_resident) * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
#endif
}

void report(const char* name, double value) {
  std::printf("BENCH %s %.1f\n", name, value);
  std::fflush(stdout);
}

void isolated(const std::function<void()>& figure) {
#if defined(__EMSCRIPTEN__)
  figure();
  // The closest to a fresh process: the stacks the figure's fibers left in
  // the pool go back to malloc (10,000 fiber processes pool 1.6 GB here,
  // and the figures after it would not fit in the 2 GiB maximum).
  otp::fiber::trim_pool();
#else
  std::fflush(stdout);
  pid_t child = fork();
  if (child == 0) {
    figure();
    std::fflush(stdout);
    _exit(0);
  }
  int status = 0;
  if (child < 0 || waitpid(child, &status, 0) < 0) figure();
#endif
}

double scale() { return g_scale; }

bool wanted(const char* name) {
  if (g_only.empty()) return true;
  for (const std::string& part : g_only)
    if (std::strstr(name, part.c_str())) return true;
  return false;
}

bool asked(const char* name) { return (g_tab_limits || !g_only.empty()) && wanted(name); }

Registration::Registration(Group group) { groups().push_back(std::move(group)); }

}  // namespace otp_bench

using namespace otp_bench;

namespace {

// ring_hop_ns: N processes in a ring pass a counter around until it reaches 0.
void ring(int64_t procs, int64_t hops) {
  Node node;
  bool done = false;
  // Each member forwards n - 1 to the next; the ring is closed once every
  // pid is known.
  auto next_of = std::make_shared<std::vector<Pid>>(static_cast<std::size_t>(procs));
  std::vector<Pid> pids;
  for (int64_t k = 0; k < procs; ++k) {
    pids.push_back(node.spawn_handler([next_of, k, &done](Process& self, const Term& msg) {
      int64_t n = msg.small();
      if (n == 0) {
        done = true;
        return;
      }
      self.send((*next_of)[static_cast<std::size_t>(k)], Term::integer(n - 1));
    }));
  }
  for (int64_t k = 0; k < procs; ++k)
    (*next_of)[static_cast<std::size_t>(k)] = pids[static_cast<std::size_t>((k + 1) % procs)];
  double t0 = now_ns();
  node.send(pids[0], Term::integer(hops));
  node.run_until_idle();
  double t1 = now_ns();
  if (!done) std::printf("ring did not finish\n");
  report("ring_hop_ns", (t1 - t0) / static_cast<double>(hops));
}

// call_ns: a client process sends {self, ref, req} and selectively receives
// {ref, reply}; the server answers at once.
void call(int64_t calls) {
  Node node;
  Pid server = node.spawn_handler([](Process& self, const Term& msg) {
    self.send(msg[0].pid(), Term::tuple({msg[1], msg[2]}));
  });
  double t0 = 0, t1 = 0;
  node.spawn([&](Process& self) {
    Term me(self.self());
    t0 = now_ns();
    for (int64_t k = 0; k < calls; ++k) {
      Term ref(node.make_ref());
      self.send(server, Term::tuple({me, ref, Term::integer(k)}));
      self.receive(
          [&ref](const Term& m) { return m.is_tuple() && m.tuple_size() == 2 && m[0] == ref; },
          Timeout::infinity());
    }
    t1 = now_ns();
  });
  node.run_until_idle();
  report("call_ns", (t1 - t0) / static_cast<double>(calls));
}

// spawn_ns and proc_bytes: N processes, each left waiting in receive.
void spawn_many(int64_t n, bool fibers) {
  Node node;
  std::size_t before = resident_bytes();
  double t0 = now_ns();
  if (fibers) {
    for (int64_t k = 0; k < n; ++k) node.spawn([](Process& self) { self.receive(); });
  } else {
    for (int64_t k = 0; k < n; ++k) node.spawn_handler([](Process&, const Term&) {});
  }
  node.run_until_idle();  // every process has run up to its receive
  double t1 = now_ns();
  std::size_t after = resident_bytes();
  if (node.process_count() != static_cast<std::size_t>(n)) std::printf("spawn: wrong count\n");
  const double bytes = static_cast<double>(after - before) / static_cast<double>(n);
  if (fibers) {
    report("spawn_fiber_ns", (t1 - t0) / static_cast<double>(n));
    report("proc_fiber_bytes", bytes);
  } else {
    report("spawn_ns", (t1 - t0) / static_cast<double>(n));
    report("proc_bytes", bytes);
  }
}

// The smallest GenServer: replies to every call at once.
class Echo : public GenServer {
 public:
  Term module_name() const override { return Term::atom("Elixir.Echo"); }
  Term init(const Term& args) const override { return gen_server::ok(args); }
  Term handle_call(const Term& req, const Term&, const Term& state) const override {
    return gen_server::reply(req, state);
  }
};

// genserver_call_ns: GenServer.call round trips from a plain process.
void genserver_call(int64_t calls) {
  Node node;
  double t0 = 0, t1 = 0;
  node.spawn([&](Process& self) {
    Term server = gen_server::start(self, std::make_shared<const Echo>(), Term::integer(0))[1];
    Term req = Term::atom("ping");
    t0 = now_ns();
    for (int64_t k = 0; k < calls; ++k) gen_server::call(self, server, req);
    t1 = now_ns();
  });
  node.run_until_idle();
  report("genserver_call_ns", (t1 - t0) / static_cast<double>(calls));
}

// genserver_idle_bytes: N servers started (not linked) and left idle.
void genserver_idle(int64_t n) {
  Node node;
  auto module = std::make_shared<const Echo>();
  std::size_t before = resident_bytes();
  node.spawn([&](Process& self) {
    GenServerOptions o;
    o.link = false;
    for (int64_t k = 0; k < n; ++k) gen_server::start(self, module, Term::integer(k), o);
  });
  node.run_until_idle();
  std::size_t after = resident_bytes();
  if (node.process_count() != static_cast<std::size_t>(n)) std::printf("genserver_idle: wrong count\n");
  report("genserver_idle_bytes", static_cast<double>(after - before) / static_cast<double>(n));
}

// A child that tells the bench when it has started and exits on :crash.
class Crasher : public GenServer {
 public:
  Term module_name() const override { return Term::atom("Elixir.Crasher"); }
  Term init(const Term& notify) const override {
    Process* self = Process::current();
    self->send(notify.pid(), Term::tuple({Term::atom("started"), Term(self->self())}));
    return gen_server::ok(notify);
  }
  Term handle_info(const Term&, const Term&) const override { throw ExitSignal{Term::atom("crash")}; }
};

// sup_restart_ns: a one_for_one child crashes on a message and is
// restarted; a cycle ends when the new child has told the bench it started.
// Reports are off, as the Erlang side sets the logger level to none.
void sup_restart(int64_t cycles) {
  NodeOptions o;
  o.reports = false;
  Node node(o);
  double t0 = 0, t1 = 0;
  node.spawn([&](Process& self) {
    Term me(self.self());
    auto module = std::make_shared<const Crasher>();
    Term spec = supervisor::child_spec(Term::atom("crasher"), [module, me](Process& sup) {
      return gen_server::start(sup, module, me);
    });
    supervisor::Options so;
    so.max_restarts = Term::integer(1'000'000'000);
    so.max_seconds = Term::integer(1);
    supervisor::start_link(self, Term::list({spec}), so);
    Term child = self.receive()[1];
    Term crash = Term::atom("crash");
    t0 = now_ns();
    for (int64_t k = 0; k < cycles; ++k) {
      self.send(child.pid(), crash);
      child = self.receive()[1];
    }
    t1 = now_ns();
  });
  node.run_until_idle();
  report("sup_restart_ns", (t1 - t0) / static_cast<double>(cycles));
}

}  // namespace

int main(int argc, char** argv) {
  for (int k = 1; k < argc; ++k) {
    if (!std::strcmp(argv[k], "--only") && k + 1 < argc) {
      std::string list = argv[++k];
      for (std::size_t at = 0; at <= list.size();) {
        std::size_t comma = std::min(list.find(',', at), list.size());
        if (comma > at) g_only.push_back(list.substr(at, comma - at));
        at = comma + 1;
      }
    } else if (!std::strcmp(argv[k], "--scale") && k + 1 < argc) {
      g_scale = std::atof(argv[++k]);
    } else if (!std::strcmp(argv[k], "--tab-limits")) {
      g_tab_limits = true;
    } else {
      std::fprintf(stderr, "usage: %s [--only NAME[,NAME]]... [--scale F] [--tab-limits]\n", argv[0]);
      return 2;
    }
  }
  if (wanted("spawn_ns") || wanted("proc_bytes")) isolated([] { spawn_many(scaled(1'000'000), false); });
  if (wanted("spawn_fiber_ns") || wanted("proc_fiber_bytes")) isolated([] { spawn_many(scaled(10'000), true); });
  if (wanted("genserver_idle_bytes")) isolated([] { genserver_idle(scaled(100'000)); });
  if (wanted("ring_hop_ns")) ring(1000, scaled(1'000'000));
  if (wanted("call_ns")) call(scaled(1'000'000));
  if (wanted("genserver_call_ns")) genserver_call(scaled(1'000'000));
  if (wanted("sup_restart_ns")) sup_restart(scaled(10'000));
  // Figures defined in the other files of this folder, in their order.
  std::vector<Group> rest = groups();
  std::stable_sort(rest.begin(), rest.end(), [](const Group& a, const Group& b) { return a.order < b.order; });
  for (const Group& g : rest) {
    bool any = false;
    for (const char* name : g.names) any = any || wanted(name);
    if (any) g.run();
  }
  return 0;
}

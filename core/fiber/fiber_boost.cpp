// Native fiber backend: Boost.Context's fcontext (a few instructions of
// assembly per switch) on stacks we map ourselves, so that stacks have a
// guard page and can be pooled. See fiber.hpp for the contract.
//
// A stack is reserved, not committed (MAP_NORESERVE): a process pays for the
// pages it touches, so stacks can be deep enough for body recursion as
// Elixir programs write it. A released stack that went deep gives those
// pages back (madvise) before it is pooled; how deep it went is the lowest
// stack_position() seen on it (the runtime asks at every reduction). A guarded stack is two kernel
// memory areas (the guard page and the stack), and a process may have
// vm.max_map_count of them (65,530 by default), so only a quarter of that
// many stacks get a guard page; the rest rely on the runtime's own check
// (Process::consume compares the stack position with stack_floor() at every
// reduction point, so interpreted code never reaches the end of its stack).
#include "fiber/fiber.hpp"

#include <boost/context/detail/fcontext.hpp>

#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sys/mman.h>
#include <unistd.h>
#include <vector>

namespace bcd = boost::context::detail;

namespace otp::fiber {

struct Fiber {
  bcd::fcontext_t ctx = nullptr;
  char* region = nullptr;      // start of the mapping (the guard page, if guarded)
  std::size_t region_bytes = 0;
  bool guarded = false;
  std::uintptr_t low = UINTPTR_MAX;  // the lowest stack_position() seen on it
  Entry entry = nullptr;
  void* arg = nullptr;
};

namespace {

struct Pool {
  std::vector<Fiber*> free;    // released fibers whose stacks can be reused
  std::size_t live = 0;
  std::size_t reserved = 0;
  std::size_t guarded = 0;     // stacks (live or pooled) with a guard page
  ~Pool() {
    for (Fiber* f : free) {
      if (f->region) munmap(f->region, f->region_bytes);
      delete f;
    }
  }
};

thread_local Pool pool;
thread_local Fiber* running = nullptr;  // for the guard-page check
thread_local Fiber* starting = nullptr;

std::size_t page_size() {
  static const std::size_t p = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return p;
}

// How many stacks may have a guard page (see the top of this file).
std::size_t guard_budget() {
  static const std::size_t budget = [] {
    unsigned long max_maps = 65530;
    if (FILE* f = std::fopen("/proc/sys/vm/max_map_count", "r")) {
      if (std::fscanf(f, "%lu", &max_maps) != 1) max_maps = 65530;
      std::fclose(f);
    }
    return static_cast<std::size_t>(max_maps / 4);
  }();
  return budget;
}

// The top of a stack that stays committed when it is pooled; below it, the
// pages a deep recursion touched go back to the system.
constexpr std::size_t kWarmBytes = 256 * 1024;

void trampoline(bcd::transfer_t t) {
  static_cast<Fiber*>(t.data)->ctx = t.fctx;
  Fiber* self = starting;
  self->entry(self->arg);
  std::fputs("otp: a fiber entry returned\n", stderr);
  std::abort();
}

// SIGSEGV on an alternate stack: a fault in the running fiber's guard page is
// a stack overflow. It is reported by name rather than left to corrupt a
// neighbour; the node cannot continue past it, so the report ends the program.
void on_segv(int sig, siginfo_t* info, void*) {
  if (in_guard_page(info->si_addr)) {
    static const char msg[] =
        "otp: stack overflow in a process (guard page hit); the node stops\n";
    ssize_t ignored = write(2, msg, sizeof msg - 1);
    (void)ignored;
  }
  signal(sig, SIG_DFL);
  raise(sig);
}

void install_overflow_reporter() {
  static bool done = false;
  if (done) return;
  done = true;
  static char altstack[64 * 1024];
  stack_t ss{};
  ss.ss_sp = altstack;
  ss.ss_size = sizeof altstack;
  sigaltstack(&ss, nullptr);
  struct sigaction sa {};
  sa.sa_sigaction = on_segv;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
  sigaction(SIGSEGV, &sa, nullptr);
}

}  // namespace

Fiber* make_host() {
  ++pool.live;
  return new Fiber{};
}

Fiber* create(Entry entry, void* arg, const StackConfig& config) {
  const std::size_t page = page_size();
  const std::size_t usable = (config.stack_bytes + page - 1) / page * page;
  Fiber* f = nullptr;
  if (!pool.free.empty() && pool.free.back()->region_bytes == usable + page) {
    f = pool.free.back();
    pool.free.pop_back();
  } else {
    install_overflow_reporter();
    void* p = mmap(nullptr, usable + page, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    f = new Fiber{};
    // The guard page: the stack grows down into it.
    if (pool.guarded < guard_budget() && mprotect(p, page, PROT_NONE) == 0) {
      f->guarded = true;
      ++pool.guarded;
    }
    f->region = static_cast<char*>(p);
    f->region_bytes = usable + page;
    pool.reserved += f->region_bytes;
  }
  f->entry = entry;
  f->arg = arg;
  f->ctx = bcd::make_fcontext(f->region + f->region_bytes, usable, trampoline);
  ++pool.live;
  return f;
}

void switch_to(Fiber* from, Fiber* to) noexcept {
  starting = to;
  running = to;
  bcd::transfer_t t = bcd::jump_fcontext(to->ctx, from);
  // Back on `from`: t.data is the fiber that switched to us.
  static_cast<Fiber*>(t.data)->ctx = t.fctx;
  running = from;
}

void release(Fiber* f) {
  --pool.live;
  if (!f->region) {
    delete f;
    return;
  }
  f->ctx = nullptr;
  // A stack that went deep (as far as the runtime's stack_position() checks
  // saw) gives back what the recursion touched; most never do, and pay no
  // system call.
  const std::uintptr_t warm_floor = reinterpret_cast<std::uintptr_t>(f->region) + f->region_bytes - kWarmBytes;
  if (f->region_bytes > kWarmBytes + page_size() && f->low < warm_floor)
    madvise(f->region + page_size(), f->region_bytes - page_size() - kWarmBytes, MADV_DONTNEED);
  f->low = UINTPTR_MAX;
  pool.free.push_back(f);
}

Stats stats() {
  Stats s;
  s.live = pool.live;
  s.pooled = pool.free.size();
  s.stack_bytes_reserved = pool.reserved;
  return s;
}

void trim_pool() {
  for (Fiber* f : pool.free) {
    pool.reserved -= f->region_bytes;
    if (f->guarded) --pool.guarded;
    munmap(f->region, f->region_bytes);
    delete f;
  }
  pool.free.clear();
}

std::uintptr_t stack_floor(const Fiber* f) noexcept {
  return f->region ? reinterpret_cast<std::uintptr_t>(f->region) + page_size() : 0;
}

std::uintptr_t stack_position() noexcept {
  const auto pos = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
  if (running && pos < running->low) running->low = pos;  // for release()
  return pos;
}

bool in_guard_page(const void* addr) {
  const Fiber* f = running;
  if (!f || !f->guarded) return false;
  const char* a = static_cast<const char*>(addr);
  return a >= f->region && a < f->region + page_size();
}

}  // namespace otp::fiber

// WebAssembly fiber backend: emscripten_fiber_t over ASYNCIFY (Boost.Context
// has no wasm backend). A switch unwinds the running fiber's frames into its
// asyncify buffer and rewinds the target's: its cost grows with the depth of
// the stack at the switch point. Stacks and buffers are pooled.
#include "fiber/fiber.hpp"

#include <emscripten/fiber.h>
#include <emscripten/stack.h>

#include <cstdint>

#include <cstdio>
#include <cstdlib>
#include <new>
#include <vector>

namespace otp::fiber {

struct Fiber {
  emscripten_fiber_t ctx;
  char* c_stack = nullptr;
  std::size_t c_bytes = 0;
  char* async_stack = nullptr;
  std::size_t async_bytes = 0;
  Entry entry = nullptr;
  void* arg = nullptr;
};

namespace {

struct Pool {
  std::vector<Fiber*> free;
  std::size_t live = 0;
  std::size_t reserved = 0;
  ~Pool() {
    for (Fiber* f : free) {
      std::free(f->c_stack);
      std::free(f->async_stack);
      delete f;
    }
  }
};

Pool pool;  // wasm is single-threaded here

void trampoline(void* p) {
  Fiber* self = static_cast<Fiber*>(p);
  self->entry(self->arg);
  std::fputs("otp: a fiber entry returned\n", stderr);
  std::abort();
}

char* alloc_or_throw(std::size_t n) {
  void* p = std::malloc(n);
  if (!p) throw std::bad_alloc();
  return static_cast<char*>(p);
}

}  // namespace

Fiber* make_host() {
  Fiber* f = new Fiber{};
  f->async_bytes = 64 * 1024;
  f->async_stack = alloc_or_throw(f->async_bytes);
  emscripten_fiber_init_from_current_context(&f->ctx, f->async_stack, f->async_bytes);
  ++pool.live;
  return f;
}

Fiber* create(Entry entry, void* arg, const StackConfig& config) {
  Fiber* f = nullptr;
  if (!pool.free.empty() && pool.free.back()->c_bytes == config.stack_bytes &&
      pool.free.back()->async_bytes == config.asyncify_bytes) {
    f = pool.free.back();
    pool.free.pop_back();
  } else {
    f = new Fiber{};
    f->c_bytes = config.stack_bytes;
    f->async_bytes = config.asyncify_bytes;
    f->c_stack = alloc_or_throw(f->c_bytes);
    f->async_stack = alloc_or_throw(f->async_bytes);
    pool.reserved += f->c_bytes + f->async_bytes;
  }
  f->entry = entry;
  f->arg = arg;
  emscripten_fiber_init(&f->ctx, trampoline, f, f->c_stack, f->c_bytes, f->async_stack,
                        f->async_bytes);
  ++pool.live;
  return f;
}

void switch_to(Fiber* from, Fiber* to) noexcept { emscripten_fiber_swap(&from->ctx, &to->ctx); }

void release(Fiber* f) {
  --pool.live;
  if (!f->c_stack) {
    std::free(f->async_stack);
    delete f;
    return;
  }
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
    pool.reserved -= f->c_bytes + f->async_bytes;
    std::free(f->c_stack);
    std::free(f->async_stack);
    delete f;
  }
  pool.free.clear();
}

std::uintptr_t stack_floor(const Fiber* f) noexcept { return reinterpret_cast<std::uintptr_t>(f->c_stack); }

std::uintptr_t stack_position() noexcept { return emscripten_stack_get_current(); }

bool in_guard_page(const void*) { return false; }

}  // namespace otp::fiber

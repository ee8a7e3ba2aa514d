// The fiber seam: the one place that knows how a context switch is made.
//
// Natively a fiber is a Boost.Context fcontext on an mmap'ed stack with a
// PROT_NONE guard page below it; in WebAssembly it is an emscripten_fiber_t
// (ASYNCIFY) with a C stack and an asyncify buffer. Everything above this
// header sees four operations: make the host's context a fiber, create a
// fiber that will run entry(arg), switch from the running fiber to another,
// and release a fiber that will never run again.
//
// Limits and rules:
//  - An entry function must never return: it ends by switching away for the
//    last time; whoever runs next calls release() on it (a fiber cannot free
//    the stack it is running on).
//  - switch_to(from, to) must only be called on `from`, the running fiber.
//  - Stacks are pooled: release() keeps the stack for the next create(), so a
//    process that exits and one that starts cost no mmap/munmap.
//  - Keep call stacks shallow at switch points: under ASYNCIFY a switch
//    unwinds and rewinds every frame between the entry and the switch.
#pragma once
#include <cstddef>
#include <cstdint>

namespace otp::fiber {

struct Fiber;
using Entry = void (*)(void* arg);

// Natively a stack is reserved, not committed: only the pages a process
// touches cost memory, so it is deep enough for body recursion tens of
// thousands of calls deep in the shell's interpreter (about 2.6 KB a call).
// In wasm a stack is plain heap memory, allocated in full, so it is smaller;
// the asyncify buffer holds the frames unwound at a switch point.
struct StackConfig {
#if defined(__EMSCRIPTEN__)
  std::size_t stack_bytes = 128 * 1024;
#else
  std::size_t stack_bytes = 64 * 1024 * 1024;
#endif
  std::size_t asyncify_bytes = 32 * 1024;  // wasm only
};

// A fiber that stands for the calling context (the host's stack). It has no
// stack of its own; release() it like any other.
Fiber* make_host();

// A fiber that runs entry(arg) the first time it is switched to.
Fiber* create(Entry entry, void* arg, const StackConfig& config = {});

// Suspend `from` (the running fiber) and resume `to`.
void switch_to(Fiber* from, Fiber* to) noexcept;

// Give the fiber's stack back to the pool. Never on the running fiber.
void release(Fiber* f);

// Counters for leak checks and the bench: fibers alive (created and not
// released) and stacks held by the pool.
struct Stats { std::size_t live = 0; std::size_t pooled = 0; std::size_t stack_bytes_reserved = 0; };
Stats stats();

// Drop every pooled stack (returns their memory to the OS).
void trim_pool();

// The lowest address code running on `f` may use (0 for a host fiber), and
// the current stack position. The runtime compares the two at reduction
// points so that deep recursion ends the process with a clear reason before
// the real limit: the guard page natively; in wasm the end of the C stack,
// below which is heap. (In wasm this bounds the C stack only; the engine's
// own call stack has a limit of its own, which is not checked.)
std::uintptr_t stack_floor(const Fiber* f) noexcept;
std::uintptr_t stack_position() noexcept;

// Natively: whether `addr` lies in the guard page of a fiber stack, used by
// the stack-overflow reporter. Always false in wasm.
bool in_guard_page(const void* addr);

}  // namespace otp::fiber

// Memory for boxed terms: per-thread free lists in 16-byte size classes up to
// 256 bytes (tuples, cons cells, floats, small binaries and maps), falling
// back to operator new above that. Message passing allocates and frees the
// same few sizes over and over; a free list turns each into a couple of
// loads and stores. Blocks go back to the list of the thread that frees
// them (a node is single-threaded, and terms never cross threads).
//
// Small blocks are carved from 64 KB chunks and kept on the lists when
// freed, so in normal running memory is not given back to the system. When
// the system refuses memory (a process built a list that filled the wasm
// heap's 2 GB, or the native limit), the allocator first reclaims: every
// chunk whose blocks are all on the free lists goes back to the system,
// where any size can use it. That is what lets the crash of the process
// that ate the memory be reported and the node go on: without it the
// freed memory would sit on the cons cells' list and nothing else could be
// allocated. A small reserve, allocated up front, is given back at the
// first refusal that reclaiming cannot answer, so that the process's crash
// (its reason, the report, the shell's message) still finds memory; the
// refused allocation throws std::bad_alloc as usual, which ends the process
// (system_limit, runtime/crash.hpp). The reserve is taken again once memory
// is available.
#pragma once
#include <cstddef>

namespace otp::heap_alloc {

void* allocate(std::size_t bytes);
void deallocate(void* p, std::size_t bytes) noexcept;

// Gives every wholly free chunk of this thread back to the system; returns
// the bytes given back. allocate() calls it when the system refuses memory;
// tests call it directly.
std::size_t reclaim() noexcept;

// What this thread's allocator holds: chunks taken from the system, and the
// bytes on its free lists (for tests and :erlang.memory-like figures).
struct Usage {
  std::size_t chunks = 0;
  std::size_t chunk_bytes = 0;
  std::size_t free_bytes = 0;
};
Usage usage() noexcept;

}  // namespace otp::heap_alloc

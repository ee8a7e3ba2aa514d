// Memory for boxed terms: per-thread free lists in 16-byte size classes up to
// 256 bytes (tuples, cons cells, floats, small binaries and maps), falling
// back to operator new above that. Message passing allocates and frees the
// same few sizes over and over; a free list turns each into a couple of
// loads and stores. Blocks go back to the list of the thread that frees
// them and are never returned to the system (a node is single-threaded, and
// terms never cross threads).
#pragma once
#include <cstddef>

namespace otp::heap_alloc {

void* allocate(std::size_t bytes);
void deallocate(void* p, std::size_t bytes) noexcept;

}  // namespace otp::heap_alloc

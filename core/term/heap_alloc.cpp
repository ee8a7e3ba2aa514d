#include "term/heap_alloc.hpp"

#include <new>

namespace otp::heap_alloc {

namespace {

constexpr std::size_t kGranule = 16;
constexpr std::size_t kClasses = 16;  // 16, 32, ..., 256 bytes
constexpr std::size_t kChunk = 64 * 1024;

struct FreeBlock {
  FreeBlock* next;
};

struct Lists {
  FreeBlock* head[kClasses] = {};
  char* chunk = nullptr;  // carving area for blocks never used before
  std::size_t chunk_left = 0;
};

thread_local Lists lists;

}  // namespace

void* allocate(std::size_t bytes) {
  if (bytes == 0 || bytes > kGranule * kClasses) return ::operator new(bytes);
  const std::size_t c = (bytes - 1) / kGranule;
  if (FreeBlock* b = lists.head[c]) {
    lists.head[c] = b->next;
    return b;
  }
  const std::size_t size = (c + 1) * kGranule;
  if (lists.chunk_left < size) {
    // The tail of the old chunk goes to the free lists rather than waste.
    while (lists.chunk_left >= kGranule) {
      const std::size_t tc = lists.chunk_left / kGranule - 1;
      const std::size_t ts = (tc + 1) * kGranule;
      auto* b = reinterpret_cast<FreeBlock*>(lists.chunk);
      b->next = lists.head[tc];
      lists.head[tc] = b;
      lists.chunk += ts;
      lists.chunk_left -= ts;
    }
    lists.chunk = static_cast<char*>(::operator new(kChunk));
    lists.chunk_left = kChunk;
  }
  void* p = lists.chunk;
  lists.chunk += size;
  lists.chunk_left -= size;
  return p;
}

void deallocate(void* p, std::size_t bytes) noexcept {
  if (bytes == 0 || bytes > kGranule * kClasses) {
    ::operator delete(p);
    return;
  }
  const std::size_t c = (bytes - 1) / kGranule;
  auto* b = static_cast<FreeBlock*>(p);
  b->next = lists.head[c];
  lists.head[c] = b;
}

}  // namespace otp::heap_alloc

#include "term/heap_alloc.hpp"

#include <algorithm>
#include <cstdlib>
#include <new>

namespace otp::heap_alloc {

namespace {

constexpr std::size_t kGranule = 16;
constexpr std::size_t kClasses = 16;  // 16, 32, ..., 256 bytes
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kReserve = 1024 * 1024;

struct FreeBlock {
  FreeBlock* next;
};

struct Chunk {
  char* base;
  std::size_t free;  // bytes of it on the free lists (counted by reclaim)
};

// Trivially destructible on purpose: terms freed by static destructors,
// after this thread's thread_locals are gone, still find their lists.
struct Lists {
  FreeBlock* head[kClasses] = {};
  char* chunk = nullptr;  // carving area for blocks never used before
  std::size_t chunk_left = 0;
  Chunk* chunks = nullptr;  // every chunk taken from the system (malloc'd array)
  std::size_t chunk_count = 0;
  std::size_t chunk_capacity = 0;
  void* reserve = nullptr;  // given back when the system refuses memory
};

thread_local Lists lists;

constexpr std::size_t class_bytes(std::size_t c) { return (c + 1) * kGranule; }

// Memory from the system; on a refusal, reclaim and try again, then spend
// the reserve (for the crash that follows) and throw.
void* from_system(std::size_t bytes) {
  if (void* p = ::operator new(bytes, std::nothrow)) return p;
  if (reclaim() > 0)
    if (void* p = ::operator new(bytes, std::nothrow)) return p;
  Lists& l = lists;
  if (l.reserve) {
    ::operator delete(l.reserve);
    l.reserve = nullptr;
  }
  throw std::bad_alloc();
}

// Room for one more entry in the chunk registry, made before the chunk is
// taken so that registering it cannot fail.
void grow_registry() {
  Lists& l = lists;
  if (l.chunk_count < l.chunk_capacity) return;
  const std::size_t capacity = l.chunk_capacity ? l.chunk_capacity * 2 : 64;
  void* grown = std::realloc(l.chunks, capacity * sizeof(Chunk));
  if (!grown && reclaim() > 0) grown = std::realloc(l.chunks, capacity * sizeof(Chunk));
  if (!grown) throw std::bad_alloc();
  l.chunks = static_cast<Chunk*>(grown);
  l.chunk_capacity = capacity;
}

void new_chunk() {
  Lists& l = lists;
  // The tail of the old chunk goes to the free lists rather than waste.
  while (l.chunk_left >= kGranule) {
    const std::size_t tc = l.chunk_left / kGranule - 1;
    auto* b = reinterpret_cast<FreeBlock*>(l.chunk);
    b->next = l.head[tc];
    l.head[tc] = b;
    l.chunk += class_bytes(tc);
    l.chunk_left -= class_bytes(tc);
  }
  grow_registry();
  l.chunk = static_cast<char*>(from_system(kChunk));
  l.chunk_left = kChunk;
  l.chunks[l.chunk_count++] = Chunk{l.chunk, 0};
  if (!l.reserve) l.reserve = ::operator new(kReserve, std::nothrow);
}

// The chunk holding p, or null (a block carved by another thread). The
// registry must be sorted by base.
Chunk* chunk_of(const void* p) noexcept {
  Lists& l = lists;
  const char* a = static_cast<const char*>(p);
  Chunk* end = l.chunks + l.chunk_count;
  Chunk* it = std::upper_bound(l.chunks, end, a, [](const char* x, const Chunk& c) { return x < c.base; });
  if (it == l.chunks) return nullptr;
  --it;
  return a < it->base + kChunk ? it : nullptr;
}

}  // namespace

void* allocate(std::size_t bytes) {
  if (bytes == 0 || bytes > kGranule * kClasses) return from_system(bytes);
  const std::size_t c = (bytes - 1) / kGranule;
  Lists& l = lists;
  if (FreeBlock* b = l.head[c]) {
    l.head[c] = b->next;
    return b;
  }
  const std::size_t size = class_bytes(c);
  if (l.chunk_left < size) new_chunk();
  void* p = l.chunk;
  l.chunk += size;
  l.chunk_left -= size;
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

// Counts each chunk's free bytes (its blocks on the lists, and the carving
// area if it is there), unlinks the blocks of the wholly free ones and gives
// those back. It allocates nothing: it runs when nothing can be allocated.
// Cost: the free blocks times log(chunks), only when memory ran out.
std::size_t reclaim() noexcept {
  Lists& l = lists;
  if (l.chunk_count == 0) return 0;
  std::sort(l.chunks, l.chunks + l.chunk_count, [](const Chunk& a, const Chunk& b) { return a.base < b.base; });
  for (std::size_t i = 0; i < l.chunk_count; ++i) l.chunks[i].free = 0;
  for (std::size_t c = 0; c < kClasses; ++c)
    for (FreeBlock* b = l.head[c]; b; b = b->next)
      if (Chunk* k = chunk_of(b)) k->free += class_bytes(c);
  Chunk* carving = l.chunk_left ? chunk_of(l.chunk) : nullptr;
  if (carving) carving->free += l.chunk_left;

  auto wholly_free = [](const Chunk* k) { return k && k->free == kChunk; };
  for (std::size_t c = 0; c < kClasses; ++c) {
    FreeBlock** link = &l.head[c];
    while (*link) {
      if (wholly_free(chunk_of(*link))) *link = (*link)->next;
      else link = &(*link)->next;
    }
  }
  if (wholly_free(carving)) {
    l.chunk = nullptr;
    l.chunk_left = 0;
  }
  std::size_t kept = 0, given = 0;
  for (std::size_t i = 0; i < l.chunk_count; ++i) {
    if (l.chunks[i].free == kChunk) {
      ::operator delete(l.chunks[i].base);
      given += kChunk;
    } else {
      l.chunks[kept++] = l.chunks[i];
    }
  }
  l.chunk_count = kept;
  return given;
}

Usage usage() noexcept {
  const Lists& l = lists;
  Usage u;
  u.chunks = l.chunk_count;
  u.chunk_bytes = l.chunk_count * kChunk;
  for (std::size_t c = 0; c < kClasses; ++c)
    for (const FreeBlock* b = l.head[c]; b; b = b->next) u.free_bytes += class_bytes(c);
  u.free_bytes += l.chunk_left;
  return u;
}

}  // namespace otp::heap_alloc

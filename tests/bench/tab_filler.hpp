// The budget of the "what a tab holds" figures (tab_limits.cpp): a Filler
// says how big the next batch of items (processes, calls) may be so that
// memory is filled up to the limit without the runtime ever meeting a
// failed allocation. The rules are explained at the top of tab_limits.cpp.
// Header-only, used by tab_limits.cpp alone.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include <unistd.h>
#if defined(__EMSCRIPTEN__)
#include <emscripten/heap.h>
#endif

#include "bench.hpp"

namespace otp_bench {

constexpr std::size_t kMiB = 1024 * 1024;
constexpr std::size_t kMargin = 32 * kMiB;  // never filled
constexpr int64_t kBatch = 10'000;  // the largest batch

// Fills memory up to the limit in batches (see the top of tab_limits.cpp).
class Filler {
 public:
  // pow2_bytes: per item, of the arrays that double at powers of two;
  // others: up to how many entries they hold besides the items (other
  // processes, timers);
  // always_bytes: per item, kept free for what may grow at any moment.
  Filler(std::size_t pow2_bytes, std::size_t others, std::size_t always_bytes)
      : pow2_bytes_(pow2_bytes), others_(others), always_bytes_(always_bytes), base_(used()) {
    const double s = otp_bench::scale() < 1 ? otp_bench::scale() : 1.0;
#if defined(__EMSCRIPTEN__)
    max_ = emscripten_get_heap_max();
#else
    max_ = base_ + 2048 * kMiB;
#endif
    budget_ = base_ + static_cast<std::size_t>(static_cast<double>(max_ - base_) * s);
  }

  // The next batch after `items` so far: 10,000, or 1,000, 100 or 10 when
  // only that fits; 0 when not even 10 fit.
  int64_t next_batch(int64_t items) const {
    for (int64_t batch = kBatch; batch >= 10; batch /= 10)
      if (fits(static_cast<std::size_t>(items), static_cast<std::size_t>(batch))) return batch;
    return 0;
  }

  // Bytes in use: the heap break in wasm (it only grows), RSS natively.
  static std::size_t used() {
#if defined(__EMSCRIPTEN__)
    return reinterpret_cast<std::size_t>(sbrk(0));
#else
    return otp_bench::resident_bytes();
#endif
  }

  // Whether `batch` more fit after `n`.
  bool fits(std::size_t n, std::size_t batch) const {
    // In 64 bits: wasm's size_t would wrap for a big batch of big items.
    const uint64_t per = n ? grown() / n + 1 : 1024;
    uint64_t need = batch * per * 5 / 4 + kMargin + uint64_t{always_bytes_} * (n + batch);
    // A table of the items plus up to `others` entries doubles when it
    // passes a power of two q: 2q entries are allocated while q still are.
    uint64_t q = 1;
    while (2 * q <= n + others_ + batch) q *= 2;
    if (q > n) need += 2 * q * pow2_bytes_;
    if (used() + need > budget_) {
#if defined(__EMSCRIPTEN__)
      // At the full maximum the probe decides alone: the break also counts
      // the free space an earlier probe left below it.
      if (budget_ < max_ || need > max_) return false;
#else
      return false;
#endif
    }
#if defined(__EMSCRIPTEN__)
    // Through a volatile: the compiler may drop a malloc whose block is
    // only freed, and assume it succeeded.
    static void* volatile probe;
    probe = std::malloc(static_cast<std::size_t>(need));
    if (!probe) return false;
    std::free(probe);
#endif
    return true;
  }

  std::size_t grown() const {
    const std::size_t now = used();
    return now > base_ ? now - base_ : 0;
  }

  void note(const char* name, int64_t items) const {
    const double each = items ? static_cast<double>(grown()) / static_cast<double>(items) : 0.0;
#if defined(__EMSCRIPTEN__)
    std::printf("%s: %lld, heap break %.1f MiB, budget %.1f MiB of the wasm memory maximum %.1f MiB, %.0f bytes each\n",
                name, static_cast<long long>(items), static_cast<double>(used()) / kMiB,
                static_cast<double>(budget_) / kMiB, static_cast<double>(max_) / kMiB, each);
#else
    std::printf("%s: %lld, RSS %.1f MiB, budget %.1f MiB (the RSS at the start + 2 GiB x scale), %.0f bytes each\n", name,
                static_cast<long long>(items), static_cast<double>(used()) / kMiB,
                static_cast<double>(budget_) / kMiB, each);
#endif
    std::fflush(stdout);
  }

 private:
  std::size_t pow2_bytes_, others_, always_bytes_, base_, max_ = 0, budget_ = 0;
};

}  // namespace otp_bench

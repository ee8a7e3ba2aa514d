// Shared by the files of the bench program: timing, reporting and the list
// of figure groups. bench.cpp measures the runtime and behaviour figures;
// each other file here registers its own group with a static Registration:
//
//   static otp_bench::Registration ets{{10, {"ets_insert_ns", "ets_lookup_ns"}, [] { ... }}};
//
// main() runs every group one of whose names matches `--only` (all by
// default), in `order`, after bench.cpp's own figures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace otp_bench {

// n times --scale (at least 1).
int64_t scaled(int64_t n);
// A steady clock in nanoseconds.
double now_ns();
// Prints `BENCH <name> <value>` (shared/BENCH.md).
void report(const char* name, double value);
// Whether --only selects the figure NAME.
bool wanted(const char* name);
// Resident bytes (RSS natively; malloc'ed bytes in wasm).
std::size_t resident_bytes();
// Runs a memory figure in a fresh forked process where there is fork.
void isolated(const std::function<void()>& figure);

struct Group {
  int order;
  std::vector<const char*> names;
  std::function<void()> run;
};

struct Registration {
  explicit Registration(Group group);
};

}  // namespace otp_bench

// Shared by the files of the bench program: timing, reporting and the list
// of figure groups. bench.cpp measures the runtime and behaviour figures;
// each other file here registers its own group with a static Registration:
//
//   static otp_bench::Registration ets{{10, {"ets_insert_ns", "ets_lookup_ns"}, [] { ... }}};
//
// main() runs every group one of whose names matches `--only` (all by
// default), in `order`, after bench.cpp's own figures. A figure that must
// not run by default (the tab limits) checks asked() itself.
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
// The --scale factor (1 by default).
double scale();
// Whether --only selects the figure NAME (every figure without --only).
bool wanted(const char* name);
// Whether NAME was asked for explicitly: an --only names it, or
// --tab-limits was given (and --only, if any, selects it). For figures
// that are not part of the default run.
bool asked(const char* name);
// Resident bytes (RSS natively; malloc'ed bytes in wasm).
std::size_t resident_bytes();
// Runs a memory figure in a fresh forked process where there is fork;
// in wasm, in this one, then empties the fiber stack pool.
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

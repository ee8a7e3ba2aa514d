// Running out of memory is a process's fault, not the node's: the term
// allocator gives wholly free chunks back when the system refuses memory
// (term/heap_alloc.hpp), and a refused allocation ends the process that
// asked with system_limit (runtime/crash.hpp). The browser scenario "a
// process that fills the memory of the tab ends alone" runs the real thing
// against wasm's 2 GB; here the pieces, without exhausting the machine.
#include <new>
#include <stdexcept>

#include "node_fixture.hpp"
#include "runtime/crash.hpp"
#include "term/heap_alloc.hpp"

using namespace otp;
using namespace otp::test;

namespace {
Term n(int64_t v) { return Term::integer(v); }
}  // namespace

TEST_CASE("the chunks of freed terms go back to the system when memory is reclaimed", "[memory]") {
  heap_alloc::reclaim();
  const heap_alloc::Usage before = heap_alloc::usage();
  constexpr int64_t kCells = 400'000;  // 400,000 cons cells: about 12 MB of chunks
  {
    Term list = Term::empty_list();
    for (int64_t i = 0; i < kCells; ++i) list = Term::cons(n(i), std::move(list));
    const heap_alloc::Usage full = heap_alloc::usage();
    CHECK(full.chunk_bytes >= before.chunk_bytes + 8 * 1024 * 1024);
    CHECK(heap_alloc::reclaim() < 1024 * 1024);  // nothing of a live list can go
  }
  const std::size_t given = heap_alloc::reclaim();
  CHECK(given >= 8 * 1024 * 1024);
  const heap_alloc::Usage after = heap_alloc::usage();
  CHECK(after.chunk_bytes <= before.chunk_bytes + 1024 * 1024);

  // What is left still works: allocate again over the reclaimed memory.
  Term again = Term::empty_list();
  for (int64_t i = 0; i < 1000; ++i) again = Term::cons(n(i), std::move(again));
  CHECK(again.head() == n(999));
  CHECK(list_length(again) == 1000);
}

TEST_CASE("reclaiming keeps the blocks of chunks that still hold a live term", "[memory]") {
  heap_alloc::reclaim();
  std::vector<Term> kept;
  {
    // Every 100th tuple stays alive: no chunk is wholly free.
    std::vector<Term> all;
    for (int64_t i = 0; i < 100'000; ++i) all.push_back(t({n(i), n(i + 1)}));
    for (std::size_t i = 0; i < all.size(); i += 100) kept.push_back(all[i]);
  }
  heap_alloc::reclaim();
  for (std::size_t i = 0; i < kept.size(); ++i) CHECK(kept[i][0] == n(static_cast<int64_t>(i * 100)));
  // The free blocks between them are used again.
  std::vector<Term> more;
  for (int64_t i = 0; i < 50'000; ++i) more.push_back(t({n(i), n(-i)}));
  CHECK(more.back()[1] == n(-49'999));
  for (std::size_t i = 0; i < kept.size(); ++i) CHECK(kept[i][1] == n(static_cast<int64_t>(i * 100 + 1)));
}

TEST_CASE("a refused allocation and a container past its size are system_limit", "[memory]") {
  CHECK(is_system_limit(std::bad_alloc()));
  CHECK(is_system_limit(std::length_error("too long")));
  CHECK_FALSE(is_system_limit(std::runtime_error("boom")));
  CrashInfo info;
  Term reason = crash_reason(std::make_exception_ptr(std::bad_alloc()), &info);
  CHECK(reason == t({a("system_limit"), Term::empty_list()}));
  CHECK(info.crashed);
  CHECK(info.headline == "** (SystemLimitError) a system limit has been reached");
}

TEST_CASE_METHOD(NodeFixture, "a process refused memory ends with system_limit and the node goes on", "[memory][process]") {
  Term down;
  Spawned s;
  run([&](Process& self) {
    SpawnOptions o;
    o.monitor = true;
    s = self.spawn([](Process&) { throw std::bad_alloc(); }, o);
    down = self.receive();
  });
  REQUIRE(s.monitor);
  CHECK(down == t({a("DOWN"), Term(*s.monitor), a("process"), Term(s.pid), t({a("system_limit"), Term::empty_list()})}));
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].find("** (SystemLimitError) a system limit has been reached") != std::string::npos);
  Term echoed;
  run([&](Process& self) {
    Pid p = self.spawn([](Process& me) { Term m = me.receive(); me.send(m[0].pid(), m[1]); }).pid;
    self.send(p, t({Term(self.self()), a("still_here")}));
    echoed = self.receive();
  });
  CHECK(echoed == a("still_here"));
}

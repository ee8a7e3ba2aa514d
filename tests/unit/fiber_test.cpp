#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "fiber/fiber.hpp"

using namespace otp;

namespace {
struct PingPong {
  fiber::Fiber* host = nullptr;
  fiber::Fiber* self = nullptr;
  std::vector<std::string>* log = nullptr;
  int rounds = 0;
};

void ping(void* arg) {
  auto* pp = static_cast<PingPong*>(arg);
  for (int k = 0; k < pp->rounds; ++k) {
    pp->log->push_back("fiber " + std::to_string(k));
    fiber::switch_to(pp->self, pp->host);
  }
  pp->log->push_back("fiber done");
  fiber::switch_to(pp->self, pp->host);  // never resumed: the host releases it
}
}  // namespace

TEST_CASE("a fiber and its host take turns, each resuming where it left off", "[fiber]") {
  const auto before = fiber::stats().live;
  std::vector<std::string> log;
  PingPong pp;
  pp.host = fiber::make_host();
  pp.self = fiber::create(ping, &pp);
  pp.log = &log;
  pp.rounds = 3;
  for (int k = 0; k < 4; ++k) {
    fiber::switch_to(pp.host, pp.self);
    log.push_back("host " + std::to_string(k));
  }
  fiber::release(pp.self);
  fiber::release(pp.host);
  CHECK(log == std::vector<std::string>{"fiber 0", "host 0", "fiber 1", "host 1", "fiber 2",
                                        "host 2", "fiber done", "host 3"});
  CHECK(fiber::stats().live == before);
}

TEST_CASE("released fiber stacks are pooled and reused", "[fiber]") {
  fiber::trim_pool();
  auto noop = [](void*) {};
  fiber::Fiber* a = fiber::create(noop, nullptr);
  const auto reserved = fiber::stats().stack_bytes_reserved;
  CHECK(reserved > 0);
  fiber::release(a);
  CHECK(fiber::stats().pooled == 1);
  fiber::Fiber* b = fiber::create(noop, nullptr);
  CHECK(fiber::stats().pooled == 0);
  CHECK(fiber::stats().stack_bytes_reserved == reserved);
  fiber::release(b);
  fiber::trim_pool();
  CHECK(fiber::stats().pooled == 0);
  CHECK(fiber::stats().stack_bytes_reserved == 0);
}

TEST_CASE("a fiber's stack floor lies below its current position", "[fiber][stack]") {
  struct Probe {
    fiber::Fiber* host;
    fiber::Fiber* self;
    std::uintptr_t floor = 0, position = 0;
  } probe{fiber::make_host(), nullptr};
  probe.self = fiber::create(
      [](void* arg) {
        auto* p = static_cast<Probe*>(arg);
        p->floor = fiber::stack_floor(p->self);
        p->position = fiber::stack_position();
        fiber::switch_to(p->self, p->host);
      },
      &probe);
  fiber::switch_to(probe.host, probe.self);
  CHECK(probe.floor > 0);
  CHECK(probe.position > probe.floor);
  CHECK(probe.position - probe.floor <= fiber::StackConfig{}.stack_bytes);
  CHECK(fiber::stack_floor(probe.host) == 0);
  fiber::release(probe.self);
  fiber::release(probe.host);
}

#if !defined(__EMSCRIPTEN__)
// Each guarded stack costs the kernel two memory areas, of which a process
// may have vm.max_map_count (65,530 by default): past a quarter of that,
// stacks come without a guard page instead of failing to map.
TEST_CASE("more fibers than the kernel has memory areas for guard pages can be created", "[fiber][stack]") {
  fiber::trim_pool();
  auto noop = [](void*) {};
  std::vector<fiber::Fiber*> fibers;
  const std::size_t n = 40'000;  // 80,000 areas if every stack had a guard page
  for (std::size_t k = 0; k < n; ++k) fibers.push_back(fiber::create(noop, nullptr));
  CHECK(fiber::stats().live >= n);
  for (fiber::Fiber* f : fibers) fiber::release(f);
  CHECK(fiber::stats().pooled == n);
  fiber::trim_pool();
  CHECK(fiber::stats().stack_bytes_reserved == 0);
}
#endif

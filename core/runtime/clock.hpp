// Time for a node: milliseconds on a monotonic clock. Tests use a ManualClock
// that only moves when told to, so every timer fires deterministically.
//
// Who calls what: the node reads its clock (Node::now_ms); the host moves a
// ManualClock only between run slices (or through Node::advance), never a
// process.
#pragma once
#include <chrono>
#include <cstdint>

namespace otp {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual int64_t now_ms() = 0;
  // Wall-clock milliseconds since midnight, for log time stamps.
  virtual int64_t wall_ms_of_day() = 0;
};

class SteadyClock final : public Clock {
 public:
  int64_t now_ms() override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
  }
  int64_t wall_ms_of_day() override {
    using namespace std::chrono;
    auto ms = duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
    return ms % (24LL * 3600 * 1000);
  }
};

class ManualClock final : public Clock {
 public:
  int64_t now_ms() override { return now_; }
  int64_t wall_ms_of_day() override { return now_ % (24LL * 3600 * 1000); }
  void advance(int64_t ms) { now_ += ms; }
  void set(int64_t ms) { now_ = ms; }

 private:
  int64_t now_ = 0;
};

}  // namespace otp

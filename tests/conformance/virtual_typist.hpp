// A user typing at an IEx session on a virtual clock, the way
// ../shared/conformance/capture.sh types at real IEx: the next line is
// typed once a prompt is shown and the screen has been quiet for 600 ms.
// Shared by otp_replay (tests/conformance) and the doc-test (tests/doctest).
//
// Time is a ManualClock: waiting for a timer moves the clock to it, so a
// Process.sleep(5000) costs nothing. An input that never brings the prompt
// back (a receive that waits forever, an endless loop) is interrupted, as a
// user would with Ctrl-C, after 60 s of virtual time or 200 million
// reductions.
#pragma once
#include <cstdint>

#include "runtime/clock.hpp"
#include "runtime/node.hpp"
#include "shell/session/session.hpp"

namespace otp::typist {

inline constexpr int64_t kSettleMs = 600;
inline constexpr int64_t kGiveUpMs = 60'000;
inline constexpr uint64_t kGiveUpReductions = 200'000'000;
inline constexpr uint64_t kSlice = 20'000;

// Runs until `prompted` is set (by the session's prompt callback); false
// if the input had to be interrupted.
inline bool wait_for_prompt(Node& node, ManualClock& clock, shell::Session& session, const bool& prompted) {
  const int64_t start = clock.now_ms();
  uint64_t reductions = 0;
  bool interrupted = false;
  while (!prompted) {
    RunResult r = node.run(kSlice);
    reductions += r.reductions;
    if (prompted) break;
    const bool stuck = r.idle && !r.next_timer;
    if (!interrupted && (stuck || clock.now_ms() - start > kGiveUpMs || reductions > kGiveUpReductions)) {
      session.interrupt();
      interrupted = true;
      continue;
    }
    if (stuck) break;
    if (!r.idle) continue;
    if (*r.next_timer > clock.now_ms()) clock.set(*r.next_timer);
  }
  return !interrupted;
}

// Runs until the screen (whose write count is `changes`) has been unchanged
// for kSettleMs of virtual time; busy processes let 1 ms pass per slice.
// False if the output did not stop within kGiveUpMs.
inline bool settle(Node& node, ManualClock& clock, const uint64_t& changes) {
  const int64_t start = clock.now_ms();
  int64_t quiet_until = clock.now_ms() + kSettleMs;
  uint64_t seen = changes;
  uint64_t reductions = 0;
  for (;;) {
    RunResult r = node.run(kSlice);
    reductions += r.reductions;
    if (changes != seen) {
      seen = changes;
      quiet_until = clock.now_ms() + kSettleMs;
    }
    if (clock.now_ms() - start > kGiveUpMs) return false;
    if (!r.idle) {
      if (reductions > kGiveUpReductions) break;
      clock.advance(1);
      if (clock.now_ms() >= quiet_until) break;
      continue;
    }
    if (!r.next_timer || *r.next_timer > quiet_until) break;
    if (*r.next_timer > clock.now_ms()) clock.set(*r.next_timer);
  }
  if (clock.now_ms() < quiet_until) clock.set(quiet_until);
  return true;
}

}  // namespace otp::typist

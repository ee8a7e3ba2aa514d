// Internal to GenStage: the producer's buffer (GenStage.Buffer), the events
// a producer emitted beyond its consumers' demand, kept in the stage's
// %GenStage{} struct as :buffer = {queue, count, wheel}:
//
//   queue  an Erlang :queue of events (temporary entries: dropped when the
//          buffer overflows, per :buffer_keep);
//   count  how many events the queue holds;
//   wheel  where info messages (permanent entries: GenStage.sync_info/3,
//          never dropped) wait behind the events queued before them:
//          a reference when the size is :infinity (infos then sit in the
//          queue as {ref, msg} and are counted), the capacity (an integer)
//          when no info waits, or {pos, capacity, %{slot => msg}}, a ring
//          indexed by queue position.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "term/term.hpp"

namespace otp::gen_stage_detail::buffer {

// Buffer.new(size): size is a non-negative integer or :infinity.
Term make(const Term& size);
int64_t estimate_size(const Term& buffer);

struct Stored {
  Term buffer;
  int64_t excess = 0;       // events discarded (logged by the stage)
  std::vector<Term> perms;  // infos whose events were discarded: deliver now
};
// Buffer.store_temporary/3: `events` (a list) at the back; keep_last drops
// the oldest events when full, otherwise the new ones.
Stored store_temporary(const Term& buffer, const Term& events, bool keep_last);

// Buffer.store_permanent_unless_empty/2: nullopt when the buffer is empty
// (the info can go out now), else the buffer with the info queued.
std::optional<Term> store_permanent_unless_empty(const Term& buffer, const Term& msg);

struct Taken {
  Term buffer;
  int64_t counter = 0;      // demand left
  Term temps;               // events taken, in order (a list)
  int64_t temps_length = 0;
  std::vector<Term> perms;  // the info reached, if any (then taking stopped)
};
// Buffer.take_count_or_until_permanent/2: up to `counter` events, stopping
// after an info; nullopt when the buffer is empty or counter is 0.
std::optional<Taken> take_count_or_until_permanent(const Term& buffer, int64_t counter);

}  // namespace otp::gen_stage_detail::buffer

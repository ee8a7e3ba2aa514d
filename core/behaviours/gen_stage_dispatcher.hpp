// GenStage.Dispatcher: how a producer (or producer_consumer) hands events to
// its consumers. A dispatcher is a module (a const C++ object, like a
// GenServer module) over a state term that the stage keeps in its
// %GenStage{} struct as :dispatcher_state, with the callbacks and return
// shapes of Elixir's behaviour:
//
//   init(opts)                      {:ok, state}
//   subscribe(opts, {pid, ref}, s)  {:ok, demand, state} | {:error, reason}
//   cancel({pid, ref}, s)           {:ok, demand, state}
//   ask(n, {pid, ref}, s)           {:ok, demand, state}
//   dispatch(events, length, s)     {:ok, events_left_over, state}
//   info(msg, s)                    {:ok, state}
//
// `demand` is how many more events the stage should produce
// (handle_demand/2 on a producer). Leftover events are buffered by the
// stage. Callbacks run in the stage process (Process::current()) and send
// {:"$gen_consumer", {self, ref}, events} to consumers themselves.
//
// Built in, by module name: GenStage.DemandDispatcher (the default: each
// batch to the consumer with the highest demand), GenStage.BroadcastDispatcher
// (every event to every consumer, as fast as the slowest; :selector per
// subscription) and GenStage.PartitionDispatcher (by a :hash function into
// :partitions; each consumer subscribes with partition: p). Others can be
// registered under their module atom.
#pragma once
#include <memory>

#include "term/term.hpp"

namespace otp {

class GenStageDispatcher {
 public:
  virtual ~GenStageDispatcher() = default;
  virtual Term init(const Term& opts) const = 0;
  virtual Term subscribe(const Term& opts, const Term& from, const Term& state) const = 0;
  virtual Term cancel(const Term& from, const Term& state) const = 0;
  virtual Term ask(const Term& counter, const Term& from, const Term& state) const = 0;
  virtual Term dispatch(const Term& events, int64_t length, const Term& state) const = 0;
  virtual Term info(const Term& msg, const Term& state) const = 0;
};

namespace gen_stage {

// Makes `module` (e.g. :"Elixir.MyDispatcher") usable as `dispatcher: module`
// in init/1 options, on every node (thread-safe; register at start-up).
void register_dispatcher(Atom module, std::shared_ptr<const GenStageDispatcher> dispatcher);
// The dispatcher registered as `module` (the built-ins are always there), or
// nullptr.
const GenStageDispatcher* find_dispatcher(Atom module);

}  // namespace gen_stage
}  // namespace otp

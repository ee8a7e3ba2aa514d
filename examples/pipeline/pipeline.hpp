// Pipeline: the GenStage example. A producer of numbers, a stage that
// transforms them, and two consumers sharing its output:
//
//   Numbers (producer) --> Doubler (producer_consumer) --+--> Sink :a (consumer)
//                                                         +--> Sink :b (consumer)
//
//   {:ok, numbers} = GenStage.start_link(Numbers, {0, 10_000})   # emits 0..9999
//   {:ok, doubler} = GenStage.start_link(Doubler, {2, numbers})  # x * 2, subscribed to numbers
//   {:ok, a} = GenStage.start_link(Sink, {:a, doubler, nil})
//   {:ok, b} = GenStage.start_link(Sink, {:b, doubler, nil})
//   GenStage.call(a, :stats)   #=> %{batches: ..., count: ..., sum: ...}
//
// Demand flows upstream (each Sink asks Doubler for up to 1000 events, Doubler
// asks Numbers), events flow downstream in batches, and no stage ever holds
// more than it asked for. Doubler's DemandDispatcher gives each batch to the
// Sink with the most demand left, so a and b share the work.
#pragma once
#include "behaviours/gen_stage.hpp"

namespace otp::examples {

// state {next, last}: emits next, next + 1, ... up to last - 1 (last: nil
// for an endless producer), exactly as many as asked.
class Numbers : public GenStage {
 public:
  Term module_name() const override;
  Term init(const Term& args) const override;  // args {first, last}
  Term handle_demand(const Term& demand, const Term& state) const override;
};

// state factor: multiplies each event; subscribes to the producer given.
class Doubler : public GenStage {
 public:
  Term module_name() const override;
  Term init(const Term& args) const override;  // args {factor, producer[, subscription opts]}
  Term handle_events(const Term& events, const Term& from, const Term& factor) const override;
};

// state {name, report_to, count, sum, batches}: counts what it consumes and,
// when report_to is a pid, sends it {:consumed, name, events}.
class Sink : public GenStage {
 public:
  Term module_name() const override;
  Term init(const Term& args) const override;  // args {name, producer, report_to[, subscription opts]}
  Term handle_events(const Term& events, const Term& from, const Term& state) const override;
  Term handle_call(const Term& request, const Term& from, const Term& state) const override;  // :stats
};

namespace pipeline {

struct Stages {
  Term numbers, doubler, a, b;  // pids
};
// Starts the four stages linked to `self`: numbers 0..count-1 (count < 0:
// endless), doubled, shared by sinks :a and :b (reporting to report_to if
// it is a pid). Sinks subscribe with max_demand (min: three quarters).
Stages start(Process& self, int64_t count, Term report_to = Term(), int64_t max_demand = 1000);
// GenStage.call(sink, :stats): %{batches: n, count: n, sum: n}.
Term stats(Process& self, const Term& sink);
// Registers {Numbers|Doubler|Sink, :start_link} with the node's start
// functions (start_link(args)), for supervisor child specs.
void load(Node& node);

}  // namespace pipeline
}  // namespace otp::examples

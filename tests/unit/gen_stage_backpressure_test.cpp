// GenStage back-pressure, observed: a fast producer and a slow consumer
// (max_demand 10); the events in flight between them are counted by a
// dispatcher that wraps GenStage.DemandDispatcher and by the consumer.
#include <algorithm>

#include "gen_stage_test_stages.hpp"

using namespace otp;
using namespace otp::test;
using namespace otp::test::stages;
namespace gst = otp::gen_stage;

namespace {
Term counter_init(Process& self, int64_t next, Term last, Term opts = Term::empty_list()) {
  return t({a("producer"), t({i(next), last, Term(self.self())}), opts});
}
}  // namespace

namespace {

// Events dispatched by the producer and handled by the consumer, counted as
// they go; the slow consumer samples what is in flight at each batch.
struct Flight {
  int64_t dispatched = 0, consumed = 0, max_in_flight = 0, max_batch = 0, batches = 0;
};

// GenStage.DemandDispatcher, counting the events it hands out.
class CountingDispatcher : public GenStageDispatcher {
 public:
  explicit CountingDispatcher(Flight* f) : f_(f), inner_(*gst::find_dispatcher(Atom::intern("Elixir.GenStage.DemandDispatcher"))) {}
  Term init(const Term& o) const override { return inner_.init(o); }
  Term subscribe(const Term& o, const Term& from, const Term& s) const override { return inner_.subscribe(o, from, s); }
  Term cancel(const Term& from, const Term& s) const override { return inner_.cancel(from, s); }
  Term ask(const Term& n, const Term& from, const Term& s) const override { return inner_.ask(n, from, s); }
  Term info(const Term& m, const Term& s) const override { return inner_.info(m, s); }
  Term dispatch(const Term& events, int64_t length, const Term& s) const override {
    Term r = inner_.dispatch(events, length, s);
    f_->dispatched += length - list_length(r[1]);
    return r;
  }

 private:
  Flight* f_;
  const GenStageDispatcher& inner_;
};

// A consumer that takes 5 ms per batch.
class SlowSink : public GenStage {
 public:
  explicit SlowSink(Flight* f) : f_(f) {}
  Term module_name() const override { return a("Elixir.SlowSink"); }
  Term init(const Term& args) const override { return args; }
  Term handle_events(const Term& events, const Term&, const Term& s) const override {
    f_->max_in_flight = std::max(f_->max_in_flight, f_->dispatched - f_->consumed);
    f_->max_batch = std::max<int64_t>(f_->max_batch, list_length(events));
    ++f_->batches;
    Process::current()->sleep(5);
    f_->consumed += list_length(events);
    return gst::noreply(Term::empty_list(), s);
  }

 private:
  Flight* f_;
};

}  // namespace

TEST_CASE_METHOD(NodeFixture, "a fast producer never has more events in flight to a slow consumer than it demanded",
                 "[gen_stage][demand][backpressure]") {
  Flight flight;
  gst::register_dispatcher(Atom::intern("Elixir.CountingDispatcher"), std::make_shared<CountingDispatcher>(&flight));
  Driver d(*this);
  Term producer;
  d([&](Process& self) {
    // An endless producer that also pushes 3 extra events every millisecond.
    producer = start(self, counter(), counter_init(self, 0, Term(), kw({{"dispatcher", a("Elixir.CountingDispatcher")}})));
    start(self, std::make_shared<SlowSink>(&flight),
          t({a("consumer"), Term(),
             kw({{"subscribe_to", Term::list({t({producer, kw({{"max_demand", i(10)}, {"min_demand", i(5)}})})})}})}));
  });
  for (int ms = 0; ms < 200; ++ms) {
    node.send(producer.pid(), t({a("queue"), Term::list({a("x"), a("x"), a("x")})}));
    node.advance(1);
  }
  Term buffered;
  d([&](Process& self) { buffered = gst::estimate_buffered_count(self, producer); });
  CHECK(flight.max_in_flight == 10);  // never more than max_demand, and the pipe stays full
  CHECK(flight.max_batch == 5);       // batches of max_demand - min_demand
  CHECK(flight.batches >= 39);        // 200 ms at 5 ms a batch
  CHECK(flight.dispatched - flight.consumed <= 10);
  CHECK(buffered.small() > 300);      // the rest waits in the producer's buffer
  gst::register_dispatcher(Atom::intern("Elixir.CountingDispatcher"), nullptr);
}

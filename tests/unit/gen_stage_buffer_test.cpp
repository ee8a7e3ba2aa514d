// GenStage's producer buffer: events emitted without demand wait there and
// go out first; a full buffer drops per :buffer_keep with Logger's warning;
// info messages (sync_info/async_info) wait behind the events buffered
// before them.
#include "gen_stage_test_stages.hpp"

using namespace otp;
using namespace otp::test;
using namespace otp::test::stages;
namespace gst = otp::gen_stage;

namespace {

Term letters(std::initializer_list<const char*> names) {
  std::vector<Term> out;
  for (const char* n : names) out.push_back(a(n));
  return Term::list(std::span<const Term>(out));
}

// Queues `events` in p (by call), then subscribes a Forwarder with max 4, min 0.
std::vector<std::string> queue_then_subscribe(Driver& d, Term init, std::vector<Term> batches) {
  std::vector<std::string> msgs;
  d([&](Process& self) {
    Term p = start(self, counter(), init);
    for (const Term& events : batches) gst::call(self, p, t({a("queue"), events}));
    Term c = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    gst::async_subscribe(self.node(), c, kw({{"to", p}, {"max_demand", i(4)}, {"min_demand", i(0)}}));
  });
  d([&](Process& self) {
    for (const auto& m : drain(self))
      if (m.rfind("{:consumed", 0) == 0) msgs.push_back(m);
  });
  return msgs;
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "a producer buffers events emitted without demand and serves them first",
                 "[gen_stage][buffer]") {
  Driver d(*this);
  auto msgs = queue_then_subscribe(d, t({a("producer"), t({i(0), i(7), Term()})}), {letters({"a", "b", "c", "d", "e"})});
  CHECK(msgs == std::vector<std::string>{"{:consumed, [:a, :b, :c, :d]}", "{:consumed, [:e]}", "{:consumed, [0, 1, 2]}",
                                         "{:consumed, [3, 4, 5, 6]}"});
  CHECK(logs.empty());
}

TEST_CASE_METHOD(NodeFixture, "a full buffer keeps the last events and logs how many it discarded",
                 "[gen_stage][buffer]") {
  Driver d(*this);
  auto msgs = queue_then_subscribe(d, t({a("producer"), t({Term(), Term(), Term()}), kw({{"buffer_size", i(5)}})}),
                                   {letters({"a", "b", "c", "d", "e"}), letters({"f", "g", "h"})});
  CHECK(msgs == std::vector<std::string>{"{:consumed, [:d, :e, :f, :g]}", "{:consumed, [:h]}"});
  REQUIRE(logs.size() == 1);
  CHECK(logs[0].find(" [warning] GenStage producer <0.") != std::string::npos);
  CHECK(logs[0].find(".0> has discarded 3 events from buffer\n") != std::string::npos);
}

TEST_CASE_METHOD(NodeFixture, "a full buffer with buffer_keep first drops the new events instead",
                 "[gen_stage][buffer]") {
  Driver d(*this);
  auto msgs = queue_then_subscribe(
      d, t({a("producer"), t({Term(), Term(), Term()}), kw({{"buffer_size", i(5)}, {"buffer_keep", a("first")}})}),
      {letters({"a", "b", "c", "d", "e"}), letters({"f", "g", "h"})});
  CHECK(msgs == std::vector<std::string>{"{:consumed, [:a, :b, :c, :d]}", "{:consumed, [:e]}"});
  CHECK(count(logs, "has discarded 3 events from buffer") == 1);
}

TEST_CASE_METHOD(NodeFixture, "an info message waits behind the events buffered before it", "[gen_stage][buffer][info]") {
  Driver d(*this);
  Term p, c, ref;
  std::vector<std::string> at_start, after_one, after_two, empty_buffer, count_before;
  d([&](Process& self) {
    p = start(self, counter(), t({a("producer"), t({Term(), Term(), Term(self.self())}), kw({{"buffer_size", i(10)}})}));
    gst::call(self, p, t({a("queue"), letters({"a", "b"})}));
    gst::sync_info(self, p, a("hello"));
    count_before.push_back(str(gst::estimate_buffered_count(self, p)));
    c = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    ref = gst::sync_subscribe(self, c, kw({{"to", p}, {"consumer_demand", a("manual")}}))[1];
  });
  auto events_and_infos = [](Process& self) {
    std::vector<std::string> out;
    for (const auto& m : drain(self))
      if (m.rfind("{:consumed", 0) == 0 || m == ":hello" || m == ":now") out.push_back(m);
    return out;
  };
  d([&](Process& self) {
    at_start = events_and_infos(self);
    gst::call(self, c, t({a("ask"), t({p, ref}), i(1)}));
  });
  d([&](Process& self) {
    after_one = events_and_infos(self);
    gst::call(self, c, t({a("ask"), t({p, ref}), i(1)}));
  });
  d([&](Process& self) {
    after_two = events_and_infos(self);
    gst::async_info(self.node(), p, a("now"));  // nothing buffered: delivered at once
  });
  d([&](Process& self) { empty_buffer = events_and_infos(self); });
  CHECK(count_before == std::vector<std::string>{"2"});
  CHECK(at_start.empty());
  CHECK(after_one == std::vector<std::string>{"{:consumed, [:a]}"});
  REQUIRE(after_two.size() == 2);
  CHECK(std::find(after_two.begin(), after_two.end(), "{:consumed, [:b]}") != after_two.end());
  CHECK(std::find(after_two.begin(), after_two.end(), ":hello") != after_two.end());
  CHECK(empty_buffer == std::vector<std::string>{":now"});
}

TEST_CASE_METHOD(NodeFixture, "an info message to a consumer goes straight to its handle_info",
                 "[gen_stage][info]") {
  std::vector<std::string> msgs;
  run([&](Process& self) {
    Term c = start(self, forwarder(), t({a("consumer"), Term(self.self())}));
    gst::sync_info(self, c, a("ping"));
    self.receive(tagged(a("never")), Timeout{0});
    gst::call(self, c, t({a("ask"), t({Term(self.self()), a("x")}), i(0)}));  // a round trip
    msgs = drain(self);
    gst::stop(self, c);
  });
  CHECK(msgs == std::vector<std::string>{":ping"});
}

// Stage modules for the GenStage tests, after gen_stage's own test suite:
// Counter (a producer), Forwarder (a consumer) and Doubler (a
// producer_consumer) report what happens to them to a recipient process.
// Their init/1 returns its argument as it is, so each test writes the
// {type, state, options} tuple itself.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "behaviours/gen_stage.hpp"
#include "term/error.hpp"
#include "node_fixture.hpp"

namespace otp::test::stages {

inline void tell(const Term& to, Term msg) {
  if (to.is_pid()) Process::current()->send(to.pid(), std::move(msg));
}
inline const Term* opt(const Term& opts, const char* key) {
  for (const Term* l = &opts; l->is_cons(); l = &l->tail())
    if (l->head().is_tuple() && l->head()[0] == a(key)) return &l->head()[1];
  return nullptr;
}

// state {next, last, recipient}: on demand emits next.. (up to last - 1;
// last nil: endless; next nil: emits nothing). {:queue, events} by call
// (replies :ok), cast or message emits events at once.
class Counter : public GenStage {
 public:
  Term module_name() const override { return a("Elixir.Counter"); }
  Term init(const Term& args) const override { return args; }
  Term handle_demand(const Term& demand, const Term& s) const override {
    if (!s[0].is_integer()) return gen_stage::noreply(Term::empty_list(), s);
    int64_t next = s[0].small(), n = demand.small();
    if (s[1].is_integer()) n = std::min(n, std::max<int64_t>(0, s[1].small() - next));
    Term events = Term::empty_list();
    for (int64_t k = next + n - 1; k >= next; --k) events = Term::cons(i(k), std::move(events));
    return gen_stage::noreply(std::move(events), t({i(next + n), s[1], s[2]}));
  }
  Term handle_call(const Term& req, const Term& from, const Term& s) const override {
    if (req.is_tuple() && req[0] == a("queue")) return gen_stage::reply(a("ok"), req[1], s);
    if (req == a("stop")) return Term::tuple({a("stop"), a("shutdown"), a("ok"), s});
    return GenStage::handle_call(req, from, s);
  }
  Term handle_cast(const Term& req, const Term& s) const override {
    if (req.is_tuple() && req[0] == a("queue")) return gen_stage::noreply(req[1], s);
    return GenStage::handle_cast(req, s);
  }
  Term handle_info(const Term& msg, const Term& s) const override {
    if (msg.is_tuple() && msg.tuple_size() == 2 && msg[0] == a("queue")) return gen_stage::noreply(msg[1], s);
    tell(s[2], msg);
    return gen_stage::noreply(Term::empty_list(), s);
  }
  Term handle_subscribe(const Term&, const Term& opts, const Term& from, const Term& s) const override {
    tell(s[2], t({a("producer_subscribed"), from}));
    const Term* mode = opt(opts, "producer_demand");
    return t({mode ? *mode : a("automatic"), s});
  }
  Term handle_cancel(const Term& reason, const Term& from, const Term& s) const override {
    tell(s[2], t({a("producer_cancelled"), from, reason}));
    return gen_stage::noreply(Term::empty_list(), s);
  }
};

// state recipient: {:consumed, events} per batch; {:consumer_subscribed,
// from}, {:consumer_cancelled, from, reason}, {:terminated, reason}; other
// messages are forwarded. consumer_demand: :manual in the subscription
// options makes it manual; call {:ask, from, n} asks.
class Forwarder : public GenStage {
 public:
  Term module_name() const override { return a("Elixir.Forwarder"); }
  Term init(const Term& args) const override { return args; }
  Term handle_subscribe(const Term&, const Term& opts, const Term& from, const Term& r) const override {
    tell(r, t({a("consumer_subscribed"), from}));
    const Term* mode = opt(opts, "consumer_demand");
    return t({mode ? *mode : a("automatic"), r});
  }
  Term handle_events(const Term& events, const Term&, const Term& r) const override {
    tell(r, t({a("consumed"), events}));
    return gen_stage::noreply(Term::empty_list(), r);
  }
  Term handle_cancel(const Term& reason, const Term& from, const Term& r) const override {
    tell(r, t({a("consumer_cancelled"), from, reason}));
    return gen_stage::noreply(Term::empty_list(), r);
  }
  Term handle_info(const Term& msg, const Term& r) const override {
    tell(r, msg);
    return gen_stage::noreply(Term::empty_list(), r);
  }
  Term handle_call(const Term& req, const Term& from, const Term& r) const override {
    if (req.is_tuple() && req[0] == a("ask")) {
      gen_stage::ask(*Process::current(), req[1], req[2].small());
      return gen_stage::reply(a("ok"), Term::empty_list(), r);
    }
    return GenStage::handle_call(req, from, r);
  }
  void terminate(const Term& reason, const Term& r) const override { tell(r, t({a("terminated"), reason})); }
};

// state recipient: {:producer_consumed, events}; emits every event twice.
class Doubler : public GenStage {
 public:
  Term module_name() const override { return a("Elixir.Doubler"); }
  Term init(const Term& args) const override { return args; }
  Term handle_events(const Term& events, const Term&, const Term& r) const override {
    tell(r, t({a("producer_consumed"), events}));
    std::vector<Term> out;
    for (const Term* l = &events; l->is_cons(); l = &l->tail()) {
      out.push_back(l->head());
      out.push_back(l->head());
    }
    return gen_stage::noreply(Term::list(std::span<const Term>(out)), r);
  }
  Term handle_cancel(const Term& reason, const Term& from, const Term& r) const override {
    tell(r, t({a("producer_consumer_cancelled"), from, reason}));
    return gen_stage::noreply(Term::empty_list(), r);
  }
};

// [key: value, ...]
inline Term kw(std::initializer_list<std::pair<const char*, Term>> kvs) {
  std::vector<Term> out;
  for (const auto& [k, v] : kvs) out.push_back(t({a(k), v}));
  return Term::list(std::span<const Term>(out));
}
// [from, from + 1, ..., to]
inline Term range(int64_t from, int64_t to) {
  Term l = Term::empty_list();
  for (int64_t k = to; k >= from; --k) l = Term::cons(i(k), std::move(l));
  return l;
}
// Every message in self's mailbox now, inspected on one line, in order.
inline std::vector<std::string> drain(Process& self) {
  std::vector<std::string> out;
  InspectOptions one_line;
  one_line.width = 1 << 20;
  one_line.limit = 1 << 20;
  while (auto m = self.receive([](const Term&) { return true; }, Timeout{0})) out.push_back(inspect(*m, one_line));
  return out;
}
inline std::string str(const Term& x) {
  InspectOptions one_line;
  one_line.width = 1 << 20;
  one_line.limit = 1 << 20;
  return inspect(x, one_line);
}

inline std::shared_ptr<const GenStage> counter() { return std::make_shared<const Counter>(); }
inline std::shared_ptr<const GenStage> forwarder() { return std::make_shared<const Forwarder>(); }
inline std::shared_ptr<const GenStage> doubler() { return std::make_shared<const Doubler>(); }

// Starts a stage linked to self; its pid (the test fails on an error).
inline Term start(Process& self, std::shared_ptr<const GenStage> mod, Term init) {
  Term r = gen_stage::start_link(self, std::move(mod), std::move(init));
  REQUIRE(inspect(r[0]) == ":ok");
  return r[1];
}

}  // namespace otp::test::stages

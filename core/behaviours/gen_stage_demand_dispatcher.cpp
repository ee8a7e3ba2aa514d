// GenStage.DemandDispatcher: each batch goes to the consumer with the highest
// pending demand. State, as Elixir's: {demands, pending, max_demand, shuffle?}
// where demands is [{counter, pid, ref}] kept in decreasing counter order,
// pending is demand already forwarded for consumers that have since left
// (so re-asks are not produced twice), and max_demand is the first ask seen
// (a larger ask later logs a warning: it would starve greedy consumers).
#include <algorithm>
#include <vector>

#include "behaviours/gen_stage_dispatcher.hpp"
#include "behaviours/gen_stage_util.hpp"
#include "runtime/process.hpp"

namespace otp::gen_stage_detail {

namespace {

struct Demand {
  int64_t counter;
  Term pid;
  Term ref;
};

std::vector<Demand> unpack(const Term& demands) {
  std::vector<Demand> out;
  for (const Term* l = &demands; l->is_cons(); l = &l->tail()) {
    const Term& d = l->head();
    out.push_back({d[0].small(), d[1], d[2]});
  }
  return out;
}

Term pack(const std::vector<Demand>& ds) {
  Term list = Term::empty_list();
  for (auto it = ds.rbegin(); it != ds.rend(); ++it)
    list = Term::cons(tuple3(Term::integer(it->counter), it->pid, it->ref), std::move(list));
  return list;
}

// add_demand/4: before the first entry with a smaller counter.
void add_demand(std::vector<Demand>& ds, Demand d) {
  auto at = std::find_if(ds.begin(), ds.end(), [&](const Demand& x) { return d.counter > x.counter; });
  ds.insert(at, std::move(d));
}

// pop_demand/2 (the ref is known: the stage checked the subscription).
int64_t pop_demand(std::vector<Demand>& ds, const Term& ref) {
  auto it = std::find_if(ds.begin(), ds.end(), [&](const Demand& x) { return x.ref == ref; });
  if (it == ds.end()) return 0;
  int64_t current = it->counter;
  ds.erase(it);
  return current;
}

Term ok3(Term a, Term b) { return tuple3(Term(atom::ok), std::move(a), std::move(b)); }

class DemandDispatcher final : public GenStageDispatcher {
 public:
  Term init(const Term& opts) const override {
    const Atoms& A = atoms();
    Term max = keyword_get(opts, A.max_demand, Term());
    Term shuffle = keyword_get(opts, A.shuffle, Term(atom::false_));
    return tuple2(Term(atom::ok), Term::tuple({Term::empty_list(), Term::integer(0), max, shuffle}));
  }

  Term subscribe(const Term&, const Term& from, const Term& s) const override {
    std::vector<Demand> ds = unpack(s[0]);
    ds.push_back({0, from[0], from[1]});
    return ok3(Term::integer(0), Term::tuple({pack(ds), s[1], s[2], s[3]}));
  }

  Term cancel(const Term& from, const Term& s) const override {
    std::vector<Demand> ds = unpack(s[0]);
    int64_t current = pop_demand(ds, from[1]);
    return ok3(Term::integer(0), Term::tuple({pack(ds), Term::integer(current + s[1].small()), s[2], s[3]}));
  }

  Term ask(const Term& counter_term, const Term& from, const Term& s) const override {
    const int64_t counter = counter_term.small();
    Term max = s[2].is_integer() ? s[2] : counter_term;
    if (counter > max.small()) {
      if (Process* p = Process::current())
        log(p->node(), "warning",
            "GenStage producer DemandDispatcher expects a maximum demand of " + erl(max) +
                ". Using different maximum demands will overload greedy consumers. Got demand for " +
                erl(counter_term) + " events from " + erl(from[0]));
    }
    std::vector<Demand> ds = unpack(s[0]);
    int64_t current = pop_demand(ds, from[1]);
    add_demand(ds, {current + counter, from[0], from[1]});
    const int64_t pending = s[1].small();
    const int64_t already_sent = std::min(pending, counter);
    return ok3(Term::integer(counter - already_sent),
               Term::tuple({pack(ds), Term::integer(pending - already_sent), max, s[3]}));
  }

  Term dispatch(const Term& events, int64_t length, const Term& s) const override {
    Process* self = Process::current();
    const Atoms& A = atoms();
    std::vector<Demand> ds = unpack(s[0]);
    Term left = events;
    // dispatch_demand/3: the head has the highest demand; stop when it is 0.
    while (left.is_cons() && !ds.empty() && ds.front().counter > 0) {
      Demand d = std::move(ds.front());
      ds.erase(ds.begin());
      Term now;
      if (length <= d.counter) {
        now = std::move(left);
        left = Term::empty_list();
        d.counter -= length;
        length = 0;
      } else {
        Term later;
        now = take(left, d.counter, &later);
        left = std::move(later);
        length -= d.counter;
        d.counter = 0;
      }
      self->send(d.pid.pid(), tuple3(Term(A.gen_consumer), tuple2(Term(self->self()), d.ref), std::move(now)));
      add_demand(ds, std::move(d));
    }
    // A shuffle on the first dispatch (an option for fairness) is not
    // applied here: demands keep their order; the flag is cleared as Elixir does.
    return ok3(std::move(left), Term::tuple({pack(ds), s[1], s[2], Term(atom::false_)}));
  }

  Term info(const Term& msg, const Term& s) const override {
    if (Process* p = Process::current()) p->send(p->self(), msg);
    return tuple2(Term(atom::ok), s);
  }
};

}  // namespace

const GenStageDispatcher& demand_dispatcher() {
  static const DemandDispatcher d;
  return d;
}

}  // namespace otp::gen_stage_detail

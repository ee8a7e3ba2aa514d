// GenStage.BroadcastDispatcher: every event to every consumer, only as fast
// as the slowest one. State, as Elixir's: {demands, waiting, subscribed}
// where demands is [{counter, pid, ref, selector}] (newest first), counters
// are relative to the minimum (which is what the producer was asked for),
// waiting is the demand not yet met by dispatched events, and subscribed
// holds the consumer pids (a map pid => [], MapSet's own representation).
// A :selector (fn event -> truthy) filters a subscription's events; the
// events it drops are asked for again on the consumer's behalf.
#include <algorithm>
#include <vector>

#include "behaviours/gen_stage_dispatcher.hpp"
#include "behaviours/gen_stage_util.hpp"
#include "runtime/process.hpp"
#include "term/fun.hpp"

namespace otp::gen_stage_detail {

namespace {

struct Demand {
  int64_t counter;
  Term pid, ref, selector;
};

std::vector<Demand> unpack(const Term& demands) {
  std::vector<Demand> out;
  for (const Term* l = &demands; l->is_cons(); l = &l->tail()) {
    const Term& d = l->head();
    out.push_back({d[0].small(), d[1], d[2], d[3]});
  }
  return out;
}

Term pack(const std::vector<Demand>& ds) {
  Term list = Term::empty_list();
  for (auto it = ds.rbegin(); it != ds.rend(); ++it)
    list = Term::cons(Term::tuple({Term::integer(it->counter), it->pid, it->ref, it->selector}), std::move(list));
  return list;
}

int64_t get_min(const std::vector<Demand>& ds) {
  if (ds.empty()) return 0;
  int64_t m = ds.front().counter;
  for (const Demand& d : ds) m = std::min(m, d.counter);
  return std::max<int64_t>(m, 0);
}

void adjust(std::vector<Demand>& ds, int64_t min) {
  for (Demand& d : ds) d.counter -= min;
}

Term ok3(Term a, Term b) { return tuple3(Term(atom::ok), std::move(a), std::move(b)); }

bool truthy(const Term& t) { return !t.is_atom(atom::nil) && !t.is_atom(atom::false_); }

class BroadcastDispatcher final : public GenStageDispatcher {
 public:
  Term init(const Term&) const override {
    return tuple2(Term(atom::ok), tuple3(Term::empty_list(), Term::integer(0), Term::map({})));
  }

  Term subscribe(const Term& opts, const Term& from, const Term& s) const override {
    const Atoms& A = atoms();
    Term selector = keyword_get(opts, A.selector, Term());
    if (!selector.is_atom(atom::nil) && !(selector.is_fun() && selector.fun().arity() == 1))
      raise_argument_error(":selector option must be passed a unary function, got: " + inspect(selector));
    const Term& pid = from[0];
    if (s[2].map_get(pid)) {
      if (Process* p = Process::current())
        log(p->node(), "error",
            inspect(pid) + " is already registered with " + inspect(Term(p->self())) +
                ". This subscription has been discarded.");
      return tuple2(Term(atom::error), Term(A.already_subscribed));
    }
    std::vector<Demand> ds = unpack(s[0]);
    ds.insert(ds.begin(), Demand{-s[1].small(), pid, from[1], selector});
    return ok3(Term::integer(0), tuple3(pack(ds), s[1], s[2].map_put(pid, Term::empty_list())));
  }

  Term cancel(const Term& from, const Term& s) const override {
    std::vector<Demand> ds = unpack(s[0]);
    ds.erase(std::remove_if(ds.begin(), ds.end(), [&](const Demand& d) { return d.ref == from[1]; }), ds.end());
    // Removing the slowest consumer may release demand.
    int64_t min = get_min(ds);
    adjust(ds, min);
    return ok3(Term::integer(min), tuple3(pack(ds), Term::integer(s[1].small() + min), s[2].map_remove(from[0])));
  }

  Term ask(const Term& counter, const Term& from, const Term& s) const override {
    std::vector<Demand> ds = unpack(s[0]);
    int64_t current = 0;
    Term selector;
    auto it = std::find_if(ds.begin(), ds.end(), [&](const Demand& d) { return d.ref == from[1]; });
    if (it != ds.end()) {
      current = it->counter;
      selector = it->selector;
      ds.erase(it);
    }
    ds.insert(ds.begin(), Demand{current + counter.small(), from[0], from[1], selector});
    int64_t min = get_min(ds);
    adjust(ds, min);
    return ok3(Term::integer(min), tuple3(pack(ds), Term::integer(s[1].small() + min), s[2]));
  }

  Term dispatch(const Term& events, int64_t length, const Term& s) const override {
    int64_t waiting = s[1].small();
    if (waiting == 0) return ok3(events, s);
    Term now, later;
    if (length <= waiting) {
      now = events;
      later = Term::empty_list();
      waiting -= length;
    } else {
      now = take(events, waiting, &later);
      waiting = 0;
    }
    Process* self = Process::current();
    const Atoms& A = atoms();
    const Term me(self->self());
    for (const Term* l = &s[0]; l->is_cons(); l = &l->tail()) {
      const Term& d = l->head();  // {counter, pid, ref, selector}
      Term selected = now;
      if (!d[3].is_atom(atom::nil)) {
        std::vector<Term> kept;
        int64_t discarded = 0;
        for (const Term* e = &now; e->is_cons(); e = &e->tail()) {
          const Term& ev = e->head();
          if (truthy(apply_fun(d[3], std::span<const Term>(&ev, 1))))
            kept.push_back(ev);
          else
            ++discarded;
        }
        selected = Term::list(std::span<const Term>(kept));
        if (discarded > 0)
          self->send(self->self(), tuple3(Term(A.gen_producer), tuple2(d[1], d[2]),
                                          tuple2(Term(A.ask), Term::integer(discarded))));
      }
      self->send(d[1].pid(), tuple3(Term(A.gen_consumer), tuple2(me, d[2]), std::move(selected)));
    }
    return ok3(std::move(later), tuple3(s[0], Term::integer(waiting), s[2]));
  }

  Term info(const Term& msg, const Term& s) const override {
    if (Process* p = Process::current()) p->send(p->self(), msg);
    return tuple2(Term(atom::ok), s);
  }
};

}  // namespace

const GenStageDispatcher& broadcast_dispatcher() {
  static const BroadcastDispatcher d;
  return d;
}

}  // namespace otp::gen_stage_detail

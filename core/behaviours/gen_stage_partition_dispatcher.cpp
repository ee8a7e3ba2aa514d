// GenStage.PartitionDispatcher: events go to partitions chosen by a :hash
// function (event -> {event, partition} | :none), one consumer per
// partition (subscribed with partition: p). State, as Elixir's:
//   {tag, hash, waiting, pending, partitions, references, infos}
// waiting: demand asked of the producer and not yet dispatched (the sum of
// the consumers' demands); pending: demand of consumers that left;
// partitions: %{p => {pid | nil, ref | nil, demand_or_queue}}: an integer is
// the consumer's unmet demand, a :queue holds events hashed to p beyond it
// (a partition waits for its consumer; others are not held back);
// references: %{ref => p}; infos: %{info_ref => {msg, [p]}} for info
// messages queued behind events ({tag, info_ref} entries in the queues).
// The default hash is {event, hash(event) rem partitions}: this runtime's
// term hash, not :erlang.phash2/2, so default placements differ from BEAM's.
#include <map>
#include <vector>

#include "behaviours/gen_stage_dispatcher.hpp"
#include "behaviours/gen_stage_util.hpp"
#include "runtime/process.hpp"
#include "term/fun.hpp"

namespace otp::gen_stage_detail {

namespace {

// Elixir's "#{term}" (to_string) for partition names.
std::string interpolate(const Term& t) {
  if (t.is_atom()) return std::string(t.atom().name());
  if (t.is_binary()) return std::string(t.bytes());
  return inspect(t);
}

Term init_entry() { return tuple3(Term(), Term(), queue_new()); }

Term ok3(Term a, Term b) { return tuple3(Term(atom::ok), std::move(a), std::move(b)); }

Term with(const Term& s, std::size_t i, Term v) {
  std::vector<Term> e(s.elements().begin(), s.elements().end());
  e[i] = std::move(v);
  return Term::tuple(std::span<const Term>(e));
}

enum : std::size_t { kTag, kHash, kWaiting, kPending, kPartitions, kReferences, kInfos };

void maybe_send(Process& self, std::vector<Term>& events, const Term& pid, const Term& ref) {
  if (events.empty()) return;
  self.send(pid.pid(), tuple3(Term(atoms().gen_consumer), tuple2(Term(self.self()), ref),
                              Term::list(std::span<const Term>(events))));
  events.clear();
}

// An info message passed partition p: when every partition has, it is sent.
Term maybe_info(Process& self, Term infos, const Term& info_ref, const Term& p) {
  const Term* entry = infos.map_get(info_ref);
  if (!entry) return infos;
  std::vector<Term> left;
  bool removed = false;
  for (const Term* l = &(*entry)[1]; l->is_cons(); l = &l->tail()) {
    if (!removed && l->head() == p) {
      removed = true;
      continue;
    }
    left.push_back(l->head());
  }
  if (left.empty()) {
    self.send(self.self(), (*entry)[0]);
    return infos.map_remove(info_ref);
  }
  Term msg = (*entry)[0];
  return infos.map_put(info_ref, tuple2(std::move(msg), Term::list(std::span<const Term>(left))));
}

Term put_into_queue(const Term& events, Term queue) {
  for (const Term* l = &events; l->is_cons(); l = &l->tail()) queue = queue_in(l->head(), queue);
  return queue;
}

class PartitionDispatcher final : public GenStageDispatcher {
 public:
  Term init(const Term& opts) const override {
    const Atoms& A = atoms();
    Term given = keyword_get(opts, A.partitions, Term());
    std::vector<Term> parts;
    if (given.is_atom(atom::nil))
      raise_argument_error("the enumerable of :partitions is required when using the partition dispatcher");
    if (given.is_integer()) {
      for (int64_t p = 0; p < given.small(); ++p) parts.push_back(Term::integer(p));
    } else if (given.is_list()) {
      parts = list_to_vector(given);
    } else if (given.is_map() && given.map_get(Term(atom::__struct__)) &&
               *given.map_get(Term(atom::__struct__)) == Term(A.range)) {
      int64_t first = given.map_get(Term(A.first_f))->small(), last = given.map_get(Term(A.last_f))->small();
      const Term* st = given.map_get(Term(A.step));
      int64_t step = st ? st->small() : (first <= last ? 1 : -1);
      for (int64_t p = first; step > 0 ? p <= last : p >= last; p += step) parts.push_back(Term::integer(p));
    } else {
      raise_argument_error("expected :partitions to be an integer or an enumerable, got: " + inspect(given));
    }
    Term hash = keyword_get(opts, A.hash, Term());
    Term table = Term::map({});
    for (const Term& p : parts) {
      if (hash.is_atom(atom::nil) && !p.is_integer())
        raise_argument_error(
            "when :partitions contains partitions that are not integers, you have to pass in an explicit :hash "
            "function");
      table = table.map_put(p, init_entry());
    }
    if (hash.is_atom(atom::nil)) {
      const int64_t size = static_cast<int64_t>(parts.size());
      hash = make_fun(A.partition_dispatcher, "-init/1-fun-0-", 1, [size](std::span<const Term> a) {
        return tuple2(a[0], Term::integer(static_cast<int64_t>(otp::hash(a[0]) % static_cast<uint64_t>(size))));
      });
    }
    Process* self = Process::current();
    Term tag = self ? Term(self->node().make_ref()) : Term();
    return tuple2(Term(atom::ok), Term::tuple({tag, hash, Term::integer(0), Term::integer(0), table,
                                               Term::map({}), Term::map({})}));
  }

  Term subscribe(const Term& opts, const Term& from, const Term& s) const override {
    const Atoms& A = atoms();
    Term p = keyword_get(opts, A.partition, Term());
    const Term* entry = s[kPartitions].map_get(p);
    if (entry && (*entry)[0].is_atom(atom::nil)) {
      Term parts = s[kPartitions].map_put(p, tuple3(from[0], from[1], (*entry)[2]));
      Term refs = s[kReferences].map_put(from[1], p);
      return ok3(Term::integer(0), with(with(s, kPartitions, std::move(parts)), kReferences, std::move(refs)));
    }
    if (entry) raise_argument_error("the partition " + interpolate(p) + " is already taken by " + inspect((*entry)[0]));
    if (p.is_atom(atom::nil))
      raise_argument_error("the :partition option is required when subscribing to a producer with partition dispatcher");
    std::vector<Term> keys;
    for (const MapEntry& e : s[kPartitions].map_entries()) keys.push_back(e.key);
    raise_argument_error(":partition must be one of " + inspect(Term::list(std::span<const Term>(keys))) +
                         ", got: " + interpolate(p));
  }

  Term cancel(const Term& from, const Term& s) const override {
    const Term* pp = s[kReferences].map_get(from[1]);
    if (!pp) return ok3(Term::integer(0), s);
    Term p = *pp;
    Term refs = s[kReferences].map_remove(from[1]);
    Term doq = (*s[kPartitions].map_get(p))[2];
    Term parts = s[kPartitions].map_put(p, init_entry());
    Term out = with(with(s, kPartitions, std::move(parts)), kReferences, std::move(refs));
    if (doq.is_integer()) return ok3(Term::integer(0), with(out, kPending, Term::integer(s[kPending].small() + doq.small())));
    // clear_queue/5: the queued events are dropped and asked for again.
    Process* self = Process::current();
    Term infos = s[kInfos];
    int64_t length = 0;
    Term v, rest;
    while (queue_out(doq, &v, &rest)) {
      doq = std::move(rest);
      if (v.is_tuple() && v.tuple_size() == 2 && v[0] == s[kTag])
        infos = maybe_info(*self, std::move(infos), v[1], p);
      else
        ++length;
    }
    out = with(with(out, kInfos, std::move(infos)), kWaiting, Term::integer(s[kWaiting].small() + length));
    return ok3(Term::integer(length), std::move(out));
  }

  Term ask(const Term& counter_term, const Term& from, const Term& s) const override {
    Process& self = *Process::current();
    const int64_t counter = counter_term.small();
    Term p = *s[kReferences].map_get(from[1]);
    Term entry = *s[kPartitions].map_get(p);
    Term infos = s[kInfos];
    Term doq;
    if (entry[2].is_integer()) {
      doq = Term::integer(entry[2].small() + counter);
    } else {  // send_from_queue/8
      Term queue = entry[2];
      int64_t left = counter;
      std::vector<Term> acc;
      Term v, rest;
      for (;;) {
        if (left == 0) {
          maybe_send(self, acc, entry[0], entry[1]);
          doq = queue;
          break;
        }
        if (!queue_out(queue, &v, &rest)) {
          maybe_send(self, acc, entry[0], entry[1]);
          doq = Term::integer(left);
          break;
        }
        queue = std::move(rest);
        if (v.is_tuple() && v.tuple_size() == 2 && v[0] == s[kTag]) {
          maybe_send(self, acc, entry[0], entry[1]);
          infos = maybe_info(self, std::move(infos), v[1], p);
        } else {
          acc.push_back(std::move(v));
          --left;
        }
      }
    }
    Term parts = s[kPartitions].map_put(p, tuple3(entry[0], entry[1], std::move(doq)));
    const int64_t pending = s[kPending].small();
    const int64_t already_sent = std::min(pending, counter);
    const int64_t demand = counter - already_sent;
    return ok3(Term::integer(demand),
               Term::tuple({s[kTag], s[kHash], Term::integer(s[kWaiting].small() + demand),
                            Term::integer(pending - already_sent), std::move(parts), s[kReferences],
                            std::move(infos)}));
  }

  Term dispatch(const Term& events, int64_t, const Term& s) const override {
    Process& self = *Process::current();
    int64_t waiting = s[kWaiting].small();
    // split_events/3: only what was asked for is delivered now.
    std::map<std::size_t, std::vector<Term>> by_index;  // partition position -> events, in order
    std::vector<Term> keys;
    for (const MapEntry& e : s[kPartitions].map_entries()) keys.push_back(e.key);
    const Term* l = &events;
    for (; waiting > 0 && l->is_cons(); l = &l->tail(), --waiting) {
      const Term& ev = l->head();
      Term r = apply_fun(s[kHash], std::span<const Term>(&ev, 1));
      if (r.is_atom(atoms().none)) continue;
      if (!(r.is_tuple() && r.tuple_size() == 2))
        raise_runtime_error("the :hash function should return {event, partition}, got: " + inspect(r));
      auto it = std::lower_bound(keys.begin(), keys.end(), r[1],
                                 [](const Term& a, const Term& b) { return compare_map_keys(a, b) < 0; });
      if (it == keys.end() || !(*it == r[1]))
        raise_runtime_error("unknown partition " + inspect(r[1]) + " computed for GenStage event " + inspect(ev) +
                            ". The known partitions are " + inspect(Term::list(std::span<const Term>(keys))) +
                            ". See the :partitions option to set your partitions");
      by_index[static_cast<std::size_t>(it - keys.begin())].push_back(r[0]);
    }
    Term later = *l;
    Term parts = s[kPartitions];
    for (auto& [index, evs] : by_index) {
      const Term& p = keys[index];
      Term entry = *parts.map_get(p);
      Term doq;
      if (entry[2].is_integer()) {  // split_into_queue/3
        int64_t demand = entry[2].small();
        std::size_t now = static_cast<std::size_t>(std::min<int64_t>(demand, static_cast<int64_t>(evs.size())));
        std::vector<Term> send_now(evs.begin(), evs.begin() + static_cast<std::ptrdiff_t>(now));
        if (now < evs.size() || demand == static_cast<int64_t>(now)) {
          Term q = queue_new();
          for (std::size_t i = now; i < evs.size(); ++i) q = queue_in(evs[i], q);
          doq = std::move(q);
        } else {
          doq = Term::integer(demand - static_cast<int64_t>(now));
        }
        maybe_send(self, send_now, entry[0], entry[1]);
      } else {
        doq = put_into_queue(Term::list(std::span<const Term>(evs)), entry[2]);
      }
      parts = parts.map_put(p, tuple3(entry[0], entry[1], std::move(doq)));
    }
    return ok3(std::move(later), Term::tuple({s[kTag], s[kHash], Term::integer(waiting), s[kPending],
                                              std::move(parts), s[kReferences], s[kInfos]}));
  }

  Term info(const Term& msg, const Term& s) const override {
    Process& self = *Process::current();
    Term info_ref(self.node().make_ref());
    Term parts = s[kPartitions];
    std::vector<Term> queued;
    for (const MapEntry& e : s[kPartitions].map_entries()) {
      if (e.value[2].is_integer()) continue;
      parts = parts.map_put(e.key, tuple3(e.value[0], e.value[1], queue_in(tuple2(s[kTag], info_ref), e.value[2])));
      queued.insert(queued.begin(), e.key);
    }
    Term infos = s[kInfos];
    if (queued.empty())
      self.send(self.self(), msg);
    else
      infos = infos.map_put(info_ref, tuple2(msg, Term::list(std::span<const Term>(queued))));
    return tuple2(Term(atom::ok), with(with(s, kPartitions, std::move(parts)), kInfos, std::move(infos)));
  }
};

}  // namespace

const GenStageDispatcher& partition_dispatcher() {
  static const PartitionDispatcher d;
  return d;
}

}  // namespace otp::gen_stage_detail

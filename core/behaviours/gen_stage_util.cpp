// GenStage's helpers: atoms (and the %GenStage{} struct's registration), keyword
// lists, Erlang's :queue on terms, lists.
#include "behaviours/gen_stage_util.hpp"

#include <algorithm>

#include "term/struct.hpp"

namespace otp::gen_stage_detail {

namespace {
Atom at(const char* s) { return Atom::intern(s); }
}  // namespace

const Atoms& atoms() {
  static const Atoms a = [] {
    Atoms x{};
    x.gen_producer = at("$gen_producer");
    x.gen_consumer = at("$gen_consumer");
    x.subscribe = at("subscribe");
    x.ask = at("ask");
    x.cancel = at("cancel");
    x.info_tag = at("$info");
    x.demand_tag = at("$demand");
    x.subscribe_tag = at("$subscribe");
    x.estimate_tag = at("$estimate_buffered_count");
    x.producer = at("producer");
    x.consumer = at("consumer");
    x.producer_consumer = at("producer_consumer");
    x.automatic = at("automatic");
    x.manual = at("manual");
    x.noreply = at("noreply");
    x.reply = at("reply");
    x.stop = at("stop");
    x.hibernate = at("hibernate");
    x.forward = at("forward");
    x.accumulate = at("accumulate");
    x.permanent = at("permanent");
    x.transient = at("transient");
    x.temporary = at("temporary");
    x.to = at("to");
    x.max_demand = at("max_demand");
    x.min_demand = at("min_demand");
    x.dispatcher = at("dispatcher");
    x.buffer_size = at("buffer_size");
    x.buffer_keep = at("buffer_keep");
    x.demand = at("demand");
    x.subscribe_to = at("subscribe_to");
    x.first = at("first");
    x.last = at("last");
    x.infinity = at("infinity");
    x.down = at("down");
    x.info = at("info");
    x.unknown_subscription = at("unknown_subscription");
    x.duplicated_subscription = at("duplicated_subscription");
    x.not_a_consumer = at("not_a_consumer");
    x.bad_opts = at("bad_opts");
    x.already_subscribed = at("already_subscribed");
    x.gen_stage = at("Elixir.GenStage");
    x.demand_dispatcher = at("Elixir.GenStage.DemandDispatcher");
    x.broadcast_dispatcher = at("Elixir.GenStage.BroadcastDispatcher");
    x.partition_dispatcher = at("Elixir.GenStage.PartitionDispatcher");
    x.mod = at("mod");
    x.state = at("state");
    x.type = at("type");
    x.dispatcher_mod = at("dispatcher_mod");
    x.dispatcher_state = at("dispatcher_state");
    x.buffer = at("buffer");
    x.events = at("events");
    x.monitors = at("monitors");
    x.producers = at("producers");
    x.consumers = at("consumers");
    x.selector = at("selector");
    x.partitions = at("partitions");
    x.partition = at("partition");
    x.hash = at("hash");
    x.none = at("none");
    x.shuffle = at("shuffle_demands_on_first_dispatch");
    x.range = at("Elixir.Range");
    x.first_f = at("first");
    x.last_f = at("last");
    x.step = at("step");
    x.value = at("value");
    x.empty = at("empty");
    x.bad_call = at("bad_call");
    x.bad_cast = at("bad_cast");
    register_struct(x.gen_stage, {x.mod, x.state, x.type, x.dispatcher_mod, x.dispatcher_state, x.buffer,
                                  x.buffer_keep, x.events, x.monitors, x.producers, x.consumers});
    return x;
  }();
  return a;
}

// ---- keyword lists ----

const Term* keyword_find(const Term& keywords, Atom key) {
  for (const Term* l = &keywords; l->is_cons(); l = &l->tail()) {
    const Term& kv = l->head();
    if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(key)) return &kv[1];
  }
  return nullptr;
}

Term keyword_pop(const Term& keywords, Atom key, Term fallback, Term* rest) {
  const Term* found = keyword_find(keywords, key);
  if (!found) {
    *rest = keywords;
    return fallback;
  }
  Term value = *found;
  std::vector<Term> kept;
  for (const Term* l = &keywords; l->is_cons(); l = &l->tail()) {
    const Term& kv = l->head();
    if (!(kv.is_tuple() && kv.tuple_size() == 2 && kv[0].is_atom(key))) kept.push_back(kv);
  }
  *rest = Term::list(std::span<const Term>(kept));
  return value;
}

// ---- lists ----

Term reverse(const Term& list, Term tail) {
  Term acc = std::move(tail);
  for (const Term* l = &list; l->is_cons(); l = &l->tail()) acc = Term::cons(l->head(), std::move(acc));
  return acc;
}

Term take(const Term& list, int64_t n, Term* rest) {
  std::vector<Term> prefix;
  prefix.reserve(static_cast<std::size_t>(n > 0 ? n : 0));
  const Term* l = &list;
  for (; n > 0 && l->is_cons(); --n, l = &l->tail()) prefix.push_back(l->head());
  *rest = *l;
  return Term::list(std::span<const Term>(prefix));
}

// ---- Erlang's :queue: {Rear, Front}, Rear reversed ----

namespace {
std::ptrdiff_t len(const Term& l) { return list_length(l); }

// r2f/f2r: split one list into a well-formed queue, as queue.erl does.
Term r2f(const Term& rear) {
  std::ptrdiff_t n = len(rear);
  if (n == 0) return tuple2(Term::empty_list(), Term::empty_list());
  if (n == 1) return tuple2(Term::empty_list(), rear);
  Term back;
  Term keep = take(rear, n / 2, &back);
  return tuple2(std::move(keep), reverse(back));
}
}  // namespace

Term queue_new() { return tuple2(Term::empty_list(), Term::empty_list()); }

Term queue_in(Term item, const Term& q) {
  const Term& rear = q[0];
  const Term& front = q[1];
  if (front.is_nil_list() && rear.is_cons() && rear.tail().is_nil_list())  // {[_] = In, []}
    return tuple2(Term::cons(std::move(item), Term::empty_list()), rear);
  return tuple2(Term::cons(std::move(item), rear), front);
}

bool queue_out(const Term& q, Term* value, Term* rest) {
  const Term& rear = q[0];
  const Term& front = q[1];
  if (front.is_nil_list()) {
    if (rear.is_nil_list()) return false;
    if (rear.tail().is_nil_list()) {  // {[V], []}
      *value = rear.head();
      *rest = queue_new();
      return true;
    }
    // {[Y | In], []}: the front is In reversed.
    Term out = reverse(rear.tail());
    *value = out.head();
    *rest = tuple2(Term::cons(rear.head(), Term::empty_list()), out.tail());
    return true;
  }
  *value = front.head();
  *rest = front.tail().is_nil_list() ? r2f(rear) : tuple2(rear, front.tail());
  return true;
}

Term queue_from_list(const Term& list) {
  std::ptrdiff_t n = len(list);
  if (n == 0) return queue_new();
  Term back;
  Term front = take(list, n / 2, &back);
  return tuple2(reverse(back), std::move(front));
}

bool queue_is_empty(const Term& q) { return q[0].is_nil_list() && q[1].is_nil_list(); }

std::vector<Term> queue_to_vector(const Term& q) {
  std::vector<Term> out;
  for (const Term* l = &q[1]; l->is_cons(); l = &l->tail()) out.push_back(l->head());
  std::size_t mark = out.size();
  for (const Term* l = &q[0]; l->is_cons(); l = &l->tail()) out.push_back(l->head());
  std::reverse(out.begin() + static_cast<std::ptrdiff_t>(mark), out.end());
  return out;
}

}  // namespace otp::gen_stage_detail

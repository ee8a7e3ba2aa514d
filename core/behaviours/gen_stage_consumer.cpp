// GenStage, the consumer side (consumers and producer_consumers):
// subscribing, demand accounting (ask max_demand, ask again at min_demand),
// splitting received events into batches, cancel modes, and the
// producer_consumer's queue of received batches (handled only while its own
// consumers have demand: that is its back-pressure).
#include "behaviours/gen_stage_server.hpp"

#include "behaviours/gen.hpp"

namespace otp::gen_stage_detail {

namespace {

bool transient_shutdown(const Term& r) {
  return r.is_atom(atom::normal) || r.is_atom(atom::shutdown) ||
         (r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom(atom::shutdown));
}

}  // namespace

void Engine::ask(const Term& from, int64_t n) {
  if (n <= 0) return;
  const Atoms& A = atoms();
  send(from[0], tuple3(Term(A.gen_producer), tuple2(Term(self_.self()), from[1]),
                       tuple2(Term(A.ask), Term::integer(n))));
}

// {:"$gen_consumer", {producer_pid, ref}, events | {:cancel, reason}}
Flow Engine::on_gen_consumer(const Term& msg) {
  const Atoms& A = atoms();
  if (st_.kind == Type::Producer) {
    log(node_, "error", "GenStage producer " + erl(self_name(self_)) + " received $gen_consumer message: " + erl(msg));
    return Flow{};
  }
  const Term& from = msg[1];
  const Term& ref = from[1];
  const Term& payload = msg[2];
  if (payload.is_list()) {
    const Term* entry = st_.producers.map_get(ref);
    if (!entry) {
      send(from[0], tuple3(Term(A.gen_producer), tuple2(Term(self_.self()), ref),
                           tuple2(Term(A.cancel), Term(A.unknown_subscription))));
      return Flow{};
    }
    if (st_.kind == Type::ProducerConsumer) {
      st_.events = tuple2(queue_in(tuple2(payload, ref), st_.events[0]), st_.events[1]);
      return take_pc_events();
    }
    auto batches = consumer_receive(from, *entry, payload);
    return consumer_dispatch(batches, from);
  }
  if (tagged(payload, A.cancel, 2)) return consumer_cancel(ref, A.cancel, payload[1]);
  return noreply_result(mod_.handle_info(msg, st_.state));
}

// consumer_receive/4 and Utils.split_batches/5: batches of at most
// max - min events, each with the demand to ask once it is handled.
std::vector<std::pair<Term, int64_t>> Engine::consumer_receive(const Term& from, const Term& entry,
                                                               const Term& events) {
  std::vector<std::pair<Term, int64_t>> batches;
  const Term& d = entry[2];
  if (!d.is_tuple()) {  // :manual
    batches.emplace_back(events, 0);
    return batches;
  }
  const int64_t min = d[1].small(), max = d[2].small();
  int64_t old_demand = d[0].small(), new_demand = old_demand;
  const int64_t limit = max - min;
  int64_t remaining = list_length(events);
  Term rest = events;
  while (remaining > 0) {
    Term batch;
    int64_t size;
    if (remaining <= limit) {  // the rest as it is: no copy
      batch = std::move(rest);
      rest = Term::empty_list();
      size = remaining;
    } else {
      Term later;
      batch = take(rest, limit, &later);
      rest = std::move(later);
      size = limit;
    }
    remaining -= size;
    // Events beyond the demand (a misbehaving producer) are logged.
    if (old_demand - size < 0) {
      log(node_, "error",
          "GenStage consumer " + erl(self_name(self_)) + " has received " + std::to_string(size - old_demand) +
              " events in excess from: " + erl(from));
      size = old_demand;
      old_demand = 0;
    } else {
      old_demand -= size;
    }
    // At min_demand, ask for more (back up to max).
    int64_t ask_now = 0;
    const int64_t diff = new_demand - size;
    if (diff <= min) {
      new_demand = max;
      ask_now = max - diff;
    } else {
      new_demand = diff;
    }
    batches.emplace_back(std::move(batch), ask_now);
  }
  st_.producers = st_.producers.map_put(
      from[1], tuple3(entry[0], entry[1], tuple3(Term::integer(new_demand), d[1], d[2])));
  return batches;
}

Flow Engine::consumer_dispatch(std::vector<std::pair<Term, int64_t>>& batches, const Term& from) {
  const Atoms& A = atoms();
  bool hibernate = false;
  for (auto& [batch, to_ask] : batches) {
    Term r = mod_.handle_events(batch, from, st_.state);
    if ((tagged(r, atom::noreply, 3) || tagged(r, atom::noreply, 4)) && r[1].is_list() &&
        (r.tuple_size() == 3 || r[3].is_atom(A.hibernate))) {
      dispatch_events(r[1], list_length(r[1]));
      ask(from, to_ask);
      st_.state = r[2];
      hibernate = r.tuple_size() == 4;
      continue;
    }
    if (tagged(r, atom::stop, 3)) {
      st_.state = r[2];
      return Flow::stop(r[1]);
    }
    return Flow::stop(tuple2(Term(atom::bad_return_value), r));
  }
  return Flow{hibernate ? Flow::Hibernate : Flow::NoReply, Term()};
}

Subscribed Engine::consumer_subscribe(const Term& current, const Term& to, const Term& opts) {
  const Atoms& A = atoms();
  if (st_.kind == Type::Producer) {
    log(node_, "error",
        "GenStage producer " + erl(self_name(self_)) + " cannot be subscribed to another stage: " + erl(to));
    return {Flow{}, tuple2(Term(atom::error), Term(A.not_a_consumer))};
  }
  Validated cancel = validate_in(opts, A.cancel, Term(A.permanent), {A.temporary, A.transient, A.permanent});
  Validated max, min;
  std::optional<std::string> error = cancel.error;
  if (!error) {
    max = validate_integer(opts, A.max_demand, Term::integer(1000), 1, std::nullopt, false);
    error = max.error;
  }
  if (!error) {
    const int64_t m = max.value.small();
    min = validate_integer(opts, A.min_demand, Term::integer(m * 3 / 4), 0, m - 1, false);
    error = min.error;
  }
  if (error) {
    log(node_, "error",
        "GenStage consumer " + erl(self_name(self_)) + " subscribe received invalid option: " + *error);
    return {Flow{}, tuple2(Term(atom::error), tuple2(Term(A.bad_opts), Term::binary(*error)))};
  }
  std::optional<Pid> producer = gen::whereis(node_, to);
  if (producer) {
    Term ref(self_.monitor(Term(*producer)));
    send(Term(*producer), tuple3(Term(A.gen_producer), tuple2(Term(self_.self()), ref),
                                 tuple3(Term(A.subscribe), current, opts)));
    return consumer_subscribed(opts, ref, Term(*producer), cancel.value, min.value.small(), max.value.small());
  }
  Term ok_ref = tuple2(Term(atom::ok), Term(node_.make_ref()));
  if (cancel.value.is_atom(A.temporary)) return {Flow{}, ok_ref};
  return {Flow::stop(Term(atom::noproc)), ok_ref};
}

Subscribed Engine::consumer_subscribed(const Term& opts, const Term& ref, const Term& pid, const Term& cancel,
                                       int64_t min, int64_t max) {
  const Atoms& A = atoms();
  Term to = tuple2(pid, ref);
  Term r = mod_.handle_subscribe(Term(A.producer), opts, to, st_.state);
  if (tagged(r, A.automatic, 2)) {
    ask(to, max);
    st_.producers = st_.producers.map_put(
        ref, tuple3(pid, cancel, tuple3(Term::integer(max), Term::integer(min), Term::integer(max))));
    st_.state = r[1];
    return {Flow{}, tuple2(Term(atom::ok), ref)};
  }
  if (tagged(r, A.manual, 2)) {
    st_.producers = st_.producers.map_put(ref, tuple3(pid, cancel, Term(A.manual)));
    st_.state = r[1];
    return {Flow{}, tuple2(Term(atom::ok), ref)};
  }
  if (tagged(r, atom::stop, 3)) {
    st_.state = r[2];
    return {Flow::stop(r[1]), std::nullopt};
  }
  return {Flow::stop(tuple2(Term(atom::bad_return_value), r)), std::nullopt};
}

std::optional<Term> Engine::consumer_init_subscribe(const Term& producers) {
  for (const Term* l = &producers; l->is_cons(); l = &l->tail()) {
    const Term& p = l->head();
    const bool with_opts = p.is_tuple() && p.tuple_size() == 2 && p[1].is_list();
    Subscribed s = consumer_subscribe(Term(), with_opts ? p[0] : p, with_opts ? p[1] : Term::empty_list());
    if (s.flow.stopped()) return s.flow.reason;
  }
  return std::nullopt;
}

Flow Engine::consumer_cancel(const Term& ref, Atom kind, const Term& reason) {
  const Term* entry = st_.producers.map_get(ref);
  if (!entry) return Flow{};
  const Term pid = (*entry)[0];
  const Term mode = (*entry)[1];
  self_.demonitor(ref.ref(), true);
  st_.producers = st_.producers.map_remove(ref);
  Term kind_reason = tuple2(Term(kind), reason);
  Term pid_ref = tuple2(pid, ref);
  // schedule_cancel: a producer_consumer handles it after the batches queued before it.
  if (st_.kind == Type::ProducerConsumer && !queue_is_empty(st_.events[0])) {
    Term item = Term::tuple({Term(atoms().cancel), mode, kind_reason, pid_ref});
    st_.events = tuple2(queue_in(std::move(item), st_.events[0]), st_.events[1]);
    return Flow{};
  }
  return invoke_cancel(mode, kind_reason, pid_ref);
}

Flow Engine::invoke_cancel(const Term& mode, const Term& kind_reason, const Term& pid_ref) {
  const Atoms& A = atoms();
  Flow f = noreply_result(mod_.handle_cancel(kind_reason, pid_ref, st_.state));
  if (f.stopped()) return f;
  const Term& reason = kind_reason[1];
  if (mode.is_atom(A.permanent) || (mode.is_atom(A.transient) && !transient_shutdown(reason))) {
    log(node_, "info",
        "GenStage consumer " + erl(self_name(self_)) + " is stopping after receiving cancel from producer " +
            erl(pid_ref[0]) + " with reason: " + erl(reason));
    return Flow::stop(reason);
  }
  return f;
}

// The producer_consumer's loop: queued items are handled while its
// consumers have demand left (events[1]).
Flow Engine::take_pc_events() {
  const Atoms& A = atoms();
  Term item, rest;
  while (st_.events[1].small() > 0 && queue_out(st_.events[0], &item, &rest)) {
    st_.events = tuple2(std::move(rest), st_.events[1]);
    if (tagged(item, A.info, 2)) {
      buffer_or_dispatch_info(item[1]);
    } else if (tagged(item, A.cancel, 4)) {
      Flow f = invoke_cancel(item[1], item[2], item[3]);
      if (f.stopped()) return f;
    } else {
      Flow f = send_pc_events(item[0], item[1]);
      if (f.stopped()) return f;
    }
  }
  return Flow{};
}

Flow Engine::send_pc_events(const Term& events, const Term& ref) {
  if (const Term* entry = st_.producers.map_get(ref)) {
    Term e = *entry;
    Term from = tuple2(e[0], ref);
    auto batches = consumer_receive(from, e, events);
    return consumer_dispatch(batches, from);
  }
  // Queued, but the producer has gone since.
  std::vector<std::pair<Term, int64_t>> batches{{events, 0}};
  return consumer_dispatch(batches, tuple2(Term::atom("pid"), ref));  // {:pid, ref}, as Elixir's
}

}  // namespace otp::gen_stage_detail

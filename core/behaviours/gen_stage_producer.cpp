// GenStage, the producer side (producers and producer_consumers): consumers'
// subscriptions, asks and cancellations through the dispatcher, dispatching
// emitted events, the buffer, info messages and the :accumulate demand mode.
#include "behaviours/gen_stage_buffer.hpp"
#include "behaviours/gen_stage_server.hpp"

namespace otp::gen_stage_detail {

const GenStageDispatcher& Engine::dispatcher() const {
  return *gen_stage::find_dispatcher(st_.dispatcher_mod.atom());
}

// {:"$gen_producer", {consumer_pid, ref}, request}
Flow Engine::on_gen_producer(const Term& msg) {
  const Atoms& A = atoms();
  if (st_.kind == Type::Consumer) {
    log(node_, "error", "GenStage consumer " + erl(self_name(self_)) + " received $gen_producer message: " + erl(msg));
    return Flow{};
  }
  const Term& from = msg[1];
  const Term& consumer = from[0];
  const Term& ref = from[1];
  const Term& req = msg[2];
  if (tagged(req, A.subscribe, 3)) {
    if (st_.consumers.map_get(ref)) {
      log(node_, "error",
          "GenStage producer " + erl(self_name(self_)) + " received duplicated subscription from: " + erl(from));
      send(consumer, tuple3(Term(A.gen_consumer), tuple2(Term(self_.self()), ref),
                            tuple2(Term(A.cancel), Term(A.duplicated_subscription))));
      return Flow{};
    }
    const Term& current = req[1];  // a subscription to cancel first, or nil
    if (current.is_tuple() && current.tuple_size() == 2) {
      Flow f = producer_cancel(current[0], A.cancel, current[1]);
      if (f.stopped()) return f;
    }
    if (!consumer.is_pid()) return Flow{};
    Term mon(self_.monitor(consumer));
    st_.monitors = st_.monitors.map_put(mon, ref);
    st_.consumers = st_.consumers.map_put(ref, tuple2(consumer, mon));
    return producer_subscribe(req[2], from);
  }
  if (tagged(req, A.ask, 2) && req[1].is_integer()) {
    if (st_.consumers.map_get(ref)) return dispatcher_callback(dispatcher().ask(req[1], from, st_.dispatcher_state));
    send(consumer, tuple3(Term(A.gen_consumer), tuple2(Term(self_.self()), ref),
                          tuple2(Term(A.cancel), Term(A.unknown_subscription))));
    return Flow{};
  }
  if (tagged(req, A.cancel, 2)) return producer_cancel(ref, A.cancel, req[1]);
  return noreply_result(mod_.handle_info(msg, st_.state));
}

Flow Engine::producer_subscribe(const Term& opts, const Term& from) {
  const Atoms& A = atoms();
  Term r = mod_.handle_subscribe(Term(A.consumer), opts, from, st_.state);
  if (tagged(r, A.automatic, 2)) {
    st_.state = r[1];
    // The dispatcher comes after the module: it may generate demand, and the
    // module must know of the consumer by then.
    Term d = dispatcher().subscribe(opts, from, st_.dispatcher_state);
    if (tagged(d, atom::error, 2)) {
      // Refused (BroadcastDispatcher: the pid is already subscribed): the
      // subscription is dropped and the consumer told.
      const Term& ref = from[1];
      if (const Term* entry = st_.consumers.map_get(ref)) {
        Term mon = (*entry)[1];
        self_.demonitor(mon.ref(), true);
        st_.monitors = st_.monitors.map_remove(mon);
        st_.consumers = st_.consumers.map_remove(ref);
      }
      send(from[0], tuple3(Term(A.gen_consumer), tuple2(Term(self_.self()), ref), tuple2(Term(A.cancel), d[1])));
      return Flow{};
    }
    return dispatcher_callback(d);
  }
  if (tagged(r, atom::stop, 3)) {
    st_.state = r[2];
    return Flow::stop(r[1]);
  }
  return Flow::stop(tuple2(Term(atom::bad_return_value), r));
}

Flow Engine::producer_cancel(const Term& ref, Atom kind, const Term& reason) {
  const Atoms& A = atoms();
  const Term* entry = st_.consumers.map_get(ref);
  if (!entry) return Flow{};
  const Term pid = (*entry)[0];
  const Term mon = (*entry)[1];
  self_.demonitor(mon.ref(), true);
  send(pid, tuple3(Term(A.gen_consumer), tuple2(Term(self_.self()), ref), tuple2(Term(A.cancel), reason)));
  st_.consumers = st_.consumers.map_remove(ref);
  st_.monitors = st_.monitors.map_remove(mon);
  Term from = tuple2(pid, ref);
  Flow f = noreply_result(mod_.handle_cancel(tuple2(Term(kind), reason), from, st_.state));
  if (f.stopped()) return f;
  // The dispatcher comes after the module: it may generate demand.
  return dispatcher_callback(dispatcher().cancel(from, st_.dispatcher_state));
}

// {:ok, counter, dispatcher_state} from subscribe/ask/cancel: new demand.
Flow Engine::dispatcher_callback(const Term& result) {
  int64_t counter = result[1].small();
  st_.dispatcher_state = result[2];
  if (st_.kind == Type::ProducerConsumer) {
    counter += st_.events[1].small();
    st_.events = tuple2(st_.events[0], Term::integer(counter));
    take_from_buffer(counter);
    return take_pc_events();
  }
  counter = take_from_buffer(counter);
  if (counter == 0) return Flow{};
  if (st_.events.is_list()) {  // demand: :accumulate
    st_.events = Term::cons(Term::integer(counter), st_.events);
    return Flow{};
  }
  return noreply_result(mod_.handle_demand(Term::integer(counter), st_.state));
}

// Serves `counter` from the buffer first; returns the demand left.
int64_t Engine::take_from_buffer(int64_t counter) {
  for (;;) {
    std::optional<buffer::Taken> t = buffer::take_count_or_until_permanent(st_.buffer, counter);
    if (!t) return counter;
    // The buffer is updated first: dispatching may buffer events again.
    st_.buffer = t->buffer;
    dispatch_events(t->temps, t->temps_length);
    for (const Term& info : t->perms) dispatch_info(info);
    counter = t->counter;
  }
}

void Engine::dispatch_events(const Term& events, int64_t length) {
  if (events.is_nil_list()) return;
  if (st_.kind == Type::Consumer) {
    log(node_, "error",
        "GenStage consumer " + erl(self_name(self_)) +
            " cannot dispatch events (an empty list must be returned): " + erl(events));
    return;
  }
  if (st_.consumers.map_size() == 0) return buffer_events(events);
  Term r = dispatcher().dispatch(events, length, st_.dispatcher_state);
  st_.dispatcher_state = r[2];
  const Term& left = r[1];
  if (st_.kind == Type::ProducerConsumer) {
    int64_t demand = st_.events[1].small() - (length - list_length(left));
    st_.events = tuple2(st_.events[0], Term::integer(demand > 0 ? demand : 0));
  }
  buffer_events(left);
}

void Engine::buffer_events(const Term& events) {
  if (events.is_nil_list()) return;
  buffer::Stored s = buffer::store_temporary(st_.buffer, events, st_.buffer_keep.is_atom(atoms().last));
  if (s.excess > 0)
    log(node_, "warning",
        "GenStage producer " + erl(self_name(self_)) + " has discarded " + std::to_string(s.excess) +
            " events from buffer");
  st_.buffer = std::move(s.buffer);
  for (const Term& info : s.perms) dispatch_info(info);
}

void Engine::producer_info(const Term& msg) {
  const Atoms& A = atoms();
  if (st_.kind == Type::Consumer) {
    self_.send(self_.self(), msg);
  } else if (st_.kind == Type::ProducerConsumer && !queue_is_empty(st_.events[0])) {
    st_.events = tuple2(queue_in(tuple2(Term(A.info), msg), st_.events[0]), st_.events[1]);
  } else {
    buffer_or_dispatch_info(msg);
  }
}

void Engine::buffer_or_dispatch_info(const Term& msg) {
  if (auto b = buffer::store_permanent_unless_empty(st_.buffer, msg))
    st_.buffer = std::move(*b);
  else
    dispatch_info(msg);
}

void Engine::dispatch_info(const Term& msg) {
  st_.dispatcher_state = dispatcher().info(msg, st_.dispatcher_state)[1];
}

Flow Engine::producer_demand(const Term& mode) {
  const Atoms& A = atoms();
  if (mode.is_atom(A.forward) && st_.kind == Type::ProducerConsumer) return Flow{};  // its only mode
  if (st_.kind != Type::Producer) {
    log(node_, "error",
        "Demand mode can only be set for producers, GenStage " + erl(self_name(self_)) + " is a " +
            std::string(st_.type.atom().name()));
    return Flow{};
  }
  if (mode.is_atom(A.accumulate)) {
    if (!st_.events.is_list()) st_.events = Term::empty_list();
    return Flow{};
  }
  Term accumulated = st_.events;
  st_.events = Term(A.forward);
  Flow f;
  if (!accumulated.is_list()) return f;
  for (const Term& d : list_to_vector(reverse(accumulated))) {
    f = noreply_result(mod_.handle_demand(d, st_.state));
    if (f.stopped()) break;
  }
  return f;
}

Term Engine::estimate_buffered_count() const {
  if (st_.kind == Type::Consumer) return Term::integer(0);
  int64_t n = buffer::estimate_size(st_.buffer);
  if (st_.kind == Type::ProducerConsumer)
    for (const Term& e : queue_to_vector(st_.events[0]))
      if (e.is_tuple() && e.tuple_size() == 2 && e[0].is_list()) n += list_length(e[0]);
  return Term::integer(n);
}

}  // namespace otp::gen_stage_detail

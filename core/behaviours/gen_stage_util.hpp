// Internal to GenStage (gen_stage*.cpp): the atoms GenStage speaks, keyword
// lists, Erlang's :queue on terms, and Logger lines in the form GenStage
// prints them. Not a public header.
//
// Atoms are interned once into a process-wide struct (Atom ids are global
// and trivially copyable), so the hot paths compare ids and never touch the
// intern table's mutex.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "runtime/node.hpp"

namespace otp::gen_stage_detail {

struct Atoms {
  Atom gen_producer, gen_consumer, subscribe, ask, cancel, info_tag, demand_tag, subscribe_tag,
      estimate_tag, producer, consumer, producer_consumer, automatic, manual, noreply, reply, stop,
      hibernate, forward, accumulate, permanent, transient, temporary, to, max_demand, min_demand,
      dispatcher, buffer_size, buffer_keep, demand, subscribe_to, first, last, infinity, down, info,
      unknown_subscription, duplicated_subscription, not_a_consumer, bad_opts, already_subscribed,
      gen_stage, demand_dispatcher, broadcast_dispatcher, partition_dispatcher, mod, state, type,
      dispatcher_mod, dispatcher_state, buffer, events, monitors, producers, consumers, selector,
      partitions, partition, hash, none, shuffle, range, first_f, last_f, step, value, empty, bad_call,
      bad_cast;
};
// Built on first use (thread-safe static); registers the %GenStage{} struct.
const Atoms& atoms();

inline bool tagged(const Term& t, Atom tag, std::size_t size) {
  return t.is_tuple() && t.tuple_size() == size && t[0].is_atom(tag);
}
inline Term tuple2(Term a, Term b) { return Term::tuple({std::move(a), std::move(b)}); }
inline Term tuple3(Term a, Term b, Term c) { return Term::tuple({std::move(a), std::move(b), std::move(c)}); }

// Keyword.get/3 (first match) and Keyword.has_key?/2 on a proper list.
const Term* keyword_find(const Term& keywords, Atom key);
inline Term keyword_get(const Term& keywords, Atom key, Term fallback) {
  const Term* v = keyword_find(keywords, key);
  return v ? *v : std::move(fallback);
}
// Keyword.pop/3: the value (or fallback) and the list without `key` entries.
Term keyword_pop(const Term& keywords, Atom key, Term fallback, Term* rest);

// Erlang's :queue ({rear, front} lists), with OTP's exact shapes.
Term queue_new();
Term queue_in(Term item, const Term& queue);
// :queue.out/1: false when empty, else the value and the rest in *rest.
bool queue_out(const Term& queue, Term* value, Term* rest);
Term queue_from_list(const Term& list);
bool queue_is_empty(const Term& queue);
std::vector<Term> queue_to_vector(const Term& queue);

// Lists.
Term reverse(const Term& list, Term tail = Term::empty_list());
// The first n elements (copied) of `list`; *rest gets the remainder (shared).
Term take(const Term& list, int64_t n, Term* rest);

// GenStage's name for itself in logs (Utils.self_name/0): the registered
// name, else the pid.
Term self_name(Process& self);
// Erlang's ~tp for a term (pids as <0.12.0>, atoms as 'Elixir.Foo').
std::string erl(const Term& t);
// A Logger line at `level` ("error", "warning", "info"), as Elixir's
// console prints :error_logger messages: "\n12:00:00.000 [warning] text\n".
void log(Node& node, const char* level, const std::string& text);

// ArgumentError with `message`, raised as Elixir raises it.
[[noreturn]] void raise_argument_error(const std::string& message);
// RuntimeError with `message`.
[[noreturn]] void raise_runtime_error(const std::string& message);

}  // namespace otp::gen_stage_detail

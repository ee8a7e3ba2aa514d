// GenStage.Buffer on terms (see gen_stage_buffer.hpp for the shape).
#include "behaviours/gen_stage_buffer.hpp"

#include "behaviours/gen_stage_util.hpp"
#include "runtime/process.hpp"

namespace otp::gen_stage_detail::buffer {

namespace {

bool unbounded(const Term& wheel) { return wheel.is_ref(); }
int64_t capacity(const Term& wheel) { return wheel.is_integer() ? wheel.small() : wheel[1].small(); }

// pop_and_increment_wheel/1: the info attached behind the head event, if any.
std::optional<Term> pop_wheel(Term& wheel) {
  if (wheel.is_integer()) return std::nullopt;
  const int64_t pos = wheel[0].small(), limit = wheel[1].small();
  const Term slot = Term::integer(pos);
  const Term* info = wheel[2].map_get(slot);
  if (!info) {
    wheel = tuple3(Term::integer((pos + 1) % limit), wheel[1], wheel[2]);
    return std::nullopt;
  }
  Term msg = *info;
  if (wheel[2].map_size() == 1)
    wheel = wheel[1];
  else
    wheel = tuple3(Term::integer((pos + 1) % limit), wheel[1], wheel[2].map_remove(slot));
  return msg;
}

}  // namespace

Term make(const Term& size) {
  Term wheel;
  if (size.is_integer()) {
    wheel = size;
  } else {
    Process* p = Process::current();
    wheel = p ? Term(p->node().make_ref()) : Term(Ref{1});
  }
  return tuple3(queue_new(), Term::integer(0), std::move(wheel));
}

int64_t estimate_size(const Term& b) { return b[1].small(); }

Stored store_temporary(const Term& b, const Term& events, bool keep_last) {
  Stored out;
  Term queue = b[0];
  int64_t count = b[1].small();
  Term wheel = b[2];
  const Term* l = &events;
  if (unbounded(wheel)) {
    if (count == 0) {
      queue = queue_from_list(events);
      count = list_length(events);
    } else {
      for (; l->is_cons(); l = &l->tail(), ++count) queue = queue_in(l->head(), queue);
    }
  } else if (!keep_last) {  // :first: the new events beyond capacity are dropped
    const int64_t max = capacity(wheel);
    for (; l->is_cons() && count < max; l = &l->tail(), ++count) queue = queue_in(l->head(), queue);
    out.excess = list_length(*l);
  } else {  // :last: the oldest events make room
    const int64_t max = capacity(wheel);
    for (; l->is_cons(); l = &l->tail()) {
      if (count < max) {
        queue = queue_in(l->head(), queue);
        ++count;
        continue;
      }
      ++out.excess;
      if (max == 0) continue;
      Term dropped, rest;
      queue_out(queue, &dropped, &rest);
      queue = queue_in(l->head(), rest);
      if (auto info = pop_wheel(wheel)) out.perms.push_back(std::move(*info));
    }
  }
  out.buffer = tuple3(std::move(queue), Term::integer(count), std::move(wheel));
  return out;
}

std::optional<Term> store_permanent_unless_empty(const Term& b, const Term& msg) {
  const int64_t count = b[1].small();
  if (count == 0) return std::nullopt;
  const Term& wheel = b[2];
  if (unbounded(wheel)) return tuple3(queue_in(tuple2(wheel, msg), b[0]), Term::integer(count + 1), wheel);
  // put_wheel/4: the slot of the event now at the back.
  if (wheel.is_integer()) {
    const int64_t max = wheel.small();
    return tuple3(b[0], b[1],
                  tuple3(Term::integer(0), wheel, Term::map({{Term::integer((count - 1) % max), msg}})));
  }
  const int64_t pos = wheel[0].small(), max = wheel[1].small();
  return tuple3(b[0], b[1], tuple3(wheel[0], wheel[1], wheel[2].map_put(Term::integer((pos + count - 1) % max), msg)));
}

std::optional<Taken> take_count_or_until_permanent(const Term& b, int64_t counter) {
  int64_t count = b[1].small();
  if (count == 0 || counter == 0) return std::nullopt;
  Taken out;
  Term queue = b[0];
  Term wheel = b[2];
  std::vector<Term> temps;
  Term v, rest;
  while (counter > 0 && count > 0) {
    queue_out(queue, &v, &rest);
    queue = std::move(rest);
    --count;
    if (unbounded(wheel)) {
      if (v.is_tuple() && v.tuple_size() == 2 && v[0] == wheel) {
        out.perms.push_back(v[1]);
        break;
      }
      temps.push_back(std::move(v));
      --counter;
    } else {
      temps.push_back(std::move(v));
      --counter;
      if (auto info = pop_wheel(wheel)) {
        out.perms.push_back(std::move(*info));
        break;
      }
    }
  }
  out.buffer = tuple3(std::move(queue), Term::integer(count), std::move(wheel));
  out.counter = counter;
  out.temps_length = static_cast<int64_t>(temps.size());
  out.temps = Term::list(std::span<const Term>(temps));
  return out;
}

}  // namespace otp::gen_stage_detail::buffer

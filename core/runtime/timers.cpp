// Timers: a min-heap of (deadline, id) over a table of live timers. A
// cancelled timer leaves its heap entry behind and is skipped when it
// surfaces; ties fire in creation order. send_after/cancel_timer/read_timer
// use the timer's reference as its id; receive timeouts use internal ids
// from the same counter.
#include "runtime/node.hpp"
#include "term/error.hpp"

namespace otp {

uint64_t Node::add_timer(Timer t, uint64_t id) {
  timer_heap_.push(TimerKey{t.deadline, id});
  timers_.emplace(id, std::move(t));
  return id;
}

void Node::cancel_receive_timer(Process* p) {
  if (p->recv_timer_) {
    if (timers_.erase(p->recv_timer_)) note_cancelled();
    p->recv_timer_ = 0;
  }
}

// A cancelled timer's heap entry stays until it surfaces; when such entries
// outnumber the live timers the heap is rebuilt from the live ones, so a
// stream of calls whose timeouts are cancelled (every GenServer.call) keeps
// the heap small: O(1) amortised per cancel.
void Node::note_cancelled() {
  if (++stale_in_heap_ <= timers_.size() + 64) return;
  std::vector<TimerKey> live;
  live.reserve(timers_.size());
  for (const auto& [id, t] : timers_) live.push_back(TimerKey{t.deadline, id});
  timer_heap_ = decltype(timer_heap_)(std::greater<TimerKey>(), std::move(live));
  stale_in_heap_ = 0;
}

Ref Node::send_after(int64_t ms, Term dest, Term msg) {
  if (ms < 0 || !(dest.is_pid() || dest.is_atom())) throw ErlangError(Term(atom::badarg));
  Ref ref = make_ref();
  add_timer(Timer{now_ms() + ms, Timer::Kind::Send, Pid{}, std::move(dest), std::move(msg)}, ref.id);
  return ref;
}

std::optional<int64_t> Node::cancel_timer(Ref ref) {
  auto it = timers_.find(ref.id);
  if (it == timers_.end() || it->second.kind != Timer::Kind::Send) return std::nullopt;
  int64_t left = std::max<int64_t>(0, it->second.deadline - now_ms());
  timers_.erase(it);
  note_cancelled();
  return left;
}

std::optional<int64_t> Node::read_timer(Ref ref) const {
  auto it = timers_.find(ref.id);
  if (it == timers_.end() || it->second.kind != Timer::Kind::Send) return std::nullopt;
  return std::max<int64_t>(0, it->second.deadline - clock_->now_ms());
}

bool Node::fire_due_timers() {
  const int64_t now = now_ms();
  now_cached_ = now;
  if (timer_heap_.empty()) return false;
  bool fired = false;
  while (!timer_heap_.empty() && timer_heap_.top().deadline <= now) {
    uint64_t id = timer_heap_.top().id;
    timer_heap_.pop();
    auto it = timers_.find(id);
    if (it == timers_.end()) {
      if (stale_in_heap_) --stale_in_heap_;
      continue;
    }
    Timer t = std::move(it->second);
    timers_.erase(it);
    fired = true;
    if (t.kind == Timer::Kind::Send) {
      Process* p = nullptr;
      if (t.dest.is_pid()) {
        p = lookup(t.dest.pid());
      } else {
        auto n = names_.find(t.dest.atom().id);
        if (n != names_.end()) p = lookup(n->second);
      }
      if (p) deliver(p, std::move(t.msg));
    } else if (Process* p = lookup(t.owner)) {
      p->recv_timer_ = 0;
      p->timed_out_ = true;
      if (p->state_ == Process::State::Waiting) enqueue(p);
    }
  }
  return fired;
}

}  // namespace otp

// Timers: a min-heap of (deadline, id) entries. send_after timers live in a
// table by id (their reference); a receive timeout lives in its process
// (recv_timer_) and is first queued unarmed, since most are cancelled by the
// awaited message before the scheduler next looks at the clock. A cancelled
// timer leaves its heap entry behind, skipped when it surfaces; ties fire in
// creation order.
#include <algorithm>
#include <functional>

#include "runtime/node.hpp"
#include "term/error.hpp"

namespace otp {

namespace {
constexpr std::greater<> kLater{};
}

void Node::push_timer(TimerKey k) {
  timer_heap_.push_back(k);
  std::push_heap(timer_heap_.begin(), timer_heap_.end(), kLater);
}

uint64_t Node::add_timer(Timer t, uint64_t id) {
  push_timer(TimerKey{t.deadline, id, Pid{}});
  timers_.emplace(id, std::move(t));
  return id;
}

void Node::arm_receive_timer(Process* p, int64_t ms) {
  p->recv_timer_ = make_ref().id;
  p->recv_timer_armed_ = false;
  pending_recv_timers_.push_back(TimerKey{now_cached_ + ms, p->recv_timer_, p->pid_});
}

void Node::cancel_receive_timer(Process* p) noexcept {
  if (!p->recv_timer_) return;
  p->recv_timer_ = 0;
  if (p->recv_timer_armed_) {
    p->recv_timer_armed_ = false;
    --armed_recv_timers_;
    note_cancelled();
  }
}

bool Node::timer_live(const TimerKey& k) const noexcept {
  if (k.owner == Pid{}) return timers_.count(k.id) != 0;
  Process* p = lookup(k.owner);
  return p && p->recv_timer_ == k.id;
}

void Node::arm_pending_timers() {
  for (const TimerKey& k : pending_recv_timers_) {
    Process* p = lookup(k.owner);
    if (!p || p->recv_timer_ != k.id) continue;
    p->recv_timer_armed_ = true;
    ++armed_recv_timers_;
    push_timer(k);
  }
  pending_recv_timers_.clear();
}

// When dead entries outnumber the live timers, the heap is rebuilt from the
// live ones, so a stream of cancelled timeouts keeps it small: O(1)
// amortised per cancel.
void Node::note_cancelled() {
  const std::size_t live = timers_.size() + armed_recv_timers_;
  if (timer_heap_.size() <= 2 * live + 64) return;
  std::erase_if(timer_heap_, [this](const TimerKey& k) { return !timer_live(k); });
  std::make_heap(timer_heap_.begin(), timer_heap_.end(), kLater);
}

void Node::pop_stale_timers() {
  while (!timer_heap_.empty() && !timer_live(timer_heap_.front())) {
    std::pop_heap(timer_heap_.begin(), timer_heap_.end(), kLater);
    timer_heap_.pop_back();
  }
}

Ref Node::send_after(int64_t ms, Term dest, Term msg) {
  if (ms < 0 || !(dest.is_pid() || dest.is_atom())) throw ErlangError(Term(atom::badarg));
  Ref ref = make_ref();
  add_timer(Timer{now_ms() + ms, std::move(dest), std::move(msg)}, ref.id);
  return ref;
}

std::optional<int64_t> Node::cancel_timer(Ref ref) {
  auto it = timers_.find(ref.id);
  if (it == timers_.end()) return std::nullopt;
  int64_t left = std::max<int64_t>(0, it->second.deadline - now_ms());
  timers_.erase(it);
  note_cancelled();
  return left;
}

std::optional<int64_t> Node::read_timer(Ref ref) const {
  auto it = timers_.find(ref.id);
  if (it == timers_.end()) return std::nullopt;
  return std::max<int64_t>(0, it->second.deadline - clock_->now_ms());
}

bool Node::fire_due_timers() {
  const int64_t now = now_ms();
  now_cached_ = now;
  arm_pending_timers();
  bool fired = false;
  while (!timer_heap_.empty() && timer_heap_.front().deadline <= now) {
    TimerKey k = timer_heap_.front();
    std::pop_heap(timer_heap_.begin(), timer_heap_.end(), kLater);
    timer_heap_.pop_back();
    if (k.owner != Pid{}) {
      Process* p = lookup(k.owner);
      if (!p || p->recv_timer_ != k.id) continue;
      p->recv_timer_ = 0;
      p->recv_timer_armed_ = false;
      --armed_recv_timers_;
      p->timed_out_ = true;
      fired = true;
      if (p->state_ == Process::State::Waiting) enqueue(p);
      continue;
    }
    auto it = timers_.find(k.id);
    if (it == timers_.end()) continue;
    Timer t = std::move(it->second);
    timers_.erase(it);
    fired = true;
    Process* p = nullptr;
    if (t.dest.is_pid()) {
      p = lookup(t.dest.pid());
    } else {
      auto n = names_.find(t.dest.atom().id);
      if (n != names_.end()) p = lookup(n->second);
    }
    if (p) deliver(p, std::move(t.msg));
  }
  return fired;
}

std::optional<int64_t> Node::next_timer_deadline() {
  arm_pending_timers();
  pop_stale_timers();
  if (timer_heap_.empty()) return std::nullopt;
  return timer_heap_.front().deadline;
}

}  // namespace otp

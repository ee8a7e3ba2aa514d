// The dispatch loop, the stack hand-over for handler processes, and the
// start and end of Body processes. See node.hpp for the design.
#include <stdexcept>

#include "fiber/fiber.hpp"
#include "runtime/crash.hpp"
#include "runtime/exit.hpp"
#include "runtime/node.hpp"
#include "term/error.hpp"

namespace otp {

namespace {
thread_local Node* t_node = nullptr;
constexpr int kTimerCheckInterval = 64;  // turns between clock reads while busy
}  // namespace

Node* Node::current() noexcept { return t_node; }
Process* Process::current() noexcept { return t_node ? t_node->current_ : nullptr; }

void Node::enqueue(Process* p) {
  if (p->in_run_queue_) return;
  p->in_run_queue_ = true;
  p->state_ = Process::State::Runnable;
  p->next_run_ = nullptr;
  if (run_tail_)
    run_tail_->next_run_ = p;
  else
    run_head_ = p;
  run_tail_ = p;
}

Process* Node::dequeue() {
  Process* p = run_head_;
  if (!p) return nullptr;
  run_head_ = p->next_run_;
  if (!run_head_) run_tail_ = nullptr;
  p->next_run_ = nullptr;
  p->in_run_queue_ = false;
  return p;
}

void Node::switch_fiber(fiber::Fiber* from, fiber::Fiber* to) {
  fiber::switch_to(from, to);
  reap();
}

void Node::reap() {
  while (!zombies_.empty()) {
    fiber::release(zombies_.back());
    zombies_.pop_back();
  }
}

RunResult Node::run(uint64_t budget) {
  if (in_run_) throw std::logic_error("otp::Node::run called from inside the node");
  Node* outer = t_node;
  t_node = this;
  in_run_ = true;
  budget_left_ = static_cast<int64_t>(budget);
  spent_ = 0;
  fire_due_timers();
  if (run_head_) {
    if (!host_fiber_) host_fiber_ = fiber::make_host();
    if (!loop_fiber_) {
      loop_fiber_ = fiber::create(loop_entry, this, {options_.stack_bytes});
      ++loop_fibers_;
    }
    running_fiber_ = loop_fiber_;
    switch_fiber(host_fiber_, loop_fiber_);
  }
  in_run_ = false;
  t_node = outer;
  RunResult r;
  r.idle = run_head_ == nullptr;
  r.reductions = spent_;
  while (!timer_heap_.empty() && !timers_.count(timer_heap_.top().id)) timer_heap_.pop();
  if (!timer_heap_.empty()) r.next_timer = timer_heap_.top().deadline;
  return r;
}

void Node::run_until_idle() {
  while (!run(UINT64_MAX / 2).idle) {
  }
}

void Node::advance(int64_t ms) {
  auto* manual = dynamic_cast<ManualClock*>(clock_);
  if (!manual) throw std::logic_error("otp::Node::advance needs a ManualClock");
  const int64_t target = manual->now_ms() + ms;
  run_until_idle();
  for (;;) {
    RunResult r = run(0);
    if (!r.next_timer || *r.next_timer > target) break;
    if (*r.next_timer > manual->now_ms()) manual->set(*r.next_timer);
    run_until_idle();
  }
  manual->set(target);
  run_until_idle();
}

void Node::loop_entry(void* arg) {
  Node* n = static_cast<Node*>(arg);
  for (;;) {
    n->dispatch();
    n->running_fiber_ = n->host_fiber_;
    n->switch_fiber(n->loop_fiber_, n->host_fiber_);
  }
}

void Node::dispatch() {
  int until_timers = kTimerCheckInterval;
  while (budget_left_ > 0 || shutting_down_) {
    if (--until_timers == 0 || !run_head_) {
      until_timers = kTimerCheckInterval;
      fire_due_timers();
      if (!run_head_) break;
    }
    Process* p = dequeue();
    if (!p->alive_ && !p->fiber_) {  // killed while queued, nothing to unwind
      free_process(p);
      continue;
    }
    run_process(p);
  }
}

void Node::run_process(Process* p) {
  current_ = p;
  p->state_ = Process::State::Running;
  p->reds_left_ = options_.turn_reductions;
  if (p->body_ && !p->fiber_) p->fiber_ = fiber::create(body_entry, p, {options_.stack_bytes});
  if (p->fiber_) {
    running_fiber_ = p->fiber_;
    switch_fiber(loop_fiber_, p->fiber_);
    // Back on the loop: p blocked, yielded or finished, and said so itself.
    current_ = nullptr;
    return;
  }
  run_handlers(p);
}

// Runs p's handler for its queued messages on the running fiber. If the
// handler blocked, this fiber was handed to p; when the handler is done it
// parks itself and the loop goes on where it is now.
void Node::run_handlers(Process* p) {
  fiber::Fiber* me = running_fiber_;
  Term reason;
  bool ended = false;
  CrashInfo crash;
  try {
    while (p->alive_ && p->reds_left_ > 0 && !p->mailbox_.empty()) {
      Message* m = p->mailbox_.unlink(p->mailbox_.head_link());
      Term msg = std::move(m->term);
      messages_.recycle(m);
      --p->reds_left_;
      ++p->reductions_;
      --budget_left_;
      ++spent_;
      p->handler_(*p, std::move(msg));
      if (p->pending_handler_) {
        p->handler_ = std::move(*p->pending_handler_);
        p->pending_handler_.reset();
      }
    }
  } catch (const KillUnwind&) {
  } catch (...) {
    ended = true;
    reason = crash_reason(std::current_exception(), &crash);
  }
  if (ended && p->alive_) finished(p, std::move(reason), crash);
  reason = Term();
  crash = CrashInfo();
  if (me != loop_fiber_) {
    // This stack was lent to p while its handler blocked; give it back.
    p->fiber_ = nullptr;
    finish_turn(p);
    current_ = nullptr;
    parked_loops_.push_back(me);
    running_fiber_ = loop_fiber_;
    switch_fiber(me, loop_fiber_);
    return;  // resumed as the loop fiber by block_current
  }
  finish_turn(p);
  current_ = nullptr;
}

void Node::finish_turn(Process* p) {
  if (!p->alive_) {
    if (!p->fiber_ && !p->in_run_queue_) free_process(p);
    return;
  }
  if (p->fiber_) return;  // still holding a stack: it is blocked or queued
  if (!p->mailbox_.empty())
    enqueue(p);
  else
    p->state_ = Process::State::Waiting;
}

void Node::block_current(Process* p) {
  if (!p->fiber_) {
    // A handler blocked on the loop fiber: the fiber becomes p's.
    fiber::Fiber* me = running_fiber_;
    p->fiber_ = me;
    fiber::Fiber* next;
    if (!parked_loops_.empty()) {
      next = parked_loops_.back();
      parked_loops_.pop_back();
    } else {
      next = fiber::create(loop_entry, this, {options_.stack_bytes});
      ++loop_fibers_;
    }
    loop_fiber_ = next;
    current_ = nullptr;
    running_fiber_ = next;
    switch_fiber(me, next);
  } else {
    current_ = nullptr;
    running_fiber_ = loop_fiber_;
    switch_fiber(p->fiber_, loop_fiber_);
  }
  // Resumed by run_process: current_ == p again.
}

void Node::body_entry(void* arg) {
  Process* p = static_cast<Process*>(arg);
  Node* n = p->node_;
  {
    Term reason = Term(atom::normal);
    bool ended = true;
    CrashInfo crash;
    if (p->alive_) {
      try {
        (*p->body_)(*p);
      } catch (const KillUnwind&) {
        ended = false;
      } catch (...) {
        reason = crash_reason(std::current_exception(), &crash);
      }
    }
    p->body_.reset();
    if (ended && p->alive_) n->finished(p, std::move(reason), crash);
  }
  fiber::Fiber* me = p->fiber_;
  p->fiber_ = nullptr;
  n->current_ = nullptr;
  n->free_process(p);
  n->zombies_.push_back(me);
  n->running_fiber_ = n->loop_fiber_;
  fiber::switch_to(me, n->loop_fiber_);  // never comes back
}

}  // namespace otp

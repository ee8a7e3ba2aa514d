// The dispatch loop, the stack hand-over for handler processes, and the
// start and end of Body processes. See node.hpp for the design.
#include <cstdio>
#include <cstdlib>
#include <exception>
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

void Node::enqueue(Process* p) noexcept {
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

fiber::StackConfig Node::stack_config() const noexcept {
  fiber::StackConfig c;
  if (options_.stack_bytes) c.stack_bytes = options_.stack_bytes;
  return c;
}

void Node::set_running(fiber::Fiber* f) noexcept {
  running_fiber_ = f;
  const std::uintptr_t floor = fiber::stack_floor(f);
  stack_limit_ = floor ? floor + kStackReserve : 0;
}

void Node::switch_fiber(fiber::Fiber* from, fiber::Fiber* to) noexcept {
  fiber::switch_to(from, to);
  reap();
}

void Node::reap() noexcept {
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
      loop_fiber_ = fiber::create(loop_entry, this, stack_config());
      ++loop_fibers_;
    }
    set_running(loop_fiber_);
    switch_fiber(host_fiber_, loop_fiber_);
  }
  in_run_ = false;
  t_node = outer;
  RunResult r;
  r.idle = run_head_ == nullptr;
  r.reductions = spent_;
  r.next_timer = next_timer_deadline();
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
    n->dispatch_guarded();
    n->set_running(n->host_fiber_);
    n->switch_fiber(n->loop_fiber_, n->host_fiber_);
  }
}

// One try per slice rather than per turn: under emscripten's JS exceptions
// each call made inside a try goes through a JS wrapper. An exception that
// escapes a handler lands here, on the fiber the handler ran on (Body
// processes catch their own in body_entry).
void Node::dispatch_guarded() {
  for (;;) {
    std::exception_ptr e;
    try {
      dispatch();
      return;
    } catch (...) {
      e = std::current_exception();
    }
    // Outside the catch block: handling may switch fibers, and a fiber must
    // not be left inside a catch (the caught-exception stack is per thread).
    Process* p = current_;
    if (!p) {
      std::fputs("otp: an exception escaped the scheduler outside any process\n", stderr);
      std::abort();
    }
    handler_ended(p, std::move(e));
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
  if (p->body_ && !p->fiber_) p->fiber_ = fiber::create(body_entry, p, stack_config());
  if (p->fiber_) {
    set_running(p->fiber_);
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
  handle_messages(p);
  end_handler_turn(p);
}

void Node::handler_ended(Process* p, std::exception_ptr e) {
  {
    CrashInfo crash;
    Term reason = crash_reason(e, &crash);  // KillUnwind: already dead
    e = nullptr;  // this fiber may park below: keep nothing alive on it
    if (p->alive_) finished(p, std::move(reason), crash);
  }
  end_handler_turn(p);
}

void Node::end_handler_turn(Process* p) {
  if (p->in_flight_) {
    messages_.recycle(p->in_flight_);
    p->in_flight_ = nullptr;
  }
  fiber::Fiber* me = running_fiber_;
  if (me != loop_fiber_) {
    // This stack was lent to p while its handler blocked; give it back.
    p->fiber_ = nullptr;
    finish_turn(p);
    current_ = nullptr;
    parked_loops_.push_back(me);
    set_running(loop_fiber_);
    switch_fiber(me, loop_fiber_);
    return;  // resumed as the loop fiber by block_current
  }
  finish_turn(p);
  current_ = nullptr;
}

// The message loop of a handler process. It keeps no destructible locals:
// under emscripten's JS exceptions every call made while a destructor is
// pending goes through a JS `invoke` wrapper, so this loop stays direct and
// a turn costs one such wrapper (in run_handlers), not one per message.
void Node::handle_messages(Process* p) {
  while (p->alive_ && p->reds_left_ > 0 && !p->mailbox_.empty()) {
    Message* m = p->mailbox_.unlink(p->mailbox_.head_link());
    p->in_flight_ = m;
    --p->reds_left_;
    ++p->reductions_;
    --budget_left_;
    ++spent_;
    p->handler_(*p, m->term);
    p->in_flight_ = nullptr;
    messages_.recycle(m);
    if (p->pending_handler_) {
      p->handler_ = std::move(*p->pending_handler_);
      p->pending_handler_.reset();
    }
  }
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

void Node::block_current(Process* p) noexcept {
  if (!p->fiber_) {
    // A handler blocked on the loop fiber: the fiber becomes p's.
    fiber::Fiber* me = running_fiber_;
    p->fiber_ = me;
    fiber::Fiber* next;
    if (!parked_loops_.empty()) {
      next = parked_loops_.back();
      parked_loops_.pop_back();
    } else {
      next = fiber::create(loop_entry, this, stack_config());
      ++loop_fibers_;
    }
    loop_fiber_ = next;
    current_ = nullptr;
    set_running(next);
    switch_fiber(me, next);
  } else {
    current_ = nullptr;
    set_running(loop_fiber_);
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
        try {
          reason = crash_reason(std::current_exception(), &crash);
        } catch (...) {
          // No memory even for the reason (heap_alloc spent its reserve):
          // an atom needs none.
          reason = Term(atom::system_limit);
          crash.crashed = false;
        }
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
  n->set_running(n->loop_fiber_);
  fiber::switch_to(me, n->loop_fiber_);  // never comes back
}

}  // namespace otp

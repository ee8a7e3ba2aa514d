// Node construction and teardown, the process table, spawn, send and names.
#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "fiber/fiber.hpp"
#include "runtime/exit.hpp"
#include "runtime/node.hpp"
#include "term/error.hpp"

namespace otp {

namespace {
[[noreturn]] void badarg() { throw ErlangError(Term(atom::badarg)); }
}  // namespace

Node::Node(NodeOptions options) : options_(std::move(options)) {
  if (options_.clock) {
    clock_ = options_.clock;
  } else {
    owned_clock_ = std::make_unique<SteadyClock>();
    clock_ = owned_clock_.get();
  }
  // Slot 0 is never a process: #PID<0.0.0> stands for the host (the sender
  // of exit signals that come from outside any process).
  slots_.push_back(Slot{});
}

Node::~Node() {
  shutting_down_ = true;
  // Every process dies as if killed; those holding a stack are unwound.
  for (std::size_t i = 1; i < slots_.size(); ++i) {
    Process* p = slots_[i].proc;
    if (p && p->alive_) terminate(p, Term(atom::killed));
  }
  pending_exits_.clear();
  timers_.clear();
  timer_heap_.clear();
  pending_recv_timers_.clear();
  if (object_count_ > 0) run(UINT64_MAX / 2);
  reap();
  for (fiber::Fiber* f : parked_loops_) fiber::release(f);
  parked_loops_.clear();
  if (loop_fiber_) fiber::release(loop_fiber_);
  if (host_fiber_) fiber::release(host_fiber_);
  for (Slot& s : slots_) {
    if (s.proc) {
      std::fputs("otp: a process outlived its node's shutdown\n", stderr);
      delete s.proc;
    }
  }
}

Process* Node::lookup(Pid pid) const noexcept {
  if (pid.number == 0 || pid.number >= slots_.size()) return nullptr;
  const Slot& s = slots_[pid.number];
  if (s.serial != pid.serial || !s.proc || !s.proc->alive_) return nullptr;
  return s.proc;
}

Process* Node::lookup_term(const Term& pid) const {
  if (!pid.is_pid()) badarg();
  return lookup(pid.pid());
}

bool Node::alive(Pid pid) const { return lookup(pid) != nullptr; }

Process* Node::new_process(SpawnOptions& opts, Process* parent, Spawned* out) {
  uint32_t index;
  if (free_slot_) {
    index = free_slot_;
    free_slot_ = slots_[index].next_free;
    if (!free_slot_) free_tail_ = 0;
  } else {
    index = static_cast<uint32_t>(slots_.size());
    slots_.push_back(Slot{});
  }
  Slot& s = slots_[index];
  Pid pid{index, s.serial};
  Process* p = new Process(this, pid);
  s.proc = p;
  ++alive_count_;
  ++object_count_;
  p->initial_call_ = opts.initial_call.is_tuple()
                         ? opts.initial_call
                         : Term::tuple({Term(atom::erlang), Term(atom::apply), Term::integer(2)});
  p->current_function_ = p->initial_call_;
  if (parent) {
    p->group_leader_ = parent->group_leader_;
    if (opts.link) add_link(parent, p);
    if (opts.monitor) out->monitor = add_monitor(parent, Term(pid));
  }
  out->pid = pid;
  return p;
}

void Node::free_process(Process* p) {
  uint32_t index = p->pid_.number;
  Slot& s = slots_[index];
  s.proc = nullptr;
  ++s.serial;
  // Freed slots are reused oldest first, so a pid is not reused soon.
  s.next_free = 0;
  if (free_tail_)
    slots_[free_tail_].next_free = index;
  else
    free_slot_ = index;
  free_tail_ = index;
  --object_count_;
  delete p;
}

Pid Node::spawn(Body body, SpawnOptions opts) {
  Process* parent = Process::current();
  if (parent && &parent->node() != this) parent = nullptr;
  if (!parent && (opts.link || opts.monitor))
    throw std::logic_error("otp::Node::spawn: link/monitor need a calling process");
  Spawned out;
  Process* p = new_process(opts, parent, &out);
  p->body_ = std::make_unique<Body>(std::move(body));
  enqueue(p);
  return out.pid;
}

Pid Node::spawn_handler(Handler handler, SpawnOptions opts) {
  Process* parent = Process::current();
  if (parent && &parent->node() != this) parent = nullptr;
  if (!parent && (opts.link || opts.monitor))
    throw std::logic_error("otp::Node::spawn_handler: link/monitor need a calling process");
  Spawned out;
  Process* p = new_process(opts, parent, &out);
  p->handler_ = std::move(handler);
  p->state_ = Process::State::Waiting;
  return out.pid;
}

void Node::send(Pid to, Term msg) noexcept {
  if (Process* p = lookup(to)) deliver(p, std::move(msg));
}

Term Node::send(const Term& dest, Term msg) {
  Process* p = nullptr;
  if (dest.is_pid()) {
    p = lookup(dest.pid());
  } else if (dest.is_atom()) {
    auto it = names_.find(dest.atom().id);
    if (it == names_.end()) badarg();
    p = lookup(it->second);
  } else {
    badarg();
  }
  if (p) deliver(p, msg);
  return msg;
}

std::vector<Pid> Node::processes() const {
  std::vector<Pid> out;
  out.reserve(alive_count_);
  for (std::size_t i = 1; i < slots_.size(); ++i)
    if (slots_[i].proc && slots_[i].proc->alive_) out.push_back(slots_[i].proc->pid_);
  return out;
}

void Node::register_name(const Term& name, const Term& pid) {
  if (!name.is_atom() || name.is_atom(atom::undefined)) badarg();
  Process* p = lookup_term(pid);
  if (!p || names_.count(name.atom().id) || !p->registered_name_.is_nil_list()) badarg();
  names_.emplace(name.atom().id, p->pid_);
  p->registered_name_ = name;
}

void Node::unregister_name(const Term& name) {
  if (!name.is_atom()) badarg();
  auto it = names_.find(name.atom().id);
  if (it == names_.end()) badarg();
  if (Process* p = lookup(it->second)) p->registered_name_ = Term::empty_list();
  names_.erase(it);
}

std::optional<Pid> Node::whereis(const Term& name) const {
  if (!name.is_atom()) badarg();
  auto it = names_.find(name.atom().id);
  if (it == names_.end()) return std::nullopt;
  return it->second;
}

std::vector<Term> Node::registered() const {
  std::vector<Term> out;
  for (const auto& [id, pid] : names_) out.push_back(Term(Atom{id}));
  std::sort(out.begin(), out.end(), [](const Term& a, const Term& b) { return compare(a, b) < 0; });
  return out;
}

NodeStats Node::stats() const {
  NodeStats s;
  s.processes = alive_count_;
  s.process_objects = object_count_;
  s.timers = timers_.size() + armed_recv_timers_;
  for (const TimerKey& k : pending_recv_timers_) s.timers += timer_live(k) ? 1 : 0;
  s.loop_fibers = loop_fibers_;
  return s;
}

std::string Node::log_prefix(std::string_view level) {
  int64_t t = clock_->wall_ms_of_day();
  char stamp[32];
  std::snprintf(stamp, sizeof stamp, "\n%02d:%02d:%02d.%03d [", int(t / 3600000 % 24), int(t / 60000 % 60),
                int(t / 1000 % 60), int(t % 1000));
  return std::string(stamp) + std::string(level) + "] ";
}

void Node::log(std::string_view text) {
  if (options_.log)
    options_.log(text);
  else
    std::fwrite(text.data(), 1, text.size(), stderr);
}

}  // namespace otp

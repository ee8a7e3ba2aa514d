// The calls a process makes on itself: receive, send, spawn, links and
// monitors, exits, the dictionary, reductions.
#include <stdexcept>

#include "fiber/fiber.hpp"
#include "runtime/exit.hpp"
#include "runtime/node.hpp"
#include "term/error.hpp"

namespace otp {

namespace {
[[noreturn]] void badarg() { throw ErlangError(Term(atom::badarg)); }
}  // namespace

Process::Process(Node* node, Pid pid) : node_(node), pid_(pid) {}
Process::~Process() = default;

Process::Extra& Process::extra() {
  if (!extra_) extra_ = std::make_unique<Extra>();
  return *extra_;
}

void Process::check_killed() {
  if (!alive_) throw KillUnwind{};
}

void Process::wait_for_message() {
  state_ = State::Waiting;
  node_->block_current(this);
  check_killed();
}

void Process::consume(int32_t reductions) {
  reductions_ += static_cast<uint64_t>(reductions);
  reds_left_ -= reductions;
  node_->budget_left_ -= reductions;
  node_->spent_ += static_cast<uint64_t>(reductions);
  if (fiber::stack_position() < node_->stack_limit_) throw ErlangError(Term::atom("system_limit"));
  if (reds_left_ <= 0 || node_->budget_left_ <= 0) yield();
}

void Process::yield() {
  node_->enqueue(this);
  node_->block_current(this);
  check_killed();
}

void Process::charge(int32_t reductions) noexcept {
  reductions_ += static_cast<uint64_t>(reductions);
  reds_left_ -= reductions;
  node_->budget_left_ -= reductions;
  node_->spent_ += static_cast<uint64_t>(reductions);
  if (reds_left_ <= 0 || node_->budget_left_ <= 0) {
    node_->enqueue(this);
    node_->block_current(this);
  }
}

void Process::send(Pid to, Term msg) noexcept {
  if (!alive_) return;
  node_->send(to, std::move(msg));
  charge(1);
}

Term Process::send(const Term& dest, Term msg) {
  consume(1);
  return node_->send(dest, std::move(msg));
}

std::optional<Term> Process::receive(FunctionRef<bool(const Term&)> match, Timeout timeout) {
  if (timeout.ms < -1) throw ErlangError(Term(atom::timeout_value));
  consume(1);
  Message** link = mailbox_.head_link();
  bool armed = false;
  timed_out_ = false;
  for (;;) {
    for (Message* m; (m = *link) != nullptr; link = &m->next) {
      if (match(m->term)) {
        Message* got = mailbox_.unlink(link);
        Term t = std::move(got->term);
        node_->messages_.recycle(got);
        if (armed) node_->cancel_receive_timer(this);
        return t;
      }
    }
    if (timeout.ms == 0 || timed_out_) {
      timed_out_ = false;
      return std::nullopt;
    }
    if (!armed && !timeout.is_infinity()) {
      armed = true;
      node_->arm_receive_timer(this, timeout.ms);
    }
    wait_for_message();
  }
}

Term Process::receive() {
  return *receive([](const Term&) { return true; }, Timeout::infinity());
}

void Process::sleep(int64_t ms) {
  if (ms < 0) throw ErlangError(Term(atom::timeout_value));
  receive([](const Term&) { return false; }, Timeout{ms});
}

Spawned Process::spawn(Body body, SpawnOptions opts) {
  consume(1);
  Spawned out;
  Process* p = node_->new_process(opts, this, &out);
  p->body_ = std::make_unique<Body>(std::move(body));
  node_->enqueue(p);
  return out;
}

Spawned Process::spawn_handler(Handler handler, SpawnOptions opts) {
  consume(1);
  Spawned out;
  Process* p = node_->new_process(opts, this, &out);
  p->handler_ = std::move(handler);
  p->state_ = State::Waiting;
  return out;
}

void Process::become(Handler handler) {
  pending_handler_ = std::make_unique<Handler>(std::move(handler));
}

void Process::link(const Term& pid) {
  consume(1);
  if (!pid.is_pid()) badarg();
  Process* other = node_->lookup(pid.pid());
  if (!other) {
    // As OTP: a trapping caller is told by message, others get error(noproc).
    if (trap_exit_) {
      node_->deliver(this, Term::tuple({Term(atom::EXIT), pid, Term(atom::noproc)}));
      return;
    }
    throw ErlangError(Term(atom::noproc));
  }
  node_->add_link(this, other);
}

void Process::unlink(const Term& pid) {
  consume(1);
  if (!pid.is_pid()) badarg();
  node_->remove_link(this, pid.pid());
  if (Process* other = node_->lookup(pid.pid())) node_->remove_link(other, pid_);
}

Ref Process::monitor(const Term& target) {
  consume(1);
  return node_->add_monitor(this, target);
}

bool Process::demonitor(Ref ref, bool flush) {
  consume(1);
  return node_->remove_monitor(this, ref, flush);
}

bool Process::trap_exit(bool on) {
  bool old = trap_exit_;
  trap_exit_ = on;
  return old;
}

void Process::exit(Term reason) { throw ExitSignal{std::move(reason)}; }

bool Process::exit(const Term& pid, Term reason) {
  consume(1);
  Process* to = node_->lookup_term(pid);
  if (!to) return true;
  node_->pending_exits_.push_back(Node::PendingExit{pid_, to->pid_, std::move(reason), false});
  node_->drain_exits();
  check_killed();
  return true;
}

Term Process::put(Term key, Term value) {
  auto& d = extra().dictionary;
  for (auto& kv : d) {
    if (kv.first == key) {
      Term old = std::move(kv.second);
      kv.second = std::move(value);
      return old;
    }
  }
  d.emplace_back(std::move(key), std::move(value));
  return Term(atom::undefined);
}

Term Process::get(const Term& key) const {
  if (extra_)
    for (const auto& kv : extra_->dictionary)
      if (kv.first == key) return kv.second;
  return Term(atom::undefined);
}

Term Process::erase(const Term& key) {
  if (!extra_) return Term(atom::undefined);
  auto& d = extra_->dictionary;
  for (auto it = d.begin(); it != d.end(); ++it) {
    if (it->first == key) {
      Term old = std::move(it->second);
      d.erase(it);
      return old;
    }
  }
  return Term(atom::undefined);
}

Term Process::dictionary() const {
  std::vector<Term> items;
  if (extra_)
    for (const auto& kv : extra_->dictionary) items.push_back(Term::tuple({kv.first, kv.second}));
  return Term::list(std::span<const Term>(items));
}

void Process::add_alias(Ref ref) { extra().aliases.push_back(ref.id); }

void Process::remove_alias(Ref ref) noexcept {
  if (!extra_) return;
  auto& a = extra_->aliases;
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k] == ref.id) {
      a[k] = a.back();
      a.pop_back();
      return;
    }
}

bool Process::has_alias(Ref ref) const noexcept {
  if (!extra_) return false;
  for (uint64_t id : extra_->aliases)
    if (id == ref.id) return true;
  return false;
}

Ref Process::send_after(int64_t ms, Term dest, Term msg) {
  consume(1);
  return node_->send_after(ms, std::move(dest), std::move(msg));
}

std::size_t Process::memory_bytes() const noexcept {
  std::size_t n = sizeof(Process) + mailbox_.size() * sizeof(Message);
  if (extra_)
    n += sizeof(Extra) + extra_->links.capacity() * sizeof(Pid) +
         extra_->monitors.capacity() * sizeof(MonitorOut) +
         extra_->monitored_by.capacity() * sizeof(MonitorIn) +
         extra_->dictionary.capacity() * sizeof(std::pair<Term, Term>);
  if (body_ || fiber_) n += 4096;  // at least the touched page of its stack
  return n;
}

}  // namespace otp

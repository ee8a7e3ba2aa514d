// Exit signals, links and monitors, with OTP's rules:
//  - exit/2 with :kill is untrappable; the target dies with :killed, and its
//    links are told :killed.
//  - a trapping process receives {:EXIT, From, Reason} instead of dying,
//    for any other reason (including a linked process's own :kill exit).
//  - :normal does not kill a process that does not trap exits, except that
//    exit(self(), :normal) ends the caller.
//  - a monitor delivers {:DOWN, Ref, :process, Pid | {Name, Node}, Reason}
//    once, and :noproc when the target was already dead.
// Signals caused by one death are processed from a work list, not by
// recursion, so a long chain of linked processes cannot overflow the stack.
#include <algorithm>

#include "runtime/crash.hpp"
#include "runtime/node.hpp"
#include "term/error.hpp"

namespace otp {

namespace {
const Term& local_node() {
  static const Term t = Term::atom("nonode@nohost");
  return t;
}
}  // namespace

void Node::deliver(Process* to, Term msg) noexcept {
  to->mailbox_.push(messages_.make(std::move(msg)));
  if (to->state_ == Process::State::Waiting) enqueue(to);
}

void Node::send_reply(Pid to, Ref ref, Term msg) noexcept {
  Process* p = lookup(to);
  if (p && p->has_alias(ref)) deliver(p, std::move(msg));
}

void Node::finished(Process* p, Term reason, const CrashInfo& crash) {
  if (crash.crashed && options_.reports) {
    log(log_prefix("error") + "Process " + inspect(Term(p->pid_)) +
        " raised an exception\n" + crash.headline + "\n");
  }
  terminate(p, std::move(reason));
}

void Node::terminate(Process* p, Term reason) {
  if (!p->alive_) return;
  p->alive_ = false;
  --alive_count_;
  if (!p->registered_name_.is_nil_list()) {
    names_.erase(p->registered_name_.atom().id);
    p->registered_name_ = Term::empty_list();
  }
  cancel_receive_timer(p);
  p->mailbox_.clear(messages_);
  p->pending_handler_.reset();
  if (p->exit_hooked_)  // before links and monitors, as BEAM (ETS tables)
    for (const ExitHook& hook : exit_hooks_) hook(p->pid_);
  if (p->extra_) {
    Process::Extra& x = *p->extra_;
    for (Pid l : x.links) pending_exits_.push_back(PendingExit{p->pid_, l, reason, true});
    x.links.clear();
    for (Process::MonitorIn& m : x.monitored_by) {
      Process* w = lookup(m.watcher);
      if (!w) continue;
      auto& outs = w->extra().monitors;
      outs.erase(std::remove_if(outs.begin(), outs.end(),
                                [&](const Process::MonitorOut& o) { return o.ref.id == m.ref.id; }),
                 outs.end());
      Term who = m.target_name.is_nil_list() ? Term(p->pid_) : m.target_name;
      deliver(w, Term::tuple({Term(atom::DOWN), Term(m.ref), Term(atom::process), who, reason}));
    }
    x.monitored_by.clear();
    for (Process::MonitorOut& m : x.monitors) {
      if (Process* t = lookup(m.target)) {
        auto& ins = t->extra().monitored_by;
        ins.erase(std::remove_if(ins.begin(), ins.end(),
                                 [&](const Process::MonitorIn& i) { return i.ref.id == m.ref.id; }),
                  ins.end());
      }
    }
    x.monitors.clear();
  }
  p->exit_reason_ = std::move(reason);
  if (p != current_) {
    if (p->fiber_) {
      // It holds a stack: resume it so the stack unwinds (KillUnwind).
      p->unwinding_ = true;
      enqueue(p);
    } else if (!p->in_run_queue_) {
      free_process(p);
    }
  }
  drain_exits();
}

void Node::watch_exit(Pid pid) noexcept {
  if (Process* p = lookup(pid)) p->exit_hooked_ = true;
}

void Node::exit_signal(Pid from, Process* to, Term reason, bool from_link) {
  if (!from_link && reason.is_atom(atom::kill)) {
    terminate(to, Term(atom::killed));
  } else if (to->trap_exit_) {
    deliver(to, Term::tuple({Term(atom::EXIT), Term(from), std::move(reason)}));
  } else if (reason.is_atom(atom::normal)) {
    if (!from_link && from == to->pid_)
      terminate(to, std::move(reason));
  } else {
    terminate(to, std::move(reason));
  }
}

void Node::drain_exits() {
  if (draining_exits_) return;
  draining_exits_ = true;
  for (std::size_t i = 0; i < pending_exits_.size(); ++i) {
    PendingExit e = std::move(pending_exits_[i]);
    Process* to = lookup(e.to);
    if (!to) continue;
    if (e.from_link) remove_link(to, e.from);
    exit_signal(e.from, to, std::move(e.reason), e.from_link);
  }
  pending_exits_.clear();
  draining_exits_ = false;
}

void Node::add_link(Process* a, Process* b) {
  if (a == b) return;
  auto& la = a->extra().links;
  for (Pid x : la)
    if (x == b->pid_) return;
  la.push_back(b->pid_);
  b->extra().links.push_back(a->pid_);
}

void Node::remove_link(Process* a, Pid b) {
  if (!a->extra_) return;
  auto& l = a->extra_->links;
  l.erase(std::remove_if(l.begin(), l.end(),
                         [&](Pid x) { return x == b; }),
          l.end());
}

Ref Node::add_monitor(Process* watcher, const Term& target) {
  Ref ref = make_ref();
  Process* t = nullptr;
  Term name = Term::empty_list();
  Term who;
  if (target.is_pid()) {
    t = lookup(target.pid());
    who = target;
  } else if (target.is_atom()) {
    name = Term::tuple({target, local_node()});
    who = name;
    auto it = names_.find(target.atom().id);
    if (it != names_.end()) t = lookup(it->second);
  } else {
    throw ErlangError(Term(atom::badarg));
  }
  if (!t) {
    deliver(watcher,
            Term::tuple({Term(atom::DOWN), Term(ref), Term(atom::process), who, Term(atom::noproc)}));
    return ref;
  }
  watcher->extra().monitors.push_back(Process::MonitorOut{ref, t->pid_, name});
  t->extra().monitored_by.push_back(Process::MonitorIn{ref, watcher->pid_, name});
  return ref;
}

bool Node::remove_monitor(Process* watcher, Ref ref, bool flush) {
  bool found = false;
  if (watcher->extra_) {
    auto& outs = watcher->extra_->monitors;
    auto it = std::find_if(outs.begin(), outs.end(),
                           [&](const Process::MonitorOut& o) { return o.ref.id == ref.id; });
    if (it != outs.end()) {
      if (Process* t = lookup(it->target)) {
        auto& ins = t->extra().monitored_by;
        ins.erase(std::remove_if(ins.begin(), ins.end(),
                                 [&](const Process::MonitorIn& i) { return i.ref.id == ref.id; }),
                  ins.end());
      }
      outs.erase(it);
      found = true;
    }
  }
  if (flush) {
    Mailbox& mb = watcher->mailbox_;
    for (Message** link = mb.head_link(); *link;) {
      const Term& m = (*link)->term;
      if (m.is_tuple() && m.tuple_size() == 5 && m[0].is_atom(atom::DOWN) && m[1].is_ref() &&
          m[1].ref().id == ref.id)
        messages_.recycle(mb.unlink(link));
      else
        link = &(*link)->next;
    }
  }
  return found;
}

}  // namespace otp

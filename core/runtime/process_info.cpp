// Process.info/1 and /2 (erlang:process_info), and exit/2 from the host.
// The items and their order follow erlang:process_info/1 on OTP 25; sizes
// are this runtime's own (bytes of the process, its queue and its stack).
#include <string_view>

#include "runtime/node.hpp"
#include "term/error.hpp"

namespace otp {

namespace {
Term kv(Atom key, Term value) { return Term::tuple({Term(key), std::move(value)}); }
Term mfa_or_undefined(const Term& t) { return t.is_tuple() ? t : Term(atom::undefined); }
}  // namespace

bool Node::exit(const Term& pid, Term reason) {
  Process* to = lookup_term(pid);
  if (!to) return true;
  pending_exits_.push_back(PendingExit{Pid{0, 0}, to->pid_, std::move(reason), false});
  drain_exits();
  return true;
}

Term Node::process_info(const Term& pid, const Term& item) {
  Process* p = lookup_term(pid);
  if (!item.is_atom()) throw ErlangError(Term(atom::badarg));
  const Atom a = item.atom();
  auto val = [&]() -> Term {
    std::string_view n = a.name();
    if (a == atom::status) {
      if (p == current_) return Term(atom::running);
      if (p->in_run_queue_) return Term(atom::runnable);
      return Term(atom::waiting);
    }
    if (a == atom::message_queue_len) return Term::integer(static_cast<int64_t>(p->mailbox_.size()));
    if (a == atom::messages) {
      std::vector<Term> ms;
      for (Message* m = p->mailbox_.head(); m; m = m->next) ms.push_back(m->term);
      return Term::list(std::span<const Term>(ms));
    }
    if (a == atom::links) {
      std::vector<Term> ls;
      if (p->extra_)
        for (Pid l : p->extra_->links) ls.push_back(Term(l));
      return Term::list(std::span<const Term>(ls));
    }
    if (a == atom::monitors) {
      std::vector<Term> ms;
      if (p->extra_)
        for (auto& m : p->extra_->monitors)
          ms.push_back(Term::tuple({Term(atom::process),
                                    m.target_name.is_nil_list() ? Term(m.target) : m.target_name}));
      return Term::list(std::span<const Term>(ms));
    }
    if (a == atom::monitored_by) {
      std::vector<Term> ms;
      if (p->extra_)
        for (auto& m : p->extra_->monitored_by) ms.push_back(Term(m.watcher));
      return Term::list(std::span<const Term>(ms));
    }
    if (a == atom::trap_exit) return Term::boolean(p->trap_exit_);
    if (a == atom::registered_name) return p->registered_name_;
    if (a == atom::reductions) return Term::integer(static_cast<int64_t>(p->reductions_));
    if (a == atom::memory) return Term::integer(static_cast<int64_t>(p->memory_bytes()));
    if (a == atom::current_function) return mfa_or_undefined(p->current_function_);
    if (a == atom::initial_call) return mfa_or_undefined(p->initial_call_);
    if (a == atom::dictionary) return p->dictionary();
    if (a == atom::group_leader) return Term(p->group_leader_);
    if (a == atom::priority) return Term(atom::normal);
    if (a == atom::heap_size || a == atom::total_heap_size)
      return Term::integer(static_cast<int64_t>(p->memory_bytes() / 8));
    if (a == atom::stack_size) return Term::integer(p->fiber_ ? 512 : 0);
    if (n == "error_handler") return Term::atom("error_handler");
    if (n == "garbage_collection") return Term::empty_list();
    if (n == "suspending") return Term::empty_list();
    throw ErlangError(Term(atom::badarg));
  };
  if (!p) return Term(atom::undefined);
  return kv(a, val());
}

bool Node::set_group_leader(const Term& pid, Pid leader) {
  Process* p = lookup_term(pid);
  if (!p) return false;
  p->group_leader_ = leader;
  return true;
}

Term Node::process_info(const Term& pid) {
  Process* p = lookup_term(pid);
  if (!p) return Term(atom::undefined);
  static const std::string_view items[] = {
      "current_function", "initial_call", "status",          "message_queue_len",
      "links",            "dictionary",   "trap_exit",       "error_handler",
      "priority",         "group_leader", "total_heap_size", "heap_size",
      "stack_size",       "reductions",   "garbage_collection", "suspending"};
  std::vector<Term> out;
  if (!p->registered_name_.is_nil_list()) out.push_back(process_info(pid, Term(atom::registered_name)));
  for (std::string_view i : items) out.push_back(process_info(pid, Term::atom(i)));
  return Term::list(std::span<const Term>(out));
}

}  // namespace otp

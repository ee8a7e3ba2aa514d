// The process BIFs of otp_proc.hpp, part 2: send, timers (on the node's
// clock: virtual in tests and in the browser's replay, never the host's
// sleep), spawn with options, sleep.
//
// Limits: spawn options other than :link and :monitor (priority,
// min_heap_size, ...) are checked and ignored; a {name, node} destination
// on another node is dropped (there is one node).
#include <vector>

#include "shell/lib/otp_proc.hpp"

namespace otp::shell::lib::proc {

namespace {

bool is_name(const Term& t, const char* n) { return t.is_atom() && t.atom().name() == n; }

// Delivers to a pid, a registered name or {name, node}; false when the
// destination is not one of these or names nobody.
bool deliver(Process& self, const Term& dest, const Term& msg) {
  if (dest.is_pid()) {
    self.send(dest.pid(), msg);
    return true;
  }
  Node& node = self.node();
  if (dest.is_atom()) {
    std::optional<Pid> p = node.whereis(dest);
    if (!p) return false;
    self.send(*p, msg);
    return true;
  }
  if (dest.is_tuple() && dest.tuple_size() == 2 && dest[0].is_atom() && dest[1].is_atom()) {
    if (dest[1].is_atom(atom::nonode_nohost))
      if (std::optional<Pid> p = node.whereis(dest[0])) self.send(*p, msg);
    return true;
  }
  return false;
}

struct SpawnFlags {
  bool link = false, monitor = false;
};

SpawnFlags spawn_flags(const Term& options, int position) {
  if (!proper_list(options)) badarg(position, "not a list");
  SpawnFlags f;
  for (const Term* c = &options; c->is_cons(); c = &c->tail()) {
    const Term& o = c->head();
    if (is_name(o, "link")) {
      f.link = true;
    } else if (is_name(o, "monitor") || (o.is_tuple() && o.tuple_size() == 2 && is_name(o[0], "monitor"))) {
      f.monitor = true;
    } else if (!(o.is_tuple() && o.tuple_size() == 2 && o[0].is_atom() &&
                 (o[0].is_atom(atom::priority) || is_name(o[0], "fullsweep_after") ||
                  is_name(o[0], "min_heap_size") || is_name(o[0], "min_bin_vheap_size") ||
                  is_name(o[0], "max_heap_size") || is_name(o[0], "message_queue_data")))) {
      badarg(position, "invalid spawn option");
    }
  }
  return f;
}

Term spawned(Process& self, Body body, SpawnFlags f, Term initial_call) {
  SpawnOptions o;
  o.link = f.link;
  o.monitor = f.monitor;
  o.initial_call = std::move(initial_call);
  Spawned s = self.spawn(std::move(body), std::move(o));
  if (f.monitor) return Term::tuple({Term(s.pid), Term(*s.monitor)});
  return Term(s.pid);
}

}  // namespace

Term send(const Term& dest, const Term& msg) {
  if (!deliver(caller("send/2"), dest, msg)) badarg(1, "invalid destination");
  return msg;
}

Term send(const Term& dest, const Term& msg, const Term& options) {
  if (!proper_list(options)) badarg(3, "not a list");
  for (const Term* c = &options; c->is_cons(); c = &c->tail())
    if (!is_name(c->head(), "noconnect") && !is_name(c->head(), "nosuspend")) badarg(3, "invalid option in list");
  if (!deliver(caller("send/3"), dest, msg)) badarg(1, "invalid destination");
  return Term(atom::ok);
}

Term send_after(const Term& time, const Term& dest, const Term& msg, const Term& options) {
  Process& self = caller("send_after/4");
  if (!time.is_integer()) badarg(1, "not an integer");
  if (!time.is_small() || time.small() < 0 || time.small() > 0xFFFFFFFFll) badarg(1, "out of range");
  if (!dest.is_pid() && !dest.is_atom()) badarg(2, "not a pid or an atom");
  bool absolute = false;
  if (!proper_list(options)) badarg(3, "invalid option in list");
  for (const Term* c = &options; c->is_cons(); c = &c->tail()) {
    const Term& o = c->head();
    if (!(o.is_tuple() && o.tuple_size() == 2 && is_name(o[0], "abs") && o[1].is_boolean()))
      badarg(3, "invalid option in list");
    absolute = o[1].is_atom(atom::true_);
  }
  int64_t ms = time.small();
  if (absolute) ms = std::max<int64_t>(0, ms - self.node().now_ms());
  return Term(self.node().send_after(ms, dest, msg));
}

Term cancel_timer(const Term& ref, const Term& options) {
  need_ref(ref, 1);
  bool async = false, info = true;
  if (!proper_list(options)) badarg(2, "invalid option in list");
  for (const Term* c = &options; c->is_cons(); c = &c->tail()) {
    const Term& o = c->head();
    if (!(o.is_tuple() && o.tuple_size() == 2 && o[1].is_boolean() && (is_name(o[0], "async") || is_name(o[0], "info"))))
      badarg(2, "invalid option in list");
    (is_name(o[0], "async") ? async : info) = o[1].is_atom(atom::true_);
  }
  std::optional<int64_t> left = caller("cancel_timer/2").node().cancel_timer(ref.ref());
  if (async || !info) return Term(atom::ok);
  return left ? Term::integer(*left) : Term(atom::false_);
}

Term read_timer(const Term& ref) {
  need_ref(ref, 1);
  std::optional<int64_t> left = caller("read_timer/1").node().read_timer(ref.ref());
  return left ? Term::integer(*left) : Term(atom::false_);
}

Term spawn_fun(const Term& fun, const Term& options, int opts_position) {
  Process& self = caller("spawn");
  if (!fun.is_fun()) badarg(1, "not a fun");
  SpawnFlags f = spawn_flags(options, opts_position);
  return spawned(self, [fun](Process&) { apply_fun(fun, std::span<const Term>()); }, f, Term());
}

Term spawn_mfa(const Term& m, const Term& f, const Term& a, const Term& options, int opts_position) {
  Process& self = caller("spawn");
  if (!m.is_atom()) badarg(1, "not an atom");
  if (!f.is_atom()) badarg(2, "not an atom");
  if (!proper_list(a)) badarg(3, "not a list");
  SpawnFlags flags = spawn_flags(options, opts_position);
  Term mfa = Term::tuple({m, f, Term::integer(list_length(a))});
  return spawned(self, [m, f, a](Process&) { apply_mfa(m, f, a); }, flags, std::move(mfa));
}

Term sleep(Timeout t) {
  Process& self = caller("sleep/1");
  if (t.is_infinity()) self.receive([](const Term&) { return false; }, Timeout::infinity());
  else self.sleep(t.ms);
  return Term(atom::ok);
}

}  // namespace otp::shell::lib::proc

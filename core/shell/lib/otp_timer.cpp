// Erlang's :timer on the node's clock (virtual in tests, never the host's
// sleep). send_after to a pid is erlang:send_after ({:send_local, ref}, as
// OTP 25); to a name, apply_after, exit_after and the intervals are run by
// a small helper process per timer ({:once, ref} / {:interval, ref}), which
// :timer.cancel kills. An interval stops when the process it serves dies
// (send_interval: the destination pid or the caller; apply_interval: the
// caller). tc/1,2,3 measure the node's clock, in microseconds.
#include <unordered_map>

#include "shell/lib/otp_proc.hpp"

namespace otp::shell::lib {

namespace {

// The helper process of each {:once | :interval, ref} timer, per node.
struct TimerHelpers {
  explicit TimerHelpers(Node&) {}
  std::unordered_map<uint64_t, Pid> by_ref;
};

Term tref(const char* kind, Ref ref) {
  return Term::tuple({Term(atom::ok), Term::tuple({Term::atom(kind), Term(ref)})});
}
Term badarg_error() { return Term::tuple({Term(atom::error), Term(atom::badarg)}); }

bool time_arg(const Term& t, int64_t* ms) { return small_int(t, ms) && *ms >= 0; }

// Runs `action` once after ms (interval = false) or every ms until `watched` dies.
Term helper(int64_t ms, bool interval, Pid watched, std::function<void(Process&)> action) {
  Process& self = caller(":timer");
  Ref ref = self.node().make_ref();
  Spawned s = self.spawn([ms, interval, watched, action = std::move(action), id = ref.id](Process& p) {
    Node& node = p.node();
    Term mon = interval ? Term(p.monitor(Term(watched))) : Term();
    int64_t next = node.now_ms() + ms;
    do {
      auto down = p.receive([&](const Term& m) { return m.is_tuple() && m.tuple_size() == 5 && m[1] == mon; },
                            Timeout{std::max<int64_t>(0, next - node.now_ms())});
      if (down) break;
      if (!interval) node.service<TimerHelpers>().by_ref.erase(id);
      action(p);
      next += ms;
    } while (interval);
    node.service<TimerHelpers>().by_ref.erase(id);
  });
  self.node().service<TimerHelpers>().by_ref[ref.id] = s.pid;
  return tref(interval ? "interval" : "once", ref);
}

Term send_after(const Term& time, const Term& dest, const Term& msg) {
  int64_t ms;
  if (!time_arg(time, &ms)) return badarg_error();
  Process& self = caller(":timer.send_after");
  if (dest.is_pid()) return tref("send_local", self.node().send_after(ms, dest, msg));
  if (dest.is_atom()) return tref("once", self.node().send_after(ms, dest, msg));
  return badarg_error();
}

Term send_interval(const Term& time, const Term& dest, const Term& msg) {
  int64_t ms;
  if (!time_arg(time, &ms) || !(dest.is_pid() || dest.is_atom())) return badarg_error();
  Process& self = caller(":timer.send_interval");
  Pid watched = dest.is_pid() ? dest.pid() : self.self();
  return helper(ms, true, watched, [dest, msg](Process& p) {
    if (dest.is_pid()) p.send(dest.pid(), msg);
    else if (auto to = p.node().whereis(dest)) p.send(*to, msg);
  });
}

Term apply_timer(Args a, bool interval) {
  int64_t ms;
  if (!time_arg(a[0], &ms) || !is_mfa(a[1], a[2], a[3])) return badarg_error();
  Term m = a[1], f = a[2], args = a[3];
  return helper(ms, interval, caller(":timer").self(), [m, f, args](Process& p) {
    p.spawn([m, f, args](Process&) { apply_mfa(m, f, args); });
  });
}

Term exit_after(const Term& time, const Term& target, const Term& reason) {
  int64_t ms;
  if (!time_arg(time, &ms)) return badarg_error();
  return helper(ms, false, Pid{}, [target, reason](Process& p) {
    if (target.is_pid()) p.exit(target, reason);
    else if (auto to = p.node().whereis(target)) p.exit(Term(*to), reason);
  });
}

Term cancel(Args a) {
  const Term& t = a[0];
  if (!t.is_tuple() || t.tuple_size() != 2 || !t[0].is_atom() || !t[1].is_ref()) return badarg_error();
  std::string_view kind = t[0].atom().name();
  if (kind != "send_local" && kind != "once" && kind != "interval") return badarg_error();
  Process& self = caller(":timer.cancel/1");
  self.node().cancel_timer(t[1].ref());
  auto& helpers = self.node().service<TimerHelpers>().by_ref;
  if (auto it = helpers.find(t[1].ref().id); it != helpers.end()) {
    Pid pid = it->second;
    helpers.erase(it);
    self.exit(Term(pid), Term(atom::kill));
  }
  return Term::tuple({Term(atom::ok), Term::atom("cancel")});
}

Term tc(Args a) {
  Process& self = caller(":timer.tc");
  int64_t before = self.node().now_ms();
  Term r;
  if (a.size() == 3) {
    r = apply_mfa(a[0], a[1], a[2]);
  } else {
    if (a.size() == 2 && !proper_list(a[1])) raise_argument_error("argument error");
    std::vector<Term> args = a.size() == 2 ? list_to_vector(a[1]) : std::vector<Term>{};
    tick();
    r = apply_fun(a[0], args);
  }
  return Term::tuple({Term::integer((self.node().now_ms() - before) * 1000), r});
}

Term times(const Term& x, int64_t k) {
  if (!x.is_number()) raise_arithmetic();
  return mul(x, Term::integer(k));
}

Term now_diff(Args a) {
  auto ok = [](const Term& t) {
    return t.is_tuple() && t.tuple_size() == 3 && t[0].is_integer() && t[1].is_integer() && t[2].is_integer();
  };
  if (!ok(a[0]) || !ok(a[1])) no_clause_for(":timer", "now_diff", a);
  Term mega = sub(a[0][0], a[1][0]), secs = sub(a[0][1], a[1][1]), micro = sub(a[0][2], a[1][2]);
  return add(mul(add(mul(mega, Term::integer(1000000)), secs), Term::integer(1000000)), micro);
}

}  // namespace

void add_otp_timer(Library& lib) {
  const char* T = ":timer";
  lib.add(T, "sleep", 1, [](Args a) -> Term {
    std::optional<Timeout> t = timeout_arg(a[0]);
    if (!t) throw ErlangError(Term(atom::timeout_value));
    return proc::sleep(*t);
  }, "Sleeps for ms milliseconds of the node's clock; :ok.");
  lib.add(T, "send_after", 2, [](Args a) { return send_after(a[0], Term(caller(":timer.send_after/2").self()), a[1]); },
          "Sends msg to the caller after ms: {:ok, tref}.");
  lib.add(T, "send_after", 3, [](Args a) { return send_after(a[0], a[1], a[2]); }, "Sends msg to dest after ms: {:ok, tref}.");
  lib.add(T, "send_interval", 2, [](Args a) { return send_interval(a[0], Term(caller(":timer.send_interval/2").self()), a[1]); },
          "Sends msg to the caller every ms: {:ok, tref}.");
  lib.add(T, "send_interval", 3, [](Args a) { return send_interval(a[0], a[1], a[2]); }, "Sends msg to dest every ms.");
  lib.add(T, "apply_after", 4, [](Args a) { return apply_timer(a, false); }, "Runs apply(m, f, a) in a new process after ms.");
  lib.add(T, "apply_interval", 4, [](Args a) { return apply_timer(a, true); }, "Runs apply(m, f, a) every ms while the caller lives.");
  lib.add(T, "exit_after", 2, [](Args a) { return exit_after(a[0], Term(caller(":timer.exit_after/2").self()), a[1]); },
          "Sends the caller an exit signal with reason after ms.");
  lib.add(T, "exit_after", 3, [](Args a) { return exit_after(a[0], a[1], a[2]); }, "Sends pid an exit signal after ms.");
  lib.add(T, "kill_after", 1, [](Args a) { return exit_after(a[0], Term(caller(":timer.kill_after/1").self()), Term(atom::kill)); },
          "Kills the caller after ms.");
  lib.add(T, "kill_after", 2, [](Args a) { return exit_after(a[0], a[1], Term(atom::kill)); }, "Kills pid after ms.");
  lib.add(T, "cancel", 1, cancel, "Cancels a timer: {:ok, :cancel} or {:error, :badarg}.");
  lib.add(T, "tc", 1, tc, "{microseconds, fun.()} on the node's clock.");
  lib.add(T, "tc", 2, tc, "{microseconds, apply(fun, args)}.");
  lib.add(T, "tc", 3, tc, "{microseconds, apply(m, f, a)}.");
  lib.add(T, "seconds", 1, [](Args a) { return times(a[0], 1000); }, "Seconds in milliseconds.");
  lib.add(T, "minutes", 1, [](Args a) { return times(a[0], 60000); }, "Minutes in milliseconds.");
  lib.add(T, "hours", 1, [](Args a) { return times(a[0], 3600000); }, "Hours in milliseconds.");
  lib.add(T, "hms", 3, [](Args a) {
    return add(add(times(a[0], 3600000), times(a[1], 60000)), times(a[2], 1000));
  }, "Hours, minutes and seconds in milliseconds.");
  lib.add(T, "now_diff", 2, now_diff, "The difference of two {mega, secs, micro} times in microseconds.");
  lib.add(T, "start", 0, [](Args) { return Term(atom::ok); }, "The timer service is always running here: :ok.");
}

}  // namespace otp::shell::lib

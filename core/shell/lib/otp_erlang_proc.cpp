// :erlang's process BIFs (spawn*, link, monitor, exit/2, process_flag,
// process_info, register, send, timers) and their Kernel twins reached as
// remote calls or captures (Kernel.self/0, &send/2, Kernel.spawn/1). Local
// calls of self/send/spawn* are the evaluator's special forms (its send/2
// calls Kernel.send/2 here). The dictionary, system_info and friends are in
// otp_erlang_info.cpp.
//
// Limits: erlang:hibernate/3 and start_timer/3,4 are not supported.
#include "shell/lib/otp_proc.hpp"

namespace otp::shell::lib {

namespace {

Term self_pid(Args) { return Term(caller("self/0").self()); }
Term spawn1(Args a) { return proc::spawn_fun(a[0], Term::empty_list(), 2); }
Term spawn3(Args a) { return proc::spawn_mfa(a[0], a[1], a[2], Term::empty_list(), 4); }
Term with_opt(const char* o) { return Term::list({Term::atom(o)}); }
Term spawn_link1(Args a) { return proc::spawn_fun(a[0], with_opt("link"), 2); }
Term spawn_link3(Args a) { return proc::spawn_mfa(a[0], a[1], a[2], with_opt("link"), 4); }
Term spawn_monitor1(Args a) { return proc::spawn_fun(a[0], with_opt("monitor"), 2); }
Term spawn_monitor3(Args a) { return proc::spawn_mfa(a[0], a[1], a[2], with_opt("monitor"), 4); }
Term send2(Args a) { return proc::send(a[0], a[1]); }

}  // namespace

void add_otp_erlang_proc(Library& lib) {
  const char* E = ":erlang";
  lib.add(E, "self", 0, self_pid, "The calling process's pid.");
  lib.add(E, "spawn", 1, spawn1, "Spawns a process running fun.");
  lib.add(E, "spawn", 3, spawn3, "Spawns a process running apply(m, f, a).");
  lib.add(E, "spawn_link", 1, spawn_link1, "Spawns a linked process running fun.");
  lib.add(E, "spawn_link", 3, spawn_link3, "Spawns a linked process running apply(m, f, a).");
  lib.add(E, "spawn_monitor", 1, spawn_monitor1, "Spawns and monitors a process: {pid, ref}.");
  lib.add(E, "spawn_monitor", 3, spawn_monitor3, "Spawns and monitors apply(m, f, a): {pid, ref}.");
  lib.add(E, "spawn_opt", 2, [](Args a) { return proc::spawn_fun(a[0], a[1], 2); }, "Spawns fun with options (:link, :monitor, ...).");
  lib.add(E, "spawn_opt", 4, [](Args a) { return proc::spawn_mfa(a[0], a[1], a[2], a[3], 4); }, "Spawns apply(m, f, a) with options.");
  lib.add(E, "link", 1, [](Args a) {
    proc::need_pid(a[0], 1);
    caller(":erlang.link/1").link(a[0]);
    return Term(atom::true_);
  }, "Links the calling process to pid.");
  lib.add(E, "unlink", 1, [](Args a) {
    proc::need_pid(a[0], 1);
    caller(":erlang.unlink/1").unlink(a[0]);
    return Term(atom::true_);
  }, "Removes a link.");
  lib.add(E, "monitor", 2, [](Args a) -> Term {
    if (a[0].is_atom(atom::process)) return proc::monitor(a[1]);
    if (a[0].is_atom() && a[0].atom().name() == "port") badarg(2, "not a port");
    badarg(1, "invalid monitor type");
  }, "monitor(:process, pid_or_name): a reference; :DOWN follows the exit.");
  lib.add(E, "demonitor", 1, [](Args a) { return proc::demonitor(a[0], Term::empty_list()); }, "Removes a monitor.");
  lib.add(E, "demonitor", 2, [](Args a) { return proc::demonitor(a[0], a[1]); }, "Removes a monitor; options :flush, :info.");
  lib.add(E, "exit", 2, [](Args a) {
    proc::need_pid(a[0], 1);
    return Term::boolean(caller(":erlang.exit/2").exit(a[0], a[1]));
  }, "Sends an exit signal to pid.");
  lib.add(E, "process_flag", 2, [](Args a) { return proc::process_flag(a[0], a[1]); }, "Sets a process flag; the old value.");
  lib.add(E, "process_info", 1, [](Args a) { return proc::process_info(a[0], Term(atom::undefined)); }, "Information about a process, or :undefined.");
  lib.add(E, "process_info", 2, [](Args a) { return proc::process_info(a[0], a[1], Term(atom::undefined), true); }, "An item or a list of items about a process.");
  lib.add(E, "is_process_alive", 1, [](Args a) {
    proc::need_pid(a[0], 1);
    return Term::boolean(caller(":erlang.is_process_alive/1").node().alive(a[0].pid()));
  }, "True if the process is alive.");
  lib.add(E, "register", 2, [](Args a) { return proc::register_name(a[0], a[1]); }, "Registers pid under name (name first).");
  lib.add(E, "unregister", 1, [](Args a) { return proc::unregister_name(a[0]); }, "Removes a registered name.");
  lib.add(E, "whereis", 1, [](Args a) { return proc::whereis(a[0]); }, "The pid registered under name, or :undefined.");
  lib.add(E, "registered", 0, [](Args) { return list_of(caller(":erlang.registered/0").node().registered()); }, "The registered names.");
  lib.add(E, "processes", 0, [](Args) {
    std::vector<Term> out;
    for (Pid p : caller(":erlang.processes/0").node().processes()) out.push_back(Term(p));
    return list_of(out);
  }, "The pids of every live process.");
  lib.add(E, "send", 2, send2, "Sends msg to a pid or name; returns msg.");
  lib.add(E, "send", 3, [](Args a) { return proc::send(a[0], a[1], a[2]); }, "Sends msg with options; :ok.");
  lib.add(E, "send_after", 3, [](Args a) { return proc::send_after(a[0], a[1], a[2], Term::empty_list()); }, "send_after(time, dest, msg): a timer reference.");
  lib.add(E, "send_after", 4, [](Args a) { return proc::send_after(a[0], a[1], a[2], a[3]); }, "send_after/3 with options (abs: true).");
  lib.add(E, "cancel_timer", 1, [](Args a) { return proc::cancel_timer(a[0], Term::empty_list()); }, "Cancels a timer: ms left or false.");
  lib.add(E, "cancel_timer", 2, [](Args a) { return proc::cancel_timer(a[0], a[1]); }, "cancel_timer/1 with options.");
  lib.add(E, "read_timer", 1, [](Args a) { return proc::read_timer(a[0]); }, "The ms left on a timer, or false.");
  lib.add(E, "read_timer", 2, [](Args a) { return proc::read_timer(a[0]); }, "The ms left on a timer, or false.");
  lib.add(E, "group_leader", 0, [](Args) { return proc::group_leader(); }, "The group leader of the calling process.");
  lib.add(E, "group_leader", 2, [](Args a) { return proc::set_group_leader(a[0], a[1]); }, "group_leader(leader, pid): sets pid's group leader.");
  lib.add(E, "hibernate", 3, [](Args) -> Term {
    raise("RuntimeError", ":erlang.hibernate/3 is not supported in this shell");
  }, "Not supported in this shell.");
  lib.add(E, "yield", 0, [](Args) {
    caller(":erlang.yield/0").yield();
    return Term(atom::true_);
  }, "Lets other processes run.");
  const char* K = "Kernel";
  lib.add(K, "self", 0, self_pid, "The calling process's pid.");
  lib.add(K, "send", 2, send2, "Sends msg to a pid or name; returns msg.");
  lib.add(K, "spawn", 1, spawn1, "Spawns a process running fun.");
  lib.add(K, "spawn", 3, spawn3, "Spawns a process running apply(m, f, a).");
  lib.add(K, "spawn_link", 1, spawn_link1, "Spawns a linked process running fun.");
  lib.add(K, "spawn_link", 3, spawn_link3, "Spawns a linked process running apply(m, f, a).");
  lib.add(K, "spawn_monitor", 1, spawn_monitor1, "Spawns and monitors a process: {pid, ref}.");
  lib.add(K, "spawn_monitor", 3, spawn_monitor3, "Spawns and monitors apply(m, f, a): {pid, ref}.");
}

}  // namespace otp::shell::lib

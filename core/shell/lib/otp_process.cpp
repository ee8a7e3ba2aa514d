// Elixir's Process module over the calling process and its node (the BIFs
// are in otp_proc*.cpp). Process.sleep spends the node's clock, never the
// host's time. The process dictionary is the runtime's (Process::put/get).
// Limits: Process.hibernate/3 is not supported (RuntimeError); there is one
// node, so {name, node} forms only name local processes.
#include "shell/lib/otp_proc.hpp"

namespace otp::shell::lib {

namespace {

Term nil_if_undefined(Term t) { return t.is_atom(atom::undefined) ? Term() : t; }

Term dictionary_keys(const Term* value) {
  Term all = caller("Process.get_keys").dictionary();
  std::vector<Term> keys;
  for (const Term* c = &all; c->is_cons(); c = &c->tail())
    if (!value || c->head()[1] == *value) keys.push_back(c->head()[0]);
  return list_of(keys);
}

Term sleep(Args a) {
  std::optional<Timeout> t = timeout_arg(a[0]);
  if (!t) no_clause_for("Process", "sleep", a);
  return proc::sleep(*t);
}

Term info2(Args a) {
  if (!a[1].is_atom() && !a[1].is_list()) no_clause_for("Process", "info", a);
  return proc::process_info(a[0], a[1], Term(), false);
}

Term register_(Args a) {
  const Term& name = a[1];
  if (!name.is_atom() || name.is_atom(atom::nil) || name.is_boolean() || name.is_atom(atom::undefined))
    no_clause_for("Process", "register", a);
  try {
    return proc::register_name(name, a[0]);
  } catch (const ErlangError&) {
    raise_argument_error("could not register " + inspect(a[0]) + " with name " + inspect(name) +
                         " because it is not alive, the name is already taken, or it has already been given another name");
  }
}

}  // namespace

void add_otp_process(Library& lib) {
  const char* P = "Process";
  lib.add(P, "alive?", 1, [](Args a) {
    proc::need_pid(a[0], 1);
    return Term::boolean(caller("Process.alive?/1").node().alive(a[0].pid()));
  }, "True if the local process is alive.");
  lib.add(P, "exit", 2, [](Args a) {
    proc::need_pid(a[0], 1);
    return Term::boolean(caller("Process.exit/2").exit(a[0], a[1]));
  }, "Sends an exit signal with reason to a process (:kill cannot be trapped).");
  lib.add(P, "flag", 2, [](Args a) { return proc::process_flag(a[0], a[1]); }, "Sets a flag of the calling process (:trap_exit); returns the old value.");
  lib.add(P, "flag", 3, [](Args a) -> Term {
    proc::need_pid(a[0], 1);
    if (!a[1].is_atom() || a[1].atom().name() != "save_calls") badarg(2, "invalid process flag");
    if (!a[2].is_small() || a[2].small() < 0 || a[2].small() > 10000) badarg(3, "invalid value for this process flag");
    return Term::integer(0);
  }, "Sets :save_calls of another process (accepted, no effect).");
  lib.add(P, "info", 1, [](Args a) { return proc::process_info(a[0], Term()); }, "Information about a process as a keyword list, or nil if it is dead.");
  lib.add(P, "info", 2, info2, "One item ({item, value}) or a list of items about a process; nil if it is dead.");
  lib.add(P, "link", 1, [](Args a) {
    proc::need_pid(a[0], 1);
    caller("Process.link/1").link(a[0]);
    return Term(atom::true_);
  }, "Links the calling process to another.");
  lib.add(P, "unlink", 1, [](Args a) {
    proc::need_pid(a[0], 1);
    caller("Process.unlink/1").unlink(a[0]);
    return Term(atom::true_);
  }, "Removes the link between the calling process and another.");
  lib.add(P, "monitor", 1, [](Args a) { return proc::monitor(a[0]); }, "Monitors a pid or a name; a :DOWN message follows its exit.");
  lib.add(P, "demonitor", 1, [](Args a) { return proc::demonitor(a[0], Term::empty_list()); }, "Removes a monitor.");
  lib.add(P, "demonitor", 2, [](Args a) { return proc::demonitor(a[0], a[1]); }, "Removes a monitor; options :flush and :info.");
  lib.add(P, "register", 2, register_, "Registers a pid under a name.");
  lib.add(P, "unregister", 1, [](Args a) { return proc::unregister_name(a[0]); }, "Removes a registered name.");
  lib.add(P, "whereis", 1, [](Args a) { return nil_if_undefined(proc::whereis(a[0])); }, "The pid registered under a name, or nil.");
  lib.add(P, "registered", 0, [](Args) { return list_of(caller("Process.registered/0").node().registered()); }, "The registered names.");
  lib.add(P, "list", 0, [](Args) {
    std::vector<Term> out;
    for (Pid p : caller("Process.list/0").node().processes()) out.push_back(Term(p));
    return list_of(out);
  }, "The pids of every live process.");
  lib.add(P, "sleep", 1, sleep, "Sleeps for ms milliseconds (or :infinity) of the node's clock.");
  lib.add(P, "send", 3, [](Args a) { return proc::send(a[0], a[1], a[2]); }, "Sends a message (options :noconnect, :nosuspend); :ok.");
  lib.add(P, "send_after", 3, [](Args a) { return proc::send_after(a[2], a[0], a[1], Term::empty_list()); }, "Sends msg to dest after time ms; a timer reference.");
  lib.add(P, "send_after", 4, [](Args a) { return proc::send_after(a[2], a[0], a[1], a[3]); }, "send_after/3 with abs: true for an absolute monotonic time.");
  lib.add(P, "cancel_timer", 1, [](Args a) { return proc::cancel_timer(a[0], Term::empty_list()); }, "Cancels a timer: the ms that were left, or false.");
  lib.add(P, "cancel_timer", 2, [](Args a) { return proc::cancel_timer(a[0], a[1]); }, "cancel_timer/1 with options async: and info:.");
  lib.add(P, "read_timer", 1, [](Args a) { return proc::read_timer(a[0]); }, "The ms left on a timer, or false.");
  lib.add(P, "group_leader", 0, [](Args) { return proc::group_leader(); }, "The calling process's group leader (where its IO goes).");
  lib.add(P, "group_leader", 2, [](Args a) { return proc::set_group_leader(a[1], a[0]); }, "Sets the group leader of pid.");
  lib.add(P, "get", 0, [](Args) { return caller("Process.get/0").dictionary(); }, "The process dictionary as a list of {key, value}.");
  lib.add(P, "get", 1, [](Args a) { return nil_if_undefined(caller("Process.get/1").get(a[0])); }, "The value under key in the process dictionary, or nil.");
  lib.add(P, "get", 2, [](Args a) {
    Term v = caller("Process.get/2").get(a[0]);
    return v.is_atom(atom::undefined) ? a[1] : v;
  }, "The value under key in the process dictionary, or default.");
  lib.add(P, "put", 2, [](Args a) { return nil_if_undefined(caller("Process.put/2").put(a[0], a[1])); }, "Stores a value in the process dictionary; the old value or nil.");
  lib.add(P, "delete", 1, [](Args a) { return nil_if_undefined(caller("Process.delete/1").erase(a[0])); }, "Removes a key from the process dictionary; its value or nil.");
  lib.add(P, "get_keys", 0, [](Args) { return dictionary_keys(nullptr); }, "The keys of the process dictionary.");
  lib.add(P, "get_keys", 1, [](Args a) { return dictionary_keys(&a[0]); }, "The keys holding value in the process dictionary.");
  lib.add(P, "spawn", 2, [](Args a) { return proc::spawn_fun(a[0], a[1], 2); }, "Spawns fun with options (:link, :monitor, ...).");
  lib.add(P, "spawn", 4, [](Args a) { return proc::spawn_mfa(a[0], a[1], a[2], a[3], 4); }, "Spawns apply(m, f, a) with options.");
  lib.add(P, "hibernate", 3, [](Args) -> Term {
    raise("RuntimeError", "Process.hibernate/3 is not supported in this shell");
  }, "Not supported in this shell.");
}

}  // namespace otp::shell::lib

// Task.Supervisor: tasks started under a supervisor (a DynamicSupervisor of
// temporary children), as Elixir 1.14's. A task started with async/3 is
// also linked to its owner and answers it like Task.async; async_nolink is
// not linked (a crash only reaches the owner as the task's DOWN, so await
// exits with the task's reason while the owner lives on); start_child runs
// a fun nobody waits for.
//
// The owner learns the task's pid from the supervisor, then monitors it and
// tells it the monitor ref; the task waits for that before running its fun,
// so the reply always finds the owner's alias (Elixir's Task.Supervised does
// the same handshake).
//
// Who calls what: a process of the node (`caller` / `owner`), which waits for
// the supervisor's answer; the owner of a task started with async is the
// caller.
#pragma once
#include "runtime/node.hpp"

namespace otp::task_supervisor {

// Task.Supervisor.start_link(name: name): {:ok, pid}.
Term start_link(Process& caller, Term name = Term::empty_list());
// Task.Supervisor.async/async_nolink(sup, fun): a %Task{} for Task.await & co.
Term async(Process& owner, const Term& sup, const Term& fun);
Term async_nolink(Process& owner, const Term& sup, const Term& fun);
// Task.Supervisor.start_child(sup, fun): {:ok, pid}.
Term start_child(Process& caller, const Term& sup, const Term& fun);
// Task.Supervisor.children(sup): the pids of the running tasks.
Term children(Process& caller, const Term& sup);

}  // namespace otp::task_supervisor

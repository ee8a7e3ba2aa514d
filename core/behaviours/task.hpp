// Task: run a fun in a process of its own and collect its result, as Elixir
// 1.14's Task.async / await / yield / shutdown.
//
// Representation: a task is a Body process (it runs on a fiber of its own,
// so the fun may block: receive, sleep, nested calls) spawned linked to and
// monitored by its owner. The monitor ref is also a reply *alias* of the
// owner (OTP 24's `monitor(process, pid, [{alias, demonitor}])`): the task
// answers {ref, result} with Node::send_reply, and once the owner stops
// waiting (await timed out, shutdown, ignore) a late reply is dropped, so
// no stray message reaches the owner. The Task value is Elixir's struct
//   %Task{mfa: {:erlang, :apply, 2}, owner: pid, pid: pid, ref: ref}
// (registered with register_struct, so it prints as Elixir prints it).
//
// A task whose fun raises, or exits with a reason other than :normal,
// :shutdown or {:shutdown, _}, logs Elixir's report
//   [error] Task #PID<..> started from #PID<..> terminating
//   ** (stop) :boom          (or "** (RuntimeError) x")
//   Function: #Function<..>
//       Args: []
// and exits with that reason; being linked, a non-trapping owner dies too.
//
// Failures exit the owner as Elixir does: {:timeout | reason, {Task, :await,
// [task, timeout]}} (await_many: {Task, :await_many, [tasks, timeout]}).
// Querying a task from a process other than its owner is an ArgumentError.
// Task.Supervisor is in task_supervisor.hpp. Limits: async_stream is ordered only; the
// noconnection/nodedown cases of a distributed node do not arise here.
//
// Who calls what: every function takes the task's owner, the process that
// calls it (`owner`); only the owner may await, yield, shut down or ignore
// its tasks. detail:: is for Task.Supervisor only.
#pragma once
#include <deque>
#include <functional>
#include <optional>

#include "runtime/node.hpp"

namespace otp::task {

// Task.async/1: `fun` has arity 0 (else error :function_clause).
Term async(Process& owner, const Term& fun);
Term async(Process& owner, std::function<Term()> fun);

// Task.await/2: the result, or exits (timeout, or the task's exit reason).
Term await(Process& owner, const Term& task, Timeout timeout = Timeout{5000});
// Task.await_many/2: the results in the order of `tasks` (a list).
Term await_many(Process& owner, const Term& tasks, Timeout timeout = Timeout{5000});
// Task.yield/2: {:ok, result} | {:exit, reason} | nil (still running; the
// task can be yielded or awaited again).
Term yield(Process& owner, const Term& task, Timeout timeout = Timeout{5000});
// Task.yield_many/2: [{task, {:ok, r} | {:exit, reason} | nil}] in order.
Term yield_many(Process& owner, const Term& tasks, Timeout timeout = Timeout{5000});
// Task.shutdown/2: unlinks, exits the task with :shutdown and waits up to
// `shutdown` ms (or forever) before killing it. {:ok, reply} if it had
// replied, {:exit, reason} if it had died (:noproc once shut down), else nil.
Term shutdown(Process& owner, const Term& task, Timeout shutdown = Timeout{5000});
// Task.shutdown(task, :brutal_kill).
Term shutdown_brutal_kill(Process& owner, const Term& task);
// Task.ignore/1: unlink and stop listening: {:ok, r} | {:exit, reason} | nil.
Term ignore(Process& owner, const Term& task);

// Task.async_stream(enumerable, fun, options): a lazy stream. Each next()
// starts tasks (fun of arity 1) for the following inputs until
// `max_concurrency` run at once (Elixir's default is
// System.schedulers_online(), 1 on a node), then yields the oldest task's
// outcome, in input order (ordered: true): {:ok, r}, or {:exit, reason} for
// a task that died while the caller traps exits. A task that takes longer
// than `timeout` exits the caller with {:timeout, {Task.Supervised, :stream,
// [timeout]}} (on_timeout: :exit, the default) or is killed and yields
// {:exit, :timeout} (on_timeout: :kill_task). Inputs are pulled from
// `source` only as tasks are started, so an endless source works when the
// consumer stops early; a stream dropped early kills the tasks it started.
struct AsyncStreamOptions {
  int max_concurrency = 1;
  Timeout timeout{5000};
  bool kill_task_on_timeout = false;  // on_timeout: :kill_task
};
class AsyncStream {
 public:
  using Source = std::function<std::optional<Term>()>;
  AsyncStream(Process& owner, Source source, Term fun, AsyncStreamOptions options = {});
  AsyncStream(Process& owner, const Term& list, Term fun, AsyncStreamOptions options = {});
  AsyncStream(const AsyncStream&) = delete;
  AsyncStream& operator=(const AsyncStream&) = delete;
  ~AsyncStream();
  std::optional<Term> next();  // the next outcome, nullopt at the end

 private:
  Process& owner_;
  Source source_;
  Term fun_;
  AsyncStreamOptions options_;
  std::deque<Term> running_;
  bool source_done_ = false;
};

// Task.async_stream(list, fun) |> Enum.to_list(): every outcome, in order.
Term async_stream(Process& owner, const Term& list, const Term& fun, int max_concurrency = 1,
                  Timeout timeout = Timeout{5000});

// The struct module :"Elixir.Task" (registers the struct on first use).
const Term& task_module();

// Shared with Task.Supervisor (task_supervisor.hpp).
namespace detail {
// The body of a task process: runs `fun`, replies {ref, result} to `owner`
// through its alias, reports and exits if the fun fails.
void run_task(Process& self, Pid owner, Ref ref, const Term& fun);
// The %Task{} for a task process.
Term make_task(Pid owner, Pid pid, Ref ref);
}  // namespace detail

}  // namespace otp::task

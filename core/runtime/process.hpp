// A lightweight process: a mailbox, links, monitors and code.
//
// Two kinds of code, one semantics:
//  - a Body runs on a fiber of its own and may block anywhere (receive,
//    sleep): the plain `spawn(fn -> ... end)` process;
//  - a Handler is called by the scheduler once per message, in arrival order,
//    on the scheduler's own stack, so a process idle between messages holds
//    no stack at all (a GenServer's loop). If a handler blocks (a nested call,
//    a receive, running out of reductions) the stack it is running on becomes
//    the process's until the handler returns, and the scheduler continues on
//    another stack; nothing above this layer can tell the difference.
//
// Everything here that changes the process must only be called by the
// process itself while it runs (Process::current()); the Node's methods are
// for the host and for other processes.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "runtime/function_ref.hpp"
#include "runtime/mailbox.hpp"
#include "term/term.hpp"

namespace otp {

namespace fiber { struct Fiber; }
class Node;
class Process;

using Body = std::function<void(Process&)>;
using Handler = std::function<void(Process&, const Term&)>;

// A receive timeout in milliseconds, or infinity.
struct Timeout {
  int64_t ms;
  static constexpr Timeout infinity() { return Timeout{-1}; }
  constexpr bool is_infinity() const { return ms < 0; }
};

struct SpawnOptions {
  bool link = false;
  bool monitor = false;
  Term initial_call;  // {Module, Function, Arity}; default {:erlang, :apply, 2}
};

struct Spawned {
  Pid pid;
  std::optional<Ref> monitor;
};

class Process {
 public:
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  // The process now running on this thread's node, or nullptr on the host.
  static Process* current() noexcept;

  Pid self() const noexcept { return pid_; }
  Node& node() const noexcept { return *node_; }

  // --- messages -----------------------------------------------------------
  // Send to a pid: always succeeds (a dead pid drops the message). It never
  // throws: when the turn's reductions are spent it yields, and a kill that
  // arrives meanwhile takes effect at the next receive or consume (until
  // then, sends of the killed process are dropped). Not throwing keeps the
  // caller's frame free of landing pads, which under emscripten's JS
  // exceptions would route every send through a JS wrapper.
  void send(Pid to, Term msg) noexcept;
  // Send to a pid or a registered name (atom); an unknown name is badarg.
  // Returns msg, as Kernel.send/2 does.
  Term send(const Term& dest, Term msg);
  // Receive the first message (in arrival order) that `match` accepts; waits
  // up to `timeout` (0 = only look, infinity = forever); nullopt on timeout.
  // A negative timeout other than infinity is error(timeout_value).
  std::optional<Term> receive(FunctionRef<bool(const Term&)> match, Timeout timeout);
  Term receive();  // the next message, waiting forever
  void sleep(int64_t ms);

  // --- processes, links, monitors, exits -----------------------------------
  Spawned spawn(Body body, SpawnOptions opts = {});
  Spawned spawn_handler(Handler handler, SpawnOptions opts = {});
  void link(const Term& pid);    // badarg for a non-pid; a dead pid: noproc exit signal/message
  void unlink(const Term& pid);
  Ref monitor(const Term& pid_or_name);
  bool demonitor(Ref ref, bool flush = false);  // whether the monitor was active (erlang:demonitor info)
  bool trap_exit(bool on);       // returns the previous value
  bool trapping_exits() const noexcept { return trap_exit_; }
  [[noreturn]] void exit(Term reason);      // erlang:exit/1
  bool exit(const Term& pid, Term reason);  // erlang:exit/2: badarg for a non-pid

  // --- process dictionary ---------------------------------------------------
  Term put(Term key, Term value);  // returns the old value or :undefined
  Term get(const Term& key) const;
  Term erase(const Term& key);
  Term dictionary() const;         // [{key, value}]

  // --- time -----------------------------------------------------------------
  Ref send_after(int64_t ms, Term dest, Term msg);

  // --- scheduling -----------------------------------------------------------
  // Spend reductions; when the turn's budget runs out the process yields.
  void consume(int32_t reductions);
  void yield();
  // Spend reductions without throwing (yields when the turn is spent).
  void charge(int32_t reductions) noexcept;
  // Replace the message handler (a handler process only).
  void become(Handler handler);
  // Reply aliases (see Node::send_reply).
  void add_alias(Ref ref);
  void remove_alias(Ref ref) noexcept;
  bool has_alias(Ref ref) const noexcept;

  // Shown by Process.info as current_function ({M, F, A}).
  void set_current_function(Term mfa) { current_function_ = std::move(mfa); }

  // erlang:group_leader/0,2: where this process's I/O goes (the shell's IO
  // server, say). A spawned process inherits its parent's; Pid{} (the
  // default) means the node's log.
  Pid group_leader() const noexcept { return group_leader_; }
  void set_group_leader(Pid leader) noexcept { group_leader_ = leader; }

  // Bytes this process holds: the process itself, its queue, its stack.
  std::size_t memory_bytes() const noexcept;
  uint64_t reductions() const noexcept { return reductions_; }

  // --- read-only views for observers (the host, or any process of this node) ---
  std::size_t message_queue_len() const noexcept { return mailbox_.size(); }
  const Term& registered_name() const noexcept { return registered_name_; }  // [] when none
  const Term& current_function() const noexcept { return current_function_; }  // {M, F, A}
  const Term& initial_call() const noexcept { return initial_call_; }
  bool in_run_queue() const noexcept { return in_run_queue_; }  // Process.info's :runnable
  // The message handler of a handler process (empty for a Body process):
  // behaviours find their own loop's state through it (gen_server::peek).
  const Handler& handler() const noexcept { return handler_; }

 private:
  friend class Node;
  Process(Node* node, Pid pid);
  ~Process();

  enum class State : uint8_t { Runnable, Running, Waiting, Exiting };

  struct MonitorOut { Ref ref; Pid target; Term target_name; };  // target_name: [] or the name monitored
  struct MonitorIn { Ref ref; Pid watcher; Term target_name; };
  struct Extra {  // what most processes never need, allocated on first use
    std::vector<Pid> links;
    std::vector<MonitorOut> monitors;
    std::vector<MonitorIn> monitored_by;
    std::vector<std::pair<Term, Term>> dictionary;
    std::vector<uint64_t> aliases;
  };
  Extra& extra();
  void wait_for_message();  // block until a message, a timeout or a kill
  void check_killed();

  Node* node_;
  Pid pid_;
  Pid group_leader_{};  // inherited from the spawning process; Pid{} = the node itself
  State state_ = State::Runnable;
  bool alive_ = true;
  bool trap_exit_ = false;
  bool in_run_queue_ = false;
  bool started_ = false;       // a Body process's fiber has been entered
  bool timed_out_ = false;
  bool unwinding_ = false;     // killed while holding a stack: being unwound
  bool recv_timer_armed_ = false;  // recv_timer_ is in the node's timer heap
  bool exit_hooked_ = false;   // Node::watch_exit: run the node's exit hooks when it dies
  int32_t reds_left_ = 0;
  uint64_t reductions_ = 0;
  uint64_t recv_timer_ = 0;    // id of the pending receive timeout, 0 if none
  Process* next_run_ = nullptr;
  fiber::Fiber* fiber_ = nullptr;  // owned or borrowed stack; nullptr when idle
  Mailbox mailbox_;
  Handler handler_;
  Message* in_flight_ = nullptr;  // the message a handler is working on
  std::unique_ptr<Handler> pending_handler_;  // set by become(), installed after the handler returns
  std::unique_ptr<Body> body_;
  std::unique_ptr<Extra> extra_;
  Term registered_name_ = Term::empty_list();
  Term initial_call_;
  Term current_function_;
  Term exit_reason_;
};

}  // namespace otp

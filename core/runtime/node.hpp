// A node: one single-threaded scheduler with its processes, names and timers,
// driven by its host.
//
// The host calls run(budget): the node runs processes until none is runnable
// or the budget (in reductions) is spent, and says when the next timer is
// due. The browser worker calls it in slices so the page never waits; the
// native shell loops on it and sleeps until the next deadline. Fairness comes
// from reductions: every runtime call spends some, and a process whose turn
// budget is spent goes to the back of the run queue.
//
// Scheduling on stacks: the dispatch loop itself runs on a fiber (a "loop
// fiber"). A handler process runs on the loop fiber; if it blocks, that fiber
// is handed to it and the loop continues on another (from a pool of parked
// loop fibers). When the handler returns, its fiber parks itself as a loop
// fiber again. A Body process has a fiber of its own, entered from the loop.
//
// All methods are for the host thread that owns the node (or for processes
// of this node, which run on it). A node never throws into its host because
// of a process: exceptions end the process that raised them.
#pragma once
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <queue>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fiber/fiber.hpp"
#include "runtime/clock.hpp"
#include "runtime/crash.hpp"
#include "runtime/process.hpp"

namespace otp {

struct NodeOptions {
  // nullptr: a SteadyClock owned by the node. Tests pass a ManualClock.
  Clock* clock = nullptr;
  // Reductions a process may spend in one turn before it yields.
  int32_t turn_reductions = 4000;
  // Stack size of fibers (Body processes, loop fibers); 0: the seam's default.
  std::size_t stack_bytes = 0;
  // Where log reports go (crash reports); default: standard error.
  std::function<void(std::string_view)> log;
  // false: no crash or termination reports at all (as Logger at level
  // :none); they are not even formatted.
  bool reports = true;
};

struct RunResult {
  bool idle = false;                  // nothing runnable left
  std::optional<int64_t> next_timer;  // absolute deadline (clock ms) of the next timer
  uint64_t reductions = 0;            // spent in this call
};

struct NodeStats {
  std::size_t processes = 0;      // alive
  std::size_t process_objects = 0;  // alive or still unwinding
  std::size_t timers = 0;
  std::size_t loop_fibers = 0;
};

class Node {
 public:
  explicit Node(NodeOptions options = {});
  ~Node();  // terminates every process (reason :kill semantics) and unwinds their stacks
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  // --- driving --------------------------------------------------------------
  RunResult run(uint64_t budget);
  // Run until nothing is runnable at the current time (timers due now fire).
  void run_until_idle();
  // With a ManualClock: move time forward by `ms`, firing every timer in
  // deadline order and running the processes they wake, then run to idle.
  void advance(int64_t ms);
  Clock& clock() noexcept { return *clock_; }
  int64_t now_ms() { return clock_->now_ms(); }

  // --- processes (host or process) -------------------------------------------
  Pid spawn(Body body, SpawnOptions opts = {});
  Pid spawn_handler(Handler handler, SpawnOptions opts = {});
  void send(Pid to, Term msg) noexcept;
  Term send(const Term& dest, Term msg);  // pid or registered name; badarg otherwise
  bool exit(const Term& pid, Term reason);  // erlang:exit/2 from the host (sender: undefined)
  bool alive(Pid pid) const;
  std::vector<Pid> processes() const;  // Process.list(), in pid order
  // A live process of this node, or nullptr; for reading its Process views
  // (the observer). The pointer is valid until the node runs again.
  const Process* find(Pid pid) const noexcept { return lookup(pid); }
  std::size_t process_count() const noexcept { return alive_count_; }

  // --- names ------------------------------------------------------------------
  void register_name(const Term& name, const Term& pid);  // badarg when taken, dead, or not an atom
  void unregister_name(const Term& name);                  // badarg when not registered
  std::optional<Pid> whereis(const Term& name) const;
  std::vector<Term> registered() const;

  // --- timers ------------------------------------------------------------------
  Ref send_after(int64_t ms, Term dest, Term msg);
  std::optional<int64_t> cancel_timer(Ref ref);  // ms left, nullopt if not found
  std::optional<int64_t> read_timer(Ref ref) const;
  Ref make_ref() noexcept { return Ref{++ref_counter_}; }

  // --- inspection ----------------------------------------------------------------
  // Process.info/1: a keyword list, or :undefined (nil in Elixir) for a dead pid.
  Term process_info(const Term& pid);
  // Process.info/2: {Item, Value}, :undefined for a dead pid; badarg for an unknown item.
  Term process_info(const Term& pid, const Term& item);
  // erlang:group_leader(leader, pid): false if pid is not alive.
  bool set_group_leader(const Term& pid, Pid leader);
  NodeStats stats() const;

  // --- logging ---------------------------------------------------------------------
  void log(std::string_view text);
  // Logger's default prefix for a report: "\n12:00:00.000 [level] ", the
  // time of day from the node's clock.
  std::string log_prefix(std::string_view level);
  bool reports() const noexcept { return options_.reports; }

  // --- services owned by the node ------------------------------------------------------
  // One instance of T per node, made on first use and destroyed with the node
  // (after its processes): the module table, registries, ETS tables, ...
  template <class T>
  T& service() {
    static const char key = 0;
    auto it = services_.find(&key);
    if (it == services_.end())
      it = services_.emplace(&key, std::shared_ptr<void>(std::make_shared<T>(*this))).first;
    return *static_cast<T*>(it->second.get());
  }

  // --- exit hooks (for services) --------------------------------------------------------
  // A service whose state dies with certain processes (ETS: a table dies
  // with its owner) adds one hook per node and marks those processes. When
  // a marked process dies, the hooks run (in the order added) once it is no
  // longer alive and before its links and monitors fire, as BEAM drops a
  // dying process's ETS tables before its links and monitors: a heir's
  // ETS-TRANSFER arrives before the :DOWN, and the tables are gone by then.
  // A hook must not throw, block or switch fibers; it may send. Unmarked
  // processes pay one flag test on exit.
  using ExitHook = std::function<void(Pid)>;
  void add_exit_hook(ExitHook hook) { exit_hooks_.push_back(std::move(hook)); }
  // Marks a live process of this node for the exit hooks (no-op otherwise).
  void watch_exit(Pid pid) noexcept;

  // --- reply aliases (OTP 24+ alias semantics for calls) ---------------------------------
  // A reply sent with send_reply reaches `to` only while it still waits for
  // `ref` (between Process::add_alias and remove_alias); a late reply to a
  // caller that timed out is dropped.
  void send_reply(Pid to, Ref ref, Term msg) noexcept;

  // The node whose scheduler runs on this thread right now, if any.
  static Node* current() noexcept;

 private:
  friend class Process;
  struct Timer {  // send_after: `msg` to `dest` at `deadline`
    int64_t deadline;
    Term dest;
    Term msg;
  };
  // A heap entry: a send_after timer (in timers_, owner == Pid{}) or a
  // receive timeout of `owner` (live while owner's recv_timer_ == id).
  struct TimerKey {
    int64_t deadline;
    uint64_t id;
    Pid owner;
    bool operator>(const TimerKey& o) const {
      return deadline != o.deadline ? deadline > o.deadline : id > o.id;
    }
  };
  struct PendingExit { Pid from; Pid to; Term reason; bool from_link; };

  // scheduler (scheduler.cpp)
  static void loop_entry(void* node);
  static void body_entry(void* process);
  void dispatch();
  void dispatch_guarded();
  void handler_ended(Process* p, std::exception_ptr e);
  void end_handler_turn(Process* p);
  void run_process(Process* p);
  void run_handlers(Process* p);
  __attribute__((noinline)) void handle_messages(Process* p);
  void block_current(Process* p) noexcept;  // called on p's behalf when it must wait
  void finish_turn(Process* p);
  void enqueue(Process* p) noexcept;
  Process* dequeue();
  void switch_fiber(fiber::Fiber* from, fiber::Fiber* to) noexcept;
  void set_running(fiber::Fiber* f) noexcept;
  fiber::StackConfig stack_config() const noexcept;
  void reap() noexcept;
  bool fire_due_timers();
  Process* new_process(SpawnOptions& opts, Process* parent, Spawned* out);

  // signals (signals.cpp)
  void deliver(Process* to, Term msg) noexcept;
  void terminate(Process* p, Term reason);  // p dies with reason now
  void exit_signal(Pid from, Process* to, Term reason, bool from_link);
  void drain_exits();
  void add_link(Process* a, Process* b);
  void remove_link(Process* a, Pid b);
  Ref add_monitor(Process* watcher, const Term& target);
  bool remove_monitor(Process* watcher, Ref ref, bool flush);
  void finished(Process* p, Term reason, const CrashInfo& crash);
  void free_process(Process* p);

  // processes table
  Process* lookup(Pid pid) const noexcept;
  Process* lookup_term(const Term& pid) const;

  // timers (timers.cpp)
  uint64_t add_timer(Timer t, uint64_t id);
  void arm_receive_timer(Process* p, int64_t ms);
  void cancel_receive_timer(Process* p) noexcept;
  void arm_pending_timers();
  bool timer_live(const TimerKey& k) const noexcept;
  void push_timer(TimerKey k);
  void pop_stale_timers();
  std::optional<int64_t> next_timer_deadline();  // arms pending timeouts first
  void note_cancelled();

  std::unique_ptr<Clock> owned_clock_;
  Clock* clock_;
  NodeOptions options_;

  struct Slot { Process* proc = nullptr; uint32_t serial = 0; uint32_t next_free = 0; };
  std::vector<Slot> slots_;
  uint32_t free_slot_ = 0;  // oldest freed slot (slot 0 is never a process), 0 = none
  uint32_t free_tail_ = 0;
  std::size_t alive_count_ = 0;
  std::size_t object_count_ = 0;

  Process* run_head_ = nullptr;
  Process* run_tail_ = nullptr;
  Process* current_ = nullptr;

  fiber::Fiber* host_fiber_ = nullptr;
  fiber::Fiber* loop_fiber_ = nullptr;     // the fiber the dispatch loop runs on now
  fiber::Fiber* running_fiber_ = nullptr;  // the fiber executing right now
  // Deeper than this on the running stack, a process ends with system_limit.
  // The reserve leaves room for the crash handling itself.
  static constexpr std::uintptr_t kStackReserve = 24 * 1024;
  std::uintptr_t stack_limit_ = 0;
  std::vector<fiber::Fiber*> parked_loops_;
  std::vector<fiber::Fiber*> zombies_;     // fibers of finished processes, to release
  std::size_t loop_fibers_ = 0;
  bool in_run_ = false;
  bool shutting_down_ = false;
  int64_t budget_left_ = 0;
  uint64_t spent_ = 0;

  std::unordered_map<uint64_t, Timer> timers_;
  // A min-heap (std::push_heap with greater) of timer deadlines, where a
  // cancelled timer's entry stays until it surfaces or the heap is rebuilt.
  std::vector<TimerKey> timer_heap_;
  // Receive timeouts not yet in the heap: most are cancelled (the reply
  // came) before the scheduler next looks at timers, and then cost nothing
  // but this push. Moved to the heap before any timer is due or reported.
  std::vector<TimerKey> pending_recv_timers_;
  std::size_t armed_recv_timers_ = 0;  // receive timeouts in the heap and live
  uint64_t ref_counter_ = 0;
  // The clock as last read by the scheduler (at the start of a slice, every
  // few dozen turns, and whenever the run queue empties): receive timeouts
  // count from it, which spares a clock read per receive; they may start up
  // to those few turns early, well under the clock's millisecond resolution.
  int64_t now_cached_ = 0;

  std::unordered_map<uint32_t, Pid> names_;  // atom id -> pid

  std::vector<PendingExit> pending_exits_;
  bool draining_exits_ = false;
  MessagePool messages_;
  std::vector<ExitHook> exit_hooks_;
  std::unordered_map<const void*, std::shared_ptr<void>> services_;
};

}  // namespace otp

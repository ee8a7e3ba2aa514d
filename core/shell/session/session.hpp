// An IEx session on a node: the prompt, the evaluator process and the
// shell's IO server, independent of any terminal. The browser worker, otpsh
// and the replay tool (tools/otp_replay) all drive a node through one of
// these.
//
// Who calls what (host thread only, like the Node it lives on):
//   - The host makes the Session after the Node, calls start(), then feeds
//     typed lines with input() and drives the node (node.run / advance) as
//     usual; the session prints through `output` and asks for the next line
//     through `prompt`. Both callbacks run on the host thread, from inside
//     node.run(), and must not re-enter the node.
//   - input() may be called at any time: lines typed while an evaluation is
//     running are kept and read, in order, when the prompt comes back.
//   - interrupt() kills a running evaluation ("** (EXIT) interrupted"),
//     keeping the bindings; at a prompt it abandons unfinished input.
//   - complete() answers tab completion for the text before the cursor.
//
// Processes (as IEx has them): a server process that is the evaluator's
// group leader (an Erlang IO server: IO.puts from the shell and from every
// process spawned from it arrives there) and watches the evaluator; the
// evaluator process, which runs each input with the session's bindings and
// is `self()` at the prompt. When the evaluator dies of a signal (a linked
// process crashed, Process.exit(self(), :kill)), the server prints
// "** (EXIT from #PID<...>) shell process exited with reason: ...", the
// banner, and starts a new evaluator with no bindings at prompt 1, as IEx.
// An error raised by an input is printed and the evaluator lives on with
// its bindings; the prompt number advances only on success.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/node.hpp"

namespace otp::shell {

struct SessionOptions {
  // Everything the shell prints: results, errors, the banner, output of
  // processes whose group leader is the shell. (Log reports go where the
  // node's NodeOptions::log sends them; front ends send both to one screen.)
  std::function<void(std::string_view text)> output;
  // The shell waits for a line: "iex(3)> " or "...(3)> " (with its space).
  std::function<void(std::string_view prompt)> prompt;
  // IEx's ANSI colours (results by type, errors in red): for terminals.
  bool colors = false;
  // Print the banner at start() too (a restart always prints it).
  bool banner_at_start = true;
  // Load and start what an IEx node runs (kernel, stdlib, compiler, elixir,
  // logger, iex) before the first prompt, unless already started.
  bool boot_applications = true;
  // Print each input's result (scripts, like `elixir file.exs`, do not).
  bool print_results = true;
  // After an input fails, drop the lines still queued (a script stops at
  // its first error).
  bool stop_at_error = false;
  // Called for :observer.start() and clear(): front ends act on them.
  std::function<void()> observer_start;
  std::function<void()> clear_screen;
};

class Session {
 public:
  Session(otp::Node& node, SessionOptions options);
  ~Session();  // kills the session's processes
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Spawns the server and the first evaluator; the first prompt follows
  // once the node runs.
  void start();
  // One typed line, without its newline.
  void input(std::string_view line);
  // Stops a running evaluation, or drops unfinished multi-line input.
  void interrupt();

  // An evaluation is running (or lines are queued).
  bool busy() const noexcept;
  // The prompt number of the next input.
  uint32_t counter() const noexcept;
  // How many inputs have failed (raised, threw or exited) so far.
  uint32_t failures() const noexcept;
  // The evaluator's pid (self() at the prompt) and the server's.
  Pid evaluator() const noexcept;
  Pid server() const noexcept;

  // Tab completion of the word ending the text before the cursor: modules
  // (Enum, :ets, Chatroom.Supervisor), functions after "Mod." ("map/2"
  // style names in `candidates`), bound variables and local helpers.
  struct Completion {
    std::string insert;                   // the unambiguous text to insert (may be empty)
    std::vector<std::string> candidates;  // what to list when ambiguous
  };
  Completion complete(std::string_view before_cursor) const;

  struct State;  // the session's state (session_internal.hpp)

 private:
  otp::Node& node_;
  std::shared_ptr<State> state_;  // shared with the session's processes
};

}  // namespace otp::shell

// The playground node as the browser worker runs it: one Node on a browser
// clock, booted like a fresh IEx node with the chatroom application running,
// and one IEx Session on it. wasm/bridge.cpp is its only caller (one
// instance per worker); it is plain C++ apart from the clock, so the same
// class could back another front end.
//
// Everything the session and the node print is kept as a list of events
// until the bridge takes them: output text (results, errors, crash reports,
// IO.puts of any process led by the shell), a prompt ("iex(2)> "), a request
// to open the observer (:observer.start()) or to clear the screen (clear()).
// Consecutive output is merged into one event.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "runtime/node.hpp"
#include "shell/session/session.hpp"

namespace otp::wasm {

// performance.now() for timers, the local time of day for log stamps.
class BrowserClock final : public Clock {
 public:
  int64_t now_ms() override;
  int64_t wall_ms_of_day() override;
};

class Playground {
 public:
  // Makes the node, boots kernel/stdlib/elixir/logger/iex, loads Counter and
  // Calc and starts :chatroom, then starts the session (its banner and first
  // prompt come with the next run()).
  Playground();
  ~Playground();  // the session, then the node (its processes die)
  Playground(const Playground&) = delete;
  Playground& operator=(const Playground&) = delete;

  // One line typed at the prompt (no newline).
  void input(std::string_view line) { session_->input(line); }
  // Ctrl-C: stops the running evaluation, or drops unfinished input.
  void interrupt() { session_->interrupt(); }

  struct Status {
    bool idle = false;      // nothing runnable now
    int64_t delay_ms = -1;  // idle: when the next timer is due (-1: none)
    bool busy = false;      // an evaluation runs, or lines wait for one
  };
  // Runs the node for about `budget_ms` of wall time, in slices of
  // reductions, stopping early when nothing is runnable.
  Status run(double budget_ms);

  shell::Session::Completion complete(std::string_view before_cursor) const {
    return session_->complete(before_cursor);
  }

  // Appends the pending events as a JSON array ([["out", text], ["prompt",
  // text], ["observer"], ["clear"]]) and forgets them.
  void take_events(std::string& json);

  otp::Node& node() noexcept { return *node_; }

 private:
  enum class EventKind : char { Output, Prompt, Observer, Clear };
  struct Event {
    EventKind kind;
    std::string text;
  };
  void emit(EventKind kind, std::string_view text = {});

  BrowserClock clock_;
  std::vector<Event> events_;
  std::unique_ptr<otp::Node> node_;
  std::unique_ptr<shell::Session> session_;
};

}  // namespace otp::wasm

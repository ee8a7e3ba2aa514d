// The IEx session's state and the pieces its files share (not a public API;
// see session.hpp). Everything here runs on the node's thread: the host
// (Session's methods), the server process and the evaluator process.
#pragma once
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "shell/eval/interp.hpp"
#include "shell/iex_input.hpp"
#include "shell/session/session.hpp"

namespace otp::shell {

struct Session::State {
  otp::Node* node = nullptr;
  SessionOptions options;
  std::weak_ptr<State> weak;  // itself, for the processes that share it

  Pid server{};
  Pid evaluator{};
  Ref evaluator_monitor{};
  bool started = false;
  bool closing = false;  // the Session is being destroyed

  // Reading input.
  IexReader reader;
  std::deque<std::string> queued;  // lines typed, not read yet
  bool evaluating = false;         // an input is with the evaluator
  bool interrupting = false;       // interrupt() killed the evaluator
  bool at_prompt = false;          // the last thing shown is a prompt

  // The input being evaluated (the evaluator reads it from here).
  IexReader::Result pending;

  // What survives from one input to the next.
  uint32_t counter = 1;
  uint32_t failures = 0;
  Env bindings;
  std::vector<std::pair<std::string, Atom>> aliases;
  std::map<uint32_t, Term> history;  // prompt number -> result, for v/1
  // A restart (linked exit, respawn()) loses bindings and history, as IEx.
  void reset_for_new_evaluator() {
    counter = 1;
    bindings = Env();
    history.clear();
    reader = IexReader();
  }

  void print(std::string_view text) const {
    if (options.output) options.output(text);
  }
};

// The session that owns a process (its evaluator or server), or null: how
// the IEx helpers (v/1, flush/0, respawn/0, ...) find their session.
Session::State* session_of(const Process& p);
void register_session(otp::Node& node, Session::State* state);
void unregister_session(otp::Node& node, Session::State* state);

// Spawns a new evaluator for `st` (the caller is the server process).
void start_evaluator(Process& server, Session::State& st);

// The banner IEx prints when a shell (re)starts.
std::string session_banner();

}  // namespace otp::shell

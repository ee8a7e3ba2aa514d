// Helpers for the shell-behaviour tests (shell_behaviour_*_test.cpp): a
// process that evaluates shell inputs one after another with persistent
// bindings, as IEx's evaluator, and answers what IEx would print for each
// (the inspected result, or the error banner). Virtual time runs only as
// far as the input needs (Process.sleep, timeouts): each input runs until
// it is done, firing due timers in order, never sleeping for real.
#pragma once
#include <optional>
#include <string>

#include "node_fixture.hpp"
#include "runtime/crash.hpp"
#include "shell/eval/interp.hpp"
#include "shell/parser.hpp"
#include "shell/session/format.hpp"
#include "term/error.hpp"

namespace otp::test {

class ShellProc {
 public:
  explicit ShellProc(NodeFixture& f) : f_(f) {
    pid_ = f_.node.spawn([this](Process& self) {
      shell::Env env;
      std::vector<std::pair<std::string, Atom>> aliases;
      for (;;) {
        self.receive([](const Term& m) { return m == Term::atom("go"); }, Timeout::infinity());
        out_ = eval(env, aliases);
        done_ = true;
      }
    });
    f_.node.run_until_idle();
  }

  // Evaluates `src` (one or more expressions, e.g. a whole defmodule) and
  // returns what IEx prints for it; "<dead>" if the evaluator died.
  std::string operator()(const std::string& src) {
    src_ = src;
    done_ = false;
    out_.clear();
    if (!f_.node.alive(pid_)) return "<dead>";
    f_.node.send(pid_, Term::atom("go"));
    settle();
    if (!done_) return f_.node.alive(pid_) ? "<blocked>" : "<dead>";
    return out_;
  }

  // Runs the node until the current input is done, moving virtual time to
  // each next timer while the input waits.
  void settle() {
    for (int guard = 0; guard < 100000; ++guard) {
      f_.node.run_until_idle();
      if (done_ || !f_.node.alive(pid_)) return;
      RunResult r = f_.node.run(0);
      if (!r.next_timer) return;
      if (*r.next_timer > f_.clock.now_ms()) f_.clock.set(*r.next_timer);
    }
  }

  Pid pid() const { return pid_; }

 private:
  std::string eval(shell::Env& env, std::vector<std::pair<std::string, Atom>>& aliases) {
    shell::ParseResult pr = shell::parse(src_);
    if (!pr.complete()) return "parse: " + (pr.error ? pr.error->description : std::string("incomplete"));
    std::exception_ptr e;
    Term r;
    try {
      shell::Interp in(env, nullptr, pr.arena);
      in.set_aliases(&aliases);
      for (const shell::Node* x : pr.exprs) r = in.eval(x);
    } catch (const KillUnwind&) {
      throw;
    } catch (...) {
      e = std::current_exception();
    }
    if (!e) return inspect(r);
    try {
      std::rethrow_exception(e);
    } catch (const ErlangError& x) {
      return shell::format_banner(Atom(atom::error), x.reason, Term::empty_list());
    } catch (const ExitSignal& x) {
      return shell::format_banner(Atom::intern("exit"), x.reason, Term::empty_list());
    } catch (const ThrownValue& x) {
      return shell::format_banner(Atom::intern("throw"), x.value, Term::empty_list());
    }
  }

  NodeFixture& f_;
  Pid pid_{};
  std::string src_, out_;
  bool done_ = false;
};

// The log entries joined, for substring checks.
inline std::string joined(const std::vector<std::string>& logs) {
  std::string all;
  for (const auto& l : logs) all += l;
  return all;
}

}  // namespace otp::test

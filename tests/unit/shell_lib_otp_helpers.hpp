// A small IEx stand-in for the tests of the process and OTP-service library
// (shell_lib_otp_*_test.cpp): lines of shell source are evaluated one after
// another in one evaluator process that keeps its bindings, as IEx does,
// on a node whose clock is virtual. While a line runs, the test advances
// the clock to the next timer whenever nothing is runnable, so
// Process.sleep(50) costs no real time. A line gives what IEx would print
// for its result (inspect) or its error ("** (exit) exited in: ...").
#pragma once
#include <memory>
#include <string>

#include "node_fixture.hpp"
#include "runtime/crash.hpp"
#include "runtime/exit.hpp"
#include "shell/eval/interp.hpp"
#include "shell/parser.hpp"
#include "shell/session/format.hpp"
#include "term/error.hpp"

namespace otp::test {

struct OtpShell : NodeFixture {
  struct Line {
    std::string source, out;
    bool done = true;
  };
  std::shared_ptr<Line> line = std::make_shared<Line>();
  Pid evaluator{};

  OtpShell() { start(); }

  // Starts (or restarts, after the evaluator died) a fresh evaluator.
  void start() {
    std::shared_ptr<Line> l = line;
    evaluator = node.spawn([l](Process& self) {
      shell::Env env;
      std::vector<std::pair<std::string, Atom>> aliases;
      for (;;) {
        self.receive([](const Term& m) { return m == Term::atom("$eval"); }, Timeout::infinity());
        l->out = eval(env, aliases, l->source);
        l->done = true;
      }
    });
    node.run_until_idle();
  }

  static std::string eval(shell::Env& env, std::vector<std::pair<std::string, Atom>>& aliases, const std::string& src) {
    shell::ParseResult pr = shell::parse(src);
    if (!pr.complete()) return "parse error";
    shell::Interp in(env, nullptr, pr.arena);
    in.set_aliases(&aliases);
    try {
      Term r;
      for (const shell::Node* e : pr.exprs) r = in.eval(e);
      return inspect(r);
    } catch (const ErlangError& e) {
      if (e.arguments_info.is_map() && e.arguments_info.map_size() > 0) return error_headline(e.reason, e.arguments_info);
      return shell::format_banner(Atom(atom::error), e.reason, Term::empty_list());
    } catch (const ThrownValue& t) {
      return shell::format_banner(Atom(atom::throw_), t.value, Term::empty_list());
    } catch (const ExitSignal& x) {
      return shell::format_banner(Atom(atom::exit), x.reason, Term::empty_list());
    }
  }

  // Evaluates one line; "** (EXIT) <reason>" if the evaluator died meanwhile
  // (a linked process crashed), after which a fresh evaluator takes over.
  std::string operator()(const std::string& src) {
    line->source = src;
    line->done = false;
    node.send(evaluator, Term::atom("$eval"));
    for (int spins = 0; spins < 100000; ++spins) {
      RunResult r = node.run(1u << 30);
      if (line->done) break;
      if (!node.alive(evaluator)) {
        std::string out = "** (EXIT) died";
        start();
        return out;
      }
      if (r.idle && r.next_timer) node.advance(std::max<int64_t>(0, *r.next_timer - node.now_ms()));
      else if (r.idle) return "** still running (blocked)";
    }
    node.run_until_idle();
    return line->out;
  }

  // Lets the node run for ms of virtual time (IEx's settle between inputs).
  void wait(int64_t ms) { node.advance(ms); }
};

}  // namespace otp::test

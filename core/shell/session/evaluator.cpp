// The IEx session's evaluator process: runs each complete input with the
// session's bindings and prints its result or error through its group
// leader (the session's server), as IEx.Evaluator does.
#include <exception>
#include <optional>

#include "runtime/crash.hpp"
#include "runtime/exit.hpp"
#include "shell/lib/errors.hpp"
#include "shell/lib/io.hpp"
#include "shell/session/format.hpp"
#include "shell/session/session_internal.hpp"
#include "term/error.hpp"

namespace otp::shell {

Term dont_display_result();  // helpers.cpp

namespace {

// h/1 is a macro in IEx: `h Enum.map` and `h Enum.map/2` name a function
// without calling it. Returns the fun or module term to document, or
// nothing when `e` is not such a call.
std::optional<Term> help_subject(const shell::Node* e) {
  if (e->kind != NodeKind::LocalCall || e->name.name() != "h" || e->args().size() != 1) return std::nullopt;
  const shell::Node* a = e->args()[0];
  int64_t arity = -1;
  if (a->kind == NodeKind::BinaryOp && a->op == Op::Div && a->kid(1)->kind == NodeKind::Literal &&
      a->kid(1)->value.is_small()) {
    arity = a->kid(1)->value.small();
    a = a->kid(0);
  }
  if (a->kind != NodeKind::RemoteCall || !a->args().empty() || !a->has(kNoParens)) return std::nullopt;
  const shell::Node* target = a->target();
  Term mod = target->kind == NodeKind::Alias ? target->value
             : (target->kind == NodeKind::Literal && target->value.is_atom()) ? target->value
                                                                                : Term();
  if (!mod.is_atom() || mod.is_atom(atom::nil)) return std::nullopt;
  return Term::tuple({mod, Term(a->name), Term::integer(arity)});
}

std::string warning_text(const Warning& w) {
  std::string where = "iex:" + std::to_string(w.line);
  if (w.column) where += ":" + std::to_string(w.column);
  return "warning: " + w.text + "\n  " + where + "\n\n";
}

// What IEx prints for an error escaping an input: the banner, then the
// stack trace (an empty one prints as an empty line).
std::string error_text(std::exception_ptr e, bool* killed) {
  Atom kind{};
  Term reason, stack = Term::empty_list();
  std::string banner;
  try {
    std::rethrow_exception(e);
  } catch (const KillUnwind&) {
    *killed = true;
    return "";
  } catch (const ErlangError& x) {
    kind = Atom(atom::error);
    reason = x.reason;
    if (x.stacktrace.is_list()) stack = x.stacktrace;
    if (x.arguments_info.is_map() && x.arguments_info.map_size() > 0) banner = error_headline(x.reason, x.arguments_info);
  } catch (const ExitSignal& x) {
    kind = Atom(atom::exit);
    reason = x.reason;
  } catch (const ThrownValue& x) {
    kind = Atom::intern("throw");
    reason = x.value;
  } catch (const std::exception& x) {
    kind = Atom(atom::error);
    reason = is_system_limit(x) ? Term(atom::system_limit)
                                : Term::tuple({Term(atom::cpp_exception), Term::binary(x.what())});
  }
  if (banner.empty()) {
    // IEx blames an error before printing it (": 1 / 0", "Did you mean").
    if (kind == Atom(atom::error)) reason = blame_exception(reason, stack);
    banner = format_banner(kind, reason, stack);
    // IEx pads a FunctionClauseError's blame (the arguments and clauses).
    if (banner.rfind("** (FunctionClauseError)", 0) == 0) {
      std::string padded;
      for (char c : banner) {
        padded += c;
        if (c == '\n') padded += "    ";
      }
      banner = std::move(padded);
    }
  }
  // IEx prunes the evaluator's own frames (erl_eval's, on BEAM).
  std::vector<Term> kept;
  for (const Term* c = &stack; c->is_cons(); c = &c->tail()) {
    const Term& f = c->head();
    if (f.is_tuple() && f.tuple_size() >= 3 && f[0].is_atom() && f[0].atom().name() == "erl_eval") continue;
    kept.push_back(f);
  }
  stack = Term::list(std::span<const Term>(kept));
  std::string trace = stack.is_cons() ? format_stacktrace(stack) : "\n";
  if (!banner.empty() && banner.back() == '\n') banner.pop_back();
  return banner + "\n" + trace;
}

// Runs one input; returns whether it succeeded.
bool evaluate(Process& self, Session::State& st) {
  IexReader::Result input = std::move(st.pending);
  st.pending = IexReader::Result{};
  for (const Warning& w : input.parse.warnings) io::put_chars(self, warning_text(w));

  const std::size_t mark = st.bindings.mark();
  std::string text;
  bool ok = false, killed = false;
  Term result(atom::nil);
  std::exception_ptr failure;
  try {
    Interp in(st.bindings, nullptr, input.parse.arena);
    in.set_aliases(&st.aliases);
    for (const shell::Node* e : input.parse.exprs) {
      if (auto subject = help_subject(e)) {
        result = Interp::call_remote(Atom::intern("Elixir.IEx.Helpers"), Atom::intern("h"), {*subject});
        continue;
      }
      result = in.eval(e);
    }
    ok = true;
  } catch (const KillUnwind&) {
    throw;
  } catch (...) {
    failure = std::current_exception();
  }
  if (ok) {
    // Let what the input started run first, as on a multi-core BEAM: a
    // linked process that dies at once takes the shell down before it
    // prints (spawn_link(fn -> exit(:boom) end)).
    self.yield();
    std::vector<Binding> kept = st.bindings.visible();
    st.bindings = Env();
    for (Binding& b : kept) st.bindings.bind(b.name, std::move(b.value));
    st.history[st.counter] = result;
    if (st.options.print_results && !(result == dont_display_result())) {
      text = inspect(result);
      if (st.options.colors) text = "\x1b[33m" + text + "\x1b[0m";  // IEx's eval_result colour
      text += "\n";
    }
    ++st.counter;
  } else {
    st.bindings.reset(mark);
    st.reader.evaluation_failed();
    ++st.failures;
    if (st.options.stop_at_error) st.queued.clear();
    text = error_text(failure, &killed);
    if (st.options.colors && !text.empty()) text = "\x1b[31m" + text + "\x1b[0m";  // eval_error
    failure = nullptr;
  }
  if (!text.empty()) io::put_chars(self, text);
  return ok;
}

void evaluator_body(std::shared_ptr<Session::State> sp, Process& self) {
  static const Term eval_tag = Term::atom("$iex_eval"), done = Term::atom("$iex_done");
  for (;;) {
    self.receive([&](const Term& m) { return m.is_tuple() && m.tuple_size() == 2 && m[0] == eval_tag; },
                 Timeout::infinity());
    Session::State& st = *sp;
    evaluate(self, st);
    if (st.server != Pid{}) self.send(st.server, Term::tuple({done, Term(self.self())}));
  }
}

}  // namespace

void start_evaluator(Process& server, Session::State& st) {
  std::shared_ptr<Session::State> sp = st.weak.lock();
  Spawned s = server.spawn([sp](Process& self) { evaluator_body(sp, self); },
                           SpawnOptions{.link = false, .monitor = true, .initial_call = {}});
  st.evaluator = s.pid;
  st.evaluator_monitor = *s.monitor;
  server.node().set_group_leader(Term(s.pid), server.self());
}

}  // namespace otp::shell

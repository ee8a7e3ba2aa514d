// Task.async_stream as a lazy, ordered stream (see task.hpp): a window of
// at most max_concurrency tasks, refilled from the source as outcomes are
// taken, as Task.Supervised.stream does with ordered: true.
#include <exception>

#include "behaviours/gen.hpp"
#include "behaviours/task.hpp"
#include "runtime/exit.hpp"
#include "term/error.hpp"
#include "term/fun.hpp"

namespace otp::task {

namespace {

AsyncStream::Source list_source(const Term& list) {
  if (!list.is_list()) throw ErlangError(Term(atom::badarg));
  return [rest = list]() mutable -> std::optional<Term> {
    if (!rest.is_cons()) return std::nullopt;
    Term x = rest.head();
    Term tail = rest.tail();
    rest = std::move(tail);
    return x;
  };
}

}  // namespace

AsyncStream::AsyncStream(Process& owner, Source source, Term fun, AsyncStreamOptions options)
    : owner_(owner), source_(std::move(source)), fun_(std::move(fun)), options_(options) {
  if (!fun_.is_fun() || fun_.fun().arity() != 1) throw ErlangError(Term(atom::function_clause));
  if (options_.max_concurrency < 1) throw ErlangError(Term(atom::badarg));
}

AsyncStream::AsyncStream(Process& owner, const Term& list, Term fun, AsyncStreamOptions options)
    : AsyncStream(owner, list_source(list), std::move(fun), options) {}

AsyncStream::~AsyncStream() {
  // Halted early: the tasks still running are killed, as Elixir's stream
  // does when its consumer stops. While unwinding (the owner is exiting) the
  // links take them down instead, and nothing here may block.
  if (std::uncaught_exceptions() > 0) return;
  for (const Term& t : running_) shutdown_brutal_kill(owner_, t);
}

std::optional<Term> AsyncStream::next() {
  const auto window = static_cast<std::size_t>(options_.max_concurrency);
  while (!source_done_ && running_.size() < window) {
    std::optional<Term> x = source_();
    if (!x) {
      source_done_ = true;
      break;
    }
    Term fun = fun_;
    running_.push_back(async(owner_, make_fun(Atom::intern("Elixir.Task"), "async_stream/3", 0,
                                              [fun, item = std::move(*x)](std::span<const Term>) {
                                                return apply_fun(fun, std::span<const Term>(&item, 1));
                                              })));
  }
  if (running_.empty()) return std::nullopt;
  Term r = yield(owner_, running_.front(), options_.timeout);
  if (r.is_atom(atom::nil)) {
    if (options_.kill_task_on_timeout) {
      shutdown_brutal_kill(owner_, running_.front());
      running_.pop_front();
      return Term::tuple({Term(atom::exit), Term(atom::timeout)});
    }
    for (const Term& t : running_) shutdown_brutal_kill(owner_, t);
    running_.clear();
    static const Term supervised = Term::atom("Elixir.Task.Supervised");
    throw ExitSignal{Term::tuple({Term(atom::timeout), Term::tuple({supervised, Term::atom("stream"),
                                                                    Term::list({gen::timeout_term(options_.timeout)})})})};
  }
  running_.pop_front();
  return r;
}

Term async_stream(Process& self, const Term& list, const Term& fun, int max_concurrency, Timeout timeout) {
  AsyncStreamOptions o;
  o.max_concurrency = max_concurrency;
  o.timeout = timeout;
  AsyncStream stream(self, list, fun, o);
  std::vector<Term> out;
  while (std::optional<Term> r = stream.next()) out.push_back(std::move(*r));
  return Term::list(std::span<const Term>(out));
}

}  // namespace otp::task

// Funs of arity 2 and %Stream{} as enumerables (see enumerable.hpp):
// lazy funs made in C++ (LazyFun), Stream stages (StageFun), and Elixir's
// protocol for any other fun, with {:suspend, acc} when a cursor is needed.
#include <utility>

#include "shell/lib/enumerable.hpp"
#include "shell/lib/enumerable_detail.hpp"
#include "shell/lib/support.hpp"
#include "term/error.hpp"

namespace otp::shell::enumerable {

namespace {

// Elixir's Stream module hash, so funs print as Elixir's do.
constexpr uint32_t kStreamUniq = 103858489;

struct Tags {
  Term cont = Term::atom("cont"), halt = Term::atom("halt"), suspend = Term::atom("suspend");
  Term done = Term::atom("done"), halted = Term::atom("halted"), suspended = Term::atom("suspended");
  Term enum_ = Term::atom("enum"), funs = Term::atom("funs"), accs = Term::atom("accs"), done_field = Term::atom("done");
  Atom stream = Atom::intern("Elixir.Stream");
  Atom enumerable = Atom::intern("Elixir.Enumerable");
};
const Tags& tags() {
  static const Tags t;
  return t;
}

// Elixir's reduce over a cursor: command {:cont | :halt | :suspend, acc}.
Term run_protocol(const std::shared_ptr<Cursor>& c, Term command, const Term& reducer, Atom module) {
  const Tags& k = tags();
  for (;;) {
    if (!command.is_tuple() || command.tuple_size() != 2) throw ErlangError(Term(atom::function_clause));
    Term acc = command[1];
    if (command[0] == k.halt) {
      c->close();
      return Term::tuple({k.halted, acc});
    }
    if (command[0] == k.suspend) {
      Term continuation = make_fun(module, "do_resource/5", 1, [c, reducer, module](std::span<const Term> a) {
        return run_protocol(c, a[0], reducer, module);
      });
      return Term::tuple({k.suspended, acc, continuation});
    }
    if (command[0] != k.cont) throw ErlangError(Term(atom::function_clause));
    Term x;
    if (!c->next(&x)) return Term::tuple({k.done, acc});
    command = lib::call(reducer, x, acc);
  }
}

class LazyFun final : public FunObject {
 public:
  LazyFun(Atom module, std::string origin, uint32_t index, Opener opener)
      : FunObject(module, std::move(origin), 2, false, index, kStreamUniq), opener_(std::move(opener)) {}
  Term call(std::span<const Term> args) const override {
    std::shared_ptr<Cursor> c = opener_();
    return run_protocol(c, args[0], args[1], module());
  }
  CursorPtr open() const { return opener_(); }

 private:
  Opener opener_;
};

class StageFun final : public FunObject {
 public:
  StageFun(std::string origin, uint32_t index, Wrap wrap)
      : FunObject(tags().stream, std::move(origin), 1, false, index, kStreamUniq), wrap_(std::move(wrap)) {}
  CursorPtr wrap(CursorPtr inner) const { return wrap_(std::move(inner)); }

 private:
  Wrap wrap_;
};

// Any other fun of arity 2, pulled one element at a time: the reducer
// suspends after each element and the continuation resumes it.
class SuspendCursor final : public Cursor {
 public:
  explicit SuspendCursor(Term fun) : fun_(std::move(fun)) {}
  bool next(Term* out) override {
    if (done_) return false;
    const Tags& k = tags();
    if (!started_) {
      reducer_ = make_fun(k.enumerable, "reduce/3", 2, [](std::span<const Term> a) {
        return Term::tuple({tags().suspend, a[0]});
      });
    }
    Term command = Term::tuple({k.cont, Term()});
    Term r = started_ ? apply_fun(continuation_, std::span<const Term>(&command, 1))
                      : lib::call(fun_, command, reducer_);
    started_ = true;
    if (r.is_tuple() && r.tuple_size() == 3 && r[0] == k.suspended) {
      *out = r[1];
      continuation_ = r[2];
      return true;
    }
    done_ = true;
    return false;
  }
  void close() override {
    if (!started_ || done_) return;
    done_ = true;
    Term command = Term::tuple({tags().halt, Term()});
    apply_fun(continuation_, std::span<const Term>(&command, 1));
  }

 private:
  Term fun_, continuation_, reducer_;
  bool started_ = false, done_ = false;
};

class GeneratorCursor final : public Cursor {
 public:
  GeneratorCursor(std::function<std::optional<Term>()> next, std::function<void()> close)
      : next_(std::move(next)), close_(std::move(close)) {}
  bool next(Term* out) override {
    if (done_) return false;
    std::optional<Term> x = next_();
    if (!x) {
      done_ = true;
      return false;
    }
    *out = std::move(*x);
    return true;
  }
  void close() override {
    if (done_) return;
    done_ = true;
    if (close_) close_();
  }

 private:
  std::function<std::optional<Term>()> next_;
  std::function<void()> close_;
  bool done_ = false;
};

class StreamCursor final : public Cursor {
 public:
  explicit StreamCursor(CursorPtr inner) : inner_(std::move(inner)) {}
  bool next(Term* out) override { return inner_->next(out); }
  void close() override { inner_->close(); }

 private:
  CursorPtr inner_;
};

}  // namespace

namespace detail {

bool is_lazy(const Term& fun) noexcept { return dynamic_cast<const LazyFun*>(&fun.fun()) != nullptr; }

CursorPtr open_fun(const Term& fun) {
  if (const auto* lazy = dynamic_cast<const LazyFun*>(&fun.fun())) return lazy->open();
  return std::make_unique<SuspendCursor>(fun);
}

bool each_foreign(const Term& fun, FunctionRef<bool(const Term&)> f) {
  const Tags& k = tags();
  Term reducer = make_fun(k.enumerable, "reduce/3", 2, [&f](std::span<const Term> a) {
    lib::tick();
    return Term::tuple({f(a[0]) ? tags().cont : tags().halt, a[1]});
  });
  Term command = Term::tuple({k.cont, Term()});
  Term r = lib::call(fun, command, reducer);
  return !(r.is_tuple() && r.tuple_size() >= 1 && r[0] == k.halted);
}

CursorPtr open_stream(const Term& stream) {
  const Tags& k = tags();
  std::vector<const StageFun*> stages;
  for (const Term* c = stream.map_get(k.funs); c && c->is_cons(); c = &c->tail()) {
    const auto* s = c->head().is_fun() ? dynamic_cast<const StageFun*>(&c->head().fun()) : nullptr;
    if (!s) raise_argument_error("a %Stream{} stage that this shell did not make: " + inspect(c->head()));
    stages.push_back(s);
  }
  CursorPtr cursor = open(*stream.map_get(k.enum_));
  for (auto it = stages.rbegin(); it != stages.rend(); ++it) cursor = (*it)->wrap(std::move(cursor));
  return std::make_unique<StreamCursor>(std::move(cursor));
}

}  // namespace detail

CursorPtr generator(std::function<std::optional<Term>()> next, std::function<void()> close) {
  return std::make_unique<GeneratorCursor>(std::move(next), std::move(close));
}

Term make_lazy(Atom module, std::string origin, uint32_t index, Opener opener) {
  return Term::fun(new LazyFun(module, std::move(origin), index, std::move(opener)));
}

Term add_stage(const Term& enumerable, std::string origin, uint32_t index, Wrap wrap, std::optional<Term> acc) {
  const Tags& k = tags();
  Term stage = Term::fun(new StageFun(std::move(origin), index, std::move(wrap)));
  if (is_stream(enumerable) && enumerable.map_get(k.done_field)->is_atom(atom::nil)) {
    Term s = enumerable.map_put(k.funs, Term::cons(stage, *enumerable.map_get(k.funs)));
    if (acc) s = s.map_put(k.accs, Term::cons(std::move(*acc), *enumerable.map_get(k.accs)));
    return s;
  }
  Term accs = acc ? Term::list({std::move(*acc)}) : Term::empty_list();
  return Term::map({{Term(atom::__struct__), Term(k.stream)},
                    {k.enum_, enumerable},
                    {k.funs, Term::list({stage})},
                    {k.accs, accs},
                    {k.done_field, Term()}});
}

}  // namespace otp::shell::enumerable

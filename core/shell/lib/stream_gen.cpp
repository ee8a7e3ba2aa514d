// Stream's generators and combinators: iterate, cycle, unfold, repeatedly,
// resource, interval, timer, concat, flat_map, transform, intersperse, zip,
// zip_with, run. Each is a lazy fun of arity 2 (make_lazy), printed as
// Elixir prints its Stream fun (`#Function<63.103858489/2 in
// Stream.unfold/2>`); state lives in the cursor made per enumeration.
#include "shell/lib/cursors.hpp"
#include "term/error.hpp"

namespace otp::shell::lib {

namespace {

Atom stream_module() {
  static const Atom m = Atom::intern("Elixir.Stream");
  return m;
}
Term lazy(const char* origin, uint32_t index, enumerable::Opener opener) {
  return enumerable::make_lazy(stream_module(), origin, index, std::move(opener));
}

void need_fun(const char* name, Args a, std::size_t at, uint32_t arity) {
  if (!is_fun(a[at], arity)) raise_function_clause("Stream", name, std::vector<Term>(a.begin(), a.end()));
}

Term call0(const Term& f) {
  tick();
  return apply_fun(f, {});
}

// unfold/2's step: nil ends, {x, acc} emits x.
bool unfold_step(const Term& r, Term* out, Term* acc) {
  if (r.is_atom(atom::nil)) return false;
  if (!r.is_tuple() || r.tuple_size() != 2) raise_clause_error("CaseClauseError", r);
  *out = r[0];
  *acc = r[1];
  return true;
}

// Elements of a sequence of enumerables, one after the other; `next_inner`
// yields the next enumerable (false when there is none).
template <class F>
class FlatCursor final : public Cursor {
 public:
  explicit FlatCursor(F next_inner) : next_inner_(std::move(next_inner)) {}
  bool next(Term* out) override {
    for (;;) {
      if (inner_ && inner_->next(out)) return true;
      inner_.reset();
      Term e;
      if (!next_inner_(&e)) return false;
      inner_ = enumerable::open(e);
    }
  }
  void close() override {
    if (inner_) inner_->close();
    next_inner_.close();
  }

 private:
  F next_inner_;
  CursorPtr inner_;
};

// The outer enumerable of a flat_map-like stream, mapping each element.
struct MappedOuter {
  CursorPtr outer;
  Term f;  // nil: the element itself is the inner enumerable
  bool operator()(Term* e) {
    Term x;
    if (!outer->next(&x)) return false;
    *e = f.is_fun() ? call(f, x) : x;
    return true;
  }
  void close() { outer->close(); }
};

// Stream.transform/3: reducer(x, acc) -> {enumerable, acc} | {:halt, acc}.
struct TransformOuter {
  CursorPtr outer;
  Term f, acc;
  bool halted = false;
  bool operator()(Term* e) {
    Term x;
    if (halted || !outer->next(&x)) return false;
    Term r = call(f, x, acc);
    if (!r.is_tuple() || r.tuple_size() != 2) raise_clause_error("CaseClauseError", r);
    acc = r[1];
    if (r[0].is_atom(Atom::intern("halt"))) {
      halted = true;
      outer->close();
      return false;
    }
    *e = r[0];
    return true;
  }
  void close() {
    if (!halted) outer->close();
  }
};

template <class F>
CursorPtr flat_cursor(F f) {
  return std::make_unique<FlatCursor<F>>(std::move(f));
}

class ResourceCursor final : public Cursor {
 public:
  ResourceCursor(Term start, Term next, Term after) : start_(std::move(start)), next_(std::move(next)), after_(std::move(after)) {}
  bool next(Term* out) override {
    if (!started_) {
      acc_ = call0(start_);
      started_ = true;
    }
    for (;;) {
      if (i_ < buf_.size()) {
        *out = buf_[i_++];
        return true;
      }
      if (finished_) return false;
      Term r = call(next_, acc_);
      if (!r.is_tuple() || r.tuple_size() != 2) raise_clause_error("TryClauseError", r);
      acc_ = r[1];
      if (r[0].is_atom(Atom::intern("halt"))) {
        close();
        return false;
      }
      buf_ = enumerable::to_vector(r[0]);
      i_ = 0;
    }
  }
  void close() override {
    if (!started_ || finished_) return;
    finished_ = true;
    call(after_, acc_);
  }

 private:
  Term start_, next_, after_, acc_;
  std::vector<Term> buf_;
  std::size_t i_ = 0;
  bool started_ = false, finished_ = false;
};

// Stream.zip_with over cursors: stops at the shortest, closing the others.
CursorPtr zip_cursor(std::vector<Term> enums, Term f, bool as_list) {
  std::vector<CursorPtr> cs;
  for (const Term& e : enums) cs.push_back(enumerable::open(e));
  return gen_cursor([cs = std::move(cs), f, as_list, done = false](Term* out) mutable {
    if (done || cs.empty()) return false;
    std::vector<Term> xs(cs.size());
    for (std::size_t i = 0; i < cs.size(); ++i) {
      if (!cs[i]->next(&xs[i])) {
        done = true;
        for (std::size_t j = 0; j < cs.size(); ++j)
          if (j != i) cs[j]->close();
        return false;
      }
    }
    if (!f.is_fun()) *out = as_list ? list_of(xs) : Term::tuple(std::span<const Term>(xs));
    else if (as_list) *out = call(f, list_of(xs));
    else *out = call(f, xs[0], xs[1]);
    return true;
  });
}

Term interval(int64_t ms) {
  return lazy("unfold/2", 63, [ms]() {
    return gen_cursor([ms, n = int64_t{0}](Term* out) mutable {
      if (Process* p = Process::current()) p->sleep(ms);
      *out = Term::integer(n++);
      return true;
    });
  });
}

}  // namespace

void add_stream_generators(Library& lib) {
  lib.add("Stream", "iterate", 2, [](Args a) {
    need_fun("iterate", a, 1, 1);
    Term start = a[0], f = a[1];
    return lazy("unfold/2", 63, [start, f]() {
      return gen_cursor([f, cur = start, first = true](Term* out) mutable {
        if (!first) cur = call(f, cur);
        first = false;
        *out = cur;
        return true;
      });
    });
  }, "An infinite stream: start, f(start), f(f(start)), ...");
  lib.add("Stream", "cycle", 1, [](Args a) {
    if (a[0].is_nil_list()) raise_argument_error("cannot cycle over an empty enumerable");
    Term e = a[0];
    if (!enumerable::is_enumerable(e)) enumerable::raise_not_enumerable(e);
    return lazy("unfold/2", 63, [e]() {
      return gen_cursor([e, c = CursorPtr(), empty_pass = true](Term* out) mutable {
        for (;;) {
          if (!c) c = enumerable::open(e);
          if (c->next(out)) {
            empty_pass = false;
            return true;
          }
          if (empty_pass) raise_argument_error("cannot cycle over an empty enumerable");
          c.reset();
          empty_pass = true;
        }
      });
    });
  }, "Repeats the enumerable forever.");
  lib.add("Stream", "unfold", 2, [](Args a) {
    need_fun("unfold", a, 1, 1);
    Term acc0 = a[0], f = a[1];
    return lazy("unfold/2", 63, [acc0, f]() {
      return gen_cursor([f, acc = acc0, over = false](Term* out) mutable {
        if (over) return false;
        over = !unfold_step(call(f, acc), out, &acc);
        return !over;
      });
    });
  }, "Emits values from fun(acc) -> {value, next_acc} until it returns nil.");
  lib.add("Stream", "repeatedly", 1, [](Args a) {
    need_fun("repeatedly", a, 0, 0);
    Term f = a[0];
    return lazy("repeatedly/1", 51, [f]() {
      return gen_cursor([f](Term* out) {
        *out = call0(f);
        return true;
      });
    });
  }, "An infinite stream of fun.() results.");
  lib.add("Stream", "resource", 3, [](Args a) {
    if (!is_fun(a[0], 0) || !is_fun(a[1], 1) || !is_fun(a[2], 1))
      raise_function_clause("Stream", "resource", std::vector<Term>(a.begin(), a.end()));
    Term s = a[0], n = a[1], f = a[2];
    return lazy("resource/3", 52, [s, n, f]() -> CursorPtr { return std::make_unique<ResourceCursor>(s, n, f); });
  }, "Emits from next_fun(acc) -> {elements, acc} | {:halt, acc}; after_fun(acc) at the end.");
  lib.add("Stream", "interval", 1, [](Args a) {
    if (!a[0].is_small() || a[0].small() < 0) no_clause("Stream", "interval", {a[0]});
    return interval(a[0].small());
  }, "Emits 0, 1, 2, ... sleeping n ms before each.");
  lib.add("Stream", "timer", 1, [](Args a) {
    if (!a[0].is_small() || a[0].small() < 0) no_clause("Stream", "timer", {a[0]});
    Term one[2] = {interval(a[0].small()), Term::integer(1)};
    return builtins().find(Atom::intern("Elixir.Stream"), Atom::intern("take"), 2)->fn(std::span<const Term>(one));
  }, "Emits 0 after n ms, then ends.");
  lib.add("Stream", "concat", 1, [](Args a) {
    Term es = a[0];
    return lazy("transform/3", 60, [es]() { return flat_cursor(MappedOuter{enumerable::open(es), Term()}); });
  }, "Lazily concatenates an enumerable of enumerables.");
  lib.add("Stream", "concat", 2, [](Args a) {
    Term es = Term::list({a[0], a[1]});
    return lazy("transform/3", 60, [es]() { return flat_cursor(MappedOuter{enumerable::open(es), Term()}); });
  }, "Lazily concatenates two enumerables.");
  lib.add("Stream", "flat_map", 2, [](Args a) {
    need_fun("flat_map", a, 1, 1);
    Term e = a[0], f = a[1];
    return lazy("transform/3", 60, [e, f]() { return flat_cursor(MappedOuter{enumerable::open(e), f}); });
  }, "Lazily maps fun and flattens one level.");
  lib.add("Stream", "transform", 3, [](Args a) {
    need_fun("transform", a, 2, 2);
    Term e = a[0], acc = a[1], f = a[2];
    return lazy("transform/3", 60, [e, acc, f]() { return flat_cursor(TransformOuter{enumerable::open(e), f, acc}); });
  }, "Lazily emits the enumerables of reducer(x, acc) -> {enum, acc} | {:halt, acc}.");
  lib.add("Stream", "intersperse", 2, [](Args a) {
    Term e = a[0], sep = a[1];
    return lazy("transform/3", 60, [e, sep]() {
      return stage_cursor(enumerable::open(e), [sep, first = true, pending = std::optional<Term>()](Cursor& c, Term* out) mutable {
        if (pending) {
          *out = std::move(*pending);
          pending.reset();
          return true;
        }
        Term x;
        if (!c.next(&x)) return false;
        if (first) {
          first = false;
          *out = x;
          return true;
        }
        pending = x;
        *out = sep;
        return true;
      });
    });
  }, "Lazily puts separator between elements.");
  lib.add("Stream", "zip", 2, [](Args a) {
    std::vector<Term> es{a[0], a[1]};
    return lazy("zip_with/2", 73, [es]() { return zip_cursor(es, Term(), false); });
  }, "Lazily zips two enumerables into tuples, up to the shortest.");
  lib.add("Stream", "zip", 1, [](Args a) {
    std::vector<Term> es = enumerable::to_vector(a[0]);
    return lazy("zip_with/2", 73, [es]() { return zip_cursor(es, Term(), false); });
  }, "Lazily zips enumerables into tuples, up to the shortest.");
  lib.add("Stream", "zip_with", 3, [](Args a) {
    need_fun("zip_with", a, 2, 2);
    std::vector<Term> es{a[0], a[1]};
    Term f = a[2];
    return lazy("zip_with/2", 73, [es, f]() { return zip_cursor(es, f, false); });
  }, "Lazily zips two enumerables with fun.(x, y).");
  lib.add("Stream", "zip_with", 2, [](Args a) {
    need_fun("zip_with", a, 1, 1);
    std::vector<Term> es = enumerable::to_vector(a[0]);
    Term f = a[1];
    return lazy("zip_with/2", 73, [es, f]() { return zip_cursor(es, f, true); });
  }, "Lazily zips enumerables with fun.([x, y, ...]).");
  lib.add("Stream", "run", 1, [](Args a) {
    enumerable::each(a[0], [](const Term&) { return true; });
    return Term(atom::ok);
  }, "Runs the stream for its side effects; returns :ok.");
}

}  // namespace otp::shell::lib

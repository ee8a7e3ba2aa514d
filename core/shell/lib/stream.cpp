// Stream's stages: map, filter, take, drop, with_index, chunk_every, ...
// Each returns %Stream{} with one more stage, as Elixir 1.14 does (the
// stage funs print with Elixir's names: `#Function<48.103858489/1 in
// Stream.map/2>`); nothing runs until the stream is enumerated.
#include "shell/lib/cursors.hpp"

namespace otp::shell::lib {

namespace {

using enumerable::add_stage;

void need_fun(const char* name, Args a, std::size_t fun_at, uint32_t arity) {
  if (!is_fun(a[fun_at], arity)) raise_function_clause("Stream", name, std::vector<Term>(a.begin(), a.end()));
}

// map/filter/reject/each/take_while/drop_while: a stage around one fun.
enum class Kind { Map, Filter, Reject, Each, TakeWhile, DropWhile };

Term fun_stage(Args a, const char* name, Kind kind, uint32_t index) {
  need_fun(name, a, 1, 1);
  Term f = a[1];
  return add_stage(a[0], std::string(name) + "/2", index, [f, kind](CursorPtr in) {
    return stage_cursor(std::move(in), [f, kind, dropping = true, over = false](Cursor& c, Term* out) mutable {
      if (over) return false;
      Term x;
      while (c.next(&x)) {
        switch (kind) {
          case Kind::Map: *out = call(f, x); return true;
          case Kind::Each: call(f, x); *out = x; return true;
          case Kind::Filter:
          case Kind::Reject:
            if (truthy(call(f, x)) == (kind == Kind::Filter)) {
              *out = x;
              return true;
            }
            break;
          case Kind::TakeWhile:
            if (truthy(call(f, x))) {
              *out = x;
              return true;
            }
            over = true;
            c.close();
            return false;
          case Kind::DropWhile:
            if (dropping && truthy(call(f, x))) break;
            dropping = false;
            *out = x;
            return true;
        }
      }
      return false;
    });
  });
}

Term take(Args a) {
  if (!a[1].is_integer()) no_clause("Stream", "take", {a[0], a[1]});
  int64_t n = a[1].is_small() ? a[1].small() : (compare(a[1], Term::integer(0)) > 0 ? Term::kSmallMax : Term::kSmallMin);
  if (n == 0) {
    return Term::map({{Term(atom::__struct__), Term::atom("Elixir.Stream")}, {Term::atom("enum"), Term::empty_list()},
                      {Term::atom("funs"), Term::empty_list()}, {Term::atom("accs"), Term::empty_list()},
                      {Term::atom("done"), Term()}});
  }
  if (n < 0) {
    Term e = a[0];
    return enumerable::make_lazy(Atom::intern("Elixir.Stream"), "take_after_guards/2", 57, [e, n]() {
      std::vector<Term> all = enumerable::to_vector(e);
      std::size_t keep = static_cast<std::size_t>(-n) < all.size() ? static_cast<std::size_t>(-n) : all.size();
      std::size_t start = all.size() - keep;
      return gen_cursor([all = std::move(all), i = start](Term* out) mutable {
        if (i >= all.size()) return false;
        *out = all[i++];
        return true;
      });
    });
  }
  return add_stage(a[0], "take_after_guards/2", 56, [n](CursorPtr in) {
    return stage_cursor(std::move(in), [left = n](Cursor& c, Term* out) mutable {
      if (left <= 0) {
        if (left == 0) c.close();
        left = -1;
        return false;
      }
      if (!c.next(out)) return false;
      if (--left == 0) {
        c.close();
        left = -1;
      }
      return true;
    });
  }, a[1]);
}

Term drop(Args a) {
  if (!a[1].is_small()) no_clause("Stream", "drop", {a[0], a[1]});
  int64_t n = a[1].small();
  if (n >= 0) {
    return add_stage(a[0], "drop/2", 34, [n](CursorPtr in) {
      return stage_cursor(std::move(in), [left = n](Cursor& c, Term* out) mutable {
        for (; left > 0; --left)
          if (!c.next(out)) return false;
        return c.next(out);
      });
    }, a[1]);
  }
  return add_stage(a[0], "drop/2", 35, [n](CursorPtr in) {
    // Drops the last -n: an element is emitted once -n newer ones are seen.
    return stage_cursor(std::move(in), [keep = static_cast<std::size_t>(-n), buf = std::vector<Term>(), head = std::size_t{0}](Cursor& c, Term* out) mutable {
      Term x;
      while (c.next(&x)) {
        buf.push_back(std::move(x));
        if (buf.size() - head > keep) {
          *out = buf[head++];
          if (head > 64 && head * 2 > buf.size()) {
            buf.erase(buf.begin(), buf.begin() + static_cast<std::ptrdiff_t>(head));
            head = 0;
          }
          return true;
        }
      }
      return false;
    });
  }, a[1]);
}

Term with_index(Args a) {
  Term offset = a.size() > 1 ? a[1] : Term::integer(0);
  if (!offset.is_integer()) no_clause("Stream", "with_index", {a[0], offset});
  return add_stage(a[0], "with_index/2", 66, [offset](CursorPtr in) {
    return stage_cursor(std::move(in), [i = offset](Cursor& c, Term* out) mutable {
      Term x;
      if (!c.next(&x)) return false;
      *out = Term::tuple({x, i});
      i = add(i, Term::integer(1));
      return true;
    });
  }, offset);
}

// dedup/dedup_by (consecutive) and uniq/uniq_by (all), by key fun or not.
Term distinct(const Term& e, const Term& key_fun, bool consecutive, const char* origin, uint32_t index) {
  return add_stage(e, origin, index, [key_fun, consecutive](CursorPtr in) {
    return stage_cursor(std::move(in), [key_fun, consecutive, seen = TermSet(), last = std::optional<Term>()](Cursor& c, Term* out) mutable {
      Term x;
      while (c.next(&x)) {
        Term k = key_fun.is_fun() ? call(key_fun, x) : x;
        if (consecutive) {
          bool same = last && *last == k;
          last = k;
          if (same) continue;
        } else if (!seen.insert(k).second) {
          continue;
        }
        *out = x;
        return true;
      }
      return false;
    });
  }, consecutive ? std::optional<Term>() : std::optional<Term>(Term::map({})));
}

Term chunk_every(Args a) {
  Term step = a.size() > 2 ? a[2] : a[1];
  Term leftover = a.size() > 3 ? a[3] : Term::empty_list();
  if (!a[1].is_small() || a[1].small() <= 0 || !step.is_small() || step.small() <= 0)
    raise_function_clause("Stream", "chunk_every", {a[0], a[1], step, leftover});
  bool discard = leftover.is_atom(Atom::intern("discard"));
  Term pad = discard ? Term::empty_list() : enumerable::to_list(leftover);
  int64_t count = a[1].small(), by = step.small();
  return add_stage(a[0], "chunk_while/4", 3, [count, by, discard, pad](CursorPtr in) {
    return stage_cursor(std::move(in), [ch = Chunker(count, by, discard ? nullptr : &pad), done = false](Cursor& c, Term* out) mutable {
      Term x;
      while (!done && c.next(&x))
        if (ch.feed(x, out)) return true;
      done = true;
      return ch.finish(out);
    });
  });
}

Term scan(Args a) {
  bool has_acc = a.size() == 3;
  const Term& f = a[has_acc ? 2 : 1];
  if (!is_fun(f, 2)) raise_function_clause("Stream", "scan", std::vector<Term>(a.begin(), a.end()));
  std::optional<Term> init = has_acc ? std::optional<Term>(a[1]) : std::nullopt;
  return add_stage(a[0], has_acc ? "scan/3" : "scan/2", has_acc ? 55 : 54, [f, init](CursorPtr in) {
    return stage_cursor(std::move(in), [f, acc = init](Cursor& c, Term* out) mutable {
      Term x;
      if (!c.next(&x)) return false;
      acc = acc ? call(f, x, *acc) : x;
      *out = *acc;
      return true;
    });
  }, init);
}

Term map_every(Args a) {
  if (!a[1].is_small() || a[1].small() < 0 || !is_fun(a[2], 1)) no_clause("Stream", "map_every", {a[0], a[1], a[2]});
  int64_t nth = a[1].small();
  if (nth == 0) return a[0];
  Term f = a[2];
  return add_stage(a[0], "map_every_after_guards/3", 49, [f, nth](CursorPtr in) {
    return stage_cursor(std::move(in), [f, nth, i = int64_t{0}](Cursor& c, Term* out) mutable {
      Term x;
      if (!c.next(&x)) return false;
      *out = i++ % nth == 0 ? call(f, x) : x;
      return true;
    });
  }, a[1]);
}

}  // namespace

void add_stream(Library& lib) {
  lib.add("Stream", "map", 2, [](Args a) { return fun_stage(a, "map", Kind::Map, 48); }, "Lazily maps fun over enumerable.");
  lib.add("Stream", "filter", 2, [](Args a) { return fun_stage(a, "filter", Kind::Filter, 40); }, "Lazily keeps elements for which fun is truthy.");
  lib.add("Stream", "reject", 2, [](Args a) { return fun_stage(a, "reject", Kind::Reject, 50); }, "Lazily drops elements for which fun is truthy.");
  lib.add("Stream", "each", 2, [](Args a) { return fun_stage(a, "each", Kind::Each, 39); }, "Calls fun on each element as the stream runs.");
  lib.add("Stream", "take_while", 2, [](Args a) { return fun_stage(a, "take_while", Kind::TakeWhile, 59); }, "Lazily takes elements while fun is truthy.");
  lib.add("Stream", "drop_while", 2, [](Args a) { return fun_stage(a, "drop_while", Kind::DropWhile, 37); }, "Lazily drops elements while fun is truthy.");
  lib.add("Stream", "take", 2, take, "Lazily takes the first n elements (the last -n if negative).");
  lib.add("Stream", "drop", 2, drop, "Lazily drops the first n elements (the last -n if negative).");
  lib.add("Stream", "with_index", 1, with_index, "Lazily pairs each element with its index.");
  lib.add("Stream", "with_index", 2, with_index, "Lazily pairs each element with its index, from offset.");
  lib.add("Stream", "dedup", 1, [](Args a) { return distinct(a[0], Term(), true, "dedup_by/2", 11); }, "Lazily drops consecutive duplicates.");
  lib.add("Stream", "dedup_by", 2, [](Args a) {
    need_fun("dedup_by", a, 1, 1);
    return distinct(a[0], a[1], true, "dedup_by/2", 11);
  }, "Lazily drops consecutive elements with the same fun value.");
  lib.add("Stream", "uniq", 1, [](Args a) { return distinct(a[0], Term(), false, "uniq_by/2", 65); }, "Lazily drops repeated elements.");
  lib.add("Stream", "uniq_by", 2, [](Args a) {
    need_fun("uniq_by", a, 1, 1);
    return distinct(a[0], a[1], false, "uniq_by/2", 65);
  }, "Lazily drops elements whose fun value was seen.");
  lib.add("Stream", "chunk_every", 2, chunk_every, "Lazily chunks elements by count.");
  lib.add("Stream", "chunk_every", 3, chunk_every, "Lazily chunks by count, starting every step elements.");
  lib.add("Stream", "chunk_every", 4, chunk_every, "Lazily chunks, padding the last chunk from leftover (or :discard).");
  lib.add("Stream", "scan", 2, scan, "Lazily emits each accumulated value, starting from the first element.");
  lib.add("Stream", "scan", 3, scan, "Lazily emits each accumulated value, starting from acc.");
  lib.add("Stream", "map_every", 3, map_every, "Lazily maps every nth element, starting with the first.");
}

}  // namespace otp::shell::lib

// The Enumerable protocol over lists, maps, ranges and MapSets, and the
// Range/MapSet/Stream structs (see enumerable.hpp). Funs and %Stream{} are
// walked by lazy.cpp.
#include "shell/lib/enumerable.hpp"

#include "shell/lib/enumerable_detail.hpp"
#include "shell/lib/support.hpp"
#include "term/arith.hpp"
#include "term/struct.hpp"

namespace otp::shell::enumerable {

namespace {

struct Names {
  Atom range = Atom::intern("Elixir.Range");
  Atom mapset = Atom::intern("Elixir.MapSet");
  Atom stream = Atom::intern("Elixir.Stream");
  Term first = Term::atom("first"), last = Term::atom("last"), step = Term::atom("step");
  Term map = Term::atom("map"), version = Term::atom("version");
  Names() {
    register_struct(range, {first.atom(), last.atom(), step.atom()});
    register_struct(mapset, {map.atom(), version.atom()});
    register_struct(stream, {Atom::intern("enum"), Atom::intern("funs"), Atom::intern("accs"), Atom::intern("done")});
  }
};
const Names& names() {
  static const Names n;
  return n;
}

bool is_struct_of(const Term& t, Atom module) noexcept {
  const Term* s = struct_name(t);
  return s && s->atom() == module;
}

class ListCursor final : public Cursor {
 public:
  explicit ListCursor(Term list) : rest_(std::move(list)) {}
  bool next(Term* out) override {
    if (!rest_.is_cons()) return false;
    *out = rest_.head();
    Term tail = rest_.tail();
    rest_ = std::move(tail);
    return true;
  }

 private:
  Term rest_;
};

class RangeCursor final : public Cursor {
 public:
  RangeCursor(Term first, Term last, Term step)
      : cur_(std::move(first)), last_(std::move(last)), step_(std::move(step)), up_(compare(step_, Term::integer(0)) > 0) {}
  bool next(Term* out) override {
    int c = compare(cur_, last_);
    if (up_ ? c > 0 : c < 0) return false;
    *out = cur_;
    cur_ = add(cur_, step_);
    return true;
  }

 private:
  Term cur_, last_, step_;
  bool up_;
};

// A plain map's {k, v} pairs, or a MapSet's elements (keys only).
class MapCursor final : public Cursor {
 public:
  MapCursor(Term map, bool keys_only) : map_(std::move(map)), keys_only_(keys_only) {}
  bool next(Term* out) override {
    auto entries = map_.map_entries();
    if (i_ >= entries.size()) return false;
    const MapEntry& e = entries[i_++];
    *out = keys_only_ ? e.key : Term::tuple({e.key, e.value});
    return true;
  }

 private:
  Term map_;
  std::size_t i_ = 0;
  bool keys_only_;
};

}  // namespace

const Term* struct_name(const Term& map) noexcept {
  if (!map.is_map()) return nullptr;
  const Term* s = map.map_get(Term(atom::__struct__));
  return s && s->is_atom() ? s : nullptr;
}

bool is_range(const Term& t) noexcept { return is_struct_of(t, names().range); }
bool is_mapset(const Term& t) noexcept { return is_struct_of(t, names().mapset); }
bool is_stream(const Term& t) noexcept { return is_struct_of(t, names().stream); }

bool is_enumerable(const Term& t) noexcept {
  if (t.is_list()) return true;
  if (t.is_fun()) return t.fun().arity() == 2;
  if (!t.is_map()) return false;
  const Term* s = struct_name(t);
  return !s || s->atom() == names().range || s->atom() == names().mapset || s->atom() == names().stream;
}

void raise_not_enumerable(const Term& t) { raise_protocol_undefined("Enumerable", t); }

Term make_range(Term first, Term last, Term step) {
  const Names& n = names();
  return Term::map({{Term(atom::__struct__), Term(n.range)}, {n.first, std::move(first)}, {n.last, std::move(last)},
                    {n.step, std::move(step)}});
}

bool range_parts(const Term& t, int64_t* first, int64_t* last, int64_t* step) noexcept {
  const Names& n = names();
  const Term *f = t.map_get(n.first), *l = t.map_get(n.last), *s = t.map_get(n.step);
  if (!f || !l || !s || !f->is_small() || !l->is_small() || !s->is_small()) return false;
  *first = f->small();
  *last = l->small();
  *step = s->small();
  return true;
}

Term range_size(const Term& t) {
  int64_t f, l, s;
  if (range_parts(t, &f, &l, &s) && s != 0) {
    if ((s > 0 && f > l) || (s < 0 && f < l)) return Term::integer(0);
    return Term::integer((l - f) / s + 1);
  }
  const Names& n = names();
  BigInt bf = t.map_get(n.first)->bigint(), bl = t.map_get(n.last)->bigint(), bs = t.map_get(n.step)->bigint();
  if ((bs > 0 && bf > bl) || (bs < 0 && bf < bl)) return Term::integer(0);
  return Term::integer(BigInt((bl - bf) / bs + 1));
}

Term make_mapset(Term map) {
  const Names& n = names();
  return Term::map({{Term(atom::__struct__), Term(n.mapset)}, {n.map, std::move(map)}, {n.version, Term::integer(2)}});
}

Term mapset_of(const std::vector<Term>& elems) {
  std::vector<std::pair<Term, Term>> entries;
  entries.reserve(elems.size());
  for (const Term& x : elems) entries.emplace_back(x, Term::empty_list());
  return make_mapset(Term::map(std::move(entries)));
}

const Term& mapset_map(const Term& t) { return *t.map_get(names().map); }

CursorPtr open(const Term& t) {
  if (t.is_list()) return std::make_unique<ListCursor>(t);
  if (t.is_fun() && t.fun().arity() == 2) return detail::open_fun(t);
  if (t.is_map()) {
    const Term* s = struct_name(t);
    if (!s) return std::make_unique<MapCursor>(t, false);
    const Names& n = names();
    if (s->atom() == n.range) return std::make_unique<RangeCursor>(*t.map_get(n.first), *t.map_get(n.last), *t.map_get(n.step));
    if (s->atom() == n.mapset) return std::make_unique<MapCursor>(mapset_map(t), true);
    if (s->atom() == n.stream) return detail::open_stream(t);
  }
  raise_not_enumerable(t);
}

bool each(const Term& t, FunctionRef<bool(const Term&)> f) {
  if (t.is_list()) {
    for (const Term* c = &t; c->is_cons(); c = &c->tail()) {
      lib::tick();
      if (!f(c->head())) return false;
    }
    return true;
  }
  int64_t first, last, step;
  if (is_range(t) && range_parts(t, &first, &last, &step) && step != 0) {
    for (int64_t x = first; step > 0 ? x <= last : x >= last; x += step) {
      lib::tick();
      if (!f(Term::integer(x))) return false;
    }
    return true;
  }
  if (t.is_map() && !struct_name(t)) {
    Term keep = t;
    for (const MapEntry& e : keep.map_entries()) {
      lib::tick();
      if (!f(Term::tuple({e.key, e.value}))) return false;
    }
    return true;
  }
  if (is_mapset(t)) {
    Term keep = mapset_map(t);
    for (const MapEntry& e : keep.map_entries()) {
      lib::tick();
      if (!f(e.key)) return false;
    }
    return true;
  }
  if (t.is_fun() && t.fun().arity() == 2 && !detail::is_lazy(t)) return detail::each_foreign(t, f);
  CursorPtr c = open(t);
  Term x;
  while (c->next(&x)) {
    lib::tick();
    if (!f(x)) {
      c->close();
      return false;
    }
  }
  return true;
}

std::vector<Term> to_vector(const Term& t) {
  std::vector<Term> out;
  if (auto n = fast_count(t)) out.reserve(static_cast<std::size_t>(*n));
  each(t, [&](const Term& x) {
    out.push_back(x);
    return true;
  });
  return out;
}

Term to_list(const Term& t) {
  if (t.is_list()) return t;
  return lib::list_of(to_vector(t));
}

std::optional<int64_t> fast_count(const Term& t) {
  if (t.is_list()) {
    std::ptrdiff_t n = list_length(t);
    if (n >= 0) return n;
    return std::nullopt;
  }
  if (is_range(t)) {
    Term n = range_size(t);
    if (n.is_small()) return n.small();
    return std::nullopt;
  }
  if (is_mapset(t)) return static_cast<int64_t>(mapset_map(t).map_size());
  if (t.is_map() && !struct_name(t)) return static_cast<int64_t>(t.map_size());
  return std::nullopt;
}

std::optional<bool> fast_member(const Term& t, const Term& x) {
  if (is_mapset(t)) return mapset_map(t).map_get(x) != nullptr;
  if (is_range(t)) {
    if (!x.is_integer()) return false;
    const Names& n = names();
    const Term &f = *t.map_get(n.first), &l = *t.map_get(n.last), &s = *t.map_get(n.step);
    if (compare(range_size(t), Term::integer(0)) == 0) return false;
    bool inside = compare(f, l) <= 0 ? compare(f, x) <= 0 && compare(x, l) <= 0 : compare(l, x) <= 0 && compare(x, f) <= 0;
    return inside && compare(int_rem(sub(x, f), s), Term::integer(0)) == 0;
  }
  if (t.is_map() && !struct_name(t)) {
    if (!x.is_tuple() || x.tuple_size() != 2) return false;
    const Term* v = t.map_get(x[0]);
    return v && *v == x[1];
  }
  return std::nullopt;
}

}  // namespace otp::shell::enumerable

// Access's accessor funs (Elixir 1.14): key/1,2, key!/1, elem/1, at/1,
// at!/1, all/0 and filter/1. Each returns a fun of arity 3 called by
// get_in & co. (kernel_access.cpp) as fun.(:get | :get_and_update, data,
// next); they print as Access's own funs (#Function<.../3 in Access.key/2>).
#include "shell/eval/interp.hpp"
#include "shell/lib/access.hpp"
#include "shell/lib/support.hpp"

namespace otp::shell::access {

namespace {

using lib::Args;

const Term& op_get() {
  static const Term t = Term::atom("get");
  return t;
}

bool is_get(const Term& op) { return op == op_get(); }
bool is_pop(const Term& t) { return t.is_atom(Atom::intern("pop")); }

// What an accessor's next fun returned, for a container whose element is
// `value`: {get, update} -> (get, rebuild(update)); :pop -> (value, pop()).
template <class Update, class Pop>
Term step(const Term& r, const Term& value, Update update, Pop pop) {
  if (r.is_tuple() && r.tuple_size() == 2) return pair(r[0], update(r[1]));
  if (is_pop(r)) return pair(value, pop());
  throw ErlangError(Term::tuple({Term(atom::case_clause), r}));
}

// An accessor: fn op, data, next -> ... end, printed as Access's fun.
Term accessor(const char* origin, std::function<Term(const Term& op, const Term& data, const Term& next)> body) {
  return make_fun(Atom::intern("Elixir.Access"), origin, 3,
                  [body](std::span<const Term> a) { return body(a[0], a[1], a[2]); });
}

Term key_accessor(Term key, Term fallback) {
  return accessor("key/2", [key, fallback](const Term& op, const Term& data, const Term& next) -> Term {
    static const Atom map = Atom::intern("Elixir.Map");
    Term value = Interp::call_remote(map, Atom::intern("get"), {data, key, fallback});
    if (is_get(op)) return lib::call(next, value);
    return step(lib::call(next, value), value, [&](const Term& u) { return data.map_put(key, u); },
                [&] { return data.map_remove(key); });
  });
}

Term key_bang_accessor(Term key) {
  return accessor("key!/1", [key](const Term& op, const Term& data, const Term& next) -> Term {
    if (!data.is_map()) raise("RuntimeError", "Access.key!/1 expected a map/struct, got: " + inspect(data));
    const Term* v = data.map_get(key);
    if (!v) raise_key_error(key, data);
    Term value = *v;
    if (is_get(op)) return lib::call(next, value);
    return step(lib::call(next, value), value, [&](const Term& u) { return data.map_put(key, u); },
                [&] { return data.map_remove(key); });
  });
}

Term elem_accessor(int64_t index) {
  return accessor("elem/1", [index](const Term& op, const Term& data, const Term& next) -> Term {
    if (!data.is_tuple()) raise("RuntimeError", "Access.elem/1 expected a tuple, got: " + inspect(data));
    if (static_cast<std::size_t>(index) >= data.tuple_size()) raise_badarg(1, "out of range");
    Term value = data[static_cast<std::size_t>(index)];
    if (is_get(op)) return lib::call(next, value);
    return step(lib::call(next, value), value,
                [&](const Term& u) {
                  std::vector<Term> e(data.elements().begin(), data.elements().end());
                  e[static_cast<std::size_t>(index)] = u;
                  return Term::tuple(std::span<const Term>(e));
                },
                []() -> Term { raise("RuntimeError", "cannot pop data from a tuple"); });
  });
}

Term at_accessor(int64_t index, bool bang) {
  return accessor(bang ? "at!/1" : "at/1", [index, bang](const Term& op, const Term& data, const Term& next) -> Term {
    if (!data.is_list() || list_length(data) < 0)
      raise("RuntimeError", std::string(bang ? "Access.at!/1" : "Access.at/1") + " expected a list, got: " + inspect(data));
    std::vector<Term> items = list_to_vector(data);
    int64_t i = index < 0 ? index + static_cast<int64_t>(items.size()) : index;
    bool in = i >= 0 && i < static_cast<int64_t>(items.size());
    if (!in && bang) raise("Enum.OutOfBoundsError", "out of bounds error");
    if (is_get(op)) return lib::call(next, in ? items[static_cast<std::size_t>(i)] : Term());
    if (!in) return pair(Term(), data);
    Term value = items[static_cast<std::size_t>(i)];
    return step(lib::call(next, value), value,
                [&](const Term& u) {
                  items[static_cast<std::size_t>(i)] = u;
                  return lib::list_of(items);
                },
                [&] {
                  items.erase(items.begin() + i);
                  return lib::list_of(items);
                });
  });
}

Term all_accessor() {
  return accessor("\"-fun.all/3-\"", [](const Term& op, const Term& data, const Term& next) -> Term {
    if (!data.is_list() || list_length(data) < 0) raise("RuntimeError", "Access.all/0 expected a list, got: " + inspect(data));
    std::vector<Term> gets, updates;
    for (const Term* c = &data; c->is_cons(); c = &c->tail()) {
      Term r = lib::call(next, c->head());
      if (is_get(op)) {
        gets.push_back(r);
      } else if (r.is_tuple() && r.tuple_size() == 2) {
        gets.push_back(r[0]);
        updates.push_back(r[1]);
      } else if (is_pop(r)) {
        gets.push_back(c->head());
      } else {
        throw ErlangError(Term::tuple({Term(atom::case_clause), r}));
      }
    }
    if (is_get(op)) return lib::list_of(gets);
    return pair(lib::list_of(gets), lib::list_of(updates));
  });
}

Term filter_accessor(Term pred) {
  return accessor("filter/1", [pred](const Term& op, const Term& data, const Term& next) -> Term {
    if (!data.is_list() || list_length(data) < 0) raise("RuntimeError", "Access.filter/1 expected a list, got: " + inspect(data));
    std::vector<Term> gets, updates;
    for (const Term* c = &data; c->is_cons(); c = &c->tail()) {
      if (!lib::truthy(lib::call(pred, c->head()))) {
        updates.push_back(c->head());
        continue;
      }
      Term r = lib::call(next, c->head());
      if (is_get(op)) {
        gets.push_back(r);
      } else if (r.is_tuple() && r.tuple_size() == 2) {
        gets.push_back(r[0]);
        updates.push_back(r[1]);
      } else if (is_pop(r)) {
        gets.push_back(c->head());
      } else {
        throw ErlangError(Term::tuple({Term(atom::case_clause), r}));
      }
    }
    if (is_get(op)) return lib::list_of(gets);
    return pair(lib::list_of(gets), lib::list_of(updates));
  });
}

}  // namespace

void add_accessors(Library& lib) {
  const char* A = "Access";
  lib.add(A, "key", 1, [](Args a) { return key_accessor(a[0], Term()); }, "An accessor for a map key (nil when missing).");
  lib.add(A, "key", 2, [](Args a) { return key_accessor(a[0], a[1]); }, "An accessor for a map key with a default.");
  lib.add(A, "key!", 1, [](Args a) { return key_bang_accessor(a[0]); }, "An accessor for a map key that must exist.");
  lib.add(A, "elem", 1, [](Args a) {
    if (!a[0].is_small() || a[0].small() < 0)
      raise_function_clause("Access", "elem", {a[0]}, {"def elem(index) when is_integer(index) and index >= 0"});
    return elem_accessor(a[0].small());
  }, "An accessor for a tuple element (zero-based).");
  lib.add(A, "at", 1, [](Args a) {
    if (!a[0].is_small()) raise_function_clause("Access", "at", {a[0]}, {"def at(index) when is_integer(index)"});
    return at_accessor(a[0].small(), false);
  }, "An accessor for a list element (negative: from the end).");
  lib.add(A, "at!", 1, [](Args a) {
    if (!a[0].is_small()) raise_function_clause("Access", "at!", {a[0]}, {"def at!(index) when is_integer(index)"});
    return at_accessor(a[0].small(), true);
  }, "at/1 that raises Enum.OutOfBoundsError when out of range.");
  lib.add(A, "all", 0, [](Args) { return all_accessor(); }, "An accessor for every element of a list.");
  lib.add(A, "filter", 1, [](Args a) {
    if (!a[0].is_fun()) raise_function_clause("Access", "filter", {a[0]}, {"def filter(func) when is_function(func)"});
    return filter_accessor(a[0]);
  }, "An accessor for the list elements for which fun is truthy.");
}

}  // namespace otp::shell::access

// Kernel's nested access (get_in/2, put_in/3, update_in/3, pop_in/2,
// get_and_update_in/3) and the path forms' get_and_update_path, as Elixir
// 1.14 defines them over Access.get/get_and_update/pop (see access.hpp).
// The accessor funs (Access.key/2, Access.all/0, ...) are in
// access_accessors.cpp.
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

bool is_pop(const Term& t) { return t.is_atom(Atom::intern("pop")); }

Term fun_of(Next next) {
  return make_fun(Atom::intern("erl_eval"), "expr/6", 1, [next](std::span<const Term> a) { return next(a[0]); });
}

// The keys of a get_in-style call: a non-empty proper list, or nullopt.
bool keys_of(const Term& keys, std::vector<Term>* out) {
  if (!keys.is_cons() || list_length(keys) < 0) return false;
  *out = list_to_vector(keys);
  return true;
}

Term apply3(const Term& f, Term op, const Term& data, Term next) {
  Term a[3] = {std::move(op), data, std::move(next)};
  lib::tick();
  return apply_fun(f, a);
}

Term pop_in_data(const Term& data, std::vector<Term> keys) {
  static const Term pop_atom = Term::atom("pop");
  if (data.is_atom(atom::nil)) return pop_atom;
  const Term& h = keys.front();
  std::vector<Term> rest(keys.begin() + 1, keys.end());
  if (h.is_fun()) {
    Next next = rest.empty() ? Next([](const Term&) { return pop_atom; })
                             : Next([rest](const Term& v) { return pop_in_data(v, rest); });
    return apply3(h, Term::atom("get_and_update"), data, fun_of(next));
  }
  if (rest.empty()) return pop(data, h);
  return get_and_update(data, h, [rest](const Term& v) { return pop_in_data(v, rest); });
}

}  // namespace

Term get_and_update_in(const Term& data, std::span<const Term> keys, const Next& next) {
  const Term& h = keys.front();
  Next inner = next;
  if (keys.size() > 1) {
    std::vector<Term> rest(keys.begin() + 1, keys.end());
    inner = [rest, next](const Term& v) { return get_and_update_in(v, rest, next); };
  }
  if (lib::is_fun(h, 3)) return apply3(h, Term::atom("get_and_update"), data, fun_of(inner));
  return get_and_update(data, h, inner);
}

Term get_in(const Term& data, std::span<const Term> keys) {
  if (data.is_atom(atom::nil)) return data;
  const Term& h = keys.front();
  std::vector<Term> rest(keys.begin() + 1, keys.end());
  if (h.is_fun()) {
    Next next = rest.empty() ? Next([](const Term& v) { return v; }) : Next([rest](const Term& v) { return get_in(v, rest); });
    return apply3(h, op_get(), data, fun_of(next));
  }
  Term v = get(data, h, Term());
  return rest.empty() ? v : get_in(v, rest);
}

Term pop_in(const Term& data, std::span<const Term> keys) {
  if (data.is_atom(atom::nil)) raise_argument_error("could not pop key " + inspect(keys.front()) + " on a nil value");
  return pop_in_data(data, std::vector<Term>(keys.begin(), keys.end()));
}

void add_kernel(Library& lib) {
  lib.add("Kernel", "get_in", 2, [](Args a) {
    std::vector<Term> keys;
    if (!keys_of(a[1], &keys))
      raise_function_clause("Kernel", "get_in", {a[0], a[1]},
                            {"def get_in(nil, [_ | _])", "def get_in(data, [h]) when is_function(h)",
                             "def get_in(data, [h | t]) when is_function(h)", "def get_in(data, [h])",
                             "def get_in(data, [h | t])"});
    return get_in(a[0], keys);
  }, "The value at a path of keys (or accessor funs) in nested data; nil when missing.");
  lib.add("Kernel", "put_in", 3, [](Args a) {
    std::vector<Term> keys;
    if (!keys_of(a[1], &keys))
      raise_function_clause("Kernel", "put_in", {a[0], a[1], a[2]}, {"def put_in(data, [_ | _] = keys, value)"});
    Term v = a[2];
    return get_and_update_in(a[0], keys, [v](const Term&) { return pair(Term(), v); })[1];
  }, "The nested data with the value at a path of keys replaced.");
  lib.add("Kernel", "update_in", 3, [](Args a) {
    std::vector<Term> keys;
    if (!keys_of(a[1], &keys) || !a[2].is_fun())
      raise_function_clause("Kernel", "update_in", {a[0], a[1], a[2]},
                            {"def update_in(data, [_ | _] = keys, fun) when is_function(fun)"});
    Term f = a[2];
    return get_and_update_in(a[0], keys, [f](const Term& x) { return pair(Term(), lib::call(f, x)); })[1];
  }, "The nested data with fun applied to the value at a path of keys.");
  lib.add("Kernel", "pop_in", 2, [](Args a) {
    std::vector<Term> keys;
    if (!keys_of(a[1], &keys))
      raise_function_clause("Kernel", "pop_in", {a[0], a[1]}, {"def pop_in(nil, [key | _])", "def pop_in(data, [_ | _] = keys)"});
    Term r = pop_in(a[0], keys);
    if (is_pop(r)) return pair(Term(), a[0]);
    return r;
  }, "{value, data without it} for a path of keys.");
  lib.add("Kernel", "get_and_update_in", 3, [](Args a) {
    std::vector<Term> keys;
    if (!keys_of(a[1], &keys) || !(lib::is_fun(keys.front(), 3) || lib::is_fun(a[2], 1)))
      raise_function_clause("Kernel", "get_and_update_in", {a[0], a[1], a[2]},
                            {"def get_and_update_in(data, [head], fun) when is_function(head, 3)",
                             "def get_and_update_in(data, [head | tail], fun) when is_function(head, 3)",
                             "def get_and_update_in(data, [head], fun) when is_function(fun, 1)",
                             "def get_and_update_in(data, [head | tail], fun) when is_function(fun, 1)"});
    Term f = a[2];
    return get_and_update_in(a[0], keys, [f](const Term& x) { return lib::call(f, x); });
  }, "{get, new data} from fun.(value at a path of keys), which returns {get, update} or :pop.");

}

Term get_and_update_path(const Term& data, std::span<const PathSegment> path, const Next& next) {
  const PathSegment& seg = path.front();
  Next inner = next;
  if (path.size() > 1) {
    std::vector<PathSegment> rest(path.begin() + 1, path.end());
    inner = [rest, next](const Term& v) { return get_and_update_path(v, rest, next); };
  }
  if (!seg.field) return get_and_update(data, seg.key, inner);
  // Map.get_and_update!/3
  if (!data.is_map()) raise_bad_map(data);
  const Term* cur = data.map_get(seg.key);
  if (!cur) raise_key_error(seg.key, data);
  Term value = *cur;
  Term r = inner(value);
  if (r.is_tuple() && r.tuple_size() == 2) return pair(r[0], data.map_put(seg.key, r[1]));
  if (is_pop(r)) return pair(value, data.map_remove(seg.key));
  raise("RuntimeError", "the given function must return a two-element tuple or :pop, got: " + inspect(r));
}

}  // namespace otp::shell::access

namespace otp::shell::lib {
void add_access(Library& lib) {
  access::add(lib);
  access::add_kernel(lib);
  access::add_accessors(lib);
}
}  // namespace otp::shell::lib

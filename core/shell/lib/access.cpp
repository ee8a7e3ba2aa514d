// The Access module (see access.hpp): get/2,3, fetch/2, fetch!/2,
// get_and_update/3, pop/2 and the accessors key/1,2, key!/1, elem/1, at/1,
// at!/1, all/0 and filter/1, plus Map.get_and_update/3 and
// Keyword.get_and_update/3 which they rest on. Structs are accessed
// through their module's fetch/2 (a shell module may define one); other
// structs raise Elixir's "does not implement the Access behaviour".
#include "shell/lib/access.hpp"

#include "runtime/process.hpp"
#include "shell/eval/interp.hpp"
#include "shell/eval/module.hpp"
#include "shell/lib/support.hpp"

namespace otp::shell::access {

namespace {

using lib::Args;
using lib::no_clause;

const Term* struct_module(const Term& t) {
  if (!t.is_map()) return nullptr;
  const Term* m = t.map_get(Term(atom::__struct__));
  return m && m->is_atom() ? m : nullptr;
}

bool exported(Atom module, Atom fun, unsigned arity) {
  if (Process* p = Process::current())
    if (auto m = modules_of(p->node()).find(module)) {
      const Module::Function* f = m->find(fun, arity);
      return f && !f->priv;
    }
  return builtins().find(module, fun, arity) != nullptr;
}

// module.fun(args) for a struct's module, or Elixir's UndefinedFunctionError.
Term struct_call(const Term& module, const char* fun, std::vector<Term> args) {
  Atom f = Atom::intern(fun);
  if (!exported(module.atom(), f, static_cast<unsigned>(args.size())))
    raise_undefined_function(module.atom(), f, args.size(),
                             Term::binary(module_text_of(module.atom()) +
                                          " does not implement the Access behaviour. If you are using get_in/put_in/"
                                          "update_in, you can specify the field to be accessed using Access.key!/1"));
  return Interp::call_remote(module.atom(), f, std::move(args));
}

[[noreturn]] void keyword_key(const Term& key) {
  raise_argument_error("the Access calls for keywords expect the key to be an atom, got: " + inspect(key));
}

// :lists.keyfind(key, 1, list) matched against {_, value}.
const Term* keyfind(const Term& list, const Term& key) {
  for (const Term* c = &list; c->is_cons(); c = &c->tail()) {
    const Term& e = c->head();
    if (e.is_tuple() && e.tuple_size() >= 1 && e[0] == key) {
      if (e.tuple_size() != 2) throw ErlangError(Term::tuple({Term(atom::case_clause), e}));
      return &e[1];
    }
  }
  return nullptr;
}

[[noreturn]] void bad_return(const Term& got) {
  raise("RuntimeError", "the given function must return a two-element tuple or :pop, got: " + inspect(got));
}

bool is_pop(const Term& t) { return t.is_atom(Atom::intern("pop")); }
bool is_pair(const Term& t) { return t.is_tuple() && t.tuple_size() == 2; }

Term map_get_and_update(const Term& map, const Term& key, const Next& next) {
  const Term* cur = map.map_get(key);
  Term current = cur ? *cur : Term();
  Term r = next(current);
  if (is_pair(r)) return pair(r[0], map.map_put(key, r[1]));
  if (is_pop(r)) return pair(current, map.map_remove(key));
  bad_return(r);
}

Term keyword_get_and_update(const Term& list, const Term& key, const Next& next) {
  std::vector<Term> before;
  for (const Term* c = &list; c->is_cons(); c = &c->tail()) {
    const Term& kv = c->head();
    if (kv.is_tuple() && kv.tuple_size() == 2 && kv[0] == key) {
      Term r = next(kv[1]);
      if (is_pair(r)) return pair(r[0], Term::list(std::span<const Term>(before), Term::cons(Term::tuple({key, r[1]}), c->tail())));
      if (is_pop(r)) return pair(kv[1], Term::list(std::span<const Term>(before), c->tail()));
      bad_return(r);
    }
    if (!kv.is_tuple() || kv.tuple_size() != 2) no_clause("Keyword", "get_and_update", {list, key, Term()});
    before.push_back(kv);
  }
  Term r = next(Term());
  if (is_pair(r)) return pair(r[0], Term::cons(Term::tuple({key, r[1]}), Term::list(std::span<const Term>(before))));
  if (is_pop(r)) return pair(Term(), Term::list(std::span<const Term>(before)));
  bad_return(r);
}

Next as_next(const Term& fun) {
  return [fun](const Term& v) { return lib::call(fun, v); };
}

}  // namespace

Term pair(Term get, Term update) { return Term::tuple({std::move(get), std::move(update)}); }

Term get(const Term& c, const Term& key, const Term& fallback) {
  if (const Term* m = struct_module(c)) {
    Term r = struct_call(*m, "fetch", {c, key});
    if (is_pair(r) && r[0].is_atom(atom::ok)) return r[1];
    return fallback;
  }
  if (c.is_map()) {
    const Term* v = c.map_get(key);
    return v ? *v : fallback;
  }
  if (c.is_list()) {
    if (!key.is_atom()) keyword_key(key);
    const Term* v = keyfind(c, key);
    return v ? *v : fallback;
  }
  if (c.is_atom(atom::nil)) return fallback;
  raise_function_clause("Access", "get", {c, key, fallback},
                        {"def get(%module{} = container, key, default)", "def get(map, key, default) when is_map(map)",
                         "def get(list, key, default) when is_list(list) and is_atom(key)",
                         "def get(list, key, _default) when is_list(list)", "def get(nil, _key, default)"});
}

Term fetch(const Term& c, const Term& key) {
  if (const Term* m = struct_module(c)) return struct_call(*m, "fetch", {c, key});
  const Term* v = nullptr;
  if (c.is_map()) {
    v = c.map_get(key);
  } else if (c.is_list()) {
    if (!key.is_atom()) keyword_key(key);
    v = keyfind(c, key);
  } else if (!c.is_atom(atom::nil)) {
    raise_function_clause("Access", "fetch", {c, key},
                          {"def fetch(%module{} = container, key)", "def fetch(map, key) when is_map(map)",
                           "def fetch(list, key) when is_list(list) and is_atom(key)",
                           "def fetch(list, key) when is_list(list)", "def fetch(nil, _key)"});
  }
  return v ? pair(Term(atom::ok), *v) : Term(atom::error);
}

Term get_and_update(const Term& c, const Term& key, const Next& next) {
  if (const Term* m = struct_module(c)) {
    Term f = make_fun(Atom::intern("erl_eval"), "expr/6", 1, [next](std::span<const Term> a) { return next(a[0]); });
    return struct_call(*m, "get_and_update", {c, key, f});
  }
  if (c.is_map()) return map_get_and_update(c, key, next);
  if (c.is_list()) {
    if (!key.is_atom()) no_clause("Keyword", "get_and_update", {c, key, Term()});
    return keyword_get_and_update(c, key, next);
  }
  if (c.is_atom(atom::nil)) raise_argument_error("could not put/update key " + inspect(key) + " on a nil value");
  raise_function_clause("Access", "get_and_update", {c, key, Term()},
                        {"def get_and_update(%module{} = container, key, fun)",
                         "def get_and_update(map, key, fun) when is_map(map)",
                         "def get_and_update(list, key, fun) when is_list(list)", "def get_and_update(nil, key, _fun)"});
}

Term pop(const Term& c, const Term& key) {
  if (const Term* m = struct_module(c)) return struct_call(*m, "pop", {c, key});
  if (c.is_map()) return Interp::call_remote(Atom::intern("Elixir.Map"), Atom::intern("pop"), {c, key});
  if (c.is_list()) return Interp::call_remote(Atom::intern("Elixir.Keyword"), Atom::intern("pop"), {c, key});
  if (c.is_atom(atom::nil)) raise_argument_error("could not pop key " + inspect(key) + " on a nil value");
  raise_function_clause("Access", "pop", {c, key},
                        {"def pop(%module{} = container, key)", "def pop(map, key) when is_map(map)",
                         "def pop(list, key) when is_list(list)", "def pop(nil, key)"});
}

void add(Library& lib) {
  const char* A = "Access";
  lib.add(A, "get", 2, [](Args a) { return get(a[0], a[1], Term()); }, "The value for key in a map, keyword list or nil (nil if missing).");
  lib.add(A, "get", 3, [](Args a) { return get(a[0], a[1], a[2]); }, "get/2 with a default.");
  lib.add(A, "fetch", 2, [](Args a) { return fetch(a[0], a[1]); }, "{:ok, value} or :error.");
  lib.add(A, "fetch!", 2, [](Args a) -> Term {
    Term r = fetch(a[0], a[1]);
    if (is_pair(r)) return r[1];
    raise_key_error(a[1], a[0]);
  }, "The value for key, or KeyError.");
  lib.add(A, "get_and_update", 3, [](Args a) {
    if (!a[0].is_map() && !a[0].is_list() && !a[0].is_atom(atom::nil))
      raise_function_clause("Access", "get_and_update", {a[0], a[1], a[2]},
                            {"def get_and_update(%module{} = container, key, fun)",
                             "def get_and_update(map, key, fun) when is_map(map)",
                             "def get_and_update(list, key, fun) when is_list(list)", "def get_and_update(nil, key, _fun)"});
    return get_and_update(a[0], a[1], as_next(a[2]));
  }, "{get, new container} from fun.(current), which returns {get, update} or :pop.");
  lib.add(A, "pop", 2, [](Args a) { return pop(a[0], a[1]); }, "{value, container without key}.");
  lib.add("Map", "get_and_update", 3, [](Args a) {
    if (!a[0].is_map()) raise_bad_map(a[0]);
    return map_get_and_update(a[0], a[1], as_next(a[2]));
  }, "{get, new map} from fun.(current value), which returns {get, update} or :pop.");
  lib.add("Keyword", "get_and_update", 3, [](Args a) {
    if (!a[0].is_list() || !a[1].is_atom())
      raise_function_clause("Keyword", "get_and_update", {a[0], a[1], a[2]},
                            {"def get_and_update(keywords, key, fun) when is_list(keywords) and is_atom(key)"});
    return keyword_get_and_update(a[0], a[1], as_next(a[2]));
  }, "{get, new keyword list} from fun.(current value), which returns {get, update} or :pop.");
}

}  // namespace otp::shell::access

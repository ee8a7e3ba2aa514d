// Elixir's Access (lib/elixir/lib/access.ex of 1.14) for the shell: the
// `data[key]` syntax, the Access module, Kernel's get_in/put_in/update_in/
// pop_in/get_and_update_in and the path forms `put_in(m.a[:b], v)`.
//
// Who calls what: the evaluator calls Access.get/2 for `data[key]` and
// get_and_update_path() for the path forms; access.cpp defines the Access
// module, kernel_access.cpp the Kernel functions.
//
// Representation: a "next" function (what get_and_update applies to the
// current value) is a C++ callable returning either {get, update} or :pop,
// as Elixir's funs do; accessor funs (Access.key/2, Access.all/0, ...) are
// fun terms of arity 3 called with (:get | :get_and_update, data, next).
#pragma once
#include <functional>
#include <span>

#include "shell/lib/builtins.hpp"
#include "term/term.hpp"

namespace otp::shell::access {

using Next = std::function<Term(const Term&)>;

// Access.get/3, Access.fetch/2, Access.get_and_update/3, Access.pop/2.
Term get(const Term& container, const Term& key, const Term& fallback);
Term fetch(const Term& container, const Term& key);
Term get_and_update(const Term& container, const Term& key, const Next& next);
Term pop(const Term& container, const Term& key);

// Kernel.get_and_update_in/3 over a list of keys (terms or accessor funs).
Term get_and_update_in(const Term& data, std::span<const Term> keys, const Next& next);
Term get_in(const Term& data, std::span<const Term> keys);
Term pop_in(const Term& data, std::span<const Term> keys);

// One segment of a path form: `.field` (Map.get_and_update!: KeyError
// when missing) or `[key]` (Access.get_and_update).
struct PathSegment {
  bool field = false;
  Term key;
};
// get_and_update_in over a path written as syntax: put_in(m.a[:b], v) is
// get_and_update_path(m, {.a, [:b]}, fn _ -> {nil, v} end), and so on.
Term get_and_update_path(const Term& data, std::span<const PathSegment> path, const Next& next);

// {get, update} as a term, for next functions.
Term pair(Term get, Term update);

// Registers the Access module (access.cpp) and Kernel's *_in functions
// with the accessors (kernel_access.cpp).
void add(Library& lib);
void add_kernel(Library& lib);
void add_accessors(Library& lib);  // access_accessors.cpp

}  // namespace otp::shell::access

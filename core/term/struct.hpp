// Struct registry: a map whose :__struct__ key is a registered module atom
// and whose keys are exactly that struct's fields prints as Elixir prints
// the struct (`%RuntimeError{message: "boom"}`), fields in definition order,
// :__struct__ and :__exception__ hidden. Any other map prints as a map.
// Global and thread-safe (mutex); register at start-up.
#pragma once
#include <optional>
#include <vector>

#include "term/term.hpp"

namespace otp {

// `fields_in_order` excludes :__struct__ (include :__exception__ for exceptions).
void register_struct(Atom module, std::vector<Atom> fields_in_order);
// The fields registered for `module`, if any.
std::optional<std::vector<Atom>> struct_fields(Atom module);
// Builds the struct map %module{fields...}; `values` pairs field -> value.
// Fields not given get nil. Throws std::invalid_argument if unregistered.
Term make_struct(Atom module, std::initializer_list<std::pair<Atom, Term>> values);

}  // namespace otp

// Data forms and Kernel macros for the evaluator (interp.cpp,
// interp_match.cpp, interp_control.cpp): `%Name{...}` construction and update
// (interp_struct.cpp), `<<...>>` construction and matching
// (interp_bitstring.cpp, over shell/lib/bitstring.hpp), raise and the
// put_in path forms (interp_kernel.cpp).
#pragma once
#include <functional>

#include "shell/eval/interp.hpp"

namespace otp::shell {

// %Name{k: v} or %Name{base | k: v}: the struct's defaults come from
// Name.__struct__/0 (a built-in or shell module) or its registered fields.
Term build_struct(Interp& in, const Node* n);
// The module a struct pattern's name denotes, or nullopt when the name is
// a variable or `_` (matched against the value's module by the caller).
std::optional<Term> struct_pattern_module(Interp& in, const Node* name);

// <<segments>>: the binary (byte-aligned; other sizes raise "not supported").
Term build_bitstring(Interp& in, const Node* n);
// Matches a <<segments>> pattern against a value; `match` binds a
// segment's value pattern (the evaluator's own match_node).
// `followed`: the pattern is the left side of `<>` (every segment needs a size).
bool match_bitstring(Interp& in, const Node* p, const Term& v,
                     const std::function<bool(const Node*, const Term&)>& match, bool followed = false);

// interp_kernel.cpp: the exception `raise what` / `raise what, arg` raises;
// the path forms put_in(m.a[:b], v), update_in(path, f), pop_in(path) and
// get_and_update_in(path, f) (`name` says which); the compiler's warning for
// a bare name that is no variable ("variable "foo" does not exist and is
// being expanded to "foo()"...").
Term raised_exception(const Term& what, const Term* arg);
Term eval_access_path(Interp& in, const Node* call, std::string_view name);
void warn_variable_as_call(const Node* n);

}  // namespace otp::shell

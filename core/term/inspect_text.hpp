// The textual pieces of inspect: atoms (Macro.inspect_atom/2), string and
// charlist escaping (Code.Identifier.escape/2) and printability tests, as in
// Elixir 1.14.
#pragma once
#include <string>
#include <string_view>

#include "term/term.hpp"

namespace otp {

// `:foo`, `:"hello world"`, `Foo` (for :"Elixir.Foo"), `nil`, `:+`.
std::string inspect_atom(Atom a);
// The keyword-key form including the colon: `foo:`, `"my key":`, `"Elixir.Foo":`.
std::string inspect_atom_key(Atom a);
// Escapes a UTF-8 string for printing between `delim` quotes (no quotes added).
std::string escape_text(std::string_view utf8, char delim);
// String.printable?/1: valid UTF-8 made only of printable code points.
bool is_printable_string(std::string_view bytes);
// List.ascii_printable?/1 on a proper list of integers (unlike strings, \d is not printable).
bool is_ascii_printable_list(const Term& list);
// True if every element is a {atom, value} pair whose atom is not an alias
// (Inspect.List.keyword?/1). [] is a keyword list.
bool is_keyword_list(const Term& list);

}  // namespace otp

// Text conversions shared by the library: String.Chars (to_string/1,
// string interpolation), List.Chars (to_charlist/1), chardata and iodata to
// bytes (IO.puts, IO.iodata_to_binary, List.to_string), and UTF-8.
//
// The evaluator uses to_chars() for `"#{x}"` interpolation.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "term/term.hpp"

namespace otp::shell::lib {

// String.Chars.to_string/1: binaries as they are, atoms by name (nil is
// ""), integers, floats as Erlang's shortest form ("1.0e16"), lists as
// chardata; anything else raises Protocol.UndefinedError (String.Chars).
void append_chars(std::string& out, const Term& t);
std::string to_chars(const Term& t);

// List.Chars.to_charlist/1 (charlists, atoms, numbers, binaries).
Term to_charlist(const Term& t);

// Chardata (code points, binaries, nested lists) to UTF-8. Raises as
// List.to_string/1 does: ArgumentError "cannot convert the given list to a
// string..." or UnicodeConversionError "invalid code point -1".
void append_chardata(std::string& out, const Term& t);
std::string chardata_to_string(const Term& t);
// As append_chardata, but false instead of raising (IO.puts raises its
// own BIF error).
bool try_append_chardata(std::string& out, const Term& t);
// iodata (bytes 0..255, binaries, nested lists) to bytes; false if `t` is
// not iodata (the caller raises its own BIF error).
bool append_iodata(std::string& out, const Term& t);

// UTF-8.
void append_utf8(std::string& out, uint32_t cp);
// Decodes the code point at s[i], advancing i; false at invalid UTF-8.
bool next_codepoint(std::string_view s, std::size_t& i, uint32_t* cp);
bool valid_utf8(std::string_view s);
// Float.to_string/1 and to_string/1 of a float: Erlang's shortest form.
std::string float_chars(double d);

}  // namespace otp::shell::lib

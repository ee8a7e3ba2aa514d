// Shared by the String files and the number parsers of core/shell/lib.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "shell/lib/support.hpp"

namespace otp::shell::lib {

// The bytes of a binary argument, or FunctionClauseError String.fun(args).
std::string_view str_arg(const Term& s, const char* fun, std::initializer_list<Term> args);
// A pattern argument: a string or a list of strings.
std::vector<std::string> patterns(const Term& p, const char* fun, std::initializer_list<Term> args);
// The earliest (then longest) match of a non-empty pattern at or after from.
bool find_match(std::string_view s, const std::vector<std::string>& pats, std::size_t from, std::size_t* at,
                std::size_t* len);

// Integer.parse: an optional sign and base-`base` digits at the start of s;
// the number of bytes used (0 if none).
std::size_t parse_integer_prefix(std::string_view s, int base, Term* out);
// Float.parse: [sign] digits [. digits] [e [sign] digits]; bytes used or 0.
std::size_t parse_float_prefix(std::string_view s, double* out);
// The whole of s as an integer (binary_to_integer/list_to_integer rules).
bool parse_integer_exact(std::string_view s, int base, Term* out);
// The whole of s as a float (binary_to_float rules: digits.digits[e..]).
bool parse_float_exact(std::string_view s, double* out);

// The conversions :erlang shares with String (string_more.cpp), with the
// BIFs' errors: binary_to_atom, binary_to_existing_atom, binary_to_float,
// binary_to_integer/1,2 (args as String.to_integer).
Term string_to_atom(const Term& s, bool existing);
Term string_to_float(const Term& s);
Term string_to_integer(Args a);

}  // namespace otp::shell::lib

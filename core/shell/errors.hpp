// Syntax errors of the shell language, worded exactly as Elixir 1.14 / IEx.
//
// The lexer and the parser report a RawError, the shape elixir_tokenizer and
// elixir_parser give to :elixir_errors.parse_error/5: a location, an error
// text (or a prefix/suffix pair) and the offending token's text. finish()
// applies parse_error/5's rules (reserved words, strings, sigils, "eol", ...)
// and yields the SyntaxError that IEx prints. An empty token text means the
// input ended early: IEx asks for more lines instead of printing it.
//
// render_iex_error() formats what IEx prints for it, including the source
// excerpt with the caret:
//
//   ** (SyntaxError) iex:2:1: unexpected token: )
//       |
//     2 | )
//       | ^
//
// (IEx then prints the empty stack trace as one blank line; that line is the
// caller's business.)
//
// Who calls what: the lexer and the parser make RawErrors; the IEx reader
// (iex_input.hpp) and the session print them with render_iex_error. Plain
// functions on strings: any thread.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace otp::shell {

struct RawError {
  // Normal: error + token (+ suffix). String: the token was a string, shown
  // as "syntax error before: \"TEXT\"" without a snippet (TEXT is its first
  // part; `suffix` non-empty: that part was an interpolation, shown as a lone
  // '"'). Sigil: "syntax error before: sigil ~S starting with content
  // 'TEXT'" (`suffix` is the letter S).
  enum class Form : uint8_t { Normal, String, Sigil };
  uint32_t line = 0;
  uint32_t column = 0;  // 0: the location has no column (reported as "iex:LINE:")
  std::string error;    // "syntax error before: ", "unexpected token: ", ...
  std::string token;    // the offending token's text; empty: incomplete input
  std::string suffix;   // text after the token ({Prefix, Suffix} errors)
  bool has_suffix = false;
  Form form = Form::Normal;
  bool incomplete() const noexcept { return token.empty() && form == Form::Normal; }
};

// A compiler warning found while lexing or parsing ("found quoted atom ...").
// IEx prints it as "warning: TEXT\n  iex:LINE:COLUMN\n".
struct Warning {
  uint32_t line = 0;
  uint32_t column = 0;
  std::string text;
};

enum class ErrorKind : uint8_t { SyntaxError, TokenMissingError };

struct SyntaxError {
  ErrorKind kind = ErrorKind::SyntaxError;
  uint32_t line = 0;
  uint32_t column = 0;      // 0: none
  std::string description;  // the message after "iex:L:C: "
  bool snippet = false;     // whether IEx shows the source line and a caret
  // "SyntaxError" or "TokenMissingError".
  const char* kind_name() const noexcept;
};

// parse_error/5 of Elixir 1.14. An error with an empty token becomes a
// TokenMissingError ("syntax error before: " then reads "syntax error:
// expression is incomplete").
SyntaxError finish(const RawError& raw);

// What IEx prints for `err` (no trailing newline). `input` is the whole text
// that was parsed, `start_line` its first line number (IEx: the prompt
// counter), `file` the file name ("iex").
std::string render_iex_error(const SyntaxError& err, std::string_view input, uint32_t start_line,
                             std::string_view file = "iex");

// Erlang's io_lib:write_atom/1: `foo`, `'Foo'`, `'foo bar'`, `'end'`.
std::string erlang_atom_text(std::string_view name);
// Erlang's ~p of a string/charlist: "abc" with Erlang escapes.
std::string erlang_string_text(std::string_view bytes);

}  // namespace otp::shell

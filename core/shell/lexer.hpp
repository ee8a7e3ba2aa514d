// The shell language's lexer: source text -> tokens, as elixir_tokenizer of
// Elixir 1.14 does it (same token kinds, same newline folding, same errors).
//
// Called by the parser (parser.hpp); tests and the fuzzer may call it alone.
// lex() never throws on bad input: the first error stops it and is returned
// in Lexed::error (an error with an empty token text means "incomplete").
//
// Strings: a string-like token (string, charlist, heredoc, quoted atom,
// quoted keyword, sigil) refers to a LexString whose parts are literal text
// (already unescaped, except in sigils, which keep their text raw as Elixir
// hands it to the sigil) or interpolations, each a range of sub_tokens that
// the parser parses as a nested expression list. Literal text lives in
// `pool`, so a Lexed must outlive the string_views taken from it.
//
// Cost: one pass, linear in the input; interpolation nesting is bounded by
// kMaxInterpolationDepth (deeper input is an error, not a stack overflow).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "shell/errors.hpp"
#include "shell/token.hpp"
#include "term/term.hpp"

namespace otp::shell {

// Strings nested in interpolations nested in strings...: deeper is an error
// (as is using more than kLexStackBudget bytes of stack for it).
inline constexpr int kMaxInterpolationDepth = 64;
inline constexpr std::size_t kLexStackBudget = 32 * 1024;

// The address of a local of the caller's frame: stack use is the difference
// of two of these (stacks grow down on every target we build for).
[[gnu::noinline]] std::uintptr_t stack_address() noexcept;

struct StrPart {
  bool interpolation = false;
  uint32_t begin = 0;  // literal: offset in pool; interpolation: first sub_token
  uint32_t end = 0;    // literal: end offset; interpolation: one past the last sub_token
  uint32_t line = 0;   // interpolation: position of "#{"
  uint32_t column = 0;
};

struct LexString {
  uint32_t first_part = 0;
  uint32_t part_count = 0;
  char sigil = 0;           // sigils: the letter
  char delimiter = 0;       // sigils: the opening delimiter ('"' also for heredocs)
  bool heredoc = false;
  uint32_t indent = 0;      // heredocs: the closing delimiter's indentation
  std::string modifiers;    // sigils: the letters after the closing delimiter
};

struct Lexed {
  std::vector<Token> tokens;      // the top level
  std::vector<Token> sub_tokens;  // interpolated expressions
  std::vector<Term> literals;     // int / flt / char values
  std::vector<StrPart> parts;
  std::vector<LexString> strings;
  std::string pool;               // literal text of string parts
  std::vector<Warning> warnings;
  std::optional<RawError> error;

  std::string_view part_text(const StrPart& p) const noexcept {
    return std::string_view(pool).substr(p.begin, p.end - p.begin);
  }
  std::span<const Token> sub_tokens_span(const StrPart& p) const noexcept {
    return std::span<const Token>(sub_tokens).subspan(p.begin, p.end - p.begin);
  }
};

struct LexOptions {
  uint32_t line = 1;
  uint32_t column = 1;
};

Lexed lex(std::string_view source, const LexOptions& opts = {});

// Elixir's escape processing (:elixir_interpolation.unescape_string/1): \n,
// \t, \e, \s, \xHH, \uHHHH, \u{H..}, \<newline> and \c -> c. The evaluator
// uses it for sigils (~s, ~w, ~c). On a bad escape returns false and sets
// `error` to Elixir's message.
bool unescape_string(std::string_view raw, std::string& out, std::string* error = nullptr);

// Appends the UTF-8 encoding of `cp` (false for a surrogate or > 0x10FFFF).
bool append_utf8(std::string& out, uint32_t cp);

}  // namespace otp::shell

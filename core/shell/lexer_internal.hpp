// The Lexer class shared by lexer.cpp (main loop), lexer_ops.cpp (operators,
// brackets, dots, atoms), lexer_ident.cpp (identifiers, keywords),
// lexer_numbers.cpp (numbers, ?c), lexer_strings.cpp (strings, heredocs,
// sigils, interpolation) and lexer_escapes.cpp.
// Internal to core/shell: include lexer.hpp instead.
//
// The structure follows elixir_tokenizer.erl clause by clause: run() tries
// the same prefixes in the same order, because several overlap (":<<>>",
// "..//", "...:", sigils before operators, ...).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "shell/lexer.hpp"
#include "shell/ops.hpp"

namespace otp::shell::detail {

struct Terminator {
  Tok start;        // LParen, LBracket, LCurly, LBit, Fn, Do
  uint32_t line;
  uint32_t indent;  // indentation of the line that opened it (for hints)
};

class Lexer {
 public:
  Lexer(std::string_view src, Lexed& out, uint32_t line, uint32_t column);

  // Tokenizes into `toks` until the end of input. In an interpolation, stops
  // at the '}' that closes it (closed_ tells). False on error.
  bool run(std::vector<Token>& toks, bool interpolation);

 private:
  // ---- position ----
  bool at_end(size_t k = 0) const noexcept { return p_ + k >= s_.size(); }
  char peek(size_t k = 0) const noexcept { return p_ + k < s_.size() ? s_[p_ + k] : '\0'; }
  bool starts(std::string_view pre) const noexcept { return s_.substr(p_).starts_with(pre); }
  bool ws_at(size_t k) const noexcept;  // space, tab, \r or \n at p_+k (false at end)
  void advance(size_t bytes) noexcept;   // on one line: columns count code points
  uint32_t decode(size_t at, uint32_t& cp) const noexcept;  // bytes of the code point at `at`

  // ---- tokens ----
  Token make(Tok kind, uint32_t line, uint32_t col, uint32_t a = 0) const noexcept;
  void push(Token t) { toks_->push_back(t); }
  void push_with_eol(Token t);  // add_token_with_eol: drops a preceding eol
  const Token* top() const noexcept { return toks_->empty() ? nullptr : &toks_->back(); }
  void eol_token(uint32_t line, uint32_t col);
  void strip_spaces() noexcept;  // spaces and tabs

  // ---- errors and warnings ----
  bool fail(uint32_t line, uint32_t col, std::string error, std::string token);
  bool fail2(uint32_t line, uint32_t col, std::string prefix, std::string token, std::string suffix);
  bool unexpected_token(uint32_t line, uint32_t col);
  void warn(uint32_t line, uint32_t col, std::string text);

  // ---- pieces (return false on error) ----
  bool step(bool interpolation, bool& stop);
  bool op_token(Tok kind, Op op, size_t bytes, bool unary);  // handle_op / handle_unary_op
  bool terminator(Tok kind, size_t bytes);                    // ( [ { << ) ] } >>
  bool close_terminator(Token t);                             // ) ] } >> end: check_terminator
  std::string missing_hint(Tok start) const;
  bool dot();                                                 // tokenize_dot / handle_dot
  bool call_identifier_after_dot(uint32_t line, uint32_t col, std::string_view name, size_t bytes);
  bool colon();                                               // atoms after ':'
  bool identifier();                                          // names, keywords, aliases
  bool keyword(std::string_view word, uint32_t line, uint32_t col, size_t bytes);
  bool number();
  bool based_number(int base, uint32_t line, uint32_t col);
  bool char_literal();
  bool comment();
  bool space_sensitive();

  // Identifier scan at p_+at (String.Tokenizer's rules): 0 if none. Sets
  // `alias` (ASCII capital first letter), `ascii`, `has_at`, and `atom_only`
  // (a non-ASCII capital first letter: only valid as `:Name` or `Name:`).
  size_t scan_name(size_t at, bool& alias, bool& ascii, bool& has_at) const noexcept;
  size_t scan_name(size_t at, bool& alias, bool& ascii, bool& has_at, bool& atom_only) const noexcept;

  // ---- strings (lexer_strings.cpp) ----
  struct RawPart {
    bool interpolation = false;
    std::string text;  // literal: raw text (escapes still in)
    uint32_t begin = 0, end = 0, line = 0, column = 0;
  };
  // elixir_interpolation:extract from p_ (just after the opening delimiter).
  // `term` is the closing delimiter; `heredoc`: three of it at a line start.
  // On success p_ is after the closing delimiter. `what`: " (for string
  // starting at line N)"-style suffix for errors.
  bool extract(char term, bool heredoc, bool interpolate, std::vector<RawPart>& parts,
               const std::string& what);
  bool interpolation(std::vector<RawPart>& parts);
  bool string_token(char quote, uint32_t line, uint32_t col);
  bool heredoc_token(char quote, uint32_t line, uint32_t col);
  bool sigil_token(uint32_t line, uint32_t col);
  bool quoted_atom(uint32_t line, uint32_t col);
  bool quoted_call(uint32_t line, uint32_t col, uint32_t dot_line, uint32_t dot_col);
  void heredoc_indent(std::vector<RawPart>& parts, uint32_t indent);
  // Stores parts (unescaped unless `raw`) and returns the LexString index.
  bool store(std::vector<RawPart>& parts, bool raw, uint32_t line, uint32_t col, uint32_t& index);
  void collect_modifiers(std::string& mods);

  std::string_view s_;
  size_t p_ = 0;
  uint32_t line_, col_;
  Lexed& out_;
  std::vector<Token>* toks_ = nullptr;
  std::vector<Terminator> terms_;
  std::vector<Terminator> hints_;  // mismatch_hints: do/fn over-indented, end too deep
  uint32_t indentation_ = 0;
  int depth_ = 0;
  std::uintptr_t stack_base_;
  bool closed_ = false;  // interpolation: its '}' was found
};

bool is_ident_start(uint32_t cp) noexcept;
bool is_ident_continue(uint32_t cp) noexcept;
// unescape_chars/2 of Elixir: appends to `out`; on error sets Elixir's
// message and the offending escape ("\\x", "\\u").
bool unescape_chars(std::string_view s, std::string& out, std::string& msg, std::string& token);

}  // namespace otp::shell::detail

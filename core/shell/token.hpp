// Tokens of the shell language, as elixir_tokenizer (Elixir 1.14) makes them.
//
// The lexer (lexer.hpp) turns source text into a vector of Token; the parser
// reads it. Token kinds mirror the terminals of elixir_parser.yrl one to one,
// so the grammar and its error messages ("syntax error before: ...") can be
// reproduced exactly. The second column is the token's name in yecc's error
// text when the token carries no value of its own.
//
// Representation: 24 bytes, no ownership. `a` holds the token's value:
//   identifiers, kw_identifier, alias, atom, block_identifier: an Atom id;
//   operator tokens: an Op; int/flt/char: an index into Lexed::literals;
//   strings, heredocs, quoted atoms, sigils: an index into Lexed::strings.
// `off`/`len` locate the token's source text (numbers keep their original
// spelling for error messages); interpolated tokens live in Lexed::sub_tokens.
#pragma once
#include <cstdint>

namespace otp::shell {

#define OTP_SHELL_TOKENS(X)                                                                       \
  X(Eof, "")                                                                                      \
  X(Eol, "eol")                                                                                   \
  X(Semicolon, "';'")                                                                             \
  X(Comma, "','")                                                                                 \
  X(Dot, "'.'")                                                                                   \
  X(LParen, "'('")                                                                                \
  X(RParen, "')'")                                                                                \
  X(LBracket, "'['")                                                                              \
  X(RBracket, "']'")                                                                              \
  X(LCurly, "'{'")                                                                                \
  X(RCurly, "'}'")                                                                                \
  X(LBit, "'<<'")                                                                                 \
  X(RBit, "'>>'")                                                                                 \
  X(MapOp, "'%{}'")                                                                               \
  X(Percent, "'%'")                                                                               \
  X(Fn, "fn")                                                                                     \
  X(End, "'end'")                                                                                 \
  X(Do, "do")                                                                                     \
  X(True, "true")                                                                                 \
  X(False, "false")                                                                               \
  X(Nil, "nil")                                                                                   \
  /* value: an Atom */                                                                            \
  X(Identifier, "identifier")                                                                     \
  X(ParenIdentifier, "paren_identifier")                                                          \
  X(BracketIdentifier, "bracket_identifier")                                                      \
  X(DoIdentifier, "do_identifier")                                                                \
  X(OpIdentifier, "op_identifier")                                                                \
  X(KwIdentifier, "kw_identifier")                                                                \
  X(BlockIdentifier, "block_identifier")                                                          \
  X(Alias, "alias")                                                                               \
  X(Atom, "atom")                                                                                 \
  X(AtomQuoted, "atom_quoted")                                                                    \
  /* value: a literal */                                                                          \
  X(Int, "int")                                                                                   \
  X(Flt, "flt")                                                                                   \
  X(Char, "char")                                                                                 \
  /* value: a string (parts) */                                                                   \
  X(BinString, "bin_string")                                                                      \
  X(ListString, "list_string")                                                                    \
  X(BinHeredoc, "bin_heredoc")                                                                    \
  X(ListHeredoc, "list_heredoc")                                                                  \
  X(Sigil, "sigil")                                                                               \
  X(AtomUnsafe, "atom_unsafe")                                                                    \
  X(KwIdentifierUnsafe, "kw_identifier_unsafe")                                                   \
  /* value: an Op */                                                                              \
  X(CompOp, "comp_op")                                                                            \
  X(AtOp, "at_op")                                                                                \
  X(UnaryOp, "unary_op")                                                                          \
  X(AndOp, "and_op")                                                                              \
  X(OrOp, "or_op")                                                                                \
  X(ArrowOp, "arrow_op")                                                                          \
  X(MatchOp, "match_op")                                                                          \
  X(InOp, "in_op")                                                                                \
  X(InMatchOp, "in_match_op")                                                                     \
  X(TypeOp, "type_op")                                                                            \
  X(DualOp, "dual_op")                                                                            \
  X(MultOp, "mult_op")                                                                            \
  X(PowerOp, "power_op")                                                                          \
  X(ConcatOp, "concat_op")                                                                        \
  X(RangeOp, "range_op")                                                                          \
  X(XorOp, "xor_op")                                                                              \
  X(PipeOp, "pipe_op")                                                                            \
  X(StabOp, "stab_op")                                                                            \
  X(WhenOp, "when_op")                                                                            \
  X(CaptureOp, "capture_op")                                                                      \
  X(AssocOp, "assoc_op")                                                                          \
  X(RelOp, "rel_op")                                                                              \
  X(TernaryOp, "ternary_op")                                                                      \
  X(DotCallOp, "dot_call_op")

enum class Tok : uint8_t {
#define X(name, text) name,
  OTP_SHELL_TOKENS(X)
#undef X
};

struct Token {
  Tok kind = Tok::Eof;
  uint8_t newlines = 0;  // eol/','/';': newlines folded in (capped at 255)
  uint16_t pad_ = 0;
  uint32_t line = 0;
  uint32_t column = 0;
  uint32_t a = 0;    // value (see the header comment)
  uint32_t off = 0;  // source text
  uint32_t len = 0;
};

// The name of a token kind (for tokens without a value of their own).
const char* token_kind_text(Tok kind) noexcept;

inline bool is_op_token(Tok k) noexcept { return k >= Tok::CompOp && k <= Tok::DotCallOp; }
inline bool is_atom_token(Tok k) noexcept { return k >= Tok::Identifier && k <= Tok::AtomQuoted; }
inline bool is_string_token(Tok k) noexcept { return k >= Tok::BinString && k <= Tok::KwIdentifierUnsafe; }

}  // namespace otp::shell

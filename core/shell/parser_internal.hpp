// The Parser class shared by parser.cpp (entry, tokens, errors),
// parser_blocks.cpp (top level, parentheses, fn, do-blocks, clauses),
// parser_expr.cpp (operators, primaries), parser_calls.cpp (calls, dots,
// arguments) and parser_data.cpp (lists, tuples, maps, structs, bitstrings,
// keywords, strings). Internal to core/shell: include parser.hpp instead.
//
// Method: recursive descent that mirrors elixir_parser.yrl (Elixir 1.14)
// production by production, with precedence climbing for the operators.
// The yecc grammar sorts expressions into three classes, and so do we:
//   Matched    plain expressions: f(x), a + b, foo bar (one argument)
//   Unmatched  expressions ending in a do-block: if a do b end, x = foo do end
//   NoParens   calls with several arguments and no parentheses: foo a, b
// Each context accepts some classes (a container rejects NoParens with
// Elixir's "unexpected comma" message, a dot needs Matched, ...). Errors are
// reported at the token where the LALR parser would stop, with its text.
//
// Errors unwind with a C++ exception (ParseFail) caught in parse(): it is
// thrown at most once per parse. Recursive functions keep no destructible
// locals (children gather on `scratch_`), which keeps wasm's exception
// support off the hot path.
#pragma once
#include <span>
#include <string>
#include <vector>

#include "shell/ast.hpp"
#include "shell/lexer.hpp"
#include "shell/parser.hpp"

namespace otp::shell::detail {

// NoParensUnary: a prefix operator on a NoParens call (`not f a, b`): the
// grammar reads it as NoParens wherever that is possible (even as an error)
// and as Unmatched elsewhere (map entries).
enum class Cls : uint8_t { Matched, Unmatched, NoParens, NoParensUnary };
inline bool no_parens(Cls c) noexcept { return c == Cls::NoParens || c == Cls::NoParensUnary; }

// An expression and what the grammar knows about it.
struct Expr {
  Node* n = nullptr;
  Cls c = Cls::Matched;
  // 1: an access_expr (may be followed by [key]); 2: an identifier written
  // name[ (dot_bracket_identifier); 0: neither.
  uint8_t acc = 0;
};

// What a parenthesized group turned out to be.
struct Group {
  enum Kind : uint8_t { Expression, Empty, Args } kind = Expression;
  Expr e;             // Expression / Empty (a Block with no expressions)
  size_t mark = 0;    // Args: scratch_[mark..] are the arguments
  const Token* open = nullptr;
};

struct ParseFail {};

class Parser {
 public:
  Parser(const Lexed& lx, Arena& arena, std::vector<Warning>& warnings, std::string_view src);

  // The `grammar` rule over `toks`: the top-level expressions.
  void parse_all(std::span<const Token> toks, std::vector<Node*>& out);
  RawError error;

 private:
  // ---- tokens (parser.cpp) ----
  const Token& peek(size_t k = 0) const noexcept;
  const Token& next() noexcept;
  bool at(Tok k) const noexcept { return peek().kind == k; }
  bool at_kw() const noexcept { return at(Tok::KwIdentifier) || at(Tok::KwIdentifierUnsafe); }
  bool at_eoe() const noexcept { return at(Tok::Eol) || at(Tok::Semicolon); }
  void skip_eol() noexcept {
    if (at(Tok::Eol)) next();
  }
  void skip_eoe() noexcept;
  void expect(Tok k);
  void close(Tok k);  // close_paren / close_bracket / close_curly / close_bit: [eol] k

  // ---- errors ----
  [[noreturn]] void fail_at(const Token& t);
  [[noreturn]] void fail(RawError e);
  [[noreturn]] void fail_line(const Node* n, std::string message, std::string token);
  [[noreturn]] void fail_nested_no_parens(const Node* n);
  [[noreturn]] void fail_container_no_parens(const Node* n);
  [[noreturn]] void fail_keyword_follow_up(const Token& comma, bool call);
  // Errors raised when a rule is reduced come after a bad lookahead token.
  void check_follow();
  void warn(uint32_t line, uint32_t column, std::string text);
  std::string token_text(const Token& t) const;
  void enter();  // depth check
  void leave() noexcept { --depth_; }

  // ---- expressions (parser_expr.cpp; calls in parser_calls.cpp) ----
  Expr expr(int min = 0);
  Expr expr_from(Expr lhs, int min, bool stop_at_bar = false);
  Expr operand(int prec);
  Expr prefix();
  Expr primary();
  Expr binary(Expr lhs, const Token& op, Expr rhs);
  Expr postfix_dot(Expr lhs);
  Expr access(Expr lhs);
  Expr call_after_name(Node* target, const Token& name);
  Expr paren_call(Node* target, const Token& name, Node* fun);
  Expr with_do_block(Node* call);  // the call takes a do-block: Unmatched
  Expr alias_after_dot(Expr lhs, const Token& alias);
  Node* at_node(const Token& at, Node* operand);
  Node* capture_node(const Token& amp, Node* operand);
  enum class ArgsKind : uint8_t { One, Many, Ambig };
  ArgsKind no_parens_args();                    // pushes the arguments on scratch_
  void paren_args();                            // call_args_parens: pushes the arguments
  Node* no_parens_keywords();                   // call_args_no_parens_kw: a keyword List

  // ---- blocks and clauses (parser_blocks.cpp) ----
  void grammar(std::span<const Token> toks);  // pushes the expressions on scratch_
  Group paren_group(bool stab_head, bool no_parens_arg);
  Expr fn();
  Node* do_block();
  bool stab(bool allow_args);                   // pushes stab items on scratch_; true: an argument list
  Node* stab_item(bool allow_args, bool& args_result);
  Node* clause(size_t mark, bool unwrap, const Token& arrow, Node* guard);
  Node* build_stab(size_t mark, const Token& open, bool fn);  // consumes scratch_[mark..]
  Node* build_block(size_t mark, uint32_t line, uint32_t column);  // consumes scratch_[mark..]

  // ---- data (parser_data.cpp) ----
  Expr list();
  Expr tuple();
  Expr bitstring();
  Expr map(const Token& start, Node* struct_name);
  Expr struct_expr();
  void container_args(Tok close_kind, bool allow_kw_tail);  // pushes elements
  void keyword_pairs(Tok close_kind, bool call);             // kw_data / kw_call: pushes pair Tuples
  void assoc(Expr key);                                      // pushes key, value (value null: bare)
  Node* keyword_key(const Token& t);
  Expr container_expr();
  Node* string_node(const Token& t);   // strings, charlists, heredocs, quoted atoms, sigils
  Node* interpolation(const StrPart& p);
  Node* literal(const Token& t, Term value);

  // ---- node building ----
  Node* make(NodeKind kind, const Token& t) { return arena_.node(kind, t.line, t.column); }
  Node* make(NodeKind kind, const Node* at) { return arena_.node(kind, at->line, at->column); }
  void set_kids(Node* n, size_t mark);  // moves scratch_[mark..] into n->kids
  void set_kids(Node* n, std::initializer_list<Node*> kids);
  Node* var(const Token& t);
  Node* atom_literal(const Token& t, Atom a);

  const Lexed& lx_;
  Arena& arena_;
  std::vector<Warning>& warnings_;
  std::string_view src_;
  std::span<const Token> toks_;
  size_t i_ = 0;
  Token eof_;
  std::vector<Node*> scratch_;
  int depth_ = 0;
  std::uintptr_t stack_base_;
  bool no_do_ = false;    // inside no-parens call arguments: `do` belongs to the outer call
  bool struct_top_ = false;  // the top of a struct name: `name{` is not a call (%a{})
  bool no_comma_ = false;    // only a matched_expr is possible: calls take one argument
  Expr matched_expr();       // an expression where only matched_expr is possible
};

bool starts_no_parens_arg(Tok k) noexcept;
// A lone `not x` / `!x` / `a not in b`, which Elixir keeps in a __block__.
bool is_negation_node(const Node* n) noexcept;

}  // namespace otp::shell::detail

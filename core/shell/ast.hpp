// The shell language's syntax tree (the AST the evaluator walks).
//
// Representation. Every node is one `Node` (56 bytes natively) allocated in
// an Arena; ParseResult holds the arena in a shared_ptr, so whoever keeps a
// node (a module's function bodies, a fun) keeps the arena. Children are a
// counted array of Node* (`kids`); two extra pointers `x`/`y` and a Term
// `value` carry what a kind needs (see the table). Names are interned Atoms
// (identifiers become atoms, as in Elixir's own AST); literal values are
// Terms (integers, bignums, floats, atoms, binaries, charlists). Nodes are
// immutable once parsed and are only ever read by one thread (Terms are not
// thread-safe).
//
// The tree keeps Elixir's syntax (its quoted form maps 1:1, see quoted.hpp)
// but names things for the evaluator: calls are local, remote or anonymous,
// operators are an Op enum, `do ... end` blocks are named sections, `->`
// clauses have patterns, an optional guard and a body, string interpolation
// is a list of parts, `@name` is an Attr.
//
//   kind        fields                                   source
//   Literal     value                                    1  2.0  :ok  "s"  'cl'  ?a  true  nil
//   Var         name                                     x  _  __MODULE__ (or a zero-arity call: evaluator decides)
//   Alias       value = :"Elixir.A.B" (nil if dynamic);  A.B  __MODULE__.Sub  (kids[0] is an expression
//               kids = segments (atom Literals)          when the head is dynamic)
//   List        kids = elements, x = tail or null        [1, 2]  [h | t]  [a: 1] (pairs are Tuples)
//   Tuple       kids                                     {1, 2}   (keyword pairs: flag KwPair)
//   Map         kids = k0, v0, k1, v1, ...               %{a => 1, b: 2}
//   MapUpdate   kids = base, k0, v0, ...                 %{m | a: 1}
//   Struct      kids = [name, Map or MapUpdate]          %Name{a: 1}
//   Bitstring   kids = segments                          <<a::8, b::binary>>
//   Interp      op = Interp kind, kids = parts           "a #{x}"  'a#{x}'  :"a#{x}"
//               (a part is a binary Literal flagged kStrPart, or an expression)
//   Sigil       name = sigil_x, kids = parts (raw text,  ~w(a b)a  ~r/x/i
//               not unescaped), value = modifiers charlist
//   BinaryOp    op, kids = [left, right]                 a + b   (RangeStep: [first, last, step])
//   UnaryOp     op, kids = [operand]                     -a  !a  not a  ^a  &expr  ~~~a  @expr
//   Attr        name, kids = [] or [value]               @doc  @doc "text"
//   CaptureArg  value = N                                &1
//   CaptureFn   name, value = arity, kids = [] or [mod]  &foo/1  &Mod.foo/2
//   LocalCall   name, kids = args, x = DoBlock or null   foo(1)  foo 1, 2  if x do ... end
//   RemoteCall  name, kids = [target, args...], x        Mod.fun(1)  :erlang.abs x  map.key
//   AnonCall    kids = [fun, args...], x                 f.(1)
//   Access      kids = [expr, key]                       m[:k]
//   Fn          kids = Clauses                           fn x -> x end
//   Clause      kids = patterns, x = guard or null,      x when x > 0 -> body   (in fn, case, receive, ...)
//               y = body
//   Stab        kids = Clauses                           (a -> b): a do-section or parens of clauses
//   Block       kids = expressions (none: nil)           (a; b)  ()  a body of several expressions
//   DoBlock     kids = Sections, in source order         do ... else ... end
//   Section     name (do/else/after/rescue/catch),       the body is a Block, an expression or a Stab
//               x = body
//
// Notes for the evaluator:
//   * a Map's bare entry (`%{a}`: valid syntax, a compile error) has a null
//     value; keyword pairs of maps are flattened into key, value;
//   * `if x, do: 1` keeps its keywords as the last argument (a List of
//     kKwPair Tuples) while `if x do 1 end` has a DoBlock: block_section()
//     reads both;
//   * a lone `not x` / `!x` (or `a not in b`) as a whole body is wrapped in a
//     one-element Block, as Elixir's parser does (keeps `(not a) in b` apart
//     from the deprecated `not a in b`, which is parsed as not(a in b));
//   * `a not in b` is BinaryOp NotIn; `1..9//2` is BinaryOp RangeStep;
//   * `f(1)(2)` is an AnonCall flagged kNestedParens (kids[0] is `f(1)`);
//   * `Foo.{A, B}` is a RemoteCall named `{}`.
//
// Positions: every node has the line and column of its first token (a call:
// its name; a binary operator: the operator, as in Elixir's metadata).
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "shell/ops.hpp"
#include "term/term.hpp"

namespace otp::shell {

#define OTP_SHELL_NODES(X) \
  X(Literal)               \
  X(Var)                   \
  X(Alias)                 \
  X(List)                  \
  X(Tuple)                 \
  X(Map)                   \
  X(MapUpdate)             \
  X(Struct)                \
  X(Bitstring)             \
  X(Interp)                \
  X(Sigil)                 \
  X(BinaryOp)              \
  X(UnaryOp)               \
  X(Attr)                  \
  X(CaptureArg)            \
  X(CaptureFn)             \
  X(LocalCall)             \
  X(RemoteCall)            \
  X(AnonCall)              \
  X(Access)                \
  X(Fn)                    \
  X(Clause)                \
  X(Stab)                  \
  X(Block)                 \
  X(DoBlock)               \
  X(Section)

enum class NodeKind : uint8_t {
#define X(name) name,
  OTP_SHELL_NODES(X)
#undef X
};
const char* node_kind_name(NodeKind k) noexcept;

// Interp nodes: what the parts build.
enum class InterpKind : uint8_t { String, Charlist, Atom };

// Node::flags
enum NodeFlag : uint16_t {
  kParens = 1 << 0,        // written in parentheses: (a + b)
  kNoParens = 1 << 1,      // a call without parentheses: foo 1, Mod.fun, map.key
  kKwPair = 1 << 2,        // Tuple from keyword syntax: a: 1
  kKwList = 1 << 3,        // List written as keywords without brackets: f(x, a: 1)
  kCharLiteral = 1 << 4,   // Literal from ?c
  kCharlist = 1 << 5,      // Literal charlist: 'abc'
  kHeredoc = 1 << 6,       // string / sigil written as a heredoc
  kAmbiguousOp = 1 << 7,   // call from `foo -1` (op_identifier)
  kNestedParens = 1 << 8,  // AnonCall from foo(1)(2): kids[0] is the first call
  kKwFromBlock = 1 << 9,   // DoBlock written with do/end (not as do: keywords)
  kUnwrapWhen = 1 << 10,   // Clause: the guard came from `a, b when g ->` (printer)
  kStrPart = 1 << 11,      // Literal: the text between interpolations of an Interp / Sigil
  kReserved = 1 << 12,     // Literal: true, false or nil written as such (not :true)
};

struct Node {
  NodeKind kind;
  Op op;            // BinaryOp / UnaryOp; Interp: the InterpKind
  uint16_t flags;
  uint32_t line;
  uint32_t column;
  Atom name;        // calls, Var, Attr, CaptureFn, Sigil, Section
  uint32_t count;   // number of kids
  Node** kids;
  Node* x;          // DoBlock of a call, List tail, Clause guard, Section body
  Node* y;          // Clause body
  Term value;       // Literal value, Alias atom, CaptureArg/CaptureFn number, Sigil modifiers

  std::span<Node* const> children() const noexcept { return {kids, count}; }
  Node* kid(std::size_t i) const noexcept { return kids[i]; }
  bool has(NodeFlag f) const noexcept { return (flags & f) != 0; }
  InterpKind interp_kind() const noexcept { return static_cast<InterpKind>(op); }

  // Call arguments (without the do-block), for Local/Remote/AnonCall.
  std::span<Node* const> args() const noexcept {
    std::size_t skip = kind == NodeKind::LocalCall ? 0 : 1;
    return {kids + skip, count - skip};
  }
  Node* target() const noexcept { return kids[0]; }  // RemoteCall / AnonCall
  // Clause
  std::span<Node* const> patterns() const noexcept { return children(); }
  Node* guard() const noexcept { return x; }
  Node* body() const noexcept { return kind == NodeKind::Clause ? y : x; }
};

// Bump allocator for nodes, child arrays and their Terms. Not thread-safe;
// destroying it releases every Term held by its nodes.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;
  ~Arena();

  Node* node(NodeKind kind, uint32_t line, uint32_t column);
  Node** array(std::size_t n);
  void set_value(Node* n, Term v);  // keeps a boxed Term alive with the arena
  std::size_t bytes() const noexcept { return bytes_; }
  std::size_t node_count() const noexcept { return nodes_; }

 private:
  void* allocate(std::size_t bytes, std::size_t align);
  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  std::byte* cur_ = nullptr;
  std::size_t left_ = 0;
  std::size_t bytes_ = 0;
  std::size_t nodes_ = 0;
  std::vector<Node*> boxed_;  // nodes whose value needs releasing
};

// The section named `name` (do/else/after/rescue/catch) of a call's block,
// whether written as do ... end or as trailing keywords (`if x, do: 1`).
// Returns its body, or null.
const Node* block_section(const Node* call, Atom name);

}  // namespace otp::shell

// The operators of the shell language (Elixir 1.14), listed once.
//
// An operator token carries its Op; BinaryOp and UnaryOp nodes carry it too,
// so the evaluator switches on an enum, never on text. Binding power and
// associativity follow elixir_parser.yrl of Elixir 1.14 (higher binds
// tighter); `**` is left-associative there, as in the real 1.14 parser.
//
//   prec  assoc  operators
//    310  left   . (postfix: a.b, a.(x), a[b])        320 @ (unary)
//    300  -      unary + - ! ^ not ~~~
//    230  left   **            220 left  * /           210 left  + -
//    200  right  ++ -- +++ --- .. <>                    190 right //
//    180  left   ^^^           170 left  in, not in
//    160  left   |> <<< >>> <<~ ~>> <~ ~> <~> <|>
//    150  left   < > <= >=     140 left  == != =~ === !==
//    130  left   && &&& and    120 left  || ||| or
//    100  right  =             90  -     & (unary)
//     80  right  =>            70  right |
//     60  right  ::            50  right when
//     40  left   <- \\         10  right ->
#pragma once
#include <cstdint>
#include <string_view>

namespace otp::shell {

// X(name, text, binary precedence, right-associative)
// Unary-only operators have precedence 0 here; see unary_precedence().
#define OTP_SHELL_OPS(X)            \
  X(Match, "=", 100, true)          \
  X(Plus, "+", 210, false)          \
  X(Minus, "-", 210, false)         \
  X(Mul, "*", 220, false)           \
  X(Div, "/", 220, false)           \
  X(Pow, "**", 230, false)          \
  X(Concat, "++", 200, true)        \
  X(Subtract, "--", 200, true)      \
  X(Concat3, "+++", 200, true)      \
  X(Subtract3, "---", 200, true)    \
  X(BinConcat, "<>", 200, true)     \
  X(Range, "..", 200, true)         \
  X(Step, "//", 190, true)          \
  X(RangeStep, "..//", 0, false)    \
  X(Xor, "^^^", 180, false)         \
  X(In, "in", 170, false)           \
  X(NotIn, "not in", 170, false)    \
  X(Pipe, "|>", 160, false)         \
  X(ShiftL, "<<<", 160, false)      \
  X(ShiftR, ">>>", 160, false)      \
  X(ArrowLL, "<<~", 160, false)     \
  X(ArrowRR, "~>>", 160, false)     \
  X(ArrowL, "<~", 160, false)       \
  X(ArrowR, "~>", 160, false)       \
  X(ArrowLR, "<~>", 160, false)     \
  X(PipeLR, "<|>", 160, false)      \
  X(Lt, "<", 150, false)            \
  X(Gt, ">", 150, false)            \
  X(Le, "<=", 150, false)           \
  X(Ge, ">=", 150, false)           \
  X(Eq, "==", 140, false)           \
  X(Ne, "!=", 140, false)           \
  X(RegexMatch, "=~", 140, false)   \
  X(StrictEq, "===", 140, false)    \
  X(StrictNe, "!==", 140, false)    \
  X(AndAnd, "&&", 130, false)       \
  X(AndAndAnd, "&&&", 130, false)   \
  X(And, "and", 130, false)         \
  X(OrOr, "||", 120, false)         \
  X(OrOrOr, "|||", 120, false)      \
  X(Or, "or", 120, false)           \
  X(Assoc, "=>", 80, true)          \
  X(Bar, "|", 70, true)             \
  X(Type, "::", 60, true)           \
  X(When, "when", 50, true)         \
  X(LeftArrow, "<-", 40, false)     \
  X(Default, "\\\\", 40, false)     \
  X(Stab, "->", 10, true)           \
  X(Not, "not", 0, false)           \
  X(Bang, "!", 0, false)            \
  X(Pin, "^", 0, false)             \
  X(BNot, "~~~", 0, false)          \
  X(Capture, "&", 0, false)         \
  X(At, "@", 0, false)

enum class Op : uint8_t {
#define X(name, text, prec, right) name,
  OTP_SHELL_OPS(X)
#undef X
      Count
};

// The operator's source text ("+", "not in", "\\\\" is the two-char "\\").
std::string_view op_text(Op op) noexcept;
// Binary binding power (0 for unary-only operators) and associativity.
int op_precedence(Op op) noexcept;
bool op_right_assoc(Op op) noexcept;
// Binding power of a prefix use: 300 for + - ! ^ not ~~~ (and // as the
// parser's odd unary form), 320 for @, 90 for &.
int unary_precedence(Op op) noexcept;

inline constexpr int kDotPrecedence = 310;

}  // namespace otp::shell

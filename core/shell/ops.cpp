// Operator texts and binding powers (the table is in ops.hpp).
#include "shell/ops.hpp"

namespace otp::shell {

namespace {
struct OpInfo {
  std::string_view text;
  int prec;
  bool right;
};
constexpr OpInfo kOps[] = {
#define X(name, text, prec, right) {text, prec, right},
    OTP_SHELL_OPS(X)
#undef X
};
}  // namespace

std::string_view op_text(Op op) noexcept { return kOps[static_cast<int>(op)].text; }
int op_precedence(Op op) noexcept { return kOps[static_cast<int>(op)].prec; }
bool op_right_assoc(Op op) noexcept { return kOps[static_cast<int>(op)].right; }

int unary_precedence(Op op) noexcept {
  switch (op) {
    case Op::At:
      return 320;
    case Op::Capture:
      return 90;
    default:
      return 300;
  }
}

}  // namespace otp::shell

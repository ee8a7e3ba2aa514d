// IEx's line reader (see iex_input.hpp).
#include "shell/iex_input.hpp"

namespace otp::shell {

IexReader::Result IexReader::feed(std::string_view line, uint32_t counter) {
  Result r;
  if (line == "#iex:break") {
    if (buffer_.empty()) return r;  // IEx answers "incomplete" and keeps nothing
    r.code = std::move(buffer_);
    buffer_.clear();
    last_was_match_ = false;
    SyntaxError e;
    e.kind = ErrorKind::TokenMissingError;
    e.line = counter;
    e.description = "incomplete expression";
    r.status = ParseStatus::Error;
    r.error_text = render_iex_error(e, r.code, counter);
    r.parse.status = ParseStatus::Error;
    r.parse.error = std::move(e);
    return r;
  }
  r.code = buffer_;
  r.code.append(line);
  r.code += '\n';
  ParseOptions opts;
  opts.line = counter;
  opts.iex_pipe_shorthand = true;
  opts.last_was_match = last_was_match_;
  r.parse = parse(r.code, opts);
  r.status = r.parse.status;
  switch (r.status) {
    case ParseStatus::Complete: {
      buffer_.clear();
      const auto& e = r.parse.exprs;
      last_was_match_ = e.size() == 1 && e[0]->kind == NodeKind::BinaryOp && e[0]->op == Op::Match;
      break;
    }
    case ParseStatus::Incomplete:
      buffer_ = r.code;
      break;
    case ParseStatus::Error:
      buffer_.clear();
      last_was_match_ = false;
      r.error_text = render_iex_error(*r.parse.error, r.code, counter);
      break;
  }
  return r;
}

}  // namespace otp::shell

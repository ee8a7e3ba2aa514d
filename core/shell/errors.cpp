// Syntax error texts: :elixir_errors.parse_error/5 of Elixir 1.14, the
// snippet of Exception.format_snippet/2, and Erlang's printing of atoms and
// strings that yecc uses for "syntax error before: TOKEN".
#include "shell/errors.hpp"

#include <algorithm>
#include <cstdio>

namespace otp::shell {

const char* SyntaxError::kind_name() const noexcept {
  return kind == ErrorKind::TokenMissingError ? "TokenMissingError" : "SyntaxError";
}

namespace {
std::string reserved_message(std::string_view word) {
  std::string w(word);
  return "syntax error before: " + w + ". \"" + w +
         "\" is a reserved word in Elixir and therefore its usage is limited. For instance, it can't be used as a "
         "variable or be defined nor invoked as a regular function";
}
}  // namespace

SyntaxError finish(const RawError& raw) {
  SyntaxError e;
  e.line = raw.line;
  e.column = raw.column;
  const bool before = raw.error == "syntax error before: ";
  const std::string& tok = raw.token;
  if (raw.form == RawError::Form::Sigil) {
    e.description = "syntax error before: sigil ~" + raw.suffix + " starting with content '" + tok + "'";
    return e;
  }
  if (raw.form == RawError::Form::String) {
    e.description = raw.error + "\"" + tok + (raw.suffix.empty() ? "\"" : "");
    return e;
  }
  if (tok.empty()) {
    e.kind = ErrorKind::TokenMissingError;
    e.description = before ? "syntax error: expression is incomplete" : raw.error;
    e.snippet = raw.column != 0;
    return e;
  }
  if (before && tok == "eol") {
    e.description = "unexpectedly reached end of line. The current expression is invalid or incomplete";
    return e;
  }
  static constexpr std::string_view kQuoted[] = {"'not'", "'and'", "'or'", "'when'", "'after'", "'catch'", "'end'"};
  static constexpr std::string_view kPlain[] = {"fn", "else", "rescue", "true", "false", "nil", "in"};
  if (before) {
    for (std::string_view q : kQuoted)
      if (tok == q) {
        e.description = reserved_message(q.substr(1, q.size() - 2));
        return e;
      }
    for (std::string_view p : kPlain)
      if (tok == p) {
        e.description = reserved_message(p);
        return e;
      }
  }
  if (raw.has_suffix) {
    e.description = raw.error + tok + raw.suffix;
    return e;
  }
  if (before && tok[0] == '$') {  // a ?c character token
    e.description = "syntax error before: ?" + tok.substr(1);
    return e;
  }
  e.description = raw.error + tok;
  e.snippet = raw.column != 0;
  return e;
}

std::string render_iex_error(const SyntaxError& err, std::string_view input, uint32_t start_line,
                             std::string_view file) {
  std::string out = "** (";
  out += err.kind_name();
  out += ") ";
  out += file;
  if (err.line != 0) {
    out += ":" + std::to_string(err.line);
    if (err.column != 0) out += ":" + std::to_string(err.column);
  }
  out += ": ";
  out += err.description;
  if (!err.snippet || err.column == 0 || err.line < start_line) return out;
  // The error's line of the input.
  std::string_view rest = input;
  for (uint32_t l = start_line; l < err.line; ++l) {
    size_t nl = rest.find('\n');
    if (nl == std::string_view::npos) return out;
    rest.remove_prefix(nl + 1);
  }
  std::string_view content = rest.substr(0, rest.find('\n'));
  if (std::all_of(content.begin(), content.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }))
    return out;
  std::string number = std::to_string(err.line);
  std::string placeholder(std::max<size_t>(number.size(), 2), ' ');
  std::string padding = number.size() < 2 ? " " : "";
  out += "\n " + placeholder + " |\n " + padding + number + " | ";
  out += content;
  out += "\n " + placeholder + " | " + std::string(err.column - 1, ' ') + "^";
  return out;
}

std::string erlang_atom_text(std::string_view name) {
  static constexpr std::string_view kReserved[] = {
      "after", "and",  "andalso", "band", "begin", "bnot",    "bor",     "bsl",  "bsr", "bxor", "case", "catch",
      "cond",  "div",  "end",     "fun",  "if",    "let",     "not",     "of",   "or",  "orelse", "receive",
      "rem",   "try",  "when",    "xor"};
  // Unquoted: a lowercase Latin-1 letter, then Latin-1 letters, digits, _ and @.
  bool plain = !name.empty();
  bool first = true;
  for (size_t i = 0; i < name.size() && plain;) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    uint32_t cp = c;
    size_t n = 1;
    if (c >= 0x80) {
      if ((c == 0xC2 || c == 0xC3) && i + 1 < name.size()) {
        cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3Fu);
        n = 2;
      } else {
        plain = false;
        break;
      }
    }
    const bool lower = (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7);
    const bool other = (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_' || cp == '@' ||
                       (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
    plain = first ? lower : (lower || other);
    first = false;
    i += n;
  }
  for (std::string_view r : kReserved)
    if (name == r) plain = false;
  if (plain) return std::string(name);
  std::string out = "'";
  for (char c : name) {
    switch (c) {
      case '\'': out += "\\'"; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out + "'";
}

std::string erlang_string_text(std::string_view bytes) {
  std::string out = "\"";
  for (char c : bytes) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out + "\"";
}

}  // namespace otp::shell

// The lexer's strings: "...", '...', heredocs, sigils, quoted atoms, quoted
// keywords and quoted calls, with #{} interpolation (elixir_interpolation.erl
// and the string clauses of elixir_tokenizer.erl). Escapes: lexer_escapes.cpp.
#include <cstdio>

#include "shell/lexer_internal.hpp"

namespace otp::shell::detail {

namespace {
bool bidi(uint32_t cp) noexcept { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

// is_unnecessary_quote: a single literal part that reads as a plain identifier.
bool plain_identifier(std::string_view s) noexcept {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_')) return false;
  size_t i = 1;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '_')) ++i;
  if (i < s.size() && (s[i] == '!' || s[i] == '?')) ++i;
  return i == s.size();
}
}  // namespace


bool Lexer::extract(char term, bool heredoc, bool interpolate, std::vector<RawPart>& parts, const std::string& what) {
  std::string buf;
  auto flush = [&] {
    if (!buf.empty()) {
      RawPart p;
      p.text = std::move(buf);
      parts.push_back(std::move(p));
      buf.clear();
    }
  };
  // After a newline (already in buf): next line; a heredoc may close here.
  auto newline = [&]() -> int {
    ++line_;
    col_ = 1;
    if (!heredoc) return 0;
    size_t k = p_;
    while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t')) ++k;
    if (k + 2 < s_.size() && s_[k] == term && s_[k + 1] == term && s_[k + 2] == term) {
      col_ = static_cast<uint32_t>(k - p_) + 4;
      p_ = k + 3;
      return 1;  // closed; the spaces before the delimiter are not content
    }
    buf.append(s_.substr(p_, k - p_));
    col_ = static_cast<uint32_t>(k - p_) + 1;
    p_ = k;
    return 0;
  };
  if (heredoc && newline()) {  // the content starts with the (virtual) newline of the header
    flush();
    return true;
  }
  for (;;) {
    if (at_end()) {
      std::string t = heredoc ? std::string(3, term) : std::string(1, term);
      return fail(line_, col_, "missing terminator: " + t + what, "");
    }
    char c = s_[p_];
    if (!heredoc && c == term) {
      ++p_;
      ++col_;
      flush();
      if (parts.empty()) parts.push_back(RawPart{});  // "" is one empty part
      return true;
    }
    if (c == '\\' && peek(1) == '\r' && peek(2) == '\n') {
      buf += "\\\r\n";
      p_ += 3;
      if (newline()) break;
      continue;
    }
    if (c == '\\' && peek(1) == '\n') {
      buf += "\\\n";
      p_ += 2;
      if (newline()) break;
      continue;
    }
    if (c == '\n') {
      buf += '\n';
      ++p_;
      if (newline()) break;
      continue;
    }
    if (c == '\\' && !heredoc && peek(1) == term) {
      buf += term;
      p_ += 2;
      col_ += 2;
      continue;
    }
    if (c == '\\' && heredoc && peek(1) == term && peek(2) == term && peek(3) == term) {
      buf.append(3, term);
      p_ += 4;
      col_ += 4;
      continue;
    }
    if (c == '\\' && interpolate && peek(1) == '#' && peek(2) == '{') {
      buf += "\\#{";
      p_ += 3;
      col_ += 1;  // sic: Elixir advances the column by one here
      continue;
    }
    if (c == '#' && interpolate && peek(1) == '{') {
      flush();
      if (!interpolation(parts)) return false;
      continue;
    }
    if (c == '\\') {
      buf += '\\';
      ++p_;
      ++col_;
      if (at_end()) continue;
    }
    uint32_t cp;
    uint32_t n = decode(p_, cp);
    if (bidi(cp)) {
      char tok[16];
      std::snprintf(tok, sizeof tok, "\\u%04X", cp);
      return fail2(line_, col_, "invalid bidirectional formatting character in string: ", tok,
                   std::string(". If you want to use such character, use it in its escaped ") + tok + " form instead");
    }
    buf.append(s_.substr(p_, n));
    p_ += n;
    ++col_;
  }
  flush();  // a heredoc closed after a newline
  return true;
}

bool Lexer::interpolation(std::vector<RawPart>& parts) {
  const uint32_t line = line_, col = col_;
  if (depth_ >= kMaxInterpolationDepth || stack_base_ - stack_address() > kLexStackBudget)
    return fail(line, col, "interpolation is nested too deeply. Syntax error before: ", "#{");
  p_ += 2;
  col_ += 2;
  std::vector<Token> inner;
  // The interpolation is tokenized with a fresh scope: only its warnings
  // come back (not its indentation or terminator hints).
  std::vector<Terminator> saved_terms, saved_hints = hints_;
  saved_terms.swap(terms_);
  const uint32_t saved_indentation = indentation_;
  ++depth_;
  bool ok = run(inner, true);
  --depth_;
  bool closed = closed_;
  closed_ = false;
  terms_.swap(saved_terms);
  if (ok) {
    hints_.swap(saved_hints);
    indentation_ = saved_indentation;
  }
  if (!ok) return false;
  if (!closed) return fail(line, col, "missing interpolation terminator: \"}\"", "");
  RawPart p;
  p.interpolation = true;
  p.line = line;
  p.column = col;
  p.begin = static_cast<uint32_t>(out_.sub_tokens.size());
  out_.sub_tokens.insert(out_.sub_tokens.end(), inner.begin(), inner.end());
  p.end = static_cast<uint32_t>(out_.sub_tokens.size());
  parts.push_back(std::move(p));
  ++p_;  // the closing '}'
  ++col_;
  return true;
}

bool Lexer::store(std::vector<RawPart>& parts, bool raw, uint32_t line, uint32_t col, uint32_t& index) {
  LexString ls;
  ls.first_part = static_cast<uint32_t>(out_.parts.size());
  for (RawPart& r : parts) {
    StrPart p;
    p.interpolation = r.interpolation;
    if (r.interpolation) {
      p.begin = r.begin;
      p.end = r.end;
      p.line = r.line;
      p.column = r.column;
    } else {
      p.begin = static_cast<uint32_t>(out_.pool.size());
      if (raw) {
        out_.pool += r.text;
      } else {
        std::string msg, token;
        if (!unescape_chars(r.text, out_.pool, msg, token)) return fail(line, col, msg + ". Syntax error after: ", token);
      }
      p.end = static_cast<uint32_t>(out_.pool.size());
    }
    out_.parts.push_back(p);
  }
  ls.part_count = static_cast<uint32_t>(out_.parts.size()) - ls.first_part;
  index = static_cast<uint32_t>(out_.strings.size());
  out_.strings.push_back(std::move(ls));
  return true;
}

static std::string starting_at(const char* what, uint32_t line) {
  return std::string(" (for ") + what + " starting at line " + std::to_string(line) + ")";
}

bool Lexer::string_token(char quote, uint32_t line, uint32_t col) {
  advance(1);
  std::vector<RawPart> parts;
  if (!extract(quote, false, true, parts, starting_at("string", line))) return false;
  if (peek() == ':' && ws_at(1)) {  // "quoted key": value
    const bool single = parts.size() <= 1 && (parts.empty() || !parts[0].interpolation);
    if (single && plain_identifier(parts.empty() ? "" : parts[0].text))
      warn(line, col,
           "found quoted keyword \"" + (parts.empty() ? std::string() : parts[0].text) +
               "\" but the quotes are not required. Note that keywords are always atoms, even when quoted. "
               "Similar to atoms, keywords made exclusively of ASCII letters, numbers, and underscores and not "
               "beginning with a number do not require quotes");
    uint32_t index;
    if (!store(parts, false, line, col + 1, index)) return false;
    const LexString& ls = out_.strings[index];
    Token t;
    if (single) {
      std::string_view text = ls.part_count ? out_.part_text(out_.parts[ls.first_part]) : std::string_view();
      if (text.size() > 255) return fail(line, col, "atom length must be less than system limit: ", std::string(text));
      t = make(Tok::KwIdentifier, line, col, Atom::intern(text).id);
    } else {
      t = make(Tok::KwIdentifierUnsafe, line, col, index);
    }
    push(t);
    advance(1);
    return true;
  }
  uint32_t index;
  if (!store(parts, false, line, col + 1, index)) return false;
  push(make(quote == '"' ? Tok::BinString : Tok::ListString, line, col, index));
  return true;
}

// extract_heredoc_indent/3: strip up to `indent` spaces or tabs after each newline.
void Lexer::heredoc_indent(std::vector<RawPart>& parts, uint32_t indent) {
  for (RawPart& p : parts) {
    if (p.interpolation) continue;
    std::string out;
    const std::string& s = p.text;
    for (size_t i = 0; i < s.size();) {
      out += s[i];
      if (s[i++] != '\n') continue;
      uint32_t n = 0;
      while (n < indent && i < s.size() && (s[i] == ' ' || s[i] == '\t')) {
        ++i;
        ++n;
      }
    }
    p.text = std::move(out);
  }
  if (!parts.empty() && !parts[0].interpolation && !parts[0].text.empty() && parts[0].text[0] == '\n')
    parts[0].text.erase(0, 1);
}

// `"""` then optional spaces and a newline, the content, and `"""` alone on
// a line; its indentation is removed from every content line.
bool Lexer::heredoc_token(char quote, uint32_t line, uint32_t col) {
  advance(3);
  size_t k = p_;
  while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t')) ++k;
  if (!(k < s_.size() && (s_[k] == '\n' || (s_[k] == '\r' && k + 1 < s_.size() && s_[k + 1] == '\n'))))
    return fail(line, col, "heredoc allows only zero or more whitespace characters followed by a new line after ",
                std::string(3, quote));
  p_ = k + (s_[k] == '\n' ? 1 : 2);
  // Elixir extracts "\n" ++ content: the virtual newline is glued back below.
  std::vector<RawPart> body;
  if (!extract(quote, true, true, body, starting_at("heredoc", line))) return false;
  if (!body.empty() && !body[0].interpolation) {
    body[0].text.insert(0, "\n");
  } else {
    body.insert(body.begin(), RawPart{false, "\n", 0, 0, 0, 0});
  }
  const uint32_t indent = col_ - 4;
  heredoc_indent(body, indent);
  uint32_t index;
  if (!store(body, false, line, col, index)) return false;
  out_.strings[index].heredoc = true;
  out_.strings[index].indent = indent;
  push(make(quote == '"' ? Tok::BinHeredoc : Tok::ListHeredoc, line, col, index));
  return true;
}

void Lexer::collect_modifiers(std::string& mods) {
  while (!at_end() && std::isalnum(static_cast<unsigned char>(peek()))) {
    mods += peek();
    ++p_;
    ++col_;
  }
}

bool Lexer::sigil_token(uint32_t line, uint32_t col) {
  const char letter = peek(1), open = peek(2);
  const bool lower = letter >= 'a' && letter <= 'z';
  std::vector<RawPart> parts;
  LexString extra;
  extra.sigil = letter;
  extra.delimiter = open;
  if ((open == '"' || open == '\'') && peek(3) == open && peek(4) == open) {
    advance(5);
    size_t k = p_;
    while (k < s_.size() && (s_[k] == ' ' || s_[k] == '\t')) ++k;
    if (!(k < s_.size() && (s_[k] == '\n' || (s_[k] == '\r' && k + 1 < s_.size() && s_[k + 1] == '\n'))))
      return fail(line, col, "heredoc allows only zero or more whitespace characters followed by a new line after ",
                  std::string(3, open));
    p_ = k + (s_[k] == '\n' ? 1 : 2);
    if (!extract(open, true, lower, parts, starting_at("heredoc", line))) return false;
    if (!parts.empty() && !parts[0].interpolation) {
      parts[0].text.insert(0, "\n");
    } else {
      parts.insert(parts.begin(), RawPart{false, "\n", 0, 0, 0, 0});
    }
    heredoc_indent(parts, col_ - 4);
    extra.heredoc = true;
  } else {
    static constexpr std::string_view kOpen = "/<\"'[({|";
    if (kOpen.find(open) == std::string_view::npos) {
      uint32_t cp;
      uint32_t n = decode(p_ + 2, cp);
      char hex[16];
      std::snprintf(hex, sizeof hex, "%04X", cp);
      return fail(line, col, "invalid sigil delimiter: ",
                  "\"" + std::string(s_.substr(p_ + 2, n)) + "\" (column " + std::to_string(col + 2) +
                      ", code point U+" + hex + "). The available delimiters are: //, ||, \"\", '', (), [], {}, <>");
    }
    char close = open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : open == '<' ? '>' : open;
    advance(3);
    std::string what = " (for sigil ~" + std::string(1, letter) + std::string(1, open) + " starting at line " +
                       std::to_string(line) + ")";
    if (!extract(close, false, lower, parts, what)) return false;
  }
  collect_modifiers(extra.modifiers);
  uint32_t index;
  if (!store(parts, true, line, col, index)) return false;
  LexString& ls = out_.strings[index];
  ls.sigil = extra.sigil;
  ls.delimiter = extra.delimiter;
  ls.heredoc = extra.heredoc;
  ls.modifiers = std::move(extra.modifiers);
  push(make(Tok::Sigil, line, col, index));
  return true;
}

bool Lexer::quoted_atom(uint32_t line, uint32_t col) {
  const char quote = peek(1);
  advance(2);
  std::vector<RawPart> parts;
  if (!extract(quote, false, true, parts, starting_at("atom", line))) return false;
  const bool single = parts.size() <= 1 && (parts.empty() || !parts[0].interpolation);
  if (single && !parts.empty() && plain_identifier(parts[0].text))
    warn(line, col,
         "found quoted atom \"" + parts[0].text +
             "\" but the quotes are not required. Atoms made exclusively of ASCII letters, numbers, underscores, "
             "beginning with a letter or underscore, and optionally ending with ! or ? do not require quotes");
  uint32_t index;
  if (!store(parts, false, line, col, index)) return false;
  const LexString& ls = out_.strings[index];
  if (single) {
    std::string_view text = ls.part_count ? out_.part_text(out_.parts[ls.first_part]) : std::string_view();
    if (text.size() > 255) return fail(line, col, "atom length must be less than system limit: ", std::string(text));
    push(make(Tok::AtomQuoted, line, col, Atom::intern(text).id));
  } else {
    push(make(Tok::AtomUnsafe, line, col, index));
  }
  return true;
}

// a."name"(...): the name is taken as written (only \" is processed).
bool Lexer::quoted_call(uint32_t line, uint32_t col, uint32_t dot_line, uint32_t dot_col) {
  const char quote = peek();
  advance(1);
  std::vector<RawPart> parts;
  if (!extract(quote, false, true, parts, starting_at("function name", line))) return false;
  if (parts.size() > 1 || (parts.size() == 1 && parts[0].interpolation))
    return fail(line, col, "interpolation is not allowed when calling function/macro. Found interpolation in a call starting with: ",
                std::string(1, quote));
  std::string name = parts.empty() ? std::string() : parts[0].text;
  if (plain_identifier(name))
    warn(line, col,
         "found quoted call \"" + name +
             "\" but the quotes are not required. Calls made exclusively of Unicode letters, numbers, and "
             "underscores and not beginning with a number do not require quotes");
  if (name.size() > 255) return fail(line, col, "atom length must be less than system limit: ", name);
  push_with_eol(make(Tok::Dot, dot_line, dot_col));
  Tok k = peek() == '(' ? Tok::ParenIdentifier : peek() == '[' ? Tok::BracketIdentifier : Tok::Identifier;
  push(make(k, line, col, Atom::intern(name).id));
  return true;
}

}  // namespace otp::shell::detail

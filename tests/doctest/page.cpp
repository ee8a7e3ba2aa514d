// Reading a page's runnable blocks (page.hpp): a scanner over tags, with
// comments, <script> and <style> skipped, that only looks inside the
// <pre> elements marked otp-run / otp-output.
#include "page.hpp"

#include <cctype>
#include <map>

#include "shell/lib/chars.hpp"

namespace otp::doctest {

namespace {

using Attrs = std::map<std::string, std::string>;

bool has_class(const Attrs& attrs, std::string_view name) {
  auto it = attrs.find("class");
  if (it == attrs.end()) return false;
  std::string_view s = it->second;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    std::size_t j = i;
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
    if (s.substr(i, j - i) == name) return true;
    i = j;
  }
  return false;
}

// Parses `name="v" name='v' name=v name` up to the tag's end.
Attrs parse_attrs(std::string_view s) {
  Attrs attrs;
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  };
  while (true) {
    skip_space();
    if (i >= s.size() || s[i] == '/') break;
    std::size_t start = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '=' && s[i] != '/') ++i;
    std::string name(s.substr(start, i - start));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    skip_space();
    std::string value;
    if (i < s.size() && s[i] == '=') {
      ++i;
      skip_space();
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        char q = s[i++];
        std::size_t end = s.find(q, i);
        if (end == std::string_view::npos) end = s.size();
        value = decode_entities(s.substr(i, end - i));
        i = end + 1;
      } else {
        start = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        value = std::string(s.substr(start, i - start));
      }
    }
    if (name.empty()) break;
    attrs[name] = value;
  }
  return attrs;
}

int line_at(std::string_view html, std::size_t pos) {
  int line = 1;
  for (std::size_t i = 0; i < pos && i < html.size(); ++i)
    if (html[i] == '\n') ++line;
  return line;
}


}  // namespace

std::string decode_entities(std::string_view s) {
  static const std::map<std::string_view, std::string_view> named = {
      {"lt", "<"}, {"gt", ">"}, {"amp", "&"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\xC2\xA0"}};
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out += s[i];
      continue;
    }
    std::size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 10) {
      out += s[i];
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    if (!name.empty() && name[0] == '#') {
      bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
      std::string digits(name.substr(hex ? 2 : 1));
      char* end = nullptr;
      unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
      if (!digits.empty() && end && *end == '\0') {
        shell::lib::append_utf8(out, static_cast<uint32_t>(cp));
        i = semi;
        continue;
      }
    } else if (auto it = named.find(name); it != named.end()) {
      out += it->second;
      i = semi;
      continue;
    }
    out += s[i];
  }
  return out;
}

Page read_page(std::string path, std::string_view html) {
  Page page;
  page.path = std::move(path);
  std::size_t pos = 0;
  Block* awaiting_output = nullptr;  // a code block whose otp-output comes next
  auto error = [&](std::size_t at, const std::string& what) {
    page.errors.push_back(page.path + ":" + std::to_string(line_at(html, at)) + ": " + what);
  };
  while ((pos = html.find('<', pos)) != std::string_view::npos) {
    if (html.substr(pos, 4) == "<!--") {
      std::size_t end = html.find("-->", pos + 4);
      pos = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    std::size_t close = html.find('>', pos);
    if (close == std::string_view::npos) break;
    std::string_view tag = html.substr(pos + 1, close - pos - 1);
    std::size_t name_end = 0;
    while (name_end < tag.size() && !std::isspace(static_cast<unsigned char>(tag[name_end])) && tag[name_end] != '/') ++name_end;
    std::string name(tag.substr(0, name_end));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::size_t tag_pos = pos;
    pos = close + 1;
    if (name == "script" || name == "style") {
      std::size_t end = html.find("</" + name, pos);
      pos = end == std::string_view::npos ? html.size() : end;
      continue;
    }
    if (name.empty() || name[0] == '/' || name[0] == '!') continue;
    Attrs attrs = parse_attrs(tag.substr(name_end));
    const bool run = has_class(attrs, "otp-run");
    const bool output = has_class(attrs, "otp-output");
    const bool mentions = tag.find("otp-run") != std::string_view::npos || tag.find("otp-output") != std::string_view::npos;
    if (awaiting_output && !output) {
      error(tag_pos, "code block " + std::to_string(awaiting_output->index) +
                         " needs its expected output in the next element, a <pre class=\"otp-output\">");
      awaiting_output = nullptr;
    }
    if (!run && !output) {
      if (mentions) error(tag_pos, "a <" + name + "> names otp-run/otp-output in an attribute other than class, or with other words");
      continue;
    }
    if (name != "pre") {
      error(tag_pos, "otp-run and otp-output go on <pre> elements, not <" + name + ">");
      continue;
    }
    std::size_t end = html.find("</pre>", pos);
    if (end == std::string_view::npos) {
      error(tag_pos, "a <pre> that is never closed");
      break;
    }
    std::string_view raw = html.substr(pos, end - pos);
    if (raw.find('<') != std::string_view::npos) error(tag_pos, "a tag inside a block: write < as &lt;");
    std::string text = decode_entities(raw);
    if (!text.empty() && text[0] == '\n') text.erase(0, 1);  // as HTML does after <pre>
    pos = end + 6;
    if (output) {
      if (!awaiting_output) {
        error(tag_pos, "a <pre class=\"otp-output\"> that does not follow a code block");
        continue;
      }
      awaiting_output->expected = std::move(text);
      awaiting_output = nullptr;
      continue;
    }
    Block block;
    block.index = static_cast<int>(page.blocks.size()) + 1;
    block.line = line_at(html, tag_pos);
    block.fresh = attrs.count("data-node") && attrs["data-node"] == "fresh";
    std::string kind = attrs.count("data-kind") ? attrs["data-kind"] : "session";
    block.text = std::move(text);
    if (kind == "session") {
      block.kind = BlockKind::Session;
      block.expected = block.text;
    } else if (kind == "code") {
      block.kind = BlockKind::Code;
    } else {
      error(tag_pos, "data-kind must be \"session\" or \"code\", not \"" + kind + "\"");
    }
    if (attrs.count("data-node") && !block.fresh) error(tag_pos, "data-node can only be \"fresh\"");
    page.blocks.push_back(std::move(block));
    if (page.blocks.back().kind == BlockKind::Code) awaiting_output = &page.blocks.back();
  }
  if (awaiting_output)
    error(html.size(), "code block " + std::to_string(awaiting_output->index) + " has no <pre class=\"otp-output\">");
  for (const Block& b : page.blocks) {
    if (b.kind == BlockKind::Session && inputs_of(b).empty())
      page.errors.push_back(page.path + ":" + std::to_string(b.line) + ": session block " + std::to_string(b.index) +
                            " has no iex> line");
  }
  return page;
}

std::vector<Input> inputs_of(const Block& block) {
  std::vector<Input> inputs;
  std::size_t start = 0;
  const std::string& t = block.text;
  if (block.kind == BlockKind::Code) inputs.push_back({"(", false});
  while (start <= t.size()) {
    std::size_t nl = t.find('\n', start);
    if (nl == std::string::npos) nl = t.size();
    std::string line = t.substr(start, nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    start = nl + 1;
    if (block.kind == BlockKind::Code) {
      if (line.find_first_not_of(" \t") != std::string::npos) inputs.push_back({line, true});
      continue;
    }
    for (auto [prefix, cont] : {std::pair{std::string_view("iex>"), false}, std::pair{std::string_view("...>"), true}}) {
      if (line.rfind(prefix, 0) != 0) continue;
      std::string rest = line.substr(prefix.size());
      if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
      if (!rest.empty()) inputs.push_back({rest, cont});
    }
  }
  if (block.kind == BlockKind::Code) inputs.push_back({")", true});
  return inputs;
}

}  // namespace otp::doctest

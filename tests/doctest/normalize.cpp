// The output normaliser (normalize.hpp); the regular expressions are
// normalize.py's, in ECMAScript syntax.
#include "normalize.hpp"

#include <regex>
#include <vector>

namespace otp::doctest {

namespace {

struct Sub {
  std::regex re;
  const char* with;
};

const std::vector<Sub>& subs() {
  static const std::vector<Sub> s = {
      {std::regex(R"(#PID<\d+\.\d+\.\d+>)"), "#PID<*>"},
      {std::regex(R"((^|[^#\w])<\d+\.\d+\.\d+>)"), "$1<*>"},
      {std::regex(R"(#Reference<[\d.]+>)"), "#Reference<*>"},
      {std::regex(R"(#Port<[\d.]+>)"), "#Port<*>"},
      {std::regex(R"(#Function<\d+\.\d+/)"), "#Function<*/"},
      {std::regex(R"(^\d\d:\d\d:\d\d\.\d\d\d (?=\[))"), "* "},
      {std::regex(R"(^Interactive .* - press Ctrl\+C to exit \(type h\(\) ENTER for help\)$)"),
       "Interactive * - press Ctrl+C to exit (type h() ENTER for help)"},
      {std::regex(R"(^iex\(\d+\)>)"), "iex>"},
      {std::regex(R"(^\.\.\.\(\d+\)>)"), "...>"},
  };
  return s;
}

const std::vector<std::regex>& stack_lines() {
  static const std::vector<std::regex> s = {
      std::regex(R"(^\s{4,}\([\w]+ [\d.\w-]+\) \S+:\d+: \S)"),
      std::regex(R"(^\s{4,}\([\w]+ [\d.\w-]+\) \S+\.\w+/\d+$)"),
      std::regex(R"(^\s{4,}\([\w]+ [\d.\w-]+\) \S+\(.*\)$)"),
      std::regex(R"(^\s{4,}iex:\d+: \S)"),
      std::regex(R"(^\s{4,}:?[\w.]+\.\S+\(.*\)$)"),
      std::regex(R"(^\s{4,}[\w.]+\.\w+[?!]?/\d+$)"),
  };
  return s;
}

bool is_prompt(const std::string& line) {
  return line.rfind("iex>", 0) == 0 || line.rfind("...>", 0) == 0;
}

}  // namespace

std::string normalise(std::string_view input) {
  std::string text;
  text.reserve(input.size());
  for (std::size_t i = 0; i < input.size(); ++i)
    if (!(input[i] == '\r' && i + 1 < input.size() && input[i + 1] == '\n')) text += input[i];
  static const std::regex module_bin(R"(\{:module, ([\w.:"]+),\s*<<70, 79, 82, 49,[^>]*>>,\s*)");
  text = std::regex_replace(text, module_bin, "{:module, $1, <<*>>, ");

  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    std::string line = text.substr(start, nl - start);
    start = nl + 1;
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
    for (const Sub& s : subs()) line = std::regex_replace(line, s.re, s.with);
    bool stack = false;
    for (const std::regex& r : stack_lines()) stack = stack || std::regex_search(line, r);
    if (!stack) lines.push_back(std::move(line));
  }
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    // Blank lines before a prompt (left by a dropped stack trace) and at
    // either end do not count.
    if (lines[i].empty() && (out.empty() || i + 1 == lines.size() || is_prompt(lines[i + 1]))) continue;
    out += lines[i];
    out += '\n';
  }
  while (out.size() >= 2 && out[out.size() - 1] == '\n' && out[out.size() - 2] == '\n') out.pop_back();
  return out;
}

}  // namespace otp::doctest

// Every input typed in the IEx transcripts of ../shared/conformance goes
// through the shell's reader as through real IEx: complete expressions are
// complete, multi-line ones ask for more lines, and the syntax errors of
// t3_syntax print exactly what IEx printed.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "shell/iex_input.hpp"

using namespace otp::shell;

namespace {

std::string conformance_dir() {
  if (const char* env = std::getenv("OTP_CONFORMANCE_DIR")) return env;
#ifdef OTP_CONFORMANCE_DIR
  return OTP_CONFORMANCE_DIR;
#else
  return "../shared/conformance";
#endif
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The typed lines of NAME.iex: metadata lines (# at the top) are skipped.
std::vector<std::string> typed_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string l;
  bool header = true;
  while (std::getline(in, l)) {
    if (header && !l.empty() && l[0] == '#') continue;
    header = false;
    lines.push_back(l);
  }
  return lines;
}

// Replays the lines like IEx: the prompt counter advances after each
// complete input whose evaluation succeeds (errors keep it, as IEx does).
struct Replay {
  IexReader reader;
  uint32_t counter = 1;
  std::vector<std::string> errors;   // rendered syntax errors, in order
  std::vector<std::string> inputs;   // complete inputs
  void feed(const std::string& line) {
    IexReader::Result r = reader.feed(line, counter);
    if (r.status == ParseStatus::Complete) {
      inputs.push_back(r.code);
      ++counter;
    } else if (r.status == ParseStatus::Error) {
      errors.push_back(r.error_text);
    }
  }
};

}  // namespace

TEST_CASE("every input of the conformance transcripts parses as IEx parsed it", "[shell][parse][conformance]") {
  namespace fs = std::filesystem;
  int files = 0, inputs = 0;
  for (const auto& entry : fs::directory_iterator(conformance_dir())) {
    if (entry.path().extension() != ".iex") continue;
    const std::string name = entry.path().stem().string();
    if (name == "t3_syntax") continue;  // checked below, with its errors
    INFO(name);
    Replay replay;
    for (const std::string& line : typed_lines(read_file(entry.path().string()))) replay.feed(line);
    CHECK(replay.errors.empty());
    CHECK_FALSE(replay.reader.pending());
    inputs += static_cast<int>(replay.inputs.size());
    ++files;
  }
  CHECK(files >= 40);
  CHECK(inputs >= 300);
}

TEST_CASE("the t3_syntax transcript's errors and continuations are IEx's", "[shell][parse][conformance]") {
  const std::string dir = conformance_dir();
  const std::string out = read_file(dir + "/t3_syntax.out");
  std::vector<std::string> lines = typed_lines(read_file(dir + "/t3_syntax.iex"));
  // t3_syntax's counter stays at 2 after `1 + 2` because IEx's counter only
  // moves on successful evaluations; the errors do not move it.
  IexReader reader;
  uint32_t counter = 1;
  std::vector<std::string> errors;
  std::vector<ParseStatus> statuses;
  for (const std::string& line : lines) {
    IexReader::Result r = reader.feed(line, counter);
    statuses.push_back(r.status);
    if (r.status == ParseStatus::Complete) ++counter;
    if (r.status == ParseStatus::Error) {
      errors.push_back(r.error_text);
      INFO(r.error_text);
      CHECK(out.find(r.error_text + "\n") != std::string::npos);
    }
  }
  REQUIRE(lines.size() == 13);
  CHECK(statuses[0] == ParseStatus::Incomplete);  // 1 +
  CHECK(statuses[1] == ParseStatus::Complete);    // 2
  CHECK(statuses[2] == ParseStatus::Error);       // )
  CHECK(statuses[3] == ParseStatus::Error);       // %{a: }
  CHECK(statuses[4] == ParseStatus::Incomplete);  // "unterminated
  CHECK(statuses[5] == ParseStatus::Complete);    // still"
  CHECK(statuses[6] == ParseStatus::Incomplete);  // [1, 2
  CHECK(statuses[7] == ParseStatus::Error);       // , 3]
  CHECK(statuses[8] == ParseStatus::Incomplete);  // [1,
  CHECK(statuses[9] == ParseStatus::Error);       // #iex:break
  CHECK(statuses[10] == ParseStatus::Complete);   // :after_break
  CHECK(statuses[11] == ParseStatus::Complete);   // # a comment-only line
  CHECK(statuses[12] == ParseStatus::Complete);   // 1 + 1
  REQUIRE(errors.size() == 4);
  CHECK(errors[0] == "** (SyntaxError) iex:2:1: unexpected token: )\n    |\n  2 | )\n    | ^");
  CHECK(errors[1] == "** (SyntaxError) iex:2:6: syntax error before: '}'\n    |\n  2 | %{a: }\n    |      ^");
  CHECK(errors[2] == "** (SyntaxError) iex:4:1: syntax error before: ','\n    |\n  4 | , 3]\n    | ^");
  CHECK(errors[3] == "** (TokenMissingError) iex:3: incomplete expression");
}

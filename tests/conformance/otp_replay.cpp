// otp_replay: replays a transcript's typed lines (a .iex file) through an
// IEx session and prints the screen an IEx user would have seen: the
// prompts, each typed line echoed after its prompt, and everything the
// shell and the node's logger printed, in order.
//
//   otp_replay FILE.iex              (or - for standard input)
//
// It types the way ../shared/conformance/capture.sh does: a line is typed
// once the prompt is shown and the screen has been quiet for 600 ms. Time
// is virtual (a ManualClock): waiting costs nothing, so Process.sleep(5000)
// or a GenServer.call timeout replays instantly and the same every time.
// Lines starting with # at the top of the file are metadata, not typed.
// An input that never brings the prompt back (a receive that waits
// forever, a loop) is interrupted, as a user would with Ctrl-C, after
// 60 s of virtual time or 200 million reductions, and a note goes to stderr.
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "runtime/node.hpp"
#include "shell/session/session.hpp"
#include "virtual_typist.hpp"

namespace {

struct Screen {
  std::string text;
  uint64_t changes = 0;
  void write(std::string_view s) {
    text += s;
    ++changes;
  }
};

std::vector<std::string> read_lines(std::istream& in) {
  std::vector<std::string> lines;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (header && !line.empty() && line[0] == '#' && line.rfind("#iex:", 0) != 0) continue;
    header = false;
    lines.push_back(line);
  }
  return lines;
}

class Replay {
 public:
  Replay() : node_(node_options()), session_(node_, session_options()) {}

  void run(const std::vector<std::string>& lines) {
    session_.start();
    wait_for_prompt();
    settle();
    for (const std::string& line : lines) {
      screen_.write(line + "\n");
      prompted_ = false;
      session_.input(line);
      wait_for_prompt();
      settle();
    }
    std::cout << screen_.text;
    if (screen_.text.empty() || screen_.text.back() != '\n') std::cout << "\n";
  }

 private:
  void wait_for_prompt() {
    if (!otp::typist::wait_for_prompt(node_, clock_, session_, prompted_))
      std::cerr << "otp_replay: the input did not bring the prompt back; interrupted it\n";
  }
  void settle() { otp::typist::settle(node_, clock_, screen_.changes); }

  otp::NodeOptions node_options() {
    otp::NodeOptions o;
    o.clock = &clock_;
    o.log = [this](std::string_view s) { screen_.write(s); };
    return o;
  }
  otp::shell::SessionOptions session_options() {
    otp::shell::SessionOptions o;
    o.output = [this](std::string_view s) { screen_.write(s); };
    o.prompt = [this](std::string_view p) {
      screen_.write(p);
      prompted_ = true;
    };
    return o;
  }

  otp::ManualClock clock_;
  Screen screen_;
  otp::Node node_;
  otp::shell::Session session_;
  bool prompted_ = false;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: otp_replay FILE.iex   (or - for standard input)\n";
    return 2;
  }
  std::vector<std::string> lines;
  if (std::string(argv[1]) == "-") {
    lines = read_lines(std::cin);
  } else {
    std::ifstream in(argv[1]);
    if (!in) {
      std::cerr << "otp_replay: cannot read " << argv[1] << "\n";
      return 2;
    }
    lines = read_lines(in);
  }
  Replay replay;
  replay.run(lines);
  return 0;
}

// The observer's text screen for otpsh (observer::render_text): it fits the
// terminal exactly and shows the trees and the top processes.
#include <sstream>

#include "observer_fixture.hpp"

using namespace otp;
using namespace otp::test;

namespace {

std::vector<std::string> lines_of(const std::string& screen) {
  std::vector<std::string> out;
  std::istringstream in(screen);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::size_t columns(const std::string& line) {
  std::size_t n = 0;
  for (unsigned char c : line) n += (c & 0xC0) != 0x80;
  return n;
}

bool has(const std::string& screen, const std::string& what) { return screen.find(what) != std::string::npos; }

}  // namespace

TEST_CASE_METHOD(ObserverFixture, "the text view fills the terminal with the trees and the top processes",
                 "[observer]") {
  const std::string screen = observer::render_text(node, 100, 40);
  std::vector<std::string> lines = lines_of(screen);
  CHECK(lines.size() == 40);
  for (const std::string& l : lines) CHECK(columns(l) <= 100);
  CHECK(has(lines[0], "processes " + std::to_string(node.process_count())));
  CHECK(has(screen, " demo 1.2.3  the observer's demo"));
  CHECK(has(screen, "  Demo.Sup  " + inspect(Term(*node.whereis(a("Elixir.Demo.Sup")))) +
                        "  one_for_one  restarts 0/3 in 5s"));
  CHECK(has(screen, "├─ :a  "));
  CHECK(has(screen, "└─ :store  "));
  CHECK(has(screen, "│  └─ :b  "));
  CHECK(has(screen, " libraries: "));
  CHECK(has(screen, " Top by reductions"));
  CHECK(has(screen, " Top by memory"));
  CHECK(has(screen, " Top by message queue"));
  CHECK(has(screen, "Demo.Store"));
  CHECK(lines.back() == " press any key to return to the shell");
}

TEST_CASE_METHOD(ObserverFixture, "the text view shows a restart and still fits a small terminal", "[observer]") {
  node.exit(Term(*node.whereis(a("Elixir.Demo.Store"))), a("kill"));
  node.run_until_idle();
  const std::string screen = observer::render_text(node, 100, 40);
  CHECK(has(screen, "restarts 1/3 in 5s"));
  for (auto [w, h] : {std::pair{40, 10}, std::pair{20, 4}, std::pair{1, 1}}) {
    std::vector<std::string> lines = lines_of(observer::render_text(node, w, h));
    CHECK(lines.size() == std::size_t(std::max(h, 4)));
    for (const std::string& l : lines) CHECK(columns(l) <= std::size_t(std::max(w, 20)));
  }
}

// The doc-test's node (doc_node.hpp): boot, typing and settling on a
// ManualClock, typed as tests/conformance/virtual_typist.hpp types.
#include "doc_node.hpp"

#include "../conformance/virtual_typist.hpp"
#include "playground/boot.hpp"
#include "runtime/node.hpp"
#include "shell/session/session.hpp"

namespace otp::doctest {


struct DocNode::Impl {
  otp::ManualClock clock;
  std::string screen;      // what was printed since the last take()
  uint64_t changes = 0;
  bool prompted = false;
  std::string prompt;      // the last prompt shown
  std::unique_ptr<otp::Node> node;
  std::unique_ptr<otp::shell::Session> session;

  void write(std::string_view s) {
    screen += s;
    ++changes;
  }

  std::string take() {
    std::string s = std::move(screen);
    screen.clear();
    return s;
  }

  bool wait_for_prompt() { return typist::wait_for_prompt(*node, clock, *session, prompted); }
  bool settle() { return typist::settle(*node, clock, changes); }
};

DocNode::DocNode() : impl_(std::make_unique<Impl>()) {
  Impl& m = *impl_;
  otp::NodeOptions options;
  options.clock = &m.clock;
  options.log = [&m](std::string_view s) { m.write(s); };
  m.node = std::make_unique<otp::Node>(options);
  otp::examples::boot_playground(*m.node);  // as the playground boots
  otp::shell::SessionOptions session;
  session.output = [&m](std::string_view s) { m.write(s); };
  session.prompt = [&m](std::string_view p) {
    m.prompt = std::string(p);
    m.prompted = true;
  };
  session.observer_start = [] {};
  session.clear_screen = [] {};
  m.session = std::make_unique<otp::shell::Session>(*m.node, std::move(session));
  m.session->start();
  m.wait_for_prompt();
  m.settle();
  m.take();  // the banner
}

DocNode::~DocNode() {
  impl_->session.reset();
  impl_->node.reset();
}

BlockRun DocNode::run(const Block& block) {
  Impl& m = *impl_;
  BlockRun run;
  m.take();  // anything printed between blocks belongs to no block
  for (const Input& input : inputs_of(block)) {
    if (block.kind == BlockKind::Session) {
      run.output += m.take();
      run.output += m.prompt + input.line + "\n";
    }
    m.prompted = false;
    m.session->input(input.line);
    if (!m.wait_for_prompt())
      run.notes.push_back("the input `" + input.line + "` did not bring the prompt back: interrupted");
    if (!m.settle()) run.notes.push_back("the output after `" + input.line + "` did not stop within 60 s");
  }
  run.output += m.take();
  return run;
}

}  // namespace otp::doctest

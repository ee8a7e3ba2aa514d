// The doc-test's node (doc_node.hpp): boot, typing and settling on a
// ManualClock, as tests/conformance/otp_replay.cpp does.
#include "doc_node.hpp"

#include "playground/boot.hpp"
#include "runtime/node.hpp"
#include "shell/session/session.hpp"

namespace otp::doctest {

namespace {
constexpr int64_t kSettleMs = 600;
constexpr int64_t kGiveUpMs = 60'000;
constexpr uint64_t kGiveUpReductions = 200'000'000;
constexpr uint64_t kSlice = 20'000;
}  // namespace

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

  // Runs until a prompt is shown; false if the input had to be interrupted.
  bool wait_for_prompt() {
    const int64_t start = clock.now_ms();
    uint64_t reductions = 0;
    bool interrupted = false;
    while (!prompted) {
      otp::RunResult r = node->run(kSlice);
      reductions += r.reductions;
      if (prompted) break;
      const bool stuck = r.idle && !r.next_timer;
      if (!interrupted && (stuck || clock.now_ms() - start > kGiveUpMs || reductions > kGiveUpReductions)) {
        session->interrupt();
        interrupted = true;
        continue;
      }
      if (stuck) break;
      if (!r.idle) continue;
      if (*r.next_timer > clock.now_ms()) clock.set(*r.next_timer);
    }
    return !interrupted;
  }

  // Runs until nothing was printed for kSettleMs of virtual time; false if
  // the output did not stop within kGiveUpMs.
  bool settle() {
    const int64_t start = clock.now_ms();
    int64_t quiet_until = clock.now_ms() + kSettleMs;
    uint64_t seen = changes;
    uint64_t reductions = 0;
    for (;;) {
      otp::RunResult r = node->run(kSlice);
      reductions += r.reductions;
      if (changes != seen) {
        seen = changes;
        quiet_until = clock.now_ms() + kSettleMs;
      }
      if (clock.now_ms() - start > kGiveUpMs) return false;
      if (!r.idle) {
        if (reductions > kGiveUpReductions) break;
        clock.advance(1);
        if (clock.now_ms() >= quiet_until) break;
        continue;
      }
      if (!r.next_timer || *r.next_timer > quiet_until) break;
      if (*r.next_timer > clock.now_ms()) clock.set(*r.next_timer);
    }
    if (clock.now_ms() < quiet_until) clock.set(quiet_until);
    return true;
  }
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

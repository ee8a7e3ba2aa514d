// The playground node (see playground.hpp): boot order and the run loop.
#include "playground.hpp"

#include <emscripten.h>
#include <sys/time.h>

#include <ctime>

#include "json.hpp"
#include "playground/boot.hpp"

namespace otp::wasm {

namespace {
// Reductions per node.run() call: a few hundred microseconds of work, so a
// slice overshoots its budget by little.
constexpr uint64_t kRunReductions = 20'000;
}  // namespace

int64_t BrowserClock::now_ms() { return static_cast<int64_t>(emscripten_get_now()); }

int64_t BrowserClock::wall_ms_of_day() {
  timeval tv{};
  gettimeofday(&tv, nullptr);
  std::time_t s = tv.tv_sec;
  std::tm local{};
  localtime_r(&s, &local);
  return ((local.tm_hour * 60LL + local.tm_min) * 60 + local.tm_sec) * 1000 + tv.tv_usec / 1000;
}

Playground::Playground() {
  NodeOptions options;
  options.clock = &clock_;
  options.log = [this](std::string_view text) { emit(EventKind::Output, text); };
  node_ = std::make_unique<otp::Node>(options);

  examples::boot_playground(*node_);

  shell::SessionOptions session;
  session.output = [this](std::string_view text) { emit(EventKind::Output, text); };
  session.prompt = [this](std::string_view prompt) { emit(EventKind::Prompt, prompt); };
  session.colors = true;
  session.observer_start = [this] { emit(EventKind::Observer); };
  session.clear_screen = [this] { emit(EventKind::Clear); };
  session_ = std::make_unique<shell::Session>(*node_, std::move(session));
  session_->start();
}

Playground::~Playground() {
  session_.reset();
  node_.reset();
}

Playground::Status Playground::run(double budget_ms) {
  const double start = emscripten_get_now();
  RunResult r;
  do {
    r = node_->run(kRunReductions);
  } while (!r.idle && emscripten_get_now() - start < budget_ms);
  Status s;
  s.idle = r.idle;
  s.busy = session_->busy();
  if (r.idle && r.next_timer) s.delay_ms = std::max<int64_t>(0, *r.next_timer - node_->now_ms());
  return s;
}

void Playground::emit(EventKind kind, std::string_view text) {
  if (kind == EventKind::Output) {
    if (text.empty()) return;
    if (!events_.empty() && events_.back().kind == EventKind::Output) {
      events_.back().text += text;
      return;
    }
  }
  events_.push_back(Event{kind, std::string(text)});
}

void Playground::take_events(std::string& json) {
  json += '[';
  bool first = true;
  for (const Event& e : events_) {
    if (!first) json += ',';
    first = false;
    switch (e.kind) {
      case EventKind::Output: json += "[\"out\","; json_string(json, e.text); json += ']'; break;
      case EventKind::Prompt: json += "[\"prompt\","; json_string(json, e.text); json += ']'; break;
      case EventKind::Observer: json += "[\"observer\"]"; break;
      case EventKind::Clear: json += "[\"clear\"]"; break;
    }
  }
  json += ']';
  events_.clear();
}

}  // namespace otp::wasm

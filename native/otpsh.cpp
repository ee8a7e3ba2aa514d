// otpsh: the offline native shell, an IEx session (core/shell/session) on a
// node driven by this program's event loop, with libedit for line editing.
//
//   otpsh                 interactive: prompts, history (~/.otpsh_history),
//                         tab completion, IEx's colours on a terminal;
//                         Ctrl-C interrupts a running input, twice at a
//                         prompt exits; Ctrl-D exits
//   otpsh FILE.exs [ARG]  runs a script, exits 0, or 1 if it raised
//   otpsh -e EXPR         evaluates EXPR the same way
//   ... | otpsh           standard input not a terminal: each line is
//                         evaluated with its result printed and no prompts
//
// The loop: run the node in slices; when nothing is runnable, wait for a
// key (select on stdin) until the next timer is due. libedit's callback
// interface reads keys one at a time, so processes keep running (and their
// output shows) while a line is being edited. :observer.start() switches
// to the observer's text view until a key is pressed.
#include <editline/readline.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "runtime/node.hpp"
#include "services/observer.hpp"
#include "playground/boot.hpp"
#include "shell/session/session.hpp"

namespace {

volatile sig_atomic_t g_interrupts = 0;
void on_sigint(int) { g_interrupts = g_interrupts + 1; }

int64_t steady_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// Waits until stdin is readable or `ms` passed (-1: forever); true if readable.
bool wait_stdin(int64_t ms) {
  fd_set fds;
  FD_ZERO(&fds);
  FD_SET(STDIN_FILENO, &fds);
  timeval tv{};
  timeval* tvp = nullptr;
  if (ms >= 0) {
    tv.tv_sec = static_cast<long>(ms / 1000);
    tv.tv_usec = static_cast<long>((ms % 1000) * 1000);
    tvp = &tv;
  }
  return select(STDIN_FILENO + 1, &fds, nullptr, nullptr, tvp) > 0;
}

class Otpsh;
Otpsh* g_shell = nullptr;

class Otpsh {
 public:
  enum class Mode { Interactive, Piped, Script };

  explicit Otpsh(Mode mode) : mode_(mode), node_(make_node_options()) {
    otp::shell::SessionOptions o;
    o.output = [this](std::string_view s) { write_out(s); };
    o.prompt = [this](std::string_view p) { on_prompt(p); };
    o.colors = mode_ == Mode::Interactive && isatty(STDOUT_FILENO);
    o.banner_at_start = mode_ == Mode::Interactive;
    o.print_results = mode_ != Mode::Script;
    o.stop_at_error = mode_ == Mode::Script;
    o.observer_start = [this] { observer_requested_ = true; };
    o.clear_screen = [this] { write_out("\x1b[H\x1b[2J"); };
    session_ = std::make_unique<otp::shell::Session>(node_, std::move(o));
    // The same node as the page's: the IEx applications, the chatroom
    // running, the examples' modules callable by name.
    otp::examples::boot_playground(node_);
  }

  // Script mode and -e: feed the text, run until the session is idle at a
  // prompt; the exit status says whether an input failed.
  int run_script(const std::string& text) {
    session_->start();
    run_until_prompt();
    session_->input(text);
    run_until_prompt();
    return session_->failures() > 0 ? 1 : 0;
  }

  int run_piped() {
    session_->start();
    run_until_prompt();
    std::string line;
    while (std::getline(std::cin, line)) {
      session_->input(line);
      run_until_prompt();
    }
    return 0;
  }

  int run_interactive() {
    g_shell = this;
    history_path_ = history_file();
    using_history();
    read_history(history_path_.c_str());
    rl_attempted_completion_function = &Otpsh::completion;
    struct sigaction sa {};
    sa.sa_handler = on_sigint;
    sigaction(SIGINT, &sa, nullptr);
    session_->start();
    while (!quit_) {
      pump();
      if (quit_) break;
      if (observer_requested_) {
        observer_requested_ = false;
        show_observer();
        continue;
      }
      handle_interrupts();
      otp::RunResult r = node_.run(20000);
      if (!r.idle) continue;
      int64_t wait = -1;
      if (r.next_timer) wait = std::max<int64_t>(0, *r.next_timer - node_.now_ms());
      if (wait_stdin(wait > 200 || wait < 0 ? 200 : wait) && editing_) rl_callback_read_char();
    }
    if (editing_) rl_callback_handler_remove();
    write_history(history_path_.c_str());
    std::fputs("\n", stdout);
    return 0;
  }

 private:
  static otp::NodeOptions make_node_options() {
    otp::NodeOptions o;
    o.log = [](std::string_view s) {
      if (g_shell) g_shell->write_out(s);
      else std::fwrite(s.data(), 1, s.size(), stdout), std::fflush(stdout);
    };
    return o;
  }

  void write_out(std::string_view s) {
    if (editing_ && mode_ == Mode::Interactive) {
      // Output while a line is being edited: print it above the line, then
      // redraw the prompt and what was typed so far.
      std::fputs("\r\x1b[K", stdout);
      std::fwrite(s.data(), 1, s.size(), stdout);
      if (!s.empty() && s.back() != '\n') std::fputs("\n", stdout);
      rl_forced_update_display();
    } else {
      std::fwrite(s.data(), 1, s.size(), stdout);
    }
    std::fflush(stdout);
  }

  void on_prompt(std::string_view prompt) {
    prompted_ = true;
    if (mode_ != Mode::Interactive) return;
    prompt_ = std::string(prompt);
    if (editing_) rl_callback_handler_remove();
    rl_callback_handler_install(prompt_.c_str(), &Otpsh::line_read);
    editing_ = true;
  }

  static void line_read(char* line) {
    Otpsh& sh = *g_shell;
    rl_callback_handler_remove();
    sh.editing_ = false;
    if (!line) {  // Ctrl-D
      sh.quit_ = true;
      return;
    }
    if (*line) add_history(line);
    sh.session_->input(line);
    std::free(line);
  }

  static char** completion(const char* text, int start, int) {
    Otpsh& sh = *g_shell;
    rl_attempted_completion_over = 1;
    std::string before(rl_line_buffer, static_cast<std::size_t>(rl_point));
    otp::shell::Session::Completion c = sh.session_->complete(before);
    (void)start;
    // libedit completes `text` (the word readline split off): return the
    // word plus what the session inserts, or the candidates to list.
    std::vector<std::string> out;
    if (!c.insert.empty()) {
      out.push_back(std::string(text) + c.insert);
    } else if (!c.candidates.empty()) {
      out.push_back(text);
      for (const std::string& cand : c.candidates) out.push_back(cand);
    } else {
      return nullptr;
    }
    char** matches = static_cast<char**>(std::malloc(sizeof(char*) * (out.size() + 1)));
    for (std::size_t i = 0; i < out.size(); ++i) matches[i] = strdup(out[i].c_str());
    matches[out.size()] = nullptr;
    return matches;
  }

  // Runs the node until the session waits at a prompt with nothing queued.
  void run_until_prompt() {
    for (;;) {
      otp::RunResult r = node_.run(20000);
      if (prompted_ && !session_->busy() && r.idle) return;
      if (!r.idle) continue;
      if (!r.next_timer) return;
      int64_t wait = *r.next_timer - node_.now_ms();
      if (wait > 0) wait_stdin_timeout(wait);
    }
  }
  static void wait_stdin_timeout(int64_t ms) {
    timeval tv{static_cast<long>(ms / 1000), static_cast<long>((ms % 1000) * 1000)};
    select(0, nullptr, nullptr, nullptr, &tv);
  }

  void pump() {}

  void handle_interrupts() {
    if (!g_interrupts) return;
    g_interrupts = 0;
    const int64_t now = steady_ms();
    if (session_->busy()) {
      session_->interrupt();
      return;
    }
    // At a prompt, as IEx's break: the first Ctrl-C drops the line being
    // typed and says how to leave; a second one within 2 s exits.
    if (now - last_interrupt_ms_ < 2000) {
      quit_ = true;
      return;
    }
    last_interrupt_ms_ = now;
    if (editing_) rl_replace_line("", 0);
    write_out("(press Ctrl+C again to exit, or keep typing)\n");
  }

  void show_observer() {
    if (editing_) {
      rl_callback_handler_remove();
      editing_ = false;
    }
    termios saved{};
    tcgetattr(STDIN_FILENO, &saved);
    termios raw = saved;
    raw.c_lflag &= static_cast<tcflag_t>(~(ICANON | ECHO));
    tcsetattr(STDIN_FILENO, TCSANOW, &raw);
    for (;;) {
      winsize ws{};
      int w = 100, h = 30;
      if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) w = ws.ws_col, h = ws.ws_row;
      std::string screen = otp::observer::render_text(node_, w, h - 1);
      std::fputs("\x1b[H\x1b[2J", stdout);
      std::fwrite(screen.data(), 1, screen.size(), stdout);
      std::fputs("\n(press any key to return to the shell)", stdout);
      std::fflush(stdout);
      // Keep the node running for a second between redraws.
      const int64_t until = steady_ms() + 1000;
      bool key = false;
      while (!key && steady_ms() < until) {
        otp::RunResult r = node_.run(20000);
        if (r.idle) key = wait_stdin(50);
      }
      if (key) {
        char c;
        if (read(STDIN_FILENO, &c, 1) < 0) {}
        break;
      }
    }
    tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::fputs("\x1b[H\x1b[2J", stdout);
    std::fflush(stdout);
    on_prompt(prompt_.empty() ? "iex> " : prompt_);
  }

  static std::string history_file() {
    const char* home = std::getenv("HOME");
    return std::string(home && *home ? home : ".") + "/.otpsh_history";
  }

  Mode mode_;
  otp::Node node_;
  std::unique_ptr<otp::shell::Session> session_;
  std::string prompt_, history_path_;
  bool prompted_ = false, editing_ = false, quit_ = false, observer_requested_ = false;
  int64_t last_interrupt_ms_ = 0;
};

int usage() {
  std::cerr << "usage: otpsh [FILE.exs | -e EXPR]\n"
               "  with no argument: an interactive IEx-like shell (piped input: one line at a time, no prompts)\n";
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc >= 2 && (std::strcmp(argv[1], "-h") == 0 || std::strcmp(argv[1], "--help") == 0)) return usage(), 0;
  if (argc >= 2 && std::strcmp(argv[1], "-e") == 0) {
    if (argc < 3) return usage();
    Otpsh sh(Otpsh::Mode::Script);
    g_shell = &sh;
    return sh.run_script(argv[2]);
  }
  if (argc >= 2) {
    std::ifstream in(argv[1]);
    if (!in) {
      std::cerr << "otpsh: cannot read " << argv[1] << "\n";
      return 2;
    }
    std::stringstream text;
    text << in.rdbuf();
    Otpsh sh(Otpsh::Mode::Script);
    g_shell = &sh;
    return sh.run_script(text.str());
  }
  if (!isatty(STDIN_FILENO)) {
    Otpsh sh(Otpsh::Mode::Piped);
    g_shell = &sh;
    return sh.run_piped();
  }
  Otpsh sh(Otpsh::Mode::Interactive);
  return sh.run_interactive();
}

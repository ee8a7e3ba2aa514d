// The IEx session: the host-facing Session and its server process, which
// reads lines, hands complete inputs to the evaluator, answers the I/O
// protocol as the evaluator's group leader and restarts the evaluator when
// it dies (see session.hpp).
#include "shell/session/session.hpp"

#include <algorithm>

#include "behaviours/application.hpp"
#include "shell/lib/chars.hpp"
#include "shell/lib/io.hpp"
#include "shell/session/format.hpp"
#include "shell/session/session_internal.hpp"

namespace otp::shell {

namespace {

struct Atoms {
  Term start = Term::atom("$iex_start");
  Term input = Term::atom("$iex_input");
  Term done = Term::atom("$iex_done");
  Term put_chars = Term::atom("put_chars");
  Term requests = Term::atom("requests");
  Term error = Term(atom::error);
  Term enotsup = Term::atom("enotsup");
  Term request = Term::atom("request");
};
const Atoms& atoms() {
  static const Atoms a;
  return a;
}

// The sessions of a node, for the IEx helpers (session_of).
struct SessionTable {
  explicit SessionTable(otp::Node&) {}
  std::vector<Session::State*> sessions;
};

std::string prompt_text(const Session::State& st) {
  return (st.reader.pending() ? "...(" : "iex(") + std::to_string(st.counter) + ")> ";
}

void show_prompt(Session::State& st) {
  st.at_prompt = true;
  if (st.options.prompt) st.options.prompt(prompt_text(st));
}

// The text of a put_chars request (chardata: binaries, code points, nested
// lists), or false for another request.
bool put_chars_text(const Term& req, std::string* out) {
  const Atoms& a = atoms();
  if (!req.is_tuple() || req.tuple_size() < 2 || req[0] != a.put_chars) return false;
  std::string text;
  if (!lib::try_append_chardata(text, req[req.tuple_size() - 1])) return false;
  *out = std::move(text);
  return true;
}

// One request of the I/O protocol: the reply.
Term io_request(Session::State& st, const Term& req) {
  const Atoms& a = atoms();
  std::string text;
  if (put_chars_text(req, &text)) {
    st.at_prompt = false;
    st.print(text);
    return Term(atom::ok);
  }
  if (req.is_tuple() && req.tuple_size() == 2 && req[0] == a.requests) {
    for (const Term* c = &req[1]; c->is_cons(); c = &c->tail()) {
      Term r = io_request(st, c->head());
      if (!r.is_atom(atom::ok)) return r;
    }
    return Term(atom::ok);
  }
  // Reading (IO.gets) from the shell's terminal is not supported.
  if (req.is_tuple() && req.tuple_size() >= 1 && req[0].is_atom()) {
    std::string_view tag = req[0].atom().name();
    if (tag == "get_line" || tag == "get_chars" || tag == "get_until" || tag == "get_password")
      return Term::tuple({a.error, a.enotsup});
    if (tag == "getopts") return Term::empty_list();
    if (tag == "setopts") return Term(atom::ok);
  }
  return Term::tuple({a.error, a.request});
}

// Reads queued lines until one makes an input for the evaluator (or the
// queue is empty), printing syntax errors and prompts on the way.
void read_lines(Process& server, Session::State& st) {
  while (!st.evaluating && !st.queued.empty() && st.evaluator != Pid{}) {
    std::string line = std::move(st.queued.front());
    st.queued.pop_front();
    st.at_prompt = false;
    const bool fresh = !st.reader.pending();
    if (fresh && std::all_of(line.begin(), line.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r'; })) {
      show_prompt(st);  // an empty line: the same prompt again
      continue;
    }
    IexReader::Result r = st.reader.feed(line, st.counter);
    if (r.status == ParseStatus::Incomplete) {
      show_prompt(st);
      continue;
    }
    if (r.status == ParseStatus::Error) {
      st.print(r.error_text + "\n\n");
      show_prompt(st);
      continue;
    }
    st.pending = std::move(r);
    st.evaluating = true;
    server.send(st.evaluator, Term::tuple({Term::atom("$iex_eval"), Term::integer(static_cast<int64_t>(st.counter))}));
  }
}

void evaluator_down(Process& server, Session::State& st, const Term& reason) {
  const Pid dead = st.evaluator;
  st.evaluator = Pid{};
  st.evaluating = false;
  if (st.interrupting) {
    st.interrupting = false;
    st.print("** (EXIT) interrupted\n");
    st.reader = IexReader();
  } else {
    if (!reason.is_atom(atom::normal))
      st.print("** (EXIT from " + inspect(Term(dead)) + ") shell process exited with reason: " + format_exit(reason) +
               "\n");
    st.print("\n" + session_banner() + "\n");
    st.reset_for_new_evaluator();
  }
  start_evaluator(server, st);
  show_prompt(st);
  read_lines(server, st);
}

void server_handle(Session::State& st, Process& self, const Term& msg) {
  const Atoms& a = atoms();
  io::Request req;
  if (io::parse_request(msg, &req)) {
    io::reply(self.node(), req, io_request(st, req.request));
    return;
  }
  if (msg == a.start) {
    if (st.options.boot_applications) application::boot(self);
    start_evaluator(self, st);
    if (st.options.banner_at_start) st.print(session_banner() + "\n");
    show_prompt(st);
    read_lines(self, st);
    return;
  }
  if (msg == a.input) {
    read_lines(self, st);
    return;
  }
  if (msg.is_tuple() && msg.tuple_size() == 2 && msg[0] == a.done) {
    if (msg[1].is_pid() && msg[1].pid() == st.evaluator) {
      st.evaluating = false;
      show_prompt(st);
      read_lines(self, st);
    }
    return;
  }
  if (msg.is_tuple() && msg.tuple_size() == 5 && msg[0].is_atom(atom::DOWN) && msg[1].is_ref() &&
      msg[1].ref() == st.evaluator_monitor && !st.closing) {
    evaluator_down(self, st, msg[4]);
    return;
  }
  // Anything else sent to the group leader is dropped, as group.erl does.
}

}  // namespace

std::string session_banner() {
  return "Interactive OTP Playground (0.1.0) - press Ctrl+C to exit (type h() ENTER for help)";
}

Session::State* session_of(const Process& p) {
  for (Session::State* st : p.node().service<SessionTable>().sessions)
    if (st->evaluator == p.self() || st->server == p.group_leader() || st->server == p.self()) return st;
  return nullptr;
}

void register_session(otp::Node& node, Session::State* state) {
  node.service<SessionTable>().sessions.push_back(state);
}

void unregister_session(otp::Node& node, Session::State* state) {
  auto& v = node.service<SessionTable>().sessions;
  v.erase(std::remove(v.begin(), v.end(), state), v.end());
}

namespace {
// Crash reports of every process name errors as Elixir does once a shell
// exists ({:badmatch, v} is a MatchError), as Logger's do on BEAM.
std::string elixir_headline(const Term& reason) {
  std::string banner = format_banner(Atom(atom::error), reason, Term::empty_list());
  return banner.rfind("** ", 0) == 0 ? banner.substr(3) : std::string();
}
}  // namespace

Session::Session(otp::Node& node, SessionOptions options) : node_(node), state_(std::make_shared<State>()) {
  set_headline_formatter(&elixir_headline);
  state_->node = &node;
  state_->weak = state_;
  state_->options = std::move(options);
  register_session(node, state_.get());
}

Session::~Session() {
  state_->closing = true;
  unregister_session(node_, state_.get());
  if (state_->evaluator != Pid{}) node_.exit(Term(state_->evaluator), Term(atom::kill));
  if (state_->server != Pid{}) node_.exit(Term(state_->server), Term(atom::kill));
  // The processes die on the node's next run; they hold the state until
  // then, and print nothing more.
  state_->options = SessionOptions{};
}

void Session::start() {
  State& st = *state_;
  if (st.started) return;
  st.started = true;
  std::shared_ptr<State> sp = state_;
  st.server = node_.spawn_handler([sp](Process& self, const Term& msg) { server_handle(*sp, self, msg); });
  node_.send(st.server, atoms().start);
}

void Session::input(std::string_view line) {
  State& st = *state_;
  // Pasted text may hold several lines.
  std::size_t start = 0;
  for (;;) {
    std::size_t nl = line.find('\n', start);
    std::string_view one = line.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    if (!one.empty() && one.back() == '\r') one.remove_suffix(1);
    st.queued.emplace_back(one);
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  if (st.server != Pid{}) node_.send(st.server, atoms().input);
}

void Session::interrupt() {
  State& st = *state_;
  st.queued.clear();
  if (st.evaluating && st.evaluator != Pid{}) {
    st.interrupting = true;
    node_.exit(Term(st.evaluator), Term(atom::kill));
    return;
  }
  // At a prompt (or before a queued line was read): drop unfinished input
  // and show a fresh prompt, so a front end waiting for one gets it.
  if (st.started && st.evaluator != Pid{}) {
    st.reader = IexReader();
    show_prompt(st);
  }
}

bool Session::busy() const noexcept { return state_->evaluating || !state_->queued.empty(); }
uint32_t Session::counter() const noexcept { return state_->counter; }
uint32_t Session::failures() const noexcept { return state_->failures; }
Pid Session::evaluator() const noexcept { return state_->evaluator; }
Pid Session::server() const noexcept { return state_->server; }

}  // namespace otp::shell

// Internal to GenServer (gen_server*.cpp): the state a server keeps between
// messages and the loop that handles one message. Not a public header.
#pragma once
#include <exception>
#include <string>
#include <unordered_map>

#include "behaviours/gen_server.hpp"
#include "runtime/crash.hpp"
#include "runtime/exit.hpp"

namespace otp::gen_server_detail {


inline Term atom_of(const char* s) { return Term::atom(s); }

inline Term runtime_error(const std::string& message) {
  return Term::map({{Term(atom::__struct__), Term(atom::elixir_runtime_error)},
                    {Term(atom::__exception__), Term(atom::true_)},
                    {Term(atom::message), Term::binary(message)}});
}

inline bool is_tagged(const Term& t, Atom tag, std::size_t size) {
  return t.is_tuple() && t.tuple_size() == size && t[0].is_atom(tag);
}

// Reasons that end a server without a report: :normal, :shutdown, {:shutdown, _}.
inline bool is_quiet_reason(const Term& r) {
  return r.is_atom(atom::normal) || r.is_atom(atom::shutdown) ||
         (r.is_tuple() && r.tuple_size() == 2 && r[0].is_atom(atom::shutdown));
}

// Modules staged by gen_server::stage_module, taken at :sys.change_code.
struct StagedModules {
  explicit StagedModules(Node&) {}
  std::unordered_map<uint64_t, std::shared_ptr<const GenServer>> by_pid;
  static uint64_t key(Pid p) { return (uint64_t{p.number} << 32) | p.serial; }
};

// Everything a running server keeps between messages.
struct Server {
  std::shared_ptr<const GenServer> mod;
  Term state;
  Term name = Term::empty_list();
  Pid parent{0, 0};
  bool initialized = false;
  bool suspended = false;
  bool trace = false;
  bool timeout_armed = false;
  uint64_t timeout_seq = 0;
  Ref timeout_ref{0};
};

// The handler of every server process: a named type, so that
// gen_server::peek can find the Server through Process::handler().
struct ServerHandler {
  std::shared_ptr<Server> server;
  void operator()(Process& self, const Term& msg) const;
};

inline Term timeout_tag() { return Term(atom::gen_timeout); }
inline Term init_tag() { return Term(atom::gen_init); }

class Loop {
 public:
  Loop(Process& self, Server& s) : self_(self), node_(self.node()), s_(s) {}

  void handle(const Term& msg);
  void init(const Term& msg);

 private:
  // Runs a callback; an exception ends the server (does not return).
  template <class F>
  Term guarded(const Term& msg, const Term* from, F&& f);
  [[noreturn]] void die(Term reason, const std::string& headline, const Term& msg, const Term* from);
  [[noreturn]] void stop(Term reason, const Term& msg, const Term* from);
  void after_callback(const Term& extra);
  void noreply_result(const Term& r, const Term& msg);
  void call_result(const Term& r, const Term& msg, const Term& from);
  void system(const Term& msg);
  void log_trace(const std::string& what);
  Term report_name() const { return s_.name.is_nil_list() ? Term(self_.self()) : s_.name; }

  Process& self_;
  Node& node_;
  Server& s_;
};

template <class F>
Term Loop::guarded(const Term& msg, const Term* from, F&& f) {
  Term result;
  CrashInfo crash;
  std::optional<Term> failed = catch_exit([&] { result = f(); }, &crash);
  if (!failed) return result;
  Term reason = std::move(*failed);
  std::string headline = crash.crashed ? crash.headline : "** (stop) " + format_exit_reason(reason);
  die(std::move(reason), headline, msg, from);
}


}  // namespace otp::gen_server_detail

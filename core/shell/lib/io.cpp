// The I/O protocol's client side and helpers for IO servers (see io.hpp).
#include "shell/lib/io.hpp"

namespace otp::shell::io {

namespace {

struct Atoms {
  Term io_request = Term::atom("io_request");
  Term io_reply = Term::atom("io_reply");
  Term put_chars = Term::atom("put_chars");
  Term unicode = Term::atom("unicode");
};
const Atoms& atoms() {
  static const Atoms a;
  return a;
}
}  // namespace

void put_chars(Process& self, std::string_view chars) {
  Node& node = self.node();
  Pid leader = self.group_leader();
  if (leader == Pid{} || !node.alive(leader)) {
    node.log(chars);
    return;
  }
  const Atoms& a = atoms();
  Ref ref = self.monitor(Term(leader));
  Term ref_term(ref);
  self.send(leader, Term::tuple({a.io_request, Term(self.self()), ref_term,
                                 Term::tuple({a.put_chars, a.unicode, Term::binary(chars)})}));
  const Term& io_reply = a.io_reply;
  std::optional<Term> got = self.receive(
      [&](const Term& m) {
        if (!m.is_tuple() || m.tuple_size() < 3) return false;
        if (m.tuple_size() == 3) return m[0] == io_reply && m[1] == ref_term;
        return m.tuple_size() == 5 && m[0].is_atom(atom::DOWN) && m[1] == ref_term;
      },
      Timeout::infinity());
  self.demonitor(ref, true);
  // A leader that died mid-request: the text is lost there, as in Erlang
  // (io:put_chars would exit with :terminated); the log keeps it here.
  if (got && got->tuple_size() == 5) node.log(chars);
}

bool parse_request(const Term& msg, Request* out) {
  const Atoms& a = atoms();
  if (!msg.is_tuple() || msg.tuple_size() != 4 || msg[0] != a.io_request || !msg[1].is_pid()) return false;
  out->from = msg[1].pid();
  out->reply_as = msg[2];
  out->request = msg[3];
  return true;
}

void reply(Node& node, const Request& req, Term reply) {
  node.send(req.from, Term::tuple({atoms().io_reply, req.reply_as, std::move(reply)}));
}

}  // namespace otp::shell::io

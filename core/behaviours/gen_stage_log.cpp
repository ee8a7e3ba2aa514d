// GenStage's logs and errors: Logger lines as Elixir prints GenStage's
// :error_logger messages (Erlang's ~tp for the terms in them), and the
// exceptions GenStage raises.
#include <cstdio>

#include "behaviours/gen_stage_util.hpp"
#include "term/error.hpp"

namespace otp::gen_stage_detail {

Term self_name(Process& self) {
  Term name = self.node().process_info(Term(self.self()), Term::atom("registered_name"));
  if (name.is_tuple() && name.tuple_size() == 2 && name[1].is_atom()) return name[1];
  return Term(self.self());
}

namespace {
bool plain_atom(std::string_view s) {
  if (s.empty() || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '@'))
      return false;
  return true;
}
void erl_into(const Term& t, std::string& out);
void erl_list(const Term& list, std::string& out) {
  out += '[';
  const Term* l = &list;
  bool first = true;
  for (; l->is_cons(); l = &l->tail()) {
    if (!first) out += ',';
    first = false;
    erl_into(l->head(), out);
  }
  if (!l->is_nil_list()) {
    out += '|';
    erl_into(*l, out);
  }
  out += ']';
}
void erl_into(const Term& t, std::string& out) {
  switch (t.kind()) {
    case Kind::Atom: {
      std::string_view s = t.atom().name();
      if (plain_atom(s)) {
        out += s;
      } else {
        out += '\'';
        out += s;
        out += '\'';
      }
      return;
    }
    case Kind::Pid: {
      std::string s = inspect(t);  // #PID<0.12.0>
      out += s.substr(4);
      return;
    }
    case Kind::Reference: {
      std::string s = inspect(t);  // #Reference<0.0.0.1>
      out += "#Ref" + s.substr(10);
      return;
    }
    case Kind::Tuple: {
      out += '{';
      for (std::size_t i = 0; i < t.tuple_size(); ++i) {
        if (i) out += ',';
        erl_into(t[i], out);
      }
      out += '}';
      return;
    }
    case Kind::Nil:
    case Kind::Cons:
      return erl_list(t, out);
    case Kind::Map: {
      out += "#{";
      bool first = true;
      for (const MapEntry& e : t.map_entries()) {
        if (!first) out += ',';
        first = false;
        erl_into(e.key, out);
        out += " => ";
        erl_into(e.value, out);
      }
      out += '}';
      return;
    }
    case Kind::Binary:
      out += "<<" + inspect(t) + ">>";
      return;
    default:
      out += inspect(t);  // numbers print alike; funs are rare in these logs
  }
}
}  // namespace

std::string erl(const Term& t) {
  std::string out;
  erl_into(t, out);
  return out;
}

void log(Node& node, const char* level, const std::string& text) {
  if (!node.reports()) return;
  node.log(node.log_prefix(level) + text + "\n");
}

namespace {
Term exception(Atom module, const std::string& message) {
  return Term::map({{Term(atom::__struct__), Term(module)},
                    {Term(atom::__exception__), Term(atom::true_)},
                    {Term(atom::message), Term::binary(message)}});
}
}  // namespace

void raise_argument_error(const std::string& message) {
  throw ErlangError(exception(atom::elixir_argument_error, message));
}
void raise_runtime_error(const std::string& message) {
  throw ErlangError(exception(atom::elixir_runtime_error, message));
}

}  // namespace otp::gen_stage_detail

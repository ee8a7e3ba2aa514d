// IEx.Helpers for the session (imported at the prompt, as IEx does): v/0,1,
// flush/0, h/0,1, i/1, pid/1,3, clear/0, respawn/0, and :observer.start/0.
// They find their session through the calling process (session_of): the
// evaluator, or a process whose group leader is the session's server.
#include <cstdlib>
#include <string>

#include "shell/eval/interp.hpp"
#include "shell/eval/module.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/io.hpp"
#include "shell/lib/support.hpp"
#include "shell/session/session_internal.hpp"

namespace otp::shell {

Term dont_display_result() {
  static const Term t = Term::atom("do not show this result in output");
  return t;
}

namespace lib {
namespace {

Session::State& session_or_raise() {
  Process* p = Process::current();
  Session::State* st = p ? session_of(*p) : nullptr;
  if (!st) raise("RuntimeError", "this IEx helper can only be called from an IEx shell");
  return *st;
}

void print(std::string_view text) {
  if (Process* p = Process::current()) io::put_chars(*p, text);
}

Term v_n(Args a) {
  Session::State& st = session_or_raise();
  if (!a[0].is_integer() || !a[0].is_small()) raise_argument_error("v/1 expects an integer, got: " + inspect(a[0]));
  int64_t n = a[0].small();
  // Negative: relative to the current prompt (v(-1) is the last result).
  int64_t key = n < 0 ? static_cast<int64_t>(st.counter) + n : n;
  auto it = key > 0 ? st.history.find(static_cast<uint32_t>(key)) : st.history.end();
  if (it == st.history.end()) raise("RuntimeError", "v(" + std::to_string(n) + ") is out of bounds");
  return it->second;
}

Term v0(Args) {
  Term minus_one = Term::integer(-1);
  return v_n(std::span<const Term>(&minus_one, 1));
}

Term flush(Args) {
  Process* self = Process::current();
  if (!self) return Term(atom::ok);
  while (auto m = self->receive([](const Term&) { return true; }, Timeout{0})) print(inspect(*m) + "\n");
  return Term(atom::ok);
}

std::string type_name(const Term& t) {
  if (t.is_integer()) return "Integer";
  if (t.is_float()) return "Float";
  if (t.is_atom()) return "Atom";
  if (t.is_binary()) return "BitString";
  if (t.is_pid()) return "PID";
  if (t.is_ref()) return "Reference";
  if (t.is_fun()) return "Function";
  if (t.is_tuple()) return "Tuple";
  if (t.is_map()) {
    if (const Term* s = t.map_get(Term(atom::__struct__)); s && s->is_atom()) return module_text_of(s->atom());
    return "Map";
  }
  return "List";
}

// i/1: what IEx's i/1 prints (IEx.Info), for the common data types.
Term i1(Args a) {
  const Term& t = a[0];
  std::string out = "Term\n  " + inspect(t) + "\nData type\n  " + type_name(t) + "\n";
  if (t.is_pid()) {
    Process* self = Process::current();
    otp::Node* node = self ? &self->node() : nullptr;
    bool alive = node && node->alive(t.pid());
    out += "Alive\n  " + std::string(alive ? "true" : "false") + "\n";
    if (alive) {
      Term name = node->process_info(t, Term::atom("registered_name"));
      Term links = node->process_info(t, Term::atom("links"));
      Term queue = node->process_info(t, Term::atom("message_queue_len"));
      auto value = [](const Term& kv) { return kv.is_tuple() && kv.tuple_size() == 2 ? kv[1] : Term(atom::nil); };
      Term n = value(name);
      out += "Name\n  " + (n.is_atom() && !n.is_atom(atom::nil) && !n.is_nil_list() ? inspect(n) : std::string("not registered")) + "\n";
      Term l = value(links);
      std::string ls;
      for (const Term* c = &l; c->is_cons(); c = &c->tail()) ls += (ls.empty() ? "" : ", ") + inspect(c->head());
      out += "Links\n  " + (ls.empty() ? std::string("none") : ls) + "\n";
      out += "Message queue length\n  " + inspect(value(queue)) + "\n";
    }
    out += "Description\n  Use Process.info/1 to get more info about this process\nReference modules\n  Process, Node\n";
  } else if (t.is_atom()) {
    Atom at = t.atom();
    bool module = builtins().has_module(at);
    if (Process* self = Process::current(); self && modules_of(self->node()).find(at)) module = true;
    if (module)
      out += "Module bytecode\n  (defined in this shell or built in)\nDescription\n  Use h(" + module_text_of(at) +
             ") to access its documentation.\n";
    out += "Reference modules\n  Atom\n";
  } else if (t.is_binary()) {
    out += "Byte size\n  " + std::to_string(t.bytes().size()) + "\nReference modules\n  String, :binary\n";
  } else if (t.is_list()) {
    out += "Reference modules\n  List\n";
  } else if (t.is_integer()) {
    out += "Reference modules\n  Integer\n";
  } else if (t.is_float()) {
    out += "Reference modules\n  Float\n";
  } else if (t.is_tuple()) {
    out += "Reference modules\n  Tuple\n";
  } else if (t.is_map()) {
    out += "Reference modules\n  Map\n";
  }
  print(out);
  return dont_display_result();
}

Term i0(Args) {
  Term v = v0({});
  return i1(std::span<const Term>(&v, 1));
}

Term make_pid(int64_t a, int64_t b, int64_t c) {
  if (a != 0 || b < 0 || c < 0 || b > 0xFFFFFFFF || c > 0x1FFFFFFF)
    raise_argument_error("errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of a pid\n");
  return Term(Pid{static_cast<uint32_t>(b), static_cast<uint32_t>(c)});
}

Term pid1(Args a) {
  std::string s;
  if (a[0].is_binary()) s = std::string(a[0].bytes());
  else if (a[0].is_pid()) return a[0];
  else raise_function_clause("IEx.Helpers", "pid", {a[0]});
  // "0.110.0" or "<0.110.0>"
  if (!s.empty() && s.front() == '<' && s.back() == '>') s = s.substr(1, s.size() - 2);
  int64_t part[3];
  std::size_t pos = 0;
  for (int i = 0; i < 3; ++i) {
    std::size_t end = s.find('.', pos);
    std::string piece = s.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    char* stop = nullptr;
    part[i] = piece.empty() ? -1 : std::strtoll(piece.c_str(), &stop, 10);
    if (piece.empty() || *stop) raise_argument_error("errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of a pid\n");
    if (i < 2 && end == std::string::npos) raise_argument_error("errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of a pid\n");
    pos = end + 1;
  }
  return make_pid(part[0], part[1], part[2]);
}

Term pid3(Args a) {
  for (const Term& x : a)
    if (!x.is_small()) raise_function_clause("IEx.Helpers", "pid", {a[0], a[1], a[2]});
  return make_pid(a[0].small(), a[1].small(), a[2].small());
}

Term clear(Args) {
  Session::State& st = session_or_raise();
  if (st.options.clear_screen) {
    st.options.clear_screen();
  } else if (st.options.colors) {
    print("\x1b[H\x1b[2J");
  } else {
    print("Cannot clear the screen because ANSI escape codes are not enabled on this shell\n");
  }
  return dont_display_result();
}

Term respawn(Args) {
  session_or_raise();
  // The server sees the evaluator end normally and starts a new one with
  // the banner and no bindings, as IEx's respawn/0.
  throw ExitSignal{Term(atom::normal)};
}

std::string help_text() {
  return "IEx.Helpers\n\n"
         "Welcome to the OTP Playground's IEx shell. These helpers are imported:\n\n"
         "  * h/0        - this help\n"
         "  * h/1        - documentation of a module or function: h(Enum), h(Enum.map/2)\n"
         "  * i/0, i/1   - information about the last result or a value\n"
         "  * v/0, v/1   - the last result, or the result of prompt N (v(3), v(-1))\n"
         "  * flush/0    - prints every message in the shell's mailbox\n"
         "  * pid/1,3    - a pid from its text: pid(\"0.42.0\"), pid(0, 42, 0)\n"
         "  * clear/0    - clears the screen\n"
         "  * respawn/0  - a new shell process, without bindings\n"
         "  * binding/0  - the variables bound in the shell\n\n"
         "Try :observer.start() for the live process view, and Ctrl+C to interrupt a running input.\n";
}

Term h0(Args) {
  print(help_text());
  return dont_display_result();
}

// Docs of Module.fun (every arity when arity < 0).
void help_function(Atom m, Atom f, int64_t arity) {
  const Library& lib = builtins();
  std::string out;
  for (auto [name, n] : lib.exports(m)) {
    if (name != f || (arity >= 0 && n != arity)) continue;
    const Builtin* b = lib.find(m, name, n);
    out += "\n                                  " + module_text_of(m) + "." + std::string(name.name()) + "/" +
           std::to_string(n) + "\n\n" + (b && b->doc && *b->doc ? std::string(b->doc) : "No documentation available") + "\n";
  }
  if (out.empty()) {
    out = "No documentation for " + module_text_of(m) + "." + std::string(f.name()) +
          (arity >= 0 ? "/" + std::to_string(arity) : std::string()) + " was found\n";
  } else {
    out += "\n";
  }
  print(out);
}

// h(Module), h(&Module.fun/arity), or {Module, fun, arity} from the
// session's reading of `h Mod.fun/2`: the built-in docs.
Term h1(Args a) {
  const Term& t = a[0];
  const Library& lib = builtins();
  std::string out;
  if (t.is_tuple() && t.tuple_size() == 3 && t[0].is_atom() && t[1].is_atom() && t[2].is_small()) {
    help_function(t[0].atom(), t[1].atom(), t[2].small());
    return dont_display_result();
  }
  if (t.is_atom()) {
    Atom m = t.atom();
    std::vector<std::pair<Atom, unsigned>> ex = lib.exports(m);
    std::shared_ptr<const Module> shell_mod;
    if (Process* self = Process::current()) shell_mod = modules_of(self->node()).find(m);
    if (ex.empty() && !shell_mod) {
      print("Could not load module " + module_text_of(m) + ", got: nofile\n");
      return dont_display_result();
    }
    out = "\n                                  " + module_text_of(m) + "\n\n";
    if (shell_mod) {
      out += "Defined in this shell. Functions:\n\n";
      for (auto [f, n] : shell_mod->exports()) out += "  * " + std::string(f.name()) + "/" + std::to_string(n) + "\n";
    } else {
      out += "Functions available in this shell:\n\n";
      for (auto [f, n] : ex) {
        const Builtin* b = lib.find(m, f, n);
        out += "  * " + std::string(f.name()) + "/" + std::to_string(n);
        if (b && b->doc && *b->doc) out += " - " + std::string(b->doc);
        out += "\n";
      }
    }
    print(out + "\n");
    return dont_display_result();
  }
  if (t.is_fun()) {
    const FunObject& f = t.fun();
    if (f.external()) {
      help_function(f.module(), Atom::intern(f.name()), f.arity());
      return dont_display_result();
    }
  }
  print("Invalid arguments for h helper: " + inspect(t) + "\n");
  return dont_display_result();
}

Term observer_start(Args) {
  Process* p = Process::current();
  Session::State* st = p ? session_of(*p) : nullptr;
  if (st && st->options.observer_start) {
    st->options.observer_start();
    return Term(atom::ok);
  }
  return Term::tuple({Term(atom::error), Term::atom("no_observer_in_this_front_end")});
}

Term not_here(Args) {
  raise("RuntimeError", "recompiling files (c/1, r/1, recompile/0) is not supported in this shell");
}

}  // namespace

void add_iex_helpers(Library& lib) {
  const char* m = "IEx.Helpers";
  lib.add(m, "v", 0, v0, "The last result.");
  lib.add(m, "v", 1, v_n, "The result of prompt N (negative: counted back from the current prompt).");
  lib.add(m, "flush", 0, flush, "Prints every message in the shell's mailbox and removes them.");
  lib.add(m, "h", 0, h0, "Help on the IEx helpers.");
  lib.add(m, "h", 1, h1, "Documentation of a module, or of a function given as &Mod.fun/arity.");
  lib.add(m, "i", 0, i0, "Information about the last result.");
  lib.add(m, "i", 1, i1, "Information about a value: its type and what modules work on it.");
  lib.add(m, "pid", 1, pid1, "The pid written \"0.42.0\".");
  lib.add(m, "pid", 3, pid3, "The pid <a.b.c>.");
  lib.add(m, "clear", 0, clear, "Clears the screen.");
  lib.add(m, "respawn", 0, respawn, "Starts a new shell process (the bindings are lost).");
  lib.add(m, "c", 1, not_here, "Not supported in this shell (no files to compile).");
  lib.add(m, "r", 1, not_here, "Not supported in this shell (no files to recompile).");
  lib.add(m, "recompile", 0, not_here, "Not supported in this shell.");
  lib.add(":observer", "start", 0, observer_start, "Opens the observer view of this node.");
}

}  // namespace lib
}  // namespace otp::shell

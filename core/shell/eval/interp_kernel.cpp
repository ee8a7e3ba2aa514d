// Kernel macros the evaluator expands itself (see interp_data.hpp):
// raise/reraise, the path forms of put_in/update_in/pop_in/
// get_and_update_in, and the compiler's warning for a bare name that
// becomes a call. Called from interp_control.cpp and interp.cpp.
#include <algorithm>

#include "runtime/process.hpp"
#include "shell/eval/interp_data.hpp"
#include "shell/eval/raise.hpp"
#include "shell/lib/access.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/errors.hpp"
#include "shell/lib/io.hpp"
#include "term/error.hpp"

namespace otp::shell {

// The exception `raise x` / `raise x, arg` raises (Kernel.raise/1,2): a
// message (RuntimeError), an exception struct, or Module.exception(arg).
Term raised_exception(const Term& what, const Term* arg) {
  if (arg) {
    if (!what.is_atom())
      raise_argument_error("you attempted to apply a function named :exception on " + inspect(what) +
                           ". If you are using Kernel.apply/3, make sure the module is an atom. If you are using the "
                           "dot syntax, such as module.function(), make sure the left-hand side of the dot is a module atom");
    return Interp::call_remote(what.atom(), Atom::intern("exception"), {*arg});
  }
  if (what.is_binary()) return make_exception(Atom::intern("Elixir.RuntimeError"), {{Atom(atom::message), what}});
  if (what.is_atom()) return Interp::call_remote(what.atom(), Atom::intern("exception"), {Term::empty_list()});
  if (what.is_map()) {
    const Term* ex = what.map_get(Term(atom::__exception__));
    if (ex && ex->is_atom(atom::true_)) return what;
  }
  raise_argument_error("raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: " +
                       inspect(what));
}

// The path forms put_in(m.a[:b], v), update_in(path, fun),
// get_and_update_in(path, fun) and pop_in(path) (Kernel's macros): `.key`
// segments must exist (Map.get_and_update!), `[key]` ones go through Access.
Term eval_access_path(Interp& in, const Node* call, std::string_view name) {
  const Node* path = call->args()[0];
  std::vector<const Node*> keys;  // outermost first
  std::vector<bool> fields;
  const Node* root = path;
  for (;;) {
    if (root->kind == NodeKind::Access) {
      keys.push_back(root->kid(1));
      fields.push_back(false);
      root = root->kid(0);
    } else if (root->kind == NodeKind::RemoteCall && root->has(kNoParens) && root->args().empty() &&
               root->target()->kind != NodeKind::Alias) {
      keys.push_back(root);
      fields.push_back(true);
      root = root->target();
    } else {
      break;
    }
  }
  if (keys.empty())
    raise_argument_error("expected expression given to " + std::string(name) + "/" + std::to_string(call->args().size()) +
                         " to access at least one element, got: " + to_source(path));
  if (name == "pop_in" && fields.front())
    raise_argument_error("cannot use pop_in when the last segment is a map/struct field. This would effectively remove "
                         "the field " + inspect(Term(keys.front()->name)) + " from the map/struct");
  Term data = in.eval(root);
  std::vector<access::PathSegment> segs;
  for (std::size_t i = keys.size(); i-- > 0;)
    segs.push_back(access::PathSegment{fields[i], fields[i] ? Term(keys[i]->name) : in.eval(keys[i])});
  if (name == "pop_in") {
    bool all_access = std::none_of(fields.begin(), fields.end(), [](bool f) { return f; });
    if (all_access) {
      std::vector<Term> ks;
      for (const auto& sg : segs) ks.push_back(sg.key);
      return Interp::call_remote(Atom::intern("Elixir.Kernel"), Atom::intern("pop_in"),
                                 {data, Term::list(std::span<const Term>(ks))});
    }
    return access::get_and_update_path(data, segs, [](const Term&) { return Term::atom("pop"); });
  }
  Term arg = in.eval(call->args()[1]);
  if (name == "put_in") return access::get_and_update_path(data, segs, [arg](const Term&) { return access::pair(Term(), arg); })[1];
  if (name == "update_in")
    return access::get_and_update_path(data, segs, [arg](const Term& x) { return access::pair(Term(), Interp::apply(arg, {x})); })[1];
  return access::get_and_update_path(data, segs, [arg](const Term& x) { return Interp::apply(arg, {x}); });
}


// Elixir's compiler warns when a bare name that is no variable becomes a
// call, unless it is an imported function (`self`, `node`): in the shell,
// anything else (`foo` -> "undefined function foo/0"). Printed through the
// group leader before the call is made.
void warn_variable_as_call(const Node* n) {
  static const Atom kernel = Atom::intern("Elixir.Kernel"), helpers = Atom::intern("Elixir.IEx.Helpers");
  if (builtins().find(kernel, n->name, 0) || builtins().find(helpers, n->name, 0)) return;
  std::string_view name = n->name.name();
  if (name == "self" || name == "binding" || name == "receive" || name == "try" || name == "cond") return;
  Process* self = Process::current();
  if (!self) return;
  std::string where = "iex";
  if (n->line) where += ":" + std::to_string(n->line);
  io::put_chars(*self, "warning: variable \"" + std::string(name) + "\" does not exist and is being expanded to \"" +
                           std::string(name) + "()\", please use parentheses to remove the ambiguity or change the "
                           "variable name\n  " + where + "\n\n");
}

}  // namespace otp::shell

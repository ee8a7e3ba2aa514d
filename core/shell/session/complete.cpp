// Tab completion for the session (Session::complete): the word before the
// cursor completed against modules (built-in, defined in the shell, Erlang
// ones after ':'), a module's functions after "Mod.", and bound variables,
// IEx helpers and Kernel functions otherwise, as IEx.Autocomplete offers.
#include <algorithm>
#include <set>

#include "shell/eval/module.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/session/session_internal.hpp"

namespace otp::shell {

namespace {

bool word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == ':' || c == '?' || c == '!';
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// Module names as typed: "Enum", "Chatroom.Supervisor", ":ets".
std::vector<std::string> module_names(otp::Node& node) {
  std::vector<std::string> out;
  for (Atom m : builtins().modules()) out.push_back(module_text_of(m));
  for (Atom m : modules_of(node).names()) out.push_back(module_text_of(m));
  return out;
}

Session::Completion finish(std::string_view typed, std::set<std::string> names, std::string_view suffix_for_one = "") {
  Session::Completion c;
  if (names.empty()) return c;
  // The longest common prefix of the candidates (what bash and IEx insert).
  std::string common = *names.begin();
  for (const std::string& n : names) {
    std::size_t i = 0;
    while (i < common.size() && i < n.size() && common[i] == n[i]) ++i;
    common.resize(i);
  }
  // Candidates are listed as "name/arity"; insert only up to the name.
  std::size_t slash = common.find('/');
  if (slash != std::string::npos) common.resize(slash);
  if (common.size() > typed.size()) c.insert = common.substr(typed.size());
  if (names.size() == 1) {
    std::string only = *names.begin();
    if (only.find('/') == std::string::npos) c.insert += suffix_for_one;
    else c.candidates.clear();
    if (c.insert.empty()) c.candidates.assign(names.begin(), names.end());
    return c;
  }
  c.candidates.assign(names.begin(), names.end());
  return c;
}

}  // namespace

Session::Completion Session::complete(std::string_view before_cursor) const {
  std::size_t start = before_cursor.size();
  while (start > 0 && word_char(before_cursor[start - 1])) --start;
  std::string_view word = before_cursor.substr(start);
  const Library& lib = builtins();
  std::set<std::string> names;

  std::size_t dot = word.rfind('.');
  if (dot != std::string_view::npos && dot > 0) {
    // "Mod.fu": Mod's functions; "Chatroom.Su": nested module names.
    std::string_view mod_text = word.substr(0, dot), fun_prefix = word.substr(dot + 1);
    Atom mod = module_atom(mod_text);
    for (auto [f, n] : lib.exports(mod))
      if (starts_with(f.name(), fun_prefix)) names.insert(std::string(f.name()) + "/" + std::to_string(n));
    if (auto m = modules_of(node_).find(mod))
      for (auto [f, n] : m->exports())
        if (starts_with(f.name(), fun_prefix)) names.insert(std::string(f.name()) + "/" + std::to_string(n));
    std::set<std::string> nested;
    for (const std::string& m : module_names(node_))
      if (starts_with(m, word)) {
        // Offer one more segment at a time: "Chatroom.Supervisor", not deeper.
        std::size_t next = m.find('.', word.size());
        nested.insert(m.substr(dot + 1, next == std::string::npos ? std::string::npos : next - dot - 1));
      }
    for (const std::string& n : nested) names.insert(n);
    const bool one_module = names.size() == 1 && names.begin()->find('/') == std::string::npos;
    return finish(fun_prefix, std::move(names), one_module ? "." : "");
  }
  if (!word.empty() && (word[0] == ':' || (word[0] >= 'A' && word[0] <= 'Z'))) {
    for (const std::string& m : module_names(node_))
      if (starts_with(m, word)) {
        std::size_t next = m.find('.', word.size());
        names.insert(m.substr(0, next));
      }
    return finish(word, std::move(names), ".");
  }
  // Variables, then imported functions (Kernel, IEx.Helpers).
  for (const Binding& b : state_->bindings.visible())
    if (starts_with(b.name.name(), word) && b.name.name()[0] != '_') names.insert(std::string(b.name.name()));
  if (!word.empty()) {
    for (const char* m : {"Kernel", "IEx.Helpers"})
      for (auto [f, n] : lib.exports(module_atom(m)))
        if (starts_with(f.name(), word)) names.insert(std::string(f.name()) + "/" + std::to_string(n));
    for (const char* special : {"spawn", "spawn_link", "spawn_monitor", "send", "self", "receive", "raise",
                                "throw", "exit", "binding", "defmodule", "case", "cond", "if", "unless", "with",
                                "for", "try", "fn"})
      if (starts_with(special, word)) names.insert(special);
  }
  return finish(word, std::move(names));
}

}  // namespace otp::shell

// Internal to the observer (core/services/observer_*.cpp): helpers the JSON
// views and the actions share. Not a public header (it pulls in
// nlohmann-json's declarations).
#pragma once
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "runtime/node.hpp"

namespace otp::observer {

// inspect on one line (no width limit), with Inspect's :limit.
std::string one_line(const Term& t, int limit = 50);
// JSON text; invalid UTF-8 in strings (binaries in a state) becomes U+FFFD.
std::string dump(const nlohmann::ordered_json& j);
// {"ok": false, "error": message}
std::string error_json(std::string_view message);

// An Elixir literal (atom, number, string, charlist, alias, and tuples,
// lists and maps of them) parsed with the shell's parser, without
// evaluating anything: the term, or nullopt with *error set.
std::optional<Term> parse_literal(std::string_view text, std::string* error);
// A pid as parse_pid reads it, or a registered name written as a literal
// ("Chatroom.Repo", ":counter"): the live process's pid, or nullopt.
std::optional<Pid> resolve_process(const Node& node, std::string_view text);

}  // namespace otp::observer

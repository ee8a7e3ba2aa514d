// The observer's actions (observer.hpp: action_json) and the literal terms
// they take: kill a process, or exit it with a reason written in Elixir
// ("{:shutdown, :maintenance}"). The reason is parsed with the shell's
// parser (core/shell/parser.hpp; the one place where core/services reads
// core/shell) and converted without evaluating anything, so only literals
// are accepted: atoms, numbers, strings, charlists, aliases, and tuples,
// lists and maps of them. Requests are parsed with nlohmann-json.
#include <nlohmann/json.hpp>

#include "services/observer.hpp"
#include "services/observer_internal.hpp"
#include "shell/parser.hpp"
#include "term/arith.hpp"

namespace otp::observer {

using json = nlohmann::ordered_json;
namespace sh = otp::shell;

namespace {

constexpr const char* kLiteralOnly =
    "only literals are accepted (atoms, numbers, strings, charlists, and tuples, lists and maps of them)";

std::optional<Term> literal(const sh::Node* n, std::string* error) {
  auto fail = [&]() -> std::optional<Term> {
    *error = kLiteralOnly;
    return std::nullopt;
  };
  auto kids = [&](std::span<sh::Node* const> ns, std::vector<Term>* out) {
    for (const sh::Node* k : ns) {
      std::optional<Term> t = k ? literal(k, error) : std::nullopt;
      if (!t) return false;
      out->push_back(std::move(*t));
    }
    return true;
  };
  std::vector<Term> xs;
  switch (n->kind) {
    case sh::NodeKind::Literal:
      return n->value;
    case sh::NodeKind::Alias:
      if (!n->value.is_atom() || n->value.is_atom(atom::nil)) return fail();
      return n->value;
    case sh::NodeKind::UnaryOp: {
      if ((n->op != sh::Op::Minus && n->op != sh::Op::Plus) || n->count != 1) return fail();
      std::optional<Term> v = literal(n->kid(0), error);
      if (!v || !v->is_number()) return fail();
      if (n->op == sh::Op::Plus) return v;
      return neg(*v);
    }
    case sh::NodeKind::Tuple:
      if (!kids(n->children(), &xs)) return std::nullopt;
      return Term::tuple(std::span<const Term>(xs));
    case sh::NodeKind::List: {
      if (!kids(n->children(), &xs)) return std::nullopt;
      Term tail = Term::empty_list();
      if (n->x) {
        std::optional<Term> t = literal(n->x, error);
        if (!t) return std::nullopt;
        tail = std::move(*t);
      }
      return Term::list(std::span<const Term>(xs), std::move(tail));
    }
    case sh::NodeKind::Map: {
      if (!kids(n->children(), &xs) || xs.size() % 2) return fail();
      std::vector<std::pair<Term, Term>> kv;
      for (std::size_t i = 0; i < xs.size(); i += 2) kv.emplace_back(xs[i], xs[i + 1]);
      return Term::map(std::move(kv));
    }
    case sh::NodeKind::Block:
      if (n->count == 1) return literal(n->kid(0), error);
      return fail();
    default:
      return fail();
  }
}

}  // namespace

std::optional<Term> parse_literal(std::string_view text, std::string* error) {
  sh::ParseResult r = sh::parse(text);
  if (r.status == sh::ParseStatus::Error) {
    *error = r.error ? r.error->description : "syntax error";
    return std::nullopt;
  }
  if (r.status == sh::ParseStatus::Incomplete) {
    *error = "incomplete expression";
    return std::nullopt;
  }
  if (r.exprs.size() != 1) {
    *error = r.exprs.empty() ? "nothing given" : "one term only";
    return std::nullopt;
  }
  return literal(r.exprs[0], error);
}

std::optional<Pid> resolve_process(const Node& node, std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (std::optional<Pid> pid = parse_pid(text)) return node.alive(*pid) ? pid : std::nullopt;
  // A bare lowercase identifier is taken as the atom it names ("counter").
  if (!text.empty() && text.front() >= 'a' && text.front() <= 'z' &&
      text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string_view::npos)
    return node.whereis(Term::atom(text));
  std::string error;
  std::optional<Term> name = parse_literal(text, &error);
  if (!name || !name->is_atom()) return std::nullopt;
  return node.whereis(*name);
}

std::string action_json(Node& node, std::string_view request) {
  try {
    json req = json::parse(request, nullptr, false);
    if (!req.is_object() || !req.contains("action") || !req["action"].is_string() || !req.contains("pid") ||
        !req["pid"].is_string())
      return error_json(R"(an action is {"action": "kill" | "exit", "pid": "#PID<0.42.0>", "reason": ":normal"})");
    const std::string action = req["action"].get<std::string>();
    const std::string target = req["pid"].get<std::string>();
    Term reason(atom::kill);
    if (action == "exit") {
      if (!req.contains("reason") || !req["reason"].is_string())
        return error_json("exit needs a \"reason\": an Elixir literal such as :normal or {:shutdown, :why}");
      std::string error;
      std::optional<Term> r = parse_literal(req["reason"].get<std::string>(), &error);
      if (!r) return error_json("invalid reason: " + error);
      reason = std::move(*r);
    } else if (action != "kill") {
      return error_json("unknown action \"" + action + "\" (kill or exit)");
    }
    std::optional<Pid> pid = resolve_process(node, target);
    if (!pid) return error_json("no such process: " + target);
    if (Process* self = Process::current(); self && self->self() == *pid)
      return error_json("a process cannot act on itself from the observer");
    node.exit(Term(*pid), reason);
    return dump(json{{"ok", true},
                     {"action", action},
                     {"pid", inspect(Term(*pid))},
                     {"reason", one_line(reason)},
                     {"alive", node.alive(*pid)}});
  } catch (const std::exception& e) {
    return error_json(std::string("action failed: ") + e.what());
  }
}

}  // namespace otp::observer

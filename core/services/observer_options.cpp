// The snapshot options as the page sends them (observer.hpp:
// snapshot_json(node, options_json)), read with nlohmann-json: any of
// "sort", "order", "offset", "limit", "filter", "applications",
// "max_children"; a bad one is answered with {"ok": false, "error"}.
#include <nlohmann/json.hpp>

#include "services/observer.hpp"
#include "services/observer_internal.hpp"

namespace otp::observer {

using json = nlohmann::ordered_json;

std::string snapshot_json(Node& node, std::string_view options_json) {
  SnapshotOptions o;
  if (options_json.find_first_not_of(" \t\r\n") == std::string_view::npos) return snapshot_json(node, o);
  json req = json::parse(options_json, nullptr, false);
  if (!req.is_object()) return error_json("snapshot options must be a JSON object");
  if (auto it = req.find("sort"); it != req.end()) {
    std::optional<SortKey> k = it->is_string() ? parse_sort_key(it->get<std::string>()) : std::nullopt;
    if (!k) return error_json("sort must be one of pid, name, reductions, memory, message_queue_len");
    o.sort = *k;
  }
  if (auto it = req.find("order"); it != req.end()) {
    if (!it->is_string() || (*it != "asc" && *it != "desc")) return error_json("order must be \"asc\" or \"desc\"");
    o.descending = *it == "desc";
  }
  auto count = [&](const char* key, std::size_t* out) {
    auto it = req.find(key);
    if (it == req.end()) return true;
    if (!it->is_number_unsigned()) return false;
    *out = it->get<std::size_t>();
    return true;
  };
  if (!count("offset", &o.offset) || !count("limit", &o.limit) || !count("max_children", &o.max_children))
    return error_json("offset, limit and max_children must be non-negative integers");
  if (auto it = req.find("filter"); it != req.end()) {
    if (!it->is_string()) return error_json("filter must be a string");
    o.filter = it->get<std::string>();
  }
  if (auto it = req.find("applications"); it != req.end()) {
    if (!it->is_boolean()) return error_json("applications must be true or false");
    o.applications = it->get<bool>();
  }
  return snapshot_json(node, o);
}

}  // namespace otp::observer

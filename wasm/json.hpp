// The few JSON pieces the bridge writes itself (its replies and output
// events; the observer's JSON comes from core/services/observer.hpp).
// Strings are copied byte for byte except `"`, `\` and control characters,
// which are escaped; invalid UTF-8 is passed through and the JS side's
// UTF8ToString turns it into U+FFFD, as a terminal would show it.
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

namespace otp::wasm {

inline void json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buf;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

// {"ok":false,"error":"<what>"}: the reply of an export that failed.
inline std::string json_error(std::string_view what) {
  std::string out = "{\"ok\":false,\"error\":";
  json_string(out, what);
  out += '}';
  return out;
}

}  // namespace otp::wasm

// The Unicode a learner's strings need, for String: case mapping, grapheme
// clusters and whitespace.
//
// Limits (documented simplifications of Elixir's full Unicode tables):
// case mapping covers ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
// (plus ß -> SS), without Greek final sigma or Turkic rules; a grapheme is a
// code point followed by combining marks (U+0300-036F, 1AB0-1AFF,
// 1DC0-1DFF, 20D0-20FF, FE20-FE2F), variation selectors, emoji skin tones,
// ZWJ sequences, a pair of regional indicators, or "\r\n". Bytes that are
// not UTF-8 are graphemes of their own.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace otp::shell::lib {

std::string upcase(std::string_view s, bool ascii_only = false);
std::string downcase(std::string_view s, bool ascii_only = false);
// String.capitalize/1: the first grapheme upcased, the rest downcased.
std::string capitalize(std::string_view s, bool ascii_only = false);

// Grapheme clusters, as views into s.
std::vector<std::string_view> graphemes(std::string_view s);
// Code points as UTF-8 pieces (invalid bytes one by one).
std::vector<std::string_view> codepoints(std::string_view s);

// Unicode White_Space (String.trim); `breaking` leaves out the
// non-breaking spaces U+00A0, U+2007 and U+202F (String.split/1).
bool is_whitespace(uint32_t cp, bool breaking = false);
// Length in bytes of the whitespace at s[i] (0 if none).
std::size_t whitespace_at(std::string_view s, std::size_t i, bool breaking = false);

}  // namespace otp::shell::lib

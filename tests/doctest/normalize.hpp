// Normalising a block's output before the doc-test compares it with the
// page: the rules of ../shared/conformance/normalize.py with
// --no-stacktrace (pids, references, ports and fun ids masked, logger time
// stamps masked, a defmodule's BEAM bytes shortened to <<*>>, the shell's
// restart banner masked, stack-trace entry lines dropped), plus the prompt
// numbers: "iex(3)> " is written "iex> " in a page, "...(3)> " "...> ".
// Trailing white space, leading and trailing empty lines are dropped.
//
// web/src/embed/normalize.js is the same function for the browser; keep
// the two in step.
#pragma once
#include <string>
#include <string_view>

namespace otp::doctest {

std::string normalise(std::string_view text);

}  // namespace otp::doctest

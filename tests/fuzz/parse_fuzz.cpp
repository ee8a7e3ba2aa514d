// libFuzzer harness for the shell language's front end: any input must give
// a parse answer (complete, incomplete or a syntax error) without crashing,
// hanging or overflowing the stack; complete answers must convert to the
// quoted form and print back, errors must render as IEx shows them.
//
// Build: cmake -S . -B /tmp/fuzz -G Ninja -DOTP_WASM=OFF -DOTP_FUZZ=ON
//          -DCMAKE_CXX_COMPILER=clang++ && cmake --build /tmp/fuzz --target parse_fuzz
// Run:   /tmp/fuzz/bin/parse_fuzz -max_total_time=300 -max_len=4096 CORPUS_DIR
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "shell/iex_input.hpp"
#include "shell/parser.hpp"
#include "shell/printer.hpp"
#include "shell/quoted.hpp"

using namespace otp::shell;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view src(reinterpret_cast<const char*>(data), size);
  ParseResult r = parse(src);
  if (r.complete()) {
    otp::Term q = to_quoted(r.exprs);
    (void)q;
    std::string text = to_source(r.exprs);
    std::string grouped = to_source(r.exprs, PrintOptions{true});
    (void)text;
    (void)grouped;
  } else if (r.error) {
    std::string shown = render_iex_error(*r.error, src, 1);
    (void)shown;
  }
  // The same bytes typed line by line at IEx's prompt.
  IexReader reader;
  size_t start = 0;
  uint32_t counter = 1;
  while (start <= src.size()) {
    size_t nl = src.find('\n', start);
    std::string_view line = src.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
    IexReader::Result step = reader.feed(line, counter);
    if (step.status == ParseStatus::Complete) ++counter;
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return 0;
}

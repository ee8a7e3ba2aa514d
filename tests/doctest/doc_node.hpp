// A node as a documentation page runs it, for the doc-test: booted like the
// playground's (wasm/playground.cpp: what a fresh IEx node runs, Counter
// and Calc loadable, the :chatroom application started), with one IEx
// session on it, on a virtual clock. Blocks are typed into it the way the
// embedder (web/src/embed/) types them and the way
// ../shared/conformance/capture.sh types into real IEx: a line once the
// prompt is shown and the output has been quiet for 600 ms.
//
// What a block printed is put together as the page writes it:
//   - a session block: each typed line after its prompt ("iex(3)> 1 + 1"),
//     then everything printed until the next line is typed (results,
//     IO.puts of any process, crash reports, even when they arrive after
//     the next prompt is shown);
//   - a code block: everything printed, without the prompts and the echo.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "page.hpp"

namespace otp::doctest {

struct BlockRun {
  std::string output;            // as described above
  std::vector<std::string> notes;  // inputs that had to be interrupted
};

class DocNode {
 public:
  DocNode();   // boots the node and waits for the first prompt
  ~DocNode();
  DocNode(const DocNode&) = delete;
  DocNode& operator=(const DocNode&) = delete;

  BlockRun run(const Block& block);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace otp::doctest

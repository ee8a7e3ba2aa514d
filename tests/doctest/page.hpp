// The runnable blocks of a documentation page (web/docs/*.html), as the
// doc-test (otp_doctest.cpp) reads them. docs/embedding.md defines the
// markup; the embedder (web/src/embed/) reads the same blocks from the DOM.
//
// The markup is kept trivially extractable, so no HTML parser is needed:
//
//   <pre class="otp-run" data-kind="session">iex&gt; 1 + 1
//   2</pre>
//
//   <pre class="otp-run" data-kind="code">defmodule M do ... end
//   M.f()</pre>
//   <pre class="otp-output">expected output</pre>
//
// A block is a <pre> whose class attribute is exactly "otp-run" (or starts
// with "otp-run "), holding text only: no tags inside, entities for < > &.
// A code block's expected output is the next <pre class="otp-output">,
// with nothing but white space between the two. Anything else that names
// otp-run or otp-output is an error, so a block the doc-test cannot read
// fails instead of being skipped.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace otp::doctest {

enum class BlockKind { Session, Code };

struct Block {
  BlockKind kind = BlockKind::Session;
  int index = 0;        // 1-based, in page order
  int line = 0;         // where the block's <pre> opens in the page
  bool fresh = false;   // data-node="fresh": a node of its own
  std::string text;     // the <pre>'s text, entities decoded, first newline dropped
  std::string expected; // code blocks: the otp-output text; sessions: `text`
};

// One input a block types, in order (empty lines are not typed).
struct Input {
  std::string line;
  bool continuation = false;  // "...>" in a session block
};

struct Page {
  std::string path;
  std::vector<Block> blocks;
  std::vector<std::string> errors;  // markup the doc-test could not read
};

// Reads the blocks of one page's HTML source.
Page read_page(std::string path, std::string_view html);

// What a block types: a session's "iex>" / "...>" lines; a code block's
// lines inside "(" and ")", so the block runs as one expression and shows
// the last result, like a notebook cell.
std::vector<Input> inputs_of(const Block& block);

// Decodes the entities allowed in a block: &lt; &gt; &amp; &quot; &#39;
// &#NN; &#xNN; (others are left as written).
std::string decode_entities(std::string_view s);

}  // namespace otp::doctest

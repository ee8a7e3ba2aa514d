// A port of the parts of Elixir 1.14's Inspect.Algebra that inspect uses
// (Wadler/Lindig "strictly pretty" documents as Elixir modified them).
//
//   string   text; width counted in BYTES, as Elixir does for plain binaries
//   concat   a then b
//   nest     indent line breaks inside by n (mode always, or only when the
//            enclosing group breaks)
//   break    strict (glue): a newline whenever its group is broken;
//            flex (flex_glue): a newline only if the text up to the next
//            possible break does not fit
//   group    laid out flat if its own content fits in the rest of the line
//
// Documents live in a DocArena owned by one inspect call; Doc pointers are
// valid for the arena's lifetime.
#pragma once
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace otp::algebra {

enum class DocKind { Nil, Text, Concat, Nest, Break, Group };

struct Doc {
  DocKind kind;
  std::string text;  // Text; Break: the flat text
  const Doc* left = nullptr;
  const Doc* right = nullptr;
  int indent = 0;         // Nest
  bool always = true;     // Nest: mode :always (else :break)
  bool flex = false;      // Break
};

class DocArena {
 public:
  const Doc* nil();
  const Doc* text(std::string s);
  const Doc* concat(const Doc* a, const Doc* b);
  const Doc* concat(std::initializer_list<const Doc*> docs);
  const Doc* nest(const Doc* d, int indent, bool always = true);
  const Doc* brk(std::string_view s = " ");       // strict break
  const Doc* flex_brk(std::string_view s = " ");  // flex break
  const Doc* glue(const Doc* a, std::string_view s, const Doc* b) { return concat({a, brk(s), b}); }
  const Doc* flex_glue(const Doc* a, std::string_view s, const Doc* b) { return concat({a, flex_brk(s), b}); }
  const Doc* group(const Doc* d);

 private:
  const Doc* make(Doc d);
  std::deque<Doc> nodes_;
};

// Inspect.Algebra.format/2 (width <= 0 means :infinity).
std::string format(const Doc* doc, int width);

// Elixir's container_doc/6, over already-built element docs: `docs` are the
// elements, `tail` (if not null) the doc of an improper list's tail, and
// `truncated` appends "..." after them (the limit was reached).
enum class ContainerBreak { Maybe, Flex, Strict };
const Doc* container_doc(DocArena& a, const Doc* left, const std::vector<const Doc*>& docs, const Doc* tail,
                         bool truncated, const Doc* right, ContainerBreak mode, std::string_view separator = ",");

// True if the doc is only text and concatenations (Algebra's simple?/1).
bool is_simple(const Doc* d);

}  // namespace otp::algebra

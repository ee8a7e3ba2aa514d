#include "term/algebra.hpp"

namespace otp::algebra {

const Doc* DocArena::make(Doc d) {
  nodes_.push_back(std::move(d));
  return &nodes_.back();
}
const Doc* DocArena::nil() { return make(Doc{DocKind::Nil, {}}); }
const Doc* DocArena::text(std::string s) { return make(Doc{DocKind::Text, std::move(s)}); }
const Doc* DocArena::concat(const Doc* a, const Doc* b) {
  Doc d{DocKind::Concat, {}};
  d.left = a;
  d.right = b;
  return make(std::move(d));
}
const Doc* DocArena::concat(std::initializer_list<const Doc*> docs) {
  const Doc* acc = nullptr;
  for (const Doc* d : docs) acc = acc ? concat(acc, d) : d;
  return acc ? acc : nil();
}
const Doc* DocArena::nest(const Doc* x, int indent, bool always) {
  if (indent == 0) return x;
  Doc d{DocKind::Nest, {}};
  d.left = x;
  d.indent = indent;
  d.always = always;
  return make(std::move(d));
}
const Doc* DocArena::brk(std::string_view s) { return make(Doc{DocKind::Break, std::string(s)}); }
const Doc* DocArena::flex_brk(std::string_view s) {
  Doc d{DocKind::Break, std::string(s)};
  d.flex = true;
  return make(std::move(d));
}
const Doc* DocArena::group(const Doc* x) {
  Doc d{DocKind::Group, {}};
  d.left = x;
  return make(std::move(d));
}

bool is_simple(const Doc* d) {
  switch (d->kind) {
    case DocKind::Nil:
    case DocKind::Text: return true;
    case DocKind::Concat: return is_simple(d->left) && is_simple(d->right);
    default: return false;
  }
}

namespace {

enum class Mode { Flat, Break };
struct Item {
  int indent;
  Mode mode;
  const Doc* doc;
  bool tail_marker = false;  // {:tail, b?, t} of fits?/4
  bool tail_b = false;
};

// fits?(w, k, b?, entries): `local` is consumed first, then (if `rest` is
// given) the format stack from the top down, without modifying it.
bool fits(int w, int k, bool b, std::vector<Item> local, const std::vector<Item>* rest) {
  std::size_t rest_pos = rest ? rest->size() : 0;
  for (;;) {
    if (k > w && b) return false;
    if (local.empty()) {
      if (rest_pos == 0) return true;
      local.push_back((*rest)[--rest_pos]);
    }
    Item it = local.back();
    local.pop_back();
    if (it.tail_marker) {
      b = it.tail_b;
      continue;
    }
    const Doc* d = it.doc;
    switch (d->kind) {
      case DocKind::Nil: break;
      case DocKind::Text: k += static_cast<int>(d->text.size()); break;
      case DocKind::Concat:
        local.push_back({it.indent, it.mode, d->right});
        local.push_back({it.indent, it.mode, d->left});
        break;
      case DocKind::Nest: local.push_back({it.indent, it.mode, d->left}); break;
      case DocKind::Break:
        if (it.mode == Mode::Break) return true;
        k += static_cast<int>(d->text.size());
        b = true;
        break;
      case DocKind::Group:
        local.push_back({0, Mode::Flat, nullptr, true, b});
        local.push_back({it.indent, Mode::Flat, d->left});
        break;
    }
  }
}

}  // namespace

std::string format(const Doc* doc, int width) {
  const bool infinite = width <= 0;
  std::string out;
  std::vector<Item> stack{{0, Mode::Flat, doc}};
  int k = 0;
  auto newline = [&](int indent) {
    out += '\n';
    out.append(static_cast<std::size_t>(indent), ' ');
    k = indent;
  };
  while (!stack.empty()) {
    Item it = stack.back();
    stack.pop_back();
    const Doc* d = it.doc;
    switch (d->kind) {
      case DocKind::Nil: break;
      case DocKind::Text:
        out += d->text;
        k += static_cast<int>(d->text.size());
        break;
      case DocKind::Concat:
        stack.push_back({it.indent, it.mode, d->right});
        stack.push_back({it.indent, it.mode, d->left});
        break;
      case DocKind::Nest: {
        int i = (it.mode == Mode::Break || d->always) ? it.indent + d->indent : it.indent;
        stack.push_back({i, it.mode, d->left});
        break;
      }
      case DocKind::Break:
        if (it.mode == Mode::Flat) {
          out += d->text;
          k += static_cast<int>(d->text.size());
        } else if (d->flex) {
          int k2 = k + static_cast<int>(d->text.size());
          if (infinite || fits(width, k2, true, {}, &stack)) {
            out += d->text;
            k = k2;
          } else {
            newline(it.indent);
          }
        } else {
          newline(it.indent);
        }
        break;
      case DocKind::Group: {
        bool flat = infinite || fits(width, k, false, {{it.indent, Mode::Flat, d->left}}, nullptr);
        stack.push_back({it.indent, flat ? Mode::Flat : Mode::Break, d->left});
        break;
      }
    }
  }
  return out;
}

const Doc* container_doc(DocArena& a, const Doc* left, const std::vector<const Doc*>& docs, const Doc* tail,
                         bool truncated, const Doc* right, ContainerBreak mode, std::string_view separator) {
  if (docs.empty() && !truncated) return a.concat(left, right);
  bool simple = mode == ContainerBreak::Maybe;
  for (const Doc* d : docs) simple = simple && is_simple(d);
  std::vector<const Doc*> items(docs.begin(), docs.end());
  if (tail) {  // join(last, tail, simple?, " |")
    simple = simple && is_simple(tail);
    const Doc* last = items.back();
    const Doc* sep = a.concat(last, a.text(" |"));
    items.back() = simple ? a.flex_glue(sep, " ", tail) : a.glue(sep, " ", tail);
  }
  if (truncated) items.push_back(a.text("..."));
  bool flex = simple || mode == ContainerBreak::Flex;
  // fold_doc(docs, &join(&1, &2, flex?, separator)) from the right
  const Doc* acc = items.back();
  for (std::size_t i = items.size() - 1; i-- > 0;) {
    const Doc* l = a.concat(items[i], a.text(std::string(separator)));
    acc = flex ? a.flex_glue(l, " ", acc) : a.glue(l, " ", acc);
  }
  if (flex) return a.group(a.concat(a.concat(left, a.nest(acc, 1)), right));
  return a.group(a.glue(a.nest(a.glue(left, "", acc), 2), "", right));
}

}  // namespace otp::algebra


// Arena allocation of syntax tree nodes, and small AST queries.
#include "shell/ast.hpp"

#include <new>

namespace otp::shell {

const char* node_kind_name(NodeKind k) noexcept {
  static const char* kNames[] = {
#define X(name) #name,
      OTP_SHELL_NODES(X)
#undef X
  };
  return kNames[static_cast<int>(k)];
}

Arena::~Arena() {
  for (Node* n : boxed_) n->value.~Term();
}

void* Arena::allocate(std::size_t bytes, std::size_t align) {
  // `align` is a power of two.
  std::size_t pad = static_cast<std::size_t>(-reinterpret_cast<uintptr_t>(cur_)) & (align - 1);
  if (!cur_ || pad + bytes > left_) {
    std::size_t size = std::max<std::size_t>(bytes + align, chunks_.empty() ? 2048 : 16384);
    chunks_.push_back(std::make_unique<std::byte[]>(size));
    cur_ = chunks_.back().get();
    left_ = size;
    pad = static_cast<std::size_t>(-reinterpret_cast<uintptr_t>(cur_)) & (align - 1);
  }
  std::byte* p = cur_ + pad;
  cur_ = p + bytes;
  left_ -= pad + bytes;
  bytes_ += bytes;
  return p;
}

Node* Arena::node(NodeKind kind, uint32_t line, uint32_t column) {
  void* mem = allocate(sizeof(Node), alignof(Node));
  ++nodes_;
  // Term() is the atom nil: trivially destructible, so only boxed values need
  // the destructor (set_value registers those).
  return new (mem) Node{kind, Op::Count, 0, line, column, atom::nil, 0, nullptr, nullptr, nullptr, Term()};
}

Node** Arena::array(std::size_t n) {
  if (n == 0) return nullptr;
  return static_cast<Node**>(allocate(n * sizeof(Node*), alignof(Node*)));
}

void Arena::set_value(Node* n, Term v) {
  bool was_boxed = n->value.is_boxed();
  n->value = std::move(v);
  if (n->value.is_boxed() && !was_boxed) boxed_.push_back(n);
}

const Node* block_section(const Node* call, Atom name) {
  if (!call) return nullptr;
  if (call->x && call->x->kind == NodeKind::DoBlock) {
    for (const Node* s : call->x->children())
      if (s->name == name) return s->x;
    return nullptr;
  }
  auto args = call->args();
  if (args.empty()) return nullptr;
  const Node* last = args.back();
  if (last->kind != NodeKind::List || last->x) return nullptr;
  for (const Node* pair : last->children()) {
    if (pair->kind != NodeKind::Tuple || pair->count != 2 || pair->kid(0)->kind != NodeKind::Literal ||
        !pair->kid(0)->value.is_atom())
      return nullptr;
  }
  for (const Node* pair : last->children())
    if (pair->kid(0)->value.is_atom(name)) return pair->kid(1);
  return nullptr;
}

}  // namespace otp::shell

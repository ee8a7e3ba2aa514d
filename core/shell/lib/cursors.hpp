// Small cursor building blocks for the library's lazy enumerables (Stream
// stages and generators) and the chunking rule Enum and Stream share.
#pragma once
#include <utility>
#include <vector>

#include "shell/lib/enumerable.hpp"
#include "shell/lib/support.hpp"

namespace otp::shell::lib {

using enumerable::Cursor;
using enumerable::CursorPtr;

// A stage over an inner cursor: f(inner, out) -> bool, with its own state.
template <class F>
class StageCursor final : public Cursor {
 public:
  StageCursor(CursorPtr inner, F f) : inner_(std::move(inner)), f_(std::move(f)) {}
  bool next(Term* out) override { return f_(*inner_, out); }
  void close() override { inner_->close(); }

 private:
  CursorPtr inner_;
  F f_;
};
template <class F>
CursorPtr stage_cursor(CursorPtr inner, F f) {
  return std::make_unique<StageCursor<F>>(std::move(inner), std::move(f));
}

// A generator: f(out) -> bool, with its own state.
template <class F>
class GenCursor final : public Cursor {
 public:
  explicit GenCursor(F f) : f_(std::move(f)) {}
  bool next(Term* out) override { return f_(out); }

 private:
  F f_;
};
template <class F>
CursorPtr gen_cursor(F f) {
  return std::make_unique<GenCursor<F>>(std::move(f));
}

// Stream.Reducers.chunk_every: feed elements, collect the chunks to emit.
class Chunker {
 public:
  // leftover: nullptr for :discard, else the padding list ([] by default).
  Chunker(int64_t count, int64_t step, const Term* leftover)
      : count_(count), step_(step), limit_(count > step ? count : step), discard_(!leftover),
        leftover_(leftover ? *leftover : Term::empty_list()) {}
  // A chunk completed by x, if any.
  bool feed(const Term& x, Term* chunk) {
    buffer_.push_back(x);
    bool full = static_cast<int64_t>(buffer_.size()) == count_;
    if (full) *chunk = list_of(buffer_);
    if (static_cast<int64_t>(buffer_.size()) >= limit_) {
      int64_t remaining = static_cast<int64_t>(buffer_.size()) - step_;
      if (remaining <= 0) buffer_.clear();
      else buffer_.erase(buffer_.begin(), buffer_.end() - remaining);
    }
    return full;
  }
  // The last, incomplete chunk, if any.
  bool finish(Term* chunk) {
    int64_t n = static_cast<int64_t>(buffer_.size());
    if (discard_ || n == 0 || n >= count_) return false;
    std::vector<Term> out = buffer_;
    for (const Term* c = &leftover_; c->is_cons() && static_cast<int64_t>(out.size()) < count_; c = &c->tail())
      out.push_back(c->head());
    buffer_.clear();
    *chunk = list_of(out);
    return true;
  }

 private:
  int64_t count_, step_, limit_;
  bool discard_;
  Term leftover_;
  std::vector<Term> buffer_;
};

}  // namespace otp::shell::lib

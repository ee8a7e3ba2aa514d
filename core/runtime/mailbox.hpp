// A process's message queue: a singly linked list with a tail pointer, so a
// send appends in O(1) and a selective receive unlinks from the middle
// without moving the rest. Nodes come from a per-node free list (MessagePool)
// so the steady state of message passing allocates nothing.
//
// Who calls what: only the runtime (Process, Node) touches a mailbox;
// processes read theirs through Process::receive, observers its length
// through Process::message_queue_len.
#pragma once
#include <cstddef>
#include <vector>

#include "term/term.hpp"

namespace otp {

struct Message {
  Term term;
  Message* next = nullptr;
};

class MessagePool {
 public:
  MessagePool() = default;
  MessagePool(const MessagePool&) = delete;
  MessagePool& operator=(const MessagePool&) = delete;
  ~MessagePool() {
    while (free_) {
      Message* n = free_->next;
      delete free_;
      free_ = n;
    }
  }
  Message* make(Term t) {
    Message* m = free_;
    if (m) {
      free_ = m->next;
      m->term = std::move(t);
      m->next = nullptr;
      return m;
    }
    return new Message{std::move(t), nullptr};
  }
  void recycle(Message* m) {
    m->term = Term();
    m->next = free_;
    free_ = m;
  }

 private:
  Message* free_ = nullptr;
};

class Mailbox {
 public:
  Mailbox() = default;
  Mailbox(const Mailbox&) = delete;
  Mailbox& operator=(const Mailbox&) = delete;

  bool empty() const { return head_ == nullptr; }
  std::size_t size() const { return size_; }
  Message* head() const { return head_; }

  void push(Message* m) {
    *tail_ = m;
    tail_ = &m->next;
    ++size_;
  }
  // Unlink the message that *link points to (link is &head_ or &prev->next).
  Message* unlink(Message** link) {
    Message* m = *link;
    *link = m->next;
    if (tail_ == &m->next) tail_ = link;
    m->next = nullptr;
    --size_;
    return m;
  }
  Message** head_link() { return &head_; }
  Message** tail_link() { return tail_; }

  void clear(MessagePool& pool) {
    while (head_) pool.recycle(unlink(&head_));
  }

 private:
  Message* head_ = nullptr;
  Message** tail_ = &head_;
  std::size_t size_ = 0;
};

}  // namespace otp

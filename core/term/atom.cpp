#include "term/atom.hpp"

#include <atomic>
#include <mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace otp {
namespace {

constexpr uint32_t kChunkBits = 10;
constexpr uint32_t kChunkSize = 1u << kChunkBits;
constexpr uint32_t kChunks = 1024;

struct Entry {
  const char* data;
  uint32_t size;
};

struct Table {
  std::atomic<Entry*> chunks[kChunks] = {};
  std::atomic<uint32_t> count{0};
  std::mutex mutex;  // guards by_name and appends
  std::unordered_map<std::string_view, uint32_t> by_name;

  Table() {
    static constexpr std::string_view names[] = {
#define X(id, text) text,
#include "term/atoms.def"
#undef X
    };
    for (std::string_view n : names) insert_locked(n);
  }

  uint32_t insert_locked(std::string_view name) {
    uint32_t id = count.load(std::memory_order_relaxed);
    if (id >= kChunks * kChunkSize) throw std::length_error("atom table full");
    Entry* chunk = chunks[id >> kChunkBits].load(std::memory_order_relaxed);
    if (!chunk) {
      chunk = new Entry[kChunkSize];
      chunks[id >> kChunkBits].store(chunk, std::memory_order_release);
    }
    char* copy = new char[name.size() + 1];
    name.copy(copy, name.size());
    copy[name.size()] = '\0';
    chunk[id & (kChunkSize - 1)] = Entry{copy, static_cast<uint32_t>(name.size())};
    by_name.emplace(std::string_view(copy, name.size()), id);
    count.store(id + 1, std::memory_order_release);
    return id;
  }
};

Table& table() {
  static Table* t = new Table();  // never destroyed: atoms outlive everything
  return *t;
}

}  // namespace

std::string_view Atom::name() const noexcept {
  Table& t = table();
  Entry* chunk = t.chunks[id >> kChunkBits].load(std::memory_order_acquire);
  const Entry& e = chunk[id & (kChunkSize - 1)];
  return {e.data, e.size};
}

Atom Atom::intern(std::string_view name) {
  Table& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto it = t.by_name.find(name);
  if (it != t.by_name.end()) return Atom{it->second};
  return Atom{t.insert_locked(name)};
}

bool Atom::find(std::string_view name, Atom& out) {
  Table& t = table();
  std::lock_guard<std::mutex> lock(t.mutex);
  auto it = t.by_name.find(name);
  if (it == t.by_name.end()) return false;
  out = Atom{it->second};
  return true;
}

std::size_t atom_count() noexcept { return table().count.load(std::memory_order_acquire); }

}  // namespace otp

// Atoms: an index into one global intern table shared by every node.
//
// Representation: the table is two-level (1024 chunks of 1024 entries, so at
// most 1,048,576 atoms, BEAM's default limit); a chunk never moves once
// allocated, so reading a name by id takes no lock. Interning a new name
// takes a mutex, so two nodes in two threads may intern at once. Names are
// never freed (atoms are not garbage collected, as on BEAM).
#pragma once
#include <cstdint>
#include <string_view>

namespace otp {

struct Atom {
  uint32_t id;
  constexpr bool operator==(const Atom&) const noexcept = default;
  // The atom's text. Cheap (two loads); valid for the program's lifetime.
  std::string_view name() const noexcept;
  // Interns `name` (thread-safe). Throws std::length_error if the table is full.
  static Atom intern(std::string_view name);
  // The atom named `name` if it exists, without creating it.
  static bool find(std::string_view name, Atom& out);
};

std::size_t atom_count() noexcept;

namespace atom {
namespace detail {
enum : uint32_t {
#define X(id, text) id##_index,
#include "term/atoms.def"
#undef X
  predefined_count
};
}  // namespace detail
#define X(id, text) inline constexpr Atom id{detail::id##_index};
#include "term/atoms.def"
#undef X
}  // namespace atom

}  // namespace otp

// Bit syntax (`<<x::16-little, rest::binary>>`) over the shell's binaries:
// writing segments into a binary and reading them back out, with Erlang's
// rules (integers wrap to their size, two's complement for signed, IEEE
// floats of 16, 32 or 64 bits, UTF-8/16/32 code points) and OTP 25's
// "construction of binary failed: segment 1 of type 'integer': ..." texts.
//
// Representation limit: a term binary is a whole number of bytes
// (term/term.hpp has no sub-byte bitstrings). Segments may have any bit
// size (<<hi::4, lo::4>> works both ways) as long as every value built or
// bound is byte-aligned; a bitstring of another size (<<1::4>>, or binding
// `rest::bits` at a bit offset) raises "... is not supported in this shell".
//
// Who calls what: the evaluator's `<<...>>` (eval/interp_bitstring.cpp)
// parses segment specifiers into Spec and drives a Writer or a Reader.
#pragma once
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "term/term.hpp"

namespace otp::shell::bits {

// std::bit_cast for the float segments (emscripten 3.1.6's libc++ lacks it).
template <class To, class From>
inline To bits_as(const From& from) noexcept {
  static_assert(sizeof(To) == sizeof(From));
  To to;
  std::memcpy(&to, &from, sizeof to);
  return to;
}

enum class Type : uint8_t { Integer, Float, Binary, Bitstring, Utf8, Utf16, Utf32 };
const char* type_name(Type t) noexcept;  // "integer", "binary", "utf8", ...

struct Spec {
  Type type = Type::Integer;
  int64_t size = -1;  // in units, when `sized`; else the type's default (integer 8, float 64, binary: all)
  int64_t unit = 1;   // bits per size unit (binary: 8)
  bool is_signed = false;
  bool little = false;  // little or native endian (every target here is little-endian);
                        // applies to whole bytes (a little-endian 12-bit integer is written big-endian)
  bool sized = false;   // size(...) given (it may be negative: an error when building, no match when reading)
};

// Builds a binary segment by segment.
class Writer {
 public:
  // Appends `value` as one segment; `index` (1-based) names it in errors.
  void append(const Term& value, const Spec& spec, int index);
  // The binary built; a total size that is not a whole number of bytes
  // raises "not supported".
  Term finish() const;

 private:
  void put_bits(uint64_t value, int n);  // the low n bits (n <= 64), most significant first
  void put_bytes(std::string_view bytes);
  std::string bytes_;
  uint64_t bits_ = 0;  // bits written
};

// Reads segments from a binary, from the start.
class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  // Reads one segment into *out; false when the data left does not match
  // the segment (too short, not valid UTF-8, a NaN float, ...).
  bool read(const Spec& spec, Term* out);
  bool at_end() const noexcept { return pos_ == data_.size() * 8; }
  // What is left, as a binary (for `<<...>> <> rest` patterns).
  Term rest() const;

 private:
  uint64_t get_bits(int n);  // n <= 64, most significant first
  std::string_view data_;
  uint64_t pos_ = 0;  // in bits
};

// RuntimeError "bitstrings of N bits are not supported in this shell ...".
[[noreturn]] void raise_unaligned(uint64_t bits);

}  // namespace otp::shell::bits

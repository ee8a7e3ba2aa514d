// Bit syntax: writing segments (see bitstring.hpp); reading them is in
// bitstring_read.cpp.
#include "shell/lib/bitstring.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "shell/lib/builtins.hpp"
#include "shell/lib/chars.hpp"
#include "term/error.hpp"

namespace otp::shell::bits {

namespace {

constexpr uint64_t kMaxBits = uint64_t{1} << 32;  // a segment larger than 512 MiB is a system limit here

std::string one_line(const Term& t) {
  InspectOptions o;
  o.pretty = false;
  return inspect(t, o);
}

[[noreturn]] void construction_failed(int index, Type type, const std::string& what) {
  raise_argument_error("construction of binary failed: segment " + std::to_string(index) + " of type '" +
                       type_name(type) + "': " + what);
}

bool valid_code_point(const Term& v) {
  if (!v.is_small()) return false;
  int64_t c = v.small();
  return c >= 0 && c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF);
}

// IEEE 754 binary16 from a double (round to nearest even).
uint16_t to_half(double d) {
  float f = static_cast<float>(d);
  uint32_t x = bits_as<uint32_t>(f);
  uint32_t sign = (x >> 16) & 0x8000u;
  int32_t exp = static_cast<int32_t>((x >> 23) & 0xFF) - 127 + 15;
  uint32_t mant = x & 0x7FFFFFu;
  if (((x >> 23) & 0xFF) == 0xFF) return static_cast<uint16_t>(sign | 0x7C00u | (mant ? 0x200u : 0));
  if (exp >= 31) return static_cast<uint16_t>(sign | 0x7C00u);
  if (exp <= 0) {
    if (exp < -10) return static_cast<uint16_t>(sign);
    mant |= 0x800000u;
    uint32_t shift = static_cast<uint32_t>(14 - exp);
    uint32_t half = mant >> shift;
    uint32_t rem = mant & ((1u << shift) - 1), mid = 1u << (shift - 1);
    if (rem > mid || (rem == mid && (half & 1))) ++half;
    return static_cast<uint16_t>(sign | half);
  }
  uint32_t half = sign | (static_cast<uint32_t>(exp) << 10) | (mant >> 13);
  uint32_t rem = mant & 0x1FFFu;
  if (rem > 0x1000u || (rem == 0x1000u && (half & 1))) ++half;
  return static_cast<uint16_t>(half);
}

// The bits a segment takes: size * unit, checked.
uint64_t segment_bits(const Spec& spec, int64_t fallback, int index) {
  int64_t size = spec.sized ? spec.size : fallback;
  __int128 bits = static_cast<__int128>(size) * spec.unit;
  if (bits < 0) construction_failed(index, spec.type, "expected a non-negative integer as size but got: " + std::to_string(static_cast<int64_t>(bits)));
  if (bits > static_cast<__int128>(kMaxBits)) raise("SystemLimitError", "a system limit has been reached");
  return static_cast<uint64_t>(bits);
}

// The bytes of the low n bits of v (n a multiple of 8), most significant first.
std::vector<uint8_t> integer_bytes(const Term& v, uint64_t n) {
  std::vector<uint8_t> out(n / 8);
  if (v.is_small() && n <= 64) {
    uint64_t u = static_cast<uint64_t>(v.small());
    for (std::size_t i = out.size(); i-- > 0; u >>= 8) out[i] = static_cast<uint8_t>(u & 0xFF);
    return out;
  }
  // Two's complement of the low n bits: byte by byte from the least
  // significant end (floor division keeps negative numbers right).
  BigInt x = v.bigint();
  const bool negative = x < 0;
  if (negative) x = -(x + 1);  // ~x, non-negative
  for (std::size_t i = out.size(); i-- > 0;) {
    unsigned b = static_cast<unsigned>(static_cast<uint64_t>(x % 256));
    x /= 256;
    out[i] = static_cast<uint8_t>(negative ? 0xFFu - b : b);
  }
  return out;
}

}  // namespace

const char* type_name(Type t) noexcept {
  switch (t) {
    case Type::Integer: return "integer";
    case Type::Float: return "float";
    case Type::Binary: return "binary";
    case Type::Bitstring: return "binary";
    case Type::Utf8: return "utf8";
    case Type::Utf16: return "utf16";
    case Type::Utf32: return "utf32";
  }
  return "integer";
}

void raise_unaligned(uint64_t bits) {
  raise("RuntimeError", "bitstrings whose size is not a multiple of 8 bits (here " + std::to_string(bits) +
                            " bits) are not supported in this shell");
}

void Writer::put_bits(uint64_t value, int n) {
  for (int i = n - 1; i >= 0; --i) {
    if (bits_ % 8 == 0) bytes_.push_back('\0');
    if ((value >> i) & 1u) bytes_.back() = static_cast<char>(static_cast<uint8_t>(bytes_.back()) | (0x80u >> (bits_ % 8)));
    ++bits_;
  }
}

void Writer::put_bytes(std::string_view bytes) {
  if (bits_ % 8 == 0) {
    bytes_.append(bytes);
    bits_ += bytes.size() * 8;
    return;
  }
  for (char c : bytes) put_bits(static_cast<uint8_t>(c), 8);
}

void Writer::append(const Term& value, const Spec& spec, int index) {
  switch (spec.type) {
    case Type::Integer: {
      if (!value.is_integer()) construction_failed(index, spec.type, "expected an integer but got: " + one_line(value));
      uint64_t n = segment_bits(spec, 8, index);
      if (n % 8 == 0) {
        std::vector<uint8_t> b = integer_bytes(value, n);
        if (spec.little) std::reverse(b.begin(), b.end());
        put_bytes(std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
      } else {
        std::vector<uint8_t> b = integer_bytes(value, (n + 7) / 8 * 8);
        uint64_t skip = (n + 7) / 8 * 8 - n;  // the leading bits beyond n
        for (uint64_t i = skip; i < b.size() * 8; ++i) put_bits((b[i / 8] >> (7 - i % 8)) & 1u, 1);
      }
      return;
    }
    case Type::Float: {
      if (!value.is_number()) construction_failed(index, spec.type, "expected a float or an integer but got: " + one_line(value));
      uint64_t n = segment_bits(spec, 64, index);
      double d = value.is_float() ? value.as_double() : value.is_small() ? static_cast<double>(value.small())
                                                                          : static_cast<double>(value.bigint());
      uint64_t raw = 0;
      if (n == 64) raw = bits_as<uint64_t>(d);
      else if (n == 32) raw = bits_as<uint32_t>(static_cast<float>(d));
      else if (n == 16) raw = to_half(d);
      else construction_failed(index, spec.type, "float requires size*unit to be 16, 32, or 64, got: " + std::to_string(n));
      if (spec.little) {
        uint64_t r = 0;
        for (uint64_t i = 0; i < n / 8; ++i) r = (r << 8) | ((raw >> (8 * i)) & 0xFF);
        raw = r;
      }
      put_bits(raw, static_cast<int>(n));
      return;
    }
    case Type::Binary:
    case Type::Bitstring: {
      if (!value.is_binary()) construction_failed(index, spec.type, "expected a binary but got: " + one_line(value));
      std::string_view b = value.bytes();
      if (!spec.sized) {
        put_bytes(b);
        return;
      }
      uint64_t n = segment_bits(spec, 0, index);
      if (n > b.size() * 8)
        construction_failed(index, spec.type, "the value " + one_line(value) + " is shorter than the size of the segment");
      put_bytes(b.substr(0, n / 8));
      if (n % 8) put_bits(static_cast<uint8_t>(b[n / 8]) >> (8 - n % 8), static_cast<int>(n % 8));
      return;
    }
    case Type::Utf8:
    case Type::Utf16:
    case Type::Utf32: {
      if (!valid_code_point(value))
        construction_failed(index, spec.type, std::string("expected a non-negative integer encodable as ") +
                                                  type_name(spec.type) + " but got: " + one_line(value));
      uint32_t cp = static_cast<uint32_t>(value.small());
      if (spec.type == Type::Utf8) {
        std::string s;
        lib::append_utf8(s, cp);
        put_bytes(s);
        return;
      }
      auto unit = [&](uint32_t u, int n) {
        if (spec.little) {
          uint32_t r = 0;
          for (int i = 0; i < n / 8; ++i) r = (r << 8) | ((u >> (8 * i)) & 0xFF);
          u = r;
        }
        put_bits(u, n);
      };
      if (spec.type == Type::Utf32) return unit(cp, 32);
      if (cp < 0x10000) return unit(cp, 16);
      cp -= 0x10000;
      unit(0xD800 | (cp >> 10), 16);
      unit(0xDC00 | (cp & 0x3FF), 16);
      return;
    }
  }
}

Term Writer::finish() const {
  if (bits_ % 8) raise_unaligned(bits_);
  return Term::binary(bytes_);
}

}  // namespace otp::shell::bits

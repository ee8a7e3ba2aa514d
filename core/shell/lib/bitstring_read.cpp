// Bit syntax: reading segments out of a binary (see bitstring.hpp).
#include <algorithm>
#include <cmath>
#include <vector>

#include "shell/lib/bitstring.hpp"
#include "shell/lib/chars.hpp"

namespace otp::shell::bits {

namespace {

bool valid_code_point(uint32_t c) { return c <= 0x10FFFF && !(c >= 0xD800 && c <= 0xDFFF); }

// IEEE 754 binary16 to double.
double from_half(uint16_t h) {
  int exp = (h >> 10) & 0x1F;
  int mant = h & 0x3FF;
  double v = exp == 0 ? std::ldexp(mant, -24) : exp == 31 ? (mant ? NAN : INFINITY) : std::ldexp(mant + 1024, exp - 25);
  return (h & 0x8000) ? -v : v;
}

}  // namespace

uint64_t Reader::get_bits(int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i, ++pos_)
    v = (v << 1) | ((static_cast<uint8_t>(data_[pos_ / 8]) >> (7 - pos_ % 8)) & 1u);
  return v;
}

Term Reader::rest() const {
  if (pos_ % 8) raise_unaligned(data_.size() * 8 - pos_);
  return Term::binary(data_.substr(pos_ / 8));
}

bool Reader::read(const Spec& spec, Term* out) {
  const uint64_t total = data_.size() * 8, left = total - pos_;
  switch (spec.type) {
    case Type::Integer: {
      int64_t size = spec.sized ? spec.size : 8;
      if (size < 0 || static_cast<__int128>(size) * spec.unit > static_cast<__int128>(left)) return false;
      uint64_t n = static_cast<uint64_t>(size * spec.unit);
      if (n <= 64 && !(spec.little && n % 8 == 0 && n > 8)) {
        uint64_t u = get_bits(static_cast<int>(n));
        if (spec.is_signed && n > 0 && ((u >> (n - 1)) & 1u)) {
          *out = Term::integer(static_cast<int64_t>(u << (64 - n)) >> (64 - n));  // sign-extended
        } else {
          *out = u <= static_cast<uint64_t>(INT64_MAX) ? Term::integer(static_cast<int64_t>(u)) : Term::integer(BigInt(u));
        }
        return true;
      }
      std::vector<uint8_t> b;
      BigInt x = 0;
      if (n % 8 == 0) {
        for (uint64_t i = 0; i < n / 8; ++i) b.push_back(static_cast<uint8_t>(get_bits(8)));
        if (spec.little) std::reverse(b.begin(), b.end());
        for (uint8_t c : b) x = (x << 8) | c;
      } else {
        for (uint64_t i = 0; i < n; ++i) x = (x << 1) | get_bits(1);
      }
      if (spec.is_signed && n > 0 && bit_test(x, static_cast<unsigned>(n - 1))) x -= BigInt(1) << static_cast<unsigned>(n);
      *out = Term::integer(x);
      return true;
    }
    case Type::Float: {
      int64_t n = (spec.sized ? spec.size : 64) * spec.unit;
      if ((n != 16 && n != 32 && n != 64) || static_cast<uint64_t>(n) > left) return false;
      uint64_t raw = get_bits(static_cast<int>(n));
      if (spec.little) {
        uint64_t r = 0;
        for (int64_t i = 0; i < n / 8; ++i) r = (r << 8) | ((raw >> (8 * i)) & 0xFF);
        raw = r;
      }
      double d = n == 64 ? bits_as<double>(raw)
                 : n == 32 ? static_cast<double>(bits_as<float>(static_cast<uint32_t>(raw)))
                           : from_half(static_cast<uint16_t>(raw));
      if (!std::isfinite(d)) return false;
      *out = Term::from_double(d);
      return true;
    }
    case Type::Binary:
    case Type::Bitstring: {
      uint64_t n = left;
      if (spec.sized) {
        if (spec.size < 0) return false;
        __int128 want = static_cast<__int128>(spec.size) * spec.unit;
        if (want > static_cast<__int128>(left)) return false;
        n = static_cast<uint64_t>(want);
      }
      if (spec.type == Type::Binary && n % 8) return false;
      if (n % 8 || pos_ % 8) raise_unaligned(n);
      *out = Term::binary(data_.substr(pos_ / 8, n / 8));
      pos_ += n;
      return true;
    }
    case Type::Utf8: {
      if (pos_ % 8) raise_unaligned(left);
      std::size_t i = pos_ / 8;
      uint32_t cp = 0;
      if (i >= data_.size() || !lib::next_codepoint(data_, i, &cp)) return false;
      *out = Term::integer(static_cast<int64_t>(cp));
      pos_ = i * 8;
      return true;
    }
    case Type::Utf16:
    case Type::Utf32: {
      const int n = spec.type == Type::Utf16 ? 16 : 32;
      auto unit = [&](uint32_t* u) {
        if (left < static_cast<uint64_t>(n) || total - pos_ < static_cast<uint64_t>(n)) return false;
        uint64_t raw = get_bits(n);
        if (spec.little) {
          uint64_t r = 0;
          for (int i = 0; i < n / 8; ++i) r = (r << 8) | ((raw >> (8 * i)) & 0xFF);
          raw = r;
        }
        *u = static_cast<uint32_t>(raw);
        return true;
      };
      const uint64_t start = pos_;
      uint32_t u = 0;
      if (!unit(&u)) return false;
      if (n == 16 && u >= 0xD800 && u <= 0xDBFF) {
        uint32_t low = 0;
        if (!unit(&low) || low < 0xDC00 || low > 0xDFFF) {
          pos_ = start;
          return false;
        }
        u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
      }
      if (!valid_code_point(u)) {
        pos_ = start;
        return false;
      }
      *out = Term::integer(u);
      return true;
    }
  }
  return false;
}

}  // namespace otp::shell::bits

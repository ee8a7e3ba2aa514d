// Integer and float arithmetic on terms, with BEAM semantics.
//
// Integers never overflow: results leave the 61-bit small range into
// bignums and come back when they fit again. Float results that are not
// finite raise badarith, as do non-number arguments and division by zero.
// Every error is thrown as ErlangError{atom::badarith}.
//
// Who calls what: anyone, on the thread that owns the terms (a node's
// processes, the host of that node).
#pragma once
#include "term/error.hpp"
#include "term/term.hpp"

namespace otp {

Term add(const Term& a, const Term& b);   // a + b
Term sub(const Term& a, const Term& b);   // a - b
Term mul(const Term& a, const Term& b);   // a * b
Term neg(const Term& a);                  // -a
Term fdiv(const Term& a, const Term& b);  // a / b: always a float
Term int_div(const Term& a, const Term& b);  // Elixir div/2: integers, truncates toward zero
Term int_rem(const Term& a, const Term& b);  // Elixir rem/2: sign of the dividend
// Elixir `**`: integer ** non-negative integer is an integer; otherwise a float.
Term pow(const Term& base, const Term& exponent);
// The value of a number as a double (throws badarith if not a number or
// if a bignum is too large for a double).
double to_double(const Term& number);
// Numeric comparison by value (1 == 1.0), throws badarith on non-numbers.
int compare_numbers(const Term& a, const Term& b);

}  // namespace otp

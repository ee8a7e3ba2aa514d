// The BIFs Kernel and :erlang share (kernel.cpp), with OTP 25's argument
// errors: element(1, {}) raises "1st argument: out of range", and so on.
#pragma once
#include "shell/lib/support.hpp"

namespace otp::shell::lib {

Term float_to_integer(double d);                       // exact, may be a bignum
Term round_number(const Term& x, int mode);            // 0 round, 1 trunc, 2 ceil, 3 floor
Term integer_op(const Term& a, const Term& b, bool is_div);  // div/rem: ArithmeticError
Term element(const Term& index, const Term& tuple);    // :erlang.element/2 (1-based)
Term setelement(const Term& index, const Term& tuple, const Term& value);
Term head(const Term& list);
Term tail(const Term& list);
Term length(const Term& list);
Term map_size(const Term& map);
Term tuple_size(const Term& tuple);
Term byte_size(const Term& binary);
Term abs_number(const Term& x);
Term max_of(const Term& a, const Term& b);  // erlang:max/2: the first of equals
Term min_of(const Term& a, const Term& b);
Term is_function2(const Term& f, const Term& arity);
// Kernel.inspect/2 and IO.inspect/2 options (pretty, limit, width,
// charlists; label is returned in *label when asked for).
InspectOptions inspect_options(const Term& opts, bool pretty, Term* label);
// is_atom/1 ... is_tuple/1 and is_function/2 under module m ("Kernel", ":erlang").
void add_guards(Library& lib, const char* m);

}  // namespace otp::shell::lib

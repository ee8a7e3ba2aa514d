// Shared by the Task library files (otp_task.cpp, otp_task_stream.cpp).
#pragma once
#include <vector>

#include "shell/lib/otp_support.hpp"

namespace otp::shell::lib {

// A %Task{} struct.
bool is_task(const Term& t);
// The task with its :mfa field set to {m, f, length(a)} (Task.async(m, f, a)).
Term with_mfa_field(Term task, const Term& m, const Term& f, const Term& a);
// The tasks of an enumerable; a non-task element is a MatchError, as Elixir's.
std::vector<Term> task_list(const Term& tasks);

}  // namespace otp::shell::lib

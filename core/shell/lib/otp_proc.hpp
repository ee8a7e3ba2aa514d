// The process BIFs shared by Process (otp_process*.cpp) and :erlang / Kernel
// (otp_erlang_proc.cpp), with OTP 25's argument errors. Positions in the
// errors are those of the :erlang BIF, as Elixir shows them for both
// (Process.send_after(pid, msg, :a) blames the "1st argument", the time).
// Each acts on the calling process (Process::current()).
#pragma once
#include "shell/lib/otp_support.hpp"

namespace otp::shell::lib::proc {

// Raises "<position> argument: not a pid" unless t is a pid.
void need_pid(const Term& t, int position);
void need_ref(const Term& t, int position);  // "not a reference"

// erlang:process_flag/2: the previous value.
Term process_flag(const Term& flag, const Term& value);
// erlang:process_info/1,2; `undefined` is what a dead process gives
// (:undefined for :erlang, nil for Process).
Term process_info(const Term& pid, const Term& undefined);
Term process_info(const Term& pid, const Term& spec, const Term& undefined, bool erlang);

// erlang:monitor(:process, item) and demonitor/2 (options :flush, :info).
Term monitor(const Term& item);
Term demonitor(const Term& ref, const Term& options);
// erlang:register/2 with OTP's texts for each failure.
Term register_name(const Term& name, const Term& pid);
Term unregister_name(const Term& name);
Term whereis(const Term& name);  // the pid or :undefined

// erlang:send/2 (returns msg) and send/3 (returns :ok).
Term send(const Term& dest, const Term& msg);
Term send(const Term& dest, const Term& msg, const Term& options);
// erlang:send_after/3,4, cancel_timer/1,2, read_timer/1.
Term send_after(const Term& time, const Term& dest, const Term& msg, const Term& options);
Term cancel_timer(const Term& ref, const Term& options);
Term read_timer(const Term& ref);

// erlang:spawn_opt with a fun (fun_position) or {m, f, a}, and options at
// opts_position; pid, or {pid, ref} with :monitor.
Term spawn_fun(const Term& fun, const Term& options, int opts_position);
Term spawn_mfa(const Term& m, const Term& f, const Term& a, const Term& options, int opts_position);

// erlang:group_leader/0,2 (leader first, as :erlang orders them).
Term group_leader();
Term set_group_leader(const Term& leader, const Term& pid);

// Process.sleep/1 and :timer.sleep/1 once the timeout is known to be valid.
Term sleep(Timeout t);

}  // namespace otp::shell::lib::proc

// Output for the shell language (IO.puts, IO.inspect, Logger-free prints):
// Erlang's I/O protocol through the calling process's group leader, so that
// output of every process spawned from a shell reaches that shell in order.
//
// put_chars sends {:io_request, self(), ref, {:put_chars, :unicode, chars}}
// to the group leader and waits for {:io_reply, ref, :ok}, as io:put_chars
// does; with no group leader (Pid{}, the default) the text goes to the
// node's log. An IO server (the IEx session's) answers these requests.
//
// Who calls what: put_chars, a process of the node (it waits for the IO
// server's reply); parse_request and reply, the IO server process.
#pragma once
#include <string_view>

#include "runtime/node.hpp"

namespace otp::shell::io {

void put_chars(Process& self, std::string_view chars);

// For an IO server: whether `msg` is an io_request, and its parts.
struct Request {
  Pid from;
  Term reply_as;
  Term request;  // e.g. {:put_chars, :unicode, chars}
};
bool parse_request(const Term& msg, Request* out);
// Sends {:io_reply, reply_as, reply} to the requester.
void reply(Node& node, const Request& req, Term reply);

}  // namespace otp::shell::io

// IO through the group leader: what a shell's IO server receives for
// IO.puts/write/inspect, what goes to the node's log (:stderr, IO.warn),
// and the chardata/iodata conversions.
#include "node_fixture.hpp"
#include "shell/lib/io.hpp"
#include "shell_lib_helpers.hpp"

using namespace otp;
using namespace otp::test;
using namespace otp::test::lib;

namespace {
// An IO server that appends what it is asked to print to *screen.
Pid io_server(Node& node, std::string* screen) {
  return node.spawn_handler([screen](Process& self, const Term& msg) {
    shell::io::Request req;
    if (!shell::io::parse_request(msg, &req)) return;
    *screen += std::string(req.request[2].bytes());
    shell::io::reply(self.node(), req, Term::atom("ok"));
  });
}
}  // namespace

TEST_CASE("IO.puts, write and inspect print through the group leader and return as Elixir", "[shell][lib][io]") {
  NodeFixture f;
  std::string screen, results;
  Pid server = io_server(f.node, &screen);
  Pid writer = f.node.spawn([&](Process& self) {
    self.receive();
    results += ev("IO", "puts", {S("hello")});
    results += " " + ev("IO", "puts", {A("atom")});
    results += " " + ev("IO", "puts", {L({S("a"), I('b'), L({S("c")})})});
    results += " " + ev("IO", "write", {I(42)});
    results += " " + ev("IO", "puts", {A("stdio"), F(1.5)});
    results += " " + ev("IO", "inspect", {L({I(1), I(2)})});
    results += " " + ev("IO", "inspect", {M({{A("a"), I(1)}}), L({KV("label", S("map"))})});
    results += " " + ev("IO", "inspect", {A("stdio"), Term::charlist("ab"), L({KV("charlists", A("as_lists"))})});
  });
  f.node.run_until_idle();
  f.node.set_group_leader(Term(writer), server);
  f.node.send(writer, a("go"));
  f.node.run_until_idle();
  CHECK(results == ":ok :ok :ok :ok :ok [1, 2] %{a: 1} 'ab'");
  CHECK(screen == "hello\natom\nabc\n421.5\n[1, 2]\nmap: %{a: 1}\n[97, 98]\n");
  CHECK(f.logs.empty());
  f.node.exit(Term(server), a("kill"));
  f.node.run_until_idle();
}

TEST_CASE("IO.inspect prints pretty at 80 columns", "[shell][lib][io]") {
  NodeFixture f;
  std::string screen;
  Pid server = io_server(f.node, &screen);
  Pid writer = f.node.spawn([&](Process& self) {
    self.receive();
    std::vector<Term> xs;
    for (int k = 1; k <= 30; ++k) xs.push_back(I(k * 1000));
    call("IO", "inspect", {Term::list(std::span<const Term>(xs))});
  });
  f.node.run_until_idle();
  f.node.set_group_leader(Term(writer), server);
  f.node.send(writer, a("go"));
  f.node.run_until_idle();
  CHECK(screen ==
        "[1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000, 11000, 12000,\n 13000, 14000, 15000, 16000, "
        "17000, 18000, 19000, 20000, 21000, 22000, 23000,\n 24000, 25000, 26000, 27000, 28000, 29000, 30000]\n");
  f.node.exit(Term(server), a("kill"));
  f.node.run_until_idle();
}

TEST_CASE("IO to :stderr and IO.warn go to the node's log; bad chardata raises", "[shell][lib][io]") {
  NodeFixture f;
  std::string errors;
  f.node.spawn([&](Process&) {
    call("IO", "puts", {A("stderr"), S("oops")});
    call("IO", "write", {A("stderr"), S("x")});
    call("IO", "warn", {S("careful")});
    call("IO", "warn", {S("again"), L({})});
    errors = err("IO", "puts", {T({I(1)})}) + "|" + err("IO", "puts", {L({I(1), A("a")})}) + "|" +
             err("IO", "puts", {A("nowhere"), S("x")});
  });
  f.node.run_until_idle();
  CHECK(f.logs == std::vector<std::string>{"oops\n", "x", "warning: careful\n", "warning: again\n"});
  CHECK(errors ==
        "** (Protocol.UndefinedError) protocol String.Chars not implemented for {1} of type Tuple|** (ArgumentError) "
        "errors were found at the given arguments:\n\n  * 2nd argument: not valid character data (an iodata "
        "term)\n|** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: the device does "
        "not exist\n");
}

TEST_CASE("IO converts chardata and iodata", "[shell][lib][io]") {
  LeakCheck leaks;
  CHECK(ev("IO", "chardata_to_string", {L({S("a"), I(0xe9), L({I('b')})})}) == "\"a\xc3\xa9" "b\"");
  CHECK(ev("IO", "chardata_to_string", {S("x")}) == "\"x\"");
  CHECK(ev("IO", "iodata_to_binary", {L({S("a"), I(98), L({S("c")})})}) == "\"abc\"");
  CHECK(ev("IO", "iodata_length", {L({S("ab"), I(99)})}) == "3");
  CHECK(err("IO", "iodata_to_binary", {L({I(256)})}) ==
        "** (ArgumentError) errors were found at the given arguments:\n\n  * 1st argument: not an iodata term\n");
  CHECK(err("IO", "chardata_to_string", {L({A("a")})}).rfind("** (ArgumentError) cannot convert the given list to a string.", 0) == 0);
}

#include "node_fixture.hpp"
#include "shell/lib/builtins.hpp"
#include "shell/lib/io.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(NodeFixture, "output goes through the group leader's io protocol, in order",
                 "[shell][io]") {
  std::string screen;
  Pid server = node.spawn_handler([&](Process& self, const Term& msg) {
    shell::io::Request req;
    REQUIRE(shell::io::parse_request(msg, &req));
    screen += std::string(req.request[2].bytes());
    shell::io::reply(self.node(), req, a("ok"));
  });
  Pid writer = node.spawn([&](Process& self) {
    self.receive();
    shell::io::put_chars(self, "one\n");
    self.spawn([](Process& child) { shell::io::put_chars(child, "from a child\n"); });
    self.receive();
    shell::io::put_chars(self, "two\n");
  });
  node.run_until_idle();
  node.set_group_leader(Term(writer), server);
  node.send(writer, a("go"));
  node.run_until_idle();
  node.send(writer, a("go"));
  node.run_until_idle();
  CHECK(screen == "one\nfrom a child\ntwo\n");
  CHECK(logs.empty());
  node.exit(Term(server), a("kill"));
  node.run_until_idle();
}

TEST_CASE_METHOD(NodeFixture, "without a group leader output goes to the node's log", "[shell][io]") {
  node.spawn([](Process& self) { shell::io::put_chars(self, "hello\n"); });
  node.run_until_idle();
  CHECK(logs == std::vector<std::string>{"hello\n"});
}

TEST_CASE("raise builds Elixir's exception structs", "[shell][lib]") {
  try {
    shell::raise_argument_error("bad thing");
    FAIL("no exception");
  } catch (const ErlangError& e) {
    CHECK(inspect(e.reason) == "%ArgumentError{message: \"bad thing\"}");
  }
  CHECK(shell::module_atom("Enum") == Atom::intern("Elixir.Enum"));
  CHECK(shell::module_atom(":erlang") == Atom::intern("erlang"));
}

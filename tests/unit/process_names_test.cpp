#include "node_fixture.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;

TEST_CASE_METHOD(NodeFixture, "register, whereis and unregister follow OTP's errors", "[process][names]") {
  Pid p = node.spawn([](Process& self) { self.receive(); });
  Pid q = node.spawn([](Process& self) { self.receive(); });
  Pid dead = node.spawn([](Process&) {});
  node.run_until_idle();

  node.register_name(a("worker"), Term(p));
  CHECK(node.whereis(a("worker")) == std::optional<Pid>(p));
  CHECK(inspect(node.process_info(Term(p), a("registered_name"))) == "{:registered_name, :worker}");
  CHECK_THROWS_AS(node.register_name(a("worker"), Term(q)), ErlangError);  // name taken
  CHECK_THROWS_AS(node.register_name(a("other"), Term(p)), ErlangError);   // pid already named
  CHECK_THROWS_AS(node.register_name(a("ghost"), Term(dead)), ErlangError);
  CHECK_THROWS_AS(node.register_name(a("undefined"), Term(q)), ErlangError);
  CHECK_THROWS_AS(node.register_name(i(1), Term(q)), ErlangError);
  CHECK_THROWS_AS(node.unregister_name(a("nobody")), ErlangError);

  node.unregister_name(a("worker"));
  CHECK_FALSE(node.whereis(a("worker")));
  CHECK(inspect(node.process_info(Term(p), a("registered_name"))) == "{:registered_name, []}");
  node.register_name(a("worker"), Term(q));
  CHECK(node.registered().size() == 1);
}

TEST_CASE_METHOD(NodeFixture, "a registered name is released when its process exits", "[process][names]") {
  Pid p = node.spawn([](Process& self) { self.receive(); });
  node.run_until_idle();
  node.register_name(a("temp"), Term(p));
  node.send(a("temp"), a("stop"));
  node.run_until_idle();
  CHECK_FALSE(node.whereis(a("temp")));
  CHECK_THROWS_AS(node.send(a("temp"), a("again")), ErlangError);
}

TEST_CASE_METHOD(NodeFixture, "the process dictionary stores, replaces and erases values",
                 "[process][dictionary]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    seen.push_back(inspect(self.put(a("k"), i(1))));
    seen.push_back(inspect(self.put(a("k"), i(2))));
    seen.push_back(inspect(self.get(a("k"))));
    self.put(Term::binary("s"), a("v"));
    seen.push_back(inspect(node.process_info(Term(self.self()), a("dictionary"))));
    seen.push_back(inspect(self.erase(a("k"))));
    seen.push_back(inspect(self.get(a("k"))));
  });
  CHECK(seen == std::vector<std::string>{":undefined", "1", "2",
                                         "{:dictionary, [{:k, 2}, {\"s\", :v}]}", "2", ":undefined"});
}

TEST_CASE_METHOD(NodeFixture, "Process.info reports a process as OTP does", "[process][info]") {
  Pid p = node.spawn([](Process& self) {
    self.put(a("answer"), i(42));
    self.trap_exit(true);
    self.receive(tagged(a("never")), Timeout::infinity());
  });
  node.run_until_idle();
  node.send(p, a("one"));
  node.send(p, t({a("two"), i(2)}));
  node.run_until_idle();
  Term pt(p);
  CHECK(inspect(node.process_info(pt, a("status"))) == "{:status, :waiting}");
  CHECK(inspect(node.process_info(pt, a("message_queue_len"))) == "{:message_queue_len, 2}");
  CHECK(inspect(node.process_info(pt, a("messages"))) == "{:messages, [:one, {:two, 2}]}");
  CHECK(inspect(node.process_info(pt, a("trap_exit"))) == "{:trap_exit, true}");
  CHECK(inspect(node.process_info(pt, a("dictionary"))) == "{:dictionary, [answer: 42]}");
  CHECK(inspect(node.process_info(pt, a("initial_call"))) == "{:initial_call, {:erlang, :apply, 2}}");
  CHECK(inspect(node.process_info(pt, a("current_function"))) == "{:current_function, {:erlang, :apply, 2}}");
  CHECK(node.process_info(pt, a("reductions"))[1].small() > 0);
  CHECK(node.process_info(pt, a("memory"))[1].small() > 0);
  CHECK_THROWS_AS(node.process_info(pt, a("no_such_item")), ErlangError);
  CHECK_THROWS_AS(node.process_info(a("not_a_pid"), a("status")), ErlangError);

  // Process.info/1: the items of erlang:process_info/1, in its order.
  std::vector<std::string> keys;
  for (const Term& kv : list_to_vector(node.process_info(pt))) keys.push_back(inspect(kv[0]));
  CHECK(keys == std::vector<std::string>{
                    ":current_function", ":initial_call", ":status", ":message_queue_len", ":links",
                    ":dictionary", ":trap_exit", ":error_handler", ":priority", ":group_leader",
                    ":total_heap_size", ":heap_size", ":stack_size", ":reductions",
                    ":garbage_collection", ":suspending"});

  node.exit(pt, a("kill"));
  node.run_until_idle();
  CHECK(node.process_info(pt) == a("undefined"));
  CHECK(node.process_info(pt, a("status")) == a("undefined"));
}

TEST_CASE_METHOD(NodeFixture, "Process.info shows running, runnable, links and monitors", "[process][info]") {
  std::string own_status, other_status, links, monitors, monitored_by;
  Pid other = node.spawn([](Process& self) { self.receive(); });
  node.run_until_idle();
  run([&](Process& self) {
    self.link(Term(other));
    self.monitor(Term(other));
    self.send(other, a("wake"));  // other is now runnable, not yet run
    own_status = inspect(node.process_info(Term(self.self()), a("status")));
    other_status = inspect(node.process_info(Term(other), a("status")));
    links = inspect(node.process_info(Term(self.self()), a("links")));
    monitors = inspect(node.process_info(Term(self.self()), a("monitors")));
    monitored_by = inspect(node.process_info(Term(other), a("monitored_by")));
    self.trap_exit(true);
    self.receive();
  });
  CHECK(own_status == "{:status, :running}");
  CHECK(other_status == "{:status, :runnable}");
  CHECK(links == "{:links, [" + inspect(Term(other)) + "]}");
  CHECK(monitors == "{:monitors, [process: " + inspect(Term(other)) + "]}");
  CHECK(monitored_by.find("#PID<") != std::string::npos);
}

TEST_CASE_METHOD(NodeFixture, "Process.list and alive? see every live process", "[process][info]") {
  std::vector<Pid> pids;
  for (int k = 0; k < 5; ++k) pids.push_back(node.spawn([](Process& self) { self.receive(); }));
  node.run_until_idle();
  CHECK(node.processes() == pids);
  node.exit(Term(pids[2]), a("kill"));
  node.run_until_idle();
  CHECK(node.processes().size() == 4);
  CHECK_FALSE(node.alive(pids[2]));
  CHECK(node.alive(pids[3]));
}

TEST_CASE_METHOD(NodeFixture, "a spawned process inherits its parent's group leader", "[process][info]") {
  Pid leader = node.spawn([](Process& self) { self.receive(); });
  Pid child{}, grandchild{};
  Pid parent = node.spawn([&](Process& self) {
    self.receive();
    child = self.spawn([&](Process& me) {
      grandchild = me.spawn([](Process& g) { g.receive(); }).pid;
      me.receive();
    }).pid;
    self.receive();
  });
  node.run_until_idle();
  CHECK(node.set_group_leader(Term(parent), leader));
  node.send(parent, a("go"));
  node.run_until_idle();
  CHECK(node.process_info(Term(grandchild), a("group_leader"))[1] == Term(leader));
  CHECK(node.process_info(Term(child), a("group_leader"))[1] == Term(leader));
  CHECK(node.process_info(Term(leader), a("group_leader"))[1] == Term(Pid{}));
  Pid dead = node.spawn([](Process&) {});
  node.run_until_idle();
  CHECK_FALSE(node.set_group_leader(Term(dead), leader));
  node.exit(Term(parent), a("kill"));
  node.exit(Term(child), a("kill"));
  node.exit(Term(grandchild), a("kill"));
  node.exit(Term(leader), a("kill"));
  node.run_until_idle();
}

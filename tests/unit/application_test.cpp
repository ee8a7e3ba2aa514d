#include <string>

#include "behaviours/application.hpp"
#include "node_fixture.hpp"
#include "term/error.hpp"

using namespace otp;
using namespace otp::test;

namespace {

// An application whose top process just waits (and dies on :shutdown).
AppSpec app(const char* name, std::vector<Atom> deps, std::vector<std::string>* events) {
  AppSpec s;
  s.name = Atom::intern(name);
  s.description = name;
  s.vsn = "0.1.0";
  s.applications = std::move(deps);
  s.env = Term::list({t({a("greeting"), Term::binary("hi")})});
  s.start = [events, name](Process& self, const Term&) {
    events->push_back(std::string("start ") + name);
    auto top = self.spawn([](Process& me) { for (;;) me.receive(); });
    return t({a("ok"), Term(top.pid)});
  };
  s.stop = [events, name](const Term&) { events->push_back(std::string("stop ") + name); };
  return s;
}

std::string names_sorted(const Term& started) {
  std::vector<Term> names;
  for (const Term& x : list_to_vector(started)) names.push_back(x[0]);
  std::sort(names.begin(), names.end(), [](const Term& x, const Term& y) { return compare(x, y) < 0; });
  return inspect(Term::list(std::span<const Term>(names)));
}

}  // namespace

TEST_CASE_METHOD(NodeFixture, "a booted node runs the applications IEx shows, as t8_applications does",
                 "[application]") {
  std::vector<std::string> seen;
  run([&](Process& self) {
    application::boot(self);
    Term started = application::started_applications(node);
    seen.push_back(names_sorted(started));
    for (const Term& x : list_to_vector(started))
      if (x[0] == a("elixir")) seen.push_back(inspect(x));
    seen.push_back(inspect(application::spec(node, a("logger"), a("vsn"))));
    seen.push_back(inspect(application::ensure_all_started(self, a("logger"))));
    seen.push_back(inspect(application::start(self, a("nonexistent_app"))));
    seen.push_back(inspect(application::get_env(node, a("nonexistent_app"), a("key"), a("default"))));
    seen.push_back(inspect(application::put_env(node, a("my_app"), a("key"), i(42))));
    seen.push_back(inspect(application::fetch_env_bang(node, a("my_app"), a("key"))));
    try {
      application::fetch_env_bang(node, a("my_app"), a("missing"));
    } catch (const ErlangError& e) {
      seen.push_back(std::string(e.reason.map_get(Term(atom::message))->bytes()));
    }
  });
  CHECK(seen == std::vector<std::string>{
                    "[:compiler, :elixir, :iex, :kernel, :logger, :stdlib]",
                    "{:elixir, 'elixir', '1.14.0'}",
                    "'1.14.0'",
                    "{:ok, []}",
                    "{:error, {'no such file or directory', 'nonexistent_app.app'}}",
                    ":default",
                    ":ok",
                    "42",
                    "could not fetch application environment :missing for application :my_app because the "
                    "application was not loaded nor configured"});
}

TEST_CASE_METHOD(NodeFixture, "dependencies start first and stop shuts the application's tree down",
                 "[application]") {
  std::vector<std::string> events, seen;
  Pid top{};
  run([&](Process& self) {
    application::load(node, app("store", {}, &events));
    application::load(node, app("web", {Atom::intern("store")}, &events));
    seen.push_back(inspect(application::start(self, a("web"))));
    seen.push_back(inspect(application::ensure_all_started(self, a("web"))));
    seen.push_back(inspect(application::start(self, a("web"))));
    seen.push_back(inspect(application::get_env(node, a("web"), a("greeting"))));
    Term started = application::started_applications(node);
    seen.push_back(inspect(started));
    seen.push_back(inspect(application::stop(self, a("web"))));
    seen.push_back(inspect(application::stop(self, a("web"))));
    seen.push_back(inspect(application::started_applications(node)));
    (void)top;
  });
  CHECK(seen == std::vector<std::string>{
                    "{:error, {:not_started, :store}}",
                    "{:ok, [:store, :web]}",
                    "{:error, {:already_started, :web}}",
                    "\"hi\"",
                    "[{:web, 'web', '0.1.0'}, {:store, 'store', '0.1.0'}]",
                    ":ok",
                    "{:error, {:not_started, :web}}",
                    "[{:store, 'store', '0.1.0'}]"});
  CHECK(events == std::vector<std::string>{"start store", "start web", "stop web"});
  CHECK(node.process_count() == 2);  // store's master and top process
}

TEST_CASE_METHOD(NodeFixture, "an application whose top process dies is stopped and reported",
                 "[application]") {
  std::vector<std::string> events;
  std::string before, after;
  run([&](Process& self) {
    application::load(node, app("fragile", {}, &events));
    application::start(self, a("fragile"));
    before = inspect(application::started_applications(node));
  });
  // Kill the top process (the master's only link).
  for (Pid p : node.processes())
    if (inspect(node.process_info(Term(p), a("initial_call"))).find("application_master") == std::string::npos)
      node.exit(Term(p), a("kill"));
  node.run_until_idle();
  after = inspect(application::started_applications(node));
  CHECK(before == "[{:fragile, 'fragile', '0.1.0'}]");
  CHECK(after == "[]");
  bool logged = false;
  for (auto& l : logs) logged = logged || l.find("[notice] Application fragile exited: killed") != std::string::npos;
  CHECK(logged);
}

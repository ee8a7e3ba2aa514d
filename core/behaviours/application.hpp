// Applications: a named component with a description, a version, the
// applications it depends on, an environment, and (unless it is a library)
// a start callback that returns its top supervisor.
//
// The node's application controller (a per-node service) keeps what is
// loaded, what runs and each application's environment. Starting an
// application spawns its master process, which calls the start callback,
// links to the top process and traps exits: when the top process dies the
// application is stopped (a temporary application: logged, nothing else).
// Stopping one shuts its tree down (exit :shutdown to the top, wait) and
// then calls its stop callback. Dependencies are started first by
// ensure_all_started and checked by start, as in OTP.
//
// Who calls what: load, started_applications, loaded_applications, spec,
// master_of and the *_env functions read or change the node's controller
// directly: the host or any process of the node. start, ensure_all_started,
// stop and boot are called by a process of the node (`self`), which waits
// while applications start or stop.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "runtime/node.hpp"

namespace otp {

struct AppSpec {
  Atom name{0};
  std::string description;
  std::string vsn;
  std::vector<Atom> applications;  // dependencies, started first
  Term env = Term::empty_list();   // keyword list: the default environment
  Term modules = Term::empty_list();  // what the application contains here
  // {:ok, pid} | {:ok, pid, state} | {:error, reason}; runs in the master.
  // Empty for a library application (no processes).
  std::function<Term(Process& self, const Term& start_type)> start;
  std::function<void(const Term& state)> stop;
};

namespace application {

// Makes `spec` known to the node (Application.load); replaces a spec that
// is loaded but not started. :ok | {:error, {:already_loaded, name}}.
Term load(Node& node, AppSpec spec);

// Application.start/2: :ok | {:error, {:already_started, app}} |
// {:error, {:not_started, dep}} | {:error, {'no such file or directory', 'app.app'}}
// | {:error, {reason, {mod, :start, [type, args]}}}-like reasons from the callback.
Term start(Process& self, const Term& app, const Term& type = Term::atom("temporary"));
// Starts the dependencies, then the application: {:ok, [started, ...]}.
Term ensure_all_started(Process& self, const Term& app);
// Shuts the tree down (reverse order) and calls stop: :ok | {:error, {:not_started, app}}.
Term stop(Process& self, const Term& app);

// [{name, 'description', 'vsn'}], most recently started first.
Term started_applications(Node& node);
// For observers: the master process of a running application (it links to
// the top supervisor), or nullopt (not running, or a library application).
std::optional<Pid> master_of(Node& node, Atom app);
Term loaded_applications(Node& node);
// Application.spec/1 (keyword list, or nil when not loaded) and spec/2.
Term spec(Node& node, const Term& app);
Term spec(Node& node, const Term& app, const Term& key);

Term get_env(Node& node, const Term& app, const Term& key, const Term& fallback = Term());
Term get_all_env(Node& node, const Term& app);
Term put_env(Node& node, const Term& app, const Term& key, Term value);
Term delete_env(Node& node, const Term& app, const Term& key);  // Application.delete_env/2: :ok
Term fetch_env(Node& node, const Term& app, const Term& key);   // {:ok, v} | :error
Term fetch_env_bang(Node& node, const Term& app, const Term& key);  // v, or ArgumentError as Elixir

// Loads and starts what a fresh IEx node runs (kernel, stdlib, compiler,
// elixir, logger, iex), each as a library application describing what this
// runtime implements of it.
void boot(Process& self);

}  // namespace application
}  // namespace otp

// Task.async_stream (a lazy enumerable the library's Enumerable consumes,
// printed as Elixir's `#Function<3.../2 in Task.build_stream/3>`) and
// Task.Supervisor over core/behaviours/task_supervisor.hpp.
//
// Limits: results always come in input order (ordered: false is accepted,
// zip_input_on_exit ignored); max_concurrency defaults to 1, this node's
// schedulers_online. Task.Supervisor.async_stream(_nolink) runs its tasks
// as Task.async_stream does, linked to the caller rather than supervised.
#include "behaviours/task.hpp"
#include "behaviours/task_supervisor.hpp"
#include "behaviours/dynamic_supervisor.hpp"
#include "shell/lib/enumerable.hpp"
#include "shell/lib/otp_task.hpp"

namespace otp::shell::lib {

namespace {

Term stream(const Term& enumerable, const Term& fun, const Term& opts) {
  task::AsyncStreamOptions o;
  Term max = Term::integer(1);
  if (const Term* m = opt(opts, "max_concurrency")) max = *m;
  if (const Term* t = opt(opts, "timeout"))
    if (std::optional<Timeout> to = timeout_arg(*t)) o.timeout = *to;
  if (const Term* k = opt(opts, "on_timeout")) o.kill_task_on_timeout = k->is_atom() && k->atom().name() == "kill_task";
  return enumerable::make_lazy(Atom::intern("Elixir.Task"), "build_stream/3", 3, [enumerable, fun, o, max]() mutable {
    if (!max.is_small() || max.small() < 1) raise_argument_error(":max_concurrency must be an integer greater than zero");
    o.max_concurrency = static_cast<int>(std::min<int64_t>(max.small(), 1 << 20));
    Process& self = caller("Task.async_stream");
    std::shared_ptr<enumerable::Cursor> source(enumerable::open(enumerable).release());
    auto tasks = std::make_shared<std::optional<task::AsyncStream>>();
    tasks->emplace(self, [source]() -> std::optional<Term> {
      Term x;
      if (source->next(&x)) return x;
      return std::nullopt;
    }, fun, o);
    return enumerable::generator([tasks]() -> std::optional<Term> { return (*tasks)->next(); },
                                 [tasks, source] {
                                   tasks->reset();  // kills the tasks still running
                                   source->close();
                                 });
  });
}

Term async_stream(Args a) {
  Term opts = a.size() > 2 ? a[2] : Term::empty_list();
  if (!is_fun(a[1], 1) || !opts.is_list()) no_clause_for("Task", "async_stream", std::vector<Term>{a[0], a[1], opts});
  return stream(a[0], a[1], opts);
}

Term async_stream_mfa(Args a) {
  Term opts = a.size() > 4 ? a[4] : Term::empty_list();
  if (!is_mfa(a[1], a[2], a[3]) || !opts.is_list())
    no_clause_for("Task", "async_stream", std::vector<Term>{a[0], a[1], a[2], a[3], opts});
  return stream(a[0], mfa_fun(a[1], a[2], a[3], 1), opts);
}

// --- Task.Supervisor ------------------------------------------------------------

enum class Kind { Async, Nolink, Child };

const char* kind_name(Kind k) { return k == Kind::Async ? "async" : k == Kind::Nolink ? "async_nolink" : "start_child"; }

Term under(Kind k, const Term& sup, const Term& fun) {
  Process& self = caller("Task.Supervisor");
  switch (k) {
    case Kind::Async: return task_supervisor::async(self, sup, fun);
    case Kind::Nolink: return task_supervisor::async_nolink(self, sup, fun);
    default: return task_supervisor::start_child(self, sup, fun);
  }
}

template <Kind K>
Term sup_fun(Args a) {
  Term opts = a.size() > 2 ? a[2] : Term::empty_list();
  if (!is_fun(a[1], 0) || !opts.is_list())
    no_clause_for("Task.Supervisor", kind_name(K), std::vector<Term>{a[0], a[1], opts});
  return under(K, a[0], a[1]);
}

template <Kind K>
Term sup_mfa(Args a) {
  Term opts = a.size() > 4 ? a[4] : Term::empty_list();
  if (!is_mfa(a[1], a[2], a[3]) || !opts.is_list())
    no_clause_for("Task.Supervisor", kind_name(K), std::vector<Term>{a[0], a[1], a[2], a[3], opts});
  Term r = under(K, a[0], mfa_fun(a[1], a[2], a[3], 0));
  return K == Kind::Child ? r : with_mfa_field(r, a[1], a[2], a[3]);
}

Term sup_stream(Args a) {
  Term opts = a.size() > 3 ? a[3] : Term::empty_list();
  if (!is_fun(a[2], 1) || !opts.is_list())
    no_clause_for("Task.Supervisor", "async_stream", std::vector<Term>{a[0], a[1], a[2], opts});
  return stream(a[1], a[2], opts);
}

Term start_link(Args a) {
  Term opts = a.empty() ? Term::empty_list() : a[0];
  if (!opts.is_list()) no_clause_for("Task.Supervisor", "start_link", a);
  return task_supervisor::start_link(caller("Task.Supervisor.start_link"), name_option(opts));
}

}  // namespace

void add_otp_task_stream(Library& lib) {
  lib.add("Task", "async_stream", 2, async_stream, "A lazy stream of {:ok, fun.(x)} run as tasks, in input order.");
  lib.add("Task", "async_stream", 3, async_stream, "async_stream/2 with options (max_concurrency, timeout, on_timeout).");
  lib.add("Task", "async_stream", 4, async_stream_mfa, "A lazy stream of {:ok, apply(m, f, [x | a])} run as tasks.");
  lib.add("Task", "async_stream", 5, async_stream_mfa, "async_stream/4 with options.");
  const char* S = "Task.Supervisor";
  lib.add(S, "start_link", 0, start_link, "Starts a task supervisor: {:ok, pid}.");
  lib.add(S, "start_link", 1, start_link, "Starts a task supervisor with options (name:).");
  lib.add(S, "async", 2, sup_fun<Kind::Async>, "Task.async under the supervisor.");
  lib.add(S, "async", 3, sup_fun<Kind::Async>, "async/2 with options.");
  lib.add(S, "async", 4, sup_mfa<Kind::Async>, "Task.async(m, f, a) under the supervisor.");
  lib.add(S, "async", 5, sup_mfa<Kind::Async>, "async/4 with options.");
  lib.add(S, "async_nolink", 2, sup_fun<Kind::Nolink>, "A task not linked to the caller: a crash only reaches await.");
  lib.add(S, "async_nolink", 3, sup_fun<Kind::Nolink>, "async_nolink/2 with options.");
  lib.add(S, "async_nolink", 4, sup_mfa<Kind::Nolink>, "async_nolink with apply(m, f, a).");
  lib.add(S, "async_nolink", 5, sup_mfa<Kind::Nolink>, "async_nolink/4 with options.");
  lib.add(S, "start_child", 2, sup_fun<Kind::Child>, "Runs fun under the supervisor, awaited by nobody: {:ok, pid}.");
  lib.add(S, "start_child", 3, sup_fun<Kind::Child>, "start_child/2 with options.");
  lib.add(S, "start_child", 4, sup_mfa<Kind::Child>, "start_child with apply(m, f, a).");
  lib.add(S, "start_child", 5, sup_mfa<Kind::Child>, "start_child/4 with options.");
  lib.add(S, "children", 1, [](Args a) { return task_supervisor::children(caller("Task.Supervisor.children/1"), a[0]); }, "The pids of the running tasks.");
  lib.add(S, "terminate_child", 2, [](Args a) {
    return dynamic_supervisor::terminate_child(caller("Task.Supervisor.terminate_child/2"), a[0], a[1]);
  }, "Stops a task: :ok or {:error, :not_found}.");
  lib.add(S, "async_stream", 3, sup_stream, "Task.async_stream (tasks linked to the caller here).");
  lib.add(S, "async_stream", 4, sup_stream, "async_stream/3 with options.");
  lib.add(S, "async_stream_nolink", 3, sup_stream, "Task.async_stream (tasks linked to the caller here).");
  lib.add(S, "async_stream_nolink", 4, sup_stream, "async_stream_nolink/3 with options.");
}

}  // namespace otp::shell::lib

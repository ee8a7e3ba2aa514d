// shell_fib25_ms and shell_ring_hop_ns: fib(25) and the ring written in the
// shell language (the same modules as erl/shell_bench.exs), parsed and run
// by the shell's evaluator inside a process.
#include <string>

#include "bench.hpp"
#include "runtime/node.hpp"
#include "shell/eval/interp.hpp"
#include "shell/parser.hpp"
#include "term/error.hpp"

using namespace otp;

namespace {

const char* kModules = R"(
defmodule ShellFib do
  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)
end

defmodule ShellRing do
  def run(procs, hops) do
    main = self()
    nodes = for _ <- 1..procs, do: spawn(fn -> receive do {:next, nxt} -> loop(nxt, main) end end)
    link(nodes, hd(nodes))
    send(hd(nodes), hops)
    receive do :ring_done -> :ok end
    Enum.each(nodes, &send(&1, :stop))
  end

  defp link([a], first), do: send(a, {:next, first})
  defp link([a, b | t], first), do: (send(a, {:next, b}); link([b | t], first))

  defp loop(nxt, main) do
    receive do
      0 -> send(main, :ring_done); loop(nxt, main)
      n when is_integer(n) -> send(nxt, n - 1); loop(nxt, main)
      :stop -> :ok
    end
  end
end
)";

// Evaluates `src` in `self`; returns false (and says why) on an error.
bool eval(const std::string& src) {
  shell::ParseResult pr = shell::parse(src);
  if (!pr.complete()) {
    std::printf("shell bench: cannot parse\n");
    return false;
  }
  shell::Env env;
  std::vector<std::pair<std::string, Atom>> aliases;
  shell::Interp in(env, nullptr, pr.arena);
  in.set_aliases(&aliases);
  try {
    for (const shell::Node* e : pr.exprs) in.eval(e);
  } catch (const ErlangError& e) {
    std::printf("shell bench: error %s\n", inspect(e.reason).c_str());
    return false;
  }
  return true;
}

void run_shell(bool fib, bool ring, int64_t hops) {
  NodeOptions o;
  o.reports = false;
  Node node(o);
  double fib_ms = -1, hop_ns = -1;
  node.spawn([&](Process&) {
    if (!eval(kModules)) return;
    if (fib) {
      double t0 = otp_bench::now_ns();
      if (eval("ShellFib.fib(25)")) fib_ms = (otp_bench::now_ns() - t0) / 1e6;
    }
    if (ring) {
      std::string call = "ShellRing.run(1000, " + std::to_string(hops) + ")";
      double t0 = otp_bench::now_ns();
      if (eval(call)) hop_ns = (otp_bench::now_ns() - t0) / static_cast<double>(hops);
    }
  });
  node.run_until_idle();
  if (fib_ms >= 0) otp_bench::report("shell_fib25_ms", fib_ms);
  if (hop_ns >= 0) otp_bench::report("shell_ring_hop_ns", hop_ns);
}

otp_bench::Registration shell_figures{{30, {"shell_fib25_ms", "shell_ring_hop_ns"}, [] {
  run_shell(otp_bench::wanted("shell_fib25_ms"), otp_bench::wanted("shell_ring_hop_ns"), otp_bench::scaled(100'000));
}}};

}  // namespace

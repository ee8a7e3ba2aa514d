# Elixir peers of the shell figures in shared/BENCH.md: fib(25) and the
# ring, written in Elixir as one would type them into IEx.
#
#   ERL shell_fib25_ms     fib(25), naive doubly recursive, in a module
#                          compiled by Elixir (a `defmodule` typed into IEx
#                          is compiled to BEAM code just like this one)
#   ERL shell_ring_hop_ns  the ring in such a module: 1,000 processes,
#                          100,000 hops, each a receive and a send
#   NOTE lines             the same two written as anonymous recursive fns
#                          and run by the Elixir evaluator (Code.eval_string,
#                          i.e. :erl_eval, as IEx evaluates a fn typed at
#                          the prompt)
#
# Each: one warm-up run, then the median of 3.
# Usage: elixir tests/bench/erl/shell_bench.exs [--only NAME[,NAME...]] [--runs N]
#                                                  [--scale F]  (hops x F)

defmodule ShellFib do
  def fib(n) when n < 2, do: n
  def fib(n), do: fib(n - 1) + fib(n - 2)
end

defmodule ShellRing do
  def run(procs, hops) do
    main = self()
    nodes = for _ <- 1..procs, do: spawn(fn -> receive do {:next, nxt} -> loop(nxt, main) end end)
    link(nodes, hd(nodes))
    t0 = System.monotonic_time(:nanosecond)
    send(hd(nodes), hops)
    receive do :ring_done -> :ok end
    t1 = System.monotonic_time(:nanosecond)
    Enum.each(nodes, &send(&1, :stop))
    (t1 - t0) / hops
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

defmodule ShellBench do
  @ring_procs 1000
  @ring_hops 100_000

  # what a user would type at the prompt; both time only the work itself
  @fib_eval """
  fib = fn fib, n -> if n < 2, do: n, else: fib.(fib, n - 1) + fib.(fib, n - 2) end
  t0 = System.monotonic_time(:nanosecond)
  fib.(fib, 25)
  (System.monotonic_time(:nanosecond) - t0) / 1.0e6
  """

  @ring_eval """
  main = self()
  loop = fn loop, nxt ->
    receive do
      0 -> send(main, :ring_done); loop.(loop, nxt)
      n when is_integer(n) -> send(nxt, n - 1); loop.(loop, nxt)
      :stop -> :ok
    end
  end
  nodes = for _ <- 1..procs, do: spawn(fn -> receive do {:next, nxt} -> loop.(loop, nxt) end end)
  Enum.zip(nodes, tl(nodes) ++ [hd(nodes)]) |> Enum.each(fn {a, b} -> send(a, {:next, b}) end)
  t0 = System.monotonic_time(:nanosecond)
  send(hd(nodes), hops)
  receive do :ring_done -> :ok end
  t1 = System.monotonic_time(:nanosecond)
  Enum.each(nodes, &send(&1, :stop))
  (t1 - t0) / hops
  """

  def main(args) do
    {opts, _, _} = OptionParser.parse(args, strict: [only: :keep, runs: :integer, scale: :float])
    only = opts |> Keyword.get_values(:only) |> Enum.flat_map(&String.split(&1, ","))
    runs = Keyword.get(opts, :runs, 3)
    scale = Keyword.get(opts, :scale, 1.0)
    hops = max(1, round(@ring_hops * scale))
    # as the C++ bench's --only: NAME is part of the figure's name
    want? = fn name -> only == [] or Enum.any?(only, &String.contains?(name, &1)) end

    IO.puts("NOTE elixir #{System.version()} on OTP #{System.otp_release()}, " <>
              "schedulers #{System.schedulers_online()}; #{runs} runs, median; sizes x #{scale}")

    if want?.("shell_fib25_ms") do
      figure("shell_fib25_ms", runs, fn ->
        t0 = System.monotonic_time(:nanosecond)
        75025 = ShellFib.fib(25)
        (System.monotonic_time(:nanosecond) - t0) / 1.0e6
      end)

      note("shell_fib25_ms evaluated (Code.eval_string of an anonymous recursive fn)", runs, fn ->
        {ms, _} = Code.eval_string(@fib_eval)
        ms
      end)
    end

    if want?.("shell_ring_hop_ns") do
      figure("shell_ring_hop_ns", runs, fn -> ShellRing.run(@ring_procs, hops) end)

      note("shell_ring_hop_ns evaluated (Code.eval_string of anonymous fns)", runs, fn ->
        {ns, _} = Code.eval_string(@ring_eval, procs: @ring_procs, hops: hops)
        ns
      end)
    end
  end

  defp figure(name, runs, f) do
    {med, vals} = measure(runs, f)
    IO.puts("ERL #{name} #{fmt(med)}")
    IO.puts("NOTE #{name} runs: #{Enum.map_join(vals, " ", &fmt/1)}")
  end

  defp note(name, runs, f) do
    {med, vals} = measure(runs, f)
    IO.puts("NOTE #{name}: median #{fmt(med)} (runs #{Enum.map_join(vals, " ", &fmt/1)})")
  end

  # warm-up, then `runs` runs, each in a fresh process
  defp measure(runs, f) do
    in_proc(f)
    vals = for _ <- 1..runs, do: in_proc(f)
    {median(vals), vals}
  end

  defp in_proc(f) do
    task = Task.async(f)
    Task.await(task, :infinity)
  end

  defp median(vals) do
    s = Enum.sort(vals)
    n = length(s)
    if rem(n, 2) == 1, do: Enum.at(s, div(n, 2)), else: (Enum.at(s, div(n, 2) - 1) + Enum.at(s, div(n, 2))) / 2
  end

  defp fmt(v) when v >= 100, do: :erlang.float_to_binary(v / 1, decimals: 1)
  defp fmt(v), do: :erlang.float_to_binary(v / 1, decimals: 2)
end

ShellBench.main(System.argv())

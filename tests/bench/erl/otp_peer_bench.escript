#!/usr/bin/env escript
%% -*- erlang -*-
%%! +P 2000000
%%
%% Erlang/OTP peers of the figures in shared/BENCH.md: every figure but the
%% shell_* ones (shell_bench.exs measures those in Elixir) and
%% genstage_events_per_s (needs the GenStage hex package).
%%
%% Prints `ERL <name> <value>` lines; every other line starts with `NOTE `.
%% Time figures: one warm-up run, then the median of 3 runs, each run in a
%% fresh Erlang process. Memory figures (spawn_ns/proc_bytes and
%% genserver_idle_bytes): each of the 3 runs in a fresh VM (this script run
%% again with --child GROUP), because memory freed by an earlier run stays
%% resident in the allocators and would be reused, hiding it from the RSS delta.
%%
%% Usage: escript tests/bench/erl/otp_peer_bench.escript
%%            [--only NAME[,NAME...]]... [--runs N] [--scale F]
%% --only: the figures whose name contains NAME (as the C++ bench);
%% --scale F: sizes x F, for quick checks only.
-module(otp_peer_bench).
-mode(compile).

-export([main/1]).
%% callbacks / spawned entry points
-export([waiter/0, init/1, handle_call/3, handle_cast/2, handle_info/2,
         terminate/2, child_start/1, plain_child_start/1]).

-define(RING_PROCS, 1000).
%% the sizes of BENCH.md, times --scale F (default 1; for quick checks only)
-define(RING_HOPS, scaled(1000000)).
-define(CALLS, scaled(1000000)).
-define(SPAWNS, scaled(1000000)).
-define(GEN_SERVERS, scaled(100000)).
-define(SUP_CYCLES, scaled(10000)).
-define(ETS_KEYS, scaled(1000000)).

%% group -> the figures it prints
groups() ->
    [{ring, [ring_hop_ns]},
     {call, [call_ns]},
     {spawn, [spawn_ns, proc_bytes]},
     {genserver_call, [genserver_call_ns]},
     {genserver_idle, [genserver_idle_bytes]},
     {sup_restart, [sup_restart_ns]},
     {ets, [ets_insert_ns, ets_lookup_ns]}].

%% groups measured in a fresh VM per run
fresh_vm_groups() -> [spawn, genserver_idle].

main(["--child", Group, Scale]) ->
    set_scale(Scale),
    quiet(),
    R = bench(list_to_atom(Group)),
    io:format("CHILDRESULT ~w.~n", [R]),
    halt(0);
main(Args) ->
    {Only, Runs, Scale} = parse_args(Args, all, 3, "1"),
    set_scale(Scale),
    quiet(),
    note("erts ~s, OTP ~s, schedulers ~p, process_limit ~p; ~p runs, median; sizes x ~s",
         [erlang:system_info(version), erlang:system_info(otp_release),
          erlang:system_info(schedulers_online),
          erlang:system_info(process_limit), Runs, Scale]),
    lists:foreach(
      fun({Group, Names}) ->
              case Only =:= all orelse
                  lists:any(fun(N) -> wanted(N, Only) end, Names) of
                  true -> run_group(Group, Runs);
                  false -> ok
              end
      end, groups()).

%% The supervisor and the crashing gen_server log an error report per crash;
%% with the primary level at none the events are dropped before any
%% formatting, so sup_restart_ns is not a terminal-I/O figure.
quiet() -> logger:set_primary_config(level, none).

parse_args([], Only, Runs, Scale) -> {Only, Runs, Scale};
parse_args(["--only", Names | T], Only, Runs, Scale) -> parse_args(T, add_only(Names, Only), Runs, Scale);
parse_args(["--only=" ++ Names | T], Only, Runs, Scale) -> parse_args(T, add_only(Names, Only), Runs, Scale);
parse_args(["--runs", N | T], Only, _, Scale) -> parse_args(T, Only, list_to_integer(N), Scale);
parse_args(["--scale", F | T], Only, Runs, _) -> parse_args(T, Only, Runs, F);
parse_args([Other | T], Only, Runs, Scale) ->
    note("ignoring argument ~s", [Other]),
    parse_args(T, Only, Runs, Scale).

add_only(Names, Only) ->
    New = string:lexemes(Names, ","),
    case Only of all -> New; _ -> Only ++ New end.

%% as the C++ bench's --only: a figure is wanted when NAME is part of its name
wanted(Name, Only) ->
    lists:any(fun(S) -> string:find(atom_to_list(Name), S) =/= nomatch end, Only).

set_scale(S) ->
    F = case string:to_float(S) of
            {X, []} -> X;
            _ -> float(list_to_integer(S))
        end,
    persistent_term:put({?MODULE, scale}, F).

scaled(N) -> max(1, round(N * persistent_term:get({?MODULE, scale}, 1.0))).

note(Fmt, Args) -> io:format("NOTE " ++ Fmt ++ "~n", Args).

%% ---------------------------------------------------------------------------
%% running

run_group(Group, Runs) ->
    T0 = erlang:monotonic_time(millisecond),
    Results =
        case lists:member(Group, fresh_vm_groups()) of
            true ->
                [in_fresh_vm(Group) || _ <- lists:seq(1, Runs)];
            false ->
                _Warm = in_fresh_process(fun() -> bench(Group) end),
                [in_fresh_process(fun() -> bench(Group) end) || _ <- lists:seq(1, Runs)]
        end,
    %% Results: [[{Name, Value, erl | note}]]; median per name
    lists:foreach(
      fun({Name, _, Kind}) ->
              Vals = [V || R <- Results, {N, V, _} <- R, N =:= Name],
              Runs1 = join([fmt(V) || V <- Vals]),
              case Kind of
                  note -> note("~s: median ~s (runs ~s)", [Name, fmt(median(Vals)), Runs1]);
                  erl -> io:format("ERL ~s ~s~n", [Name, fmt(median(Vals))]),
                         note("~s runs: ~s", [Name, Runs1])
              end
      end, hd(Results)),
    note("group ~s took ~p ms", [Group, erlang:monotonic_time(millisecond) - T0]).

in_fresh_process(F) ->
    Parent = self(),
    {Pid, MRef} = spawn_monitor(fun() -> Parent ! {self(), result, F()} end),
    receive
        {Pid, result, R} -> erlang:demonitor(MRef, [flush]), R;
        {'DOWN', MRef, process, Pid, Reason} -> error({bench_failed, Reason})
    end.

%% run this script again as `--child Group` in a new VM; parse its result
in_fresh_vm(Group) ->
    Escript = case os:find_executable("escript") of
                  false -> filename:join([code:root_dir(), "bin", "escript"]);
                  E -> E
              end,
    Scale = float_to_list(persistent_term:get({?MODULE, scale}, 1.0), [short]),
    Cmd = io_lib:format("'~s' '~s' --child ~s ~s 2>&1",
                        [Escript, escript:script_name(), Group, Scale]),
    Out = os:cmd(lists:flatten(Cmd)),
    case string:find(Out, "CHILDRESULT ") of
        nomatch -> error({child_vm_failed, Group, Out});
        "CHILDRESULT " ++ Rest ->
            {ok, Toks, _} = erl_scan:string(Rest),
            {ok, Term} = erl_parse:parse_term(Toks),
            Term
    end.

median(L) ->
    S = lists:sort(L),
    N = length(S),
    case N rem 2 of
        1 -> lists:nth(N div 2 + 1, S);
        0 -> (lists:nth(N div 2, S) + lists:nth(N div 2 + 1, S)) / 2
    end.

fmt(V) when is_integer(V) -> integer_to_list(V);
fmt(V) when abs(V) >= 100 -> float_to_list(V, [{decimals, 1}]);
fmt(V) -> float_to_list(V, [{decimals, 2}]).

join(L) -> lists:join(" ", L).

now_ns() -> erlang:monotonic_time(nanosecond).

%% resident set size of this beam process, from /proc/<pid>/statm
rss_bytes() ->
    {ok, Bin} = file:read_file("/proc/" ++ os:getpid() ++ "/statm"),
    [_Size, Resident | _] = binary:split(Bin, <<" ">>, [global]),
    binary_to_integer(Resident) * page_size().

page_size() ->
    case get(page_size) of
        undefined ->
            P = case string:to_integer(os:cmd("getconf PAGESIZE")) of
                    {I, _} when is_integer(I), I > 0 -> I;
                    _ -> 4096
                end,
            put(page_size, P), P;
        P -> P
    end.

%% let every runnable process run, until all run queues are empty
settle() ->
    case erlang:statistics(total_run_queue_lengths_all) of
        0 -> ok;
        _ -> erlang:yield(), settle()
    end.

kill_all(Ps) ->
    Baseline = erlang:system_info(process_count) - length(Ps),
    [exit(P, kill) || P <- Ps],
    wait_count(Baseline).

wait_count(Baseline) ->
    case erlang:system_info(process_count) =< Baseline of
        true -> ok;
        false -> timer:sleep(1), wait_count(Baseline)
    end.

%% ---------------------------------------------------------------------------
%% the figures

%% ring_hop_ns: 1,000 processes in a ring, a token passed 1,000,000 hops,
%% each hop one receive and one send. The token is the number of hops left.
bench(ring) ->
    Self = self(),
    Nodes = [spawn(fun() -> receive {next, Next} -> ring_node(Next, Self) end end)
             || _ <- lists:seq(1, ?RING_PROCS)],
    [First | _] = Nodes,
    link_ring(Nodes, First),
    settle(),
    T0 = now_ns(),
    First ! ?RING_HOPS,
    receive ring_done -> ok end,
    T1 = now_ns(),
    [N ! stop || N <- Nodes],
    [{ring_hop_ns, (T1 - T0) / ?RING_HOPS, erl}];

%% call_ns: request/reply between two plain processes; the client sends
%% {self(), Ref, req} (a new make_ref() per call) and selectively receives
%% {Ref, Reply}.
bench(call) ->
    Server = spawn(fun call_server/0),
    T0 = now_ns(),
    call_loop(Server, ?CALLS),
    T1 = now_ns(),
    exit(Server, kill),
    [{call_ns, (T1 - T0) / ?CALLS, erl}];

%% (in a fresh VM) spawn_ns: spawn 1,000,000 processes, each blocking in
%% receive at once; timed until the last one is seen waiting and every run
%% queue is empty. The bench keeps no list of them (only the last pid).
%% proc_bytes: RSS delta of the beam process / N while they all wait.
%% Warm-up first: 1,000 such processes, killed before measuring.
bench(spawn) ->
    kill_all([spawn(?MODULE, waiter, []) || _ <- lists:seq(1, 1000)]),
    garbage_collect(),
    settle(),
    Rss0 = rss_bytes(),
    Mem0 = erlang:memory(total),
    MemP0 = erlang:memory(processes),
    T0 = now_ns(),
    Last = spawn_n(?SPAWNS, undefined),
    wait_waiting(Last),
    settle(),
    T1 = now_ns(),
    Rss1 = rss_bytes(),
    Mem1 = erlang:memory(total),
    MemP1 = erlang:memory(processes),
    {memory, OneProc} = erlang:process_info(Last, memory),
    [{spawn_ns, (T1 - T0) / ?SPAWNS, erl},
     {proc_bytes, (Rss1 - Rss0) / ?SPAWNS, erl},
     {'proc_bytes by erlang:memory(total) delta/N', (Mem1 - Mem0) / ?SPAWNS, note},
     {'proc_bytes by erlang:memory(processes) delta/N', (MemP1 - MemP0) / ?SPAWNS, note},
     {'proc_bytes by process_info(P, memory) of one', OneProc, note}];

%% genserver_call_ns: gen_server:call round trip, handle_call replies at once.
bench(genserver_call) ->
    {ok, S} = gen_server:start(?MODULE, srv, []),
    T0 = now_ns(),
    gs_call_loop(S, ?CALLS),
    T1 = now_ns(),
    exit(S, kill),
    [{genserver_call_ns, (T1 - T0) / ?CALLS, erl}];

%% (in a fresh VM) genserver_idle_bytes: 100,000 gen_servers started one
%% after the other with gen_server:start (not linked, under nothing), idle;
%% RSS delta / N. Warm-up first: 100 servers, killed before measuring.
bench(genserver_idle) ->
    kill_all([element(2, gen_server:start(?MODULE, srv, [])) || _ <- lists:seq(1, 100)]),
    garbage_collect(),
    settle(),
    Rss0 = rss_bytes(),
    Mem0 = erlang:memory(total),
    T0 = now_ns(),
    Last = gs_start_n(?GEN_SERVERS, undefined),
    T1 = now_ns(),
    settle(),
    Rss1 = rss_bytes(),
    Mem1 = erlang:memory(total),
    {memory, OneProc} = erlang:process_info(Last, memory),
    [{genserver_idle_bytes, (Rss1 - Rss0) / ?GEN_SERVERS, erl},
     {'genserver_idle_bytes by erlang:memory(total) delta/N', (Mem1 - Mem0) / ?GEN_SERVERS, note},
     {'genserver_idle_bytes by process_info(P, memory) of one', OneProc, note},
     {'gen_server:start ns each', (T1 - T0) / ?GEN_SERVERS, note}];

%% sup_restart_ns: a fresh one_for_one supervisor (intensity 10^9 in 1 s)
%% with one permanent gen_server child that exits on the message `crash`.
%% The child's start function runs in the supervisor: once
%% gen_server:start_link has returned it sends {started, Pid} to the bench
%% and returns {ok, Pid}, which the supervisor records. A cycle = send
%% `crash` to the current child, receive the next {started, NewPid}; no
%% polling. Also, as notes: the first and the last 1,000 cycles (the
%% supervisor walks its list of restarts in the last period on every
%% restart, so a cycle gets dearer as restarts pile up), and the same with
%% a plain spawn_link child instead of a gen_server.
bench(sup_restart) ->
    {GsNs, GsFirst, GsLast} = sup_cycles(child_start),
    {PlainNs, _, _} = sup_cycles(plain_child_start),
    [{sup_restart_ns, GsNs, erl},
     {'sup_restart_ns of the first 1000 cycles', GsFirst, note},
     {'sup_restart_ns of the last 1000 cycles', GsLast, note},
     {'sup_restart_ns with a plain spawn_link child', PlainNs, note}];

%% ets_insert_ns / ets_lookup_ns: a set table, keys 1..1,000,000 inserted
%% as {K, K}, then each looked up.
bench(ets) ->
    T = ets:new(bench, [set, public]),
    T0 = now_ns(),
    ets_insert(T, 1, ?ETS_KEYS),
    T1 = now_ns(),
    ets_lookup(T, 1, ?ETS_KEYS),
    T2 = now_ns(),
    Keys = ?ETS_KEYS,
    Keys = ets:info(T, size),
    ets:delete(T),
    [{ets_insert_ns, (T1 - T0) / ?ETS_KEYS, erl},
     {ets_lookup_ns, (T2 - T1) / ?ETS_KEYS, erl}].

%% --- ring
link_ring([A], First) -> A ! {next, First};
link_ring([A, B | T], First) -> A ! {next, B}, link_ring([B | T], First).

ring_node(Next, Main) ->
    receive
        0 -> Main ! ring_done, ring_node(Next, Main);
        N when is_integer(N) -> Next ! N - 1, ring_node(Next, Main);
        stop -> ok
    end.

%% --- call
call_server() ->
    receive
        {From, Ref, req} -> From ! {Ref, reply}, call_server()
    end.

call_loop(_, 0) -> ok;
call_loop(Server, N) ->
    Ref = make_ref(),
    Server ! {self(), Ref, req},
    receive {Ref, reply} -> ok end,
    call_loop(Server, N - 1).

%% --- spawn
waiter() -> receive _ -> ok end.

spawn_n(0, Last) -> Last;
spawn_n(N, _) -> spawn_n(N - 1, spawn(?MODULE, waiter, [])).

wait_waiting(P) ->
    case erlang:process_info(P, status) of
        {status, waiting} -> ok;
        _ -> erlang:yield(), wait_waiting(P)
    end.

%% --- gen_server callbacks (init({sup, ...}) is the supervisor's)
init(srv) -> {ok, #{}};
init({sup, Bench, StartFun}) ->
    {ok, {#{strategy => one_for_one, intensity => 1000000000, period => 1},
          [#{id => child, start => {?MODULE, StartFun, [Bench]},
             restart => permanent, shutdown => brutal_kill, type => worker}]}}.

handle_call(req, _From, S) -> {reply, reply, S}.
handle_cast(_, S) -> {noreply, S}.
handle_info(crash, _S) -> exit(crash);
handle_info(_, S) -> {noreply, S}.
terminate(_, _) -> ok.

gs_call_loop(_, 0) -> ok;
gs_call_loop(S, N) -> reply = gen_server:call(S, req), gs_call_loop(S, N - 1).

gs_start_n(0, Last) -> Last;
gs_start_n(N, _) -> {ok, P} = gen_server:start(?MODULE, srv, []), gs_start_n(N - 1, P).

%% --- supervisor
child_start(Bench) ->
    {ok, P} = gen_server:start_link(?MODULE, srv, []),
    Bench ! {started, P},
    {ok, P}.

plain_child_start(Bench) ->
    P = spawn_link(fun() -> receive crash -> exit(crash) end end),
    Bench ! {started, P},
    {ok, P}.

sup_cycles(StartFun) ->
    process_flag(trap_exit, true),
    {ok, Sup} = supervisor:start_link(?MODULE, {sup, self(), StartFun}),
    C0 = receive {started, P0} -> P0 end,
    Cycles = ?SUP_CYCLES,
    W = max(1, min(1000, Cycles div 4)),   % 1,000 at the default size
    T0 = now_ns(),
    {C1, TFirst} = sup_loop(C0, W),
    {C2, _} = sup_loop(C1, Cycles - 2 * W),
    {_, TLast} = sup_loop(C2, W),
    T1 = now_ns(),
    unlink(Sup),
    exit(Sup, kill),
    {(T1 - T0) / Cycles, TFirst / W, TLast / W}.

sup_loop(Child, N) ->
    T0 = now_ns(),
    C = sup_loop1(Child, N),
    {C, now_ns() - T0}.

sup_loop1(Child, N) when N =< 0 -> Child;
sup_loop1(Child, N) ->
    Child ! crash,
    receive {started, New} -> sup_loop1(New, N - 1) end.

%% --- ets
ets_insert(_, K, Max) when K > Max -> ok;
ets_insert(T, K, Max) -> ets:insert(T, {K, K}), ets_insert(T, K + 1, Max).

ets_lookup(_, K, Max) when K > Max -> ok;
ets_lookup(T, K, Max) -> [{K, K}] = ets:lookup(T, K), ets_lookup(T, K + 1, Max).

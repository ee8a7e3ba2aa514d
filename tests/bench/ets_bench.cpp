// ETS figures of the bench program (see bench.hpp), as the Erlang peer
// (erl/otp_peer_bench.escript, bench(ets)) measures them:
//
//   ets_insert_ns  a set table (public); ets:insert(T, {K, K}) for K = 1..N
//   ets_lookup_ns  then [{K, K}] = ets:lookup(T, K) for K = 1..N
//
// N = 1,000,000 (times --scale). Both loops run in one process, building the
// tuple and checking the result as the Erlang loop does.
#include <cstdio>

#include "bench.hpp"
#include "runtime/node.hpp"
#include "services/ets.hpp"

using namespace otp;

namespace {

void ets_figures(int64_t keys) {
  NodeOptions o;
  o.reports = false;
  Node node(o);
  double t0 = 0, t1 = 0, t2 = 0;
  bool ok = true;
  node.spawn([&](Process& self) {
    Term tab = ets::new_table(self, Term::atom("bench"), Term::list({Term::atom("set"), Term::atom("public")}));
    t0 = otp_bench::now_ns();
    for (int64_t k = 1; k <= keys; ++k) {
      Term key = Term::integer(k);
      ets::insert(self, tab, Term::tuple({key, key}));
    }
    t1 = otp_bench::now_ns();
    for (int64_t k = 1; k <= keys; ++k) {
      Term key = Term::integer(k);
      Term found = ets::lookup(self, tab, key);
      ok = ok && found.is_cons() && found.tail().is_nil_list() && found.head()[1] == key;
    }
    t2 = otp_bench::now_ns();
    ok = ok && ets::info(self, tab, Term::atom("size")) == Term::integer(keys);
    ets::delete_(self, tab);
  });
  node.run_until_idle();
  if (!ok) std::printf("ets: wrong lookups\n");
  otp_bench::report("ets_insert_ns", (t1 - t0) / static_cast<double>(keys));
  otp_bench::report("ets_lookup_ns", (t2 - t1) / static_cast<double>(keys));
}

const otp_bench::Registration ets_group{
    {10, {"ets_insert_ns", "ets_lookup_ns"}, [] { ets_figures(otp_bench::scaled(1'000'000)); }}};

}  // namespace

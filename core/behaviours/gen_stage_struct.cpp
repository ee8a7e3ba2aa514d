// The %GenStage{} struct a stage keeps as its GenServer state, unpacked
// into a Stage and packed again per message; and the option checks of
// GenStage.Utils, with Elixir's messages.
#include "behaviours/gen_stage_server.hpp"

namespace otp::gen_stage_detail {

// ---- the %GenStage{} struct ----

Term* Stage::field(Atom k) {
  const Atoms& A = atoms();
  if (k == A.state) return &state;
  if (k == A.dispatcher_state) return &dispatcher_state;
  if (k == A.events) return &events;
  if (k == A.producers) return &producers;
  if (k == A.consumers) return &consumers;
  if (k == A.buffer) return &buffer;
  if (k == A.monitors) return &monitors;
  if (k == A.mod) return &mod;
  if (k == A.type) return &type;
  if (k == A.dispatcher_mod) return &dispatcher_mod;
  if (k == A.buffer_keep) return &buffer_keep;
  return nullptr;
}

Stage Stage::unpack(const Term& s) {
  const Atoms& A = atoms();
  Stage st;
  st.packed = s;
  for (const MapEntry& e : s.map_entries())
    if (e.key.is_atom())
      if (Term* f = st.field(e.key.atom())) *f = e.value;
  st.kind = st.type.is_atom(A.producer) ? Type::Producer
            : st.type.is_atom(A.consumer) ? Type::Consumer
                                          : Type::ProducerConsumer;
  return st;
}

Term Stage::pack() const {
  const Atoms& A = atoms();
  if (packed.is_map()) {
    Term out = packed;
    for (const MapEntry& e : packed.map_entries()) {
      if (!e.key.is_atom()) continue;
      const Term* f = field(e.key.atom());
      if (f && f->raw() != e.value.raw()) out = out.map_put(e.key, *f);
    }
    return out;
  }
  return Term::map({{Term(atom::__struct__), Term(A.gen_stage)},
                    {Term(A.mod), mod},
                    {Term(A.state), state},
                    {Term(A.type), type},
                    {Term(A.dispatcher_mod), dispatcher_mod},
                    {Term(A.dispatcher_state), dispatcher_state},
                    {Term(A.buffer), buffer},
                    {Term(A.buffer_keep), buffer_keep},
                    {Term(A.events), events},
                    {Term(A.monitors), monitors},
                    {Term(A.producers), producers},
                    {Term(A.consumers), consumers}});
}

// ---- option checks ----

Validated validate_integer(const Term& opts, Atom key, Term fallback, int64_t min, std::optional<int64_t> max,
                           bool infinity, Term* rest) {
  Term left;
  Term v = keyword_pop(opts, key, std::move(fallback), &left);
  if (rest) *rest = left;
  const std::string k = inspect(Term(key));
  if (v.is_atom(atoms().infinity) && infinity) return {v, std::nullopt};
  if (!v.is_integer()) return {v, "expected " + k + " to be an integer, got: " + inspect(v)};
  if (!v.is_small() || v.small() < min)
    return {v, "expected " + k + " to be equal to or greater than " + std::to_string(min) + ", got: " + inspect(v)};
  if (max && v.small() > *max)
    return {v, "expected " + k + " to be equal to or less than " + std::to_string(*max) + ", got: " + inspect(v)};
  return {v, std::nullopt};
}

Validated validate_in(const Term& opts, Atom key, Term fallback, std::initializer_list<Atom> values, Term* rest) {
  Term left;
  Term v = keyword_pop(opts, key, std::move(fallback), &left);
  if (rest) *rest = left;
  for (Atom a : values)
    if (v.is_atom(a)) return {v, std::nullopt};
  std::vector<Term> vs(values.begin(), values.end());
  return {v, "expected " + inspect(Term(key)) + " to be one of " + inspect(Term::list(std::span<const Term>(vs))) +
                 ", got: " + inspect(v)};
}

}  // namespace otp::gen_stage_detail

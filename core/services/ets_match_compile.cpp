// Compiling ETS match specs (see ets_match.hpp for the language and
// ets_match_internal.hpp for the compiled form).
#include <algorithm>
#include <string_view>

#include "services/ets_match_internal.hpp"

namespace otp::ets::detail {

namespace {

// :"$N" with N a decimal number: true and *n.
bool variable_number(const Term& t, uint64_t* n) {
  if (!t.is_atom()) return false;
  std::string_view s = t.atom().name();
  if (s.size() < 2 || s.size() > 11 || s[0] != '$') return false;
  uint64_t v = 0;
  for (char c : s.substr(1)) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *n = v;
  return true;
}

struct BifEntry {
  const char* name;
  int arity;
  Bif bif;
};
constexpr BifEntry kBifs[] = {
    {"is_atom", 1, Bif::IsAtom}, {"is_float", 1, Bif::IsFloat}, {"is_integer", 1, Bif::IsInteger},
    {"is_list", 1, Bif::IsList}, {"is_number", 1, Bif::IsNumber}, {"is_pid", 1, Bif::IsPid},
    {"is_port", 1, Bif::IsPort}, {"is_reference", 1, Bif::IsReference}, {"is_tuple", 1, Bif::IsTuple},
    {"is_map", 1, Bif::IsMap}, {"is_binary", 1, Bif::IsBinary}, {"is_function", 1, Bif::IsFunction},
    {"is_record", 3, Bif::IsRecord}, {"abs", 1, Bif::Abs}, {"element", 2, Bif::Element}, {"hd", 1, Bif::Hd},
    {"tl", 1, Bif::Tl}, {"length", 1, Bif::Length}, {"node", 0, Bif::Node0}, {"node", 1, Bif::Node1},
    {"round", 1, Bif::Round}, {"trunc", 1, Bif::Trunc}, {"size", 1, Bif::Size}, {"map_size", 1, Bif::MapSize},
    {"bit_size", 1, Bif::BitSize}, {"byte_size", 1, Bif::ByteSize}, {"float", 1, Bif::Float},
    {"+", 1, Bif::Plus1}, {"-", 1, Bif::Minus1}, {"+", 2, Bif::Plus}, {"-", 2, Bif::Minus},
    {"*", 2, Bif::Times}, {"/", 2, Bif::Divide}, {"div", 2, Bif::Div}, {"rem", 2, Bif::Rem},
    {"band", 2, Bif::Band}, {"bor", 2, Bif::Bor}, {"bxor", 2, Bif::Bxor}, {"bnot", 1, Bif::Bnot},
    {"bsl", 2, Bif::Bsl}, {"bsr", 2, Bif::Bsr}, {">", 2, Bif::Gt}, {">=", 2, Bif::Ge}, {"<", 2, Bif::Lt},
    {"=<", 2, Bif::Le}, {"=:=", 2, Bif::ExactEq}, {"==", 2, Bif::Eq}, {"=/=", 2, Bif::ExactNeq},
    {"/=", 2, Bif::Neq}, {"not", 1, Bif::Not}, {"xor", 2, Bif::Xor}, {"map_get", 2, Bif::MapGet},
    {"is_map_key", 2, Bif::IsMapKey}, {"binary_part", 3, Bif::BinaryPart},
};

bool find_bif(Atom name, std::size_t arity, Bif* out) {
  std::string_view s = name.name();
  for (const BifEntry& b : kBifs)
    if (static_cast<std::size_t>(b.arity) == arity && s == b.name) {
      *out = b.bif;
      return true;
    }
  return false;
}

bool proper_list(const Term& t, std::vector<Term>* out) {
  const Term* l = &t;
  for (; l->is_cons(); l = &l->tail()) out->push_back(l->head());
  return l->is_nil_list();
}

class ClauseCompiler {
 public:
  explicit ClauseCompiler(MatchSpec::Clause& c) : c_(c) {}

  bool head(const Term& h) {
    if (!collect(h)) return false;
    std::sort(vars_.begin(), vars_.end());
    vars_.erase(std::unique(vars_.begin(), vars_.end()), vars_.end());
    bound_.assign(vars_.size(), false);
    c_.slots = static_cast<uint32_t>(vars_.size());
    c_.head_term = h;
    emit(h);
    return true;
  }

  bool expr(const Term& t, Expr* e) {
    uint64_t n;
    if (t.is_atom()) {
      if (variable_number(t, &n)) {
        auto it = std::lower_bound(vars_.begin(), vars_.end(), n);
        if (it == vars_.end() || *it != n) return false;  // unbound
        e->op = Expr::Op::Var;
        e->slot = static_cast<uint32_t>(it - vars_.begin());
      } else if (t.is_atom(atom::dollar_underscore)) {
        e->op = Expr::Op::Whole;
      } else if (t.is_atom(atom::dollar_dollar)) {
        e->op = Expr::Op::AllVars;
      } else {
        constant(t, e);
      }
      return true;
    }
    if (t.is_cons()) {
      e->op = Expr::Op::Cons;
      e->args.resize(2);
      return expr(t.head(), &e->args[0]) && expr(t.tail(), &e->args[1]);
    }
    if (t.is_map()) {
      e->op = Expr::Op::Map;
      e->args.resize(2 * t.map_size());
      std::size_t k = 0;
      for (const MapEntry& m : t.map_entries())
        if (!expr(m.key, &e->args[k++]) || !expr(m.value, &e->args[k++])) return false;
      return true;
    }
    if (!t.is_tuple()) {
      constant(t, e);
      return true;
    }
    std::size_t n_el = t.tuple_size();
    if (n_el == 0) return false;
    if (n_el == 1 && t[0].is_tuple()) {  // {{...}}: a tuple
      e->op = Expr::Op::Tuple;
      const Term& inner = t[0];
      e->args.resize(inner.tuple_size());
      for (std::size_t k = 0; k < inner.tuple_size(); ++k)
        if (!expr(inner[k], &e->args[k])) return false;
      return true;
    }
    if (!t[0].is_atom()) return false;
    if (n_el == 2 && t[0].is_atom(atom::const_)) {
      constant(t[1], e);
      return true;
    }
    std::string_view f = t[0].atom().name();
    std::size_t arity = n_el - 1;
    if (f == "and" || f == "or" || f == "andalso" || f == "orelse") {
      if (arity == 0) return false;
      e->op = f == "and" ? Expr::Op::And : f == "or" ? Expr::Op::Or : f == "andalso" ? Expr::Op::AndAlso : Expr::Op::OrElse;
    } else if (f == "self") {
      if (arity != 0) return false;
      e->op = Expr::Op::Call;
      e->bif = Bif::Self;
      return true;
    } else {
      e->op = Expr::Op::Call;
      if (!find_bif(t[0].atom(), arity, &e->bif)) return false;
    }
    e->args.resize(arity);
    for (std::size_t k = 0; k < arity; ++k)
      if (!expr(t[k + 1], &e->args[k])) return false;
    return true;
  }

 private:
  static void constant(const Term& t, Expr* e) {
    e->op = Expr::Op::Const;
    e->value = t;
  }

  // Gathers the head's variable numbers; false for a variable in a map key.
  bool collect(const Term& t) {
    uint64_t n;
    if (variable_number(t, &n)) {
      vars_.push_back(n);
    } else if (t.is_tuple()) {
      for (const Term& e : t.elements())
        if (!collect(e)) return false;
    } else if (t.is_cons()) {
      return collect(t.head()) && collect(t.tail());
    } else if (t.is_map()) {
      for (const MapEntry& m : t.map_entries()) {
        std::vector<uint64_t> saved = vars_;
        if (!collect(m.key) || vars_.size() != saved.size()) return false;
        if (!collect(m.value)) return false;
      }
    }
    return true;
  }

  void emit(const Term& t) {
    uint64_t n;
    auto& h = c_.head;
    if (t.is_atom(atom::underscore)) {
      h.push_back(PatNode{PatNode::Op::Any});
    } else if (variable_number(t, &n)) {
      uint32_t slot = static_cast<uint32_t>(std::lower_bound(vars_.begin(), vars_.end(), n) - vars_.begin());
      h.push_back(PatNode{bound_[slot] ? PatNode::Op::Check : PatNode::Op::Bind, slot});
      bound_[slot] = true;
    } else if (t.is_tuple() && !ground(t)) {
      h.push_back(PatNode{PatNode::Op::Tuple, static_cast<uint32_t>(t.tuple_size())});
      for (const Term& e : t.elements()) emit(e);
    } else if (t.is_cons() && !ground(t)) {
      h.push_back(PatNode{PatNode::Op::Cons});
      emit(t.head());
      emit(t.tail());
    } else if (t.is_map() && !ground(t)) {
      h.push_back(PatNode{PatNode::Op::Map, static_cast<uint32_t>(t.map_size())});
      for (const MapEntry& m : t.map_entries()) {
        h.push_back(PatNode{PatNode::Op::Const, 0, m.key});
        emit(m.value);
      }
    } else {
      h.push_back(PatNode{PatNode::Op::Const, 0, t});
    }
  }

 public:
  // No :_ and no variable inside (matched as one constant). A ground map
  // is matched exactly too, though a map pattern needs only its keys: so
  // maps are never ground here.
  static bool ground(const Term& t) {
    uint64_t n;
    if (t.is_atom(atom::underscore) || variable_number(t, &n) || t.is_map()) return false;
    if (t.is_tuple()) {
      for (const Term& e : t.elements())
        if (!ground(e)) return false;
    } else if (t.is_cons()) {
      return ground(t.head()) && ground(t.tail());
    }
    return true;
  }

 private:
  MatchSpec::Clause& c_;
  std::vector<uint64_t> vars_;
  std::vector<bool> bound_;
};

}  // namespace

MatchSpec::MatchSpec() = default;
MatchSpec::~MatchSpec() = default;
MatchSpec::MatchSpec(MatchSpec&&) noexcept = default;
MatchSpec& MatchSpec::operator=(MatchSpec&&) noexcept = default;

bool MatchSpec::compile(const Term& spec) {
  clauses_.clear();
  std::vector<Term> items;
  if (!proper_list(spec, &items)) return false;
  clauses_.resize(items.size());
  uint32_t most = 0;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Term& item = items[k];
    if (!item.is_tuple() || item.tuple_size() != 3) return false;
    std::vector<Term> guards, body;
    if (!proper_list(item[1], &guards) || !proper_list(item[2], &body) || body.empty()) return false;
    Clause& c = clauses_[k];
    ClauseCompiler cc(c);
    if (!cc.head(item[0])) return false;
    c.guards.resize(guards.size());
    for (std::size_t g = 0; g < guards.size(); ++g)
      if (!cc.expr(guards[g], &c.guards[g])) return false;
    for (const Term& b : body)  // all must compile; only the last one's value counts
      if (!cc.expr(b, &c.body)) return false;
    most = std::max(most, c.slots);
  }
  slots_.assign(most, Term());
  return true;
}

bool MatchSpec::compile_pattern(const Term& pattern, bool whole_object) {
  clauses_.clear();
  clauses_.resize(1);
  Clause& c = clauses_[0];
  ClauseCompiler cc(c);
  if (!cc.head(pattern)) return false;  // a variable in a map key
  c.body.op = whole_object ? Expr::Op::Whole : Expr::Op::AllVars;
  slots_.assign(c.slots, Term());
  return true;
}

const Term* MatchSpec::bound_key(std::size_t keypos) const noexcept {
  if (clauses_.size() != 1) return nullptr;
  const Term& h = clauses_[0].head_term;
  if (!h.is_tuple() || h.tuple_size() < keypos) return nullptr;
  return ClauseCompiler::ground(h[keypos - 1]) ? &h[keypos - 1] : nullptr;
}

}  // namespace otp::ets::detail

// ETS's badarg texts (see ets_errors.hpp): a port of format_ets_error and
// its helpers from OTP 25's lib/stdlib/src/erl_stdlib_errors.erl. Each
// function gives one text per argument, "" for an argument that is fine.
#include "services/ets_errors.hpp"

#include <string>
#include <vector>

#include "term/error.hpp"

namespace otp::ets::detail {

namespace {

using Texts = std::vector<std::string>;

const char* const kNotTuple = "not a tuple";
const char* const kEmptyTuple = "is an empty tuple";
const char* const kBadKey = "not a key that exists in the table";
const char* const kRange = "out of range";
const char* const kSameAsKeypos = "the position is the same as the key position";
const char* const kBadUpdateOp = "not a valid update operation";

std::string table_text(const Term& tab, Cause cause) {
  switch (cause) {
    case Cause::Type: return tab.is_ref() ? "not a valid table identifier" : "not an atom or a table identifier";
    case Cause::Id: return "the table identifier does not refer to an existing ETS table";
    case Cause::Access: return "the table identifier refers to an ETS table with insufficient access rights";
    case Cause::TableType:
      return "the table identifier refers to an ETS table of a type not supported by this operation";
    default: return "";
  }
}

std::string tuple_text(const Term& t) {
  if (!t.is_tuple()) return kNotTuple;
  return t.tuple_size() == 0 ? kEmptyTuple : "";
}

std::string objects_text(const Term& t) {
  if (t.is_tuple()) return t.tuple_size() == 0 ? kEmptyTuple : "";
  if (t.is_list()) {
    const Term* l = &t;
    for (; l->is_cons(); l = &l->tail())
      if (!l->head().is_tuple() || l->head().tuple_size() == 0) return "not a non-empty tuple or a list of non-empty tuples";
    return l->is_nil_list() ? "" : "not a non-empty tuple or a list of non-empty tuples";
  }
  return kNotTuple;
}

std::string list_text(const Term& t) {
  if (!t.is_list()) return "not a list";
  return list_length(t) < 0 ? "not a proper list" : "";
}

std::string non_negative_integer_text(const Term& n) {
  if (!n.is_integer()) return "not an integer";
  return compare(n, Term::integer(1)) < 0 ? kRange : "";
}

bool is_update_op(const Term& op) {
  if (op.is_integer()) return true;
  if (!op.is_tuple() || (op.tuple_size() != 2 && op.tuple_size() != 4)) return false;
  for (const Term& e : op.elements())
    if (!e.is_integer()) return false;
  return true;
}

// A list of valid ops, or one (erl_stdlib_errors' is_update_op_top).
template <class One>
bool all_of_top(const Term& t, One one) {
  if (!t.is_list()) return one(t);
  const Term* l = &t;
  for (; l->is_cons(); l = &l->tail())
    if (!one(l->head())) return false;
  return l->is_nil_list();
}

std::string update_op_text(const Term& op) { return all_of_top(op, is_update_op) ? "" : kBadUpdateOp; }

bool is_element_spec(const Term& s) {
  return s.is_tuple() && s.tuple_size() == 2 && s[0].is_integer() && compare(s[0], Term::integer(0)) > 0;
}

Texts format(Fn fn, Cause cause, const std::vector<Term>& a) {
  std::string tab = table_text(a[0], cause);
  switch (fn) {
    case Fn::New: {
      std::string name = a[0].is_atom() ? "" : "not an atom";
      std::string opts = list_text(a[1]);
      if (name.empty() && opts.empty())
        return cause == Cause::AlreadyExists ? Texts{"table name already exists"} : Texts{"", "invalid options"};
      return {name, opts};
    }
    case Fn::Insert:
    case Fn::InsertNew: return {tab, objects_text(a[1])};
    case Fn::DeleteObject: return {tab, tuple_text(a[1])};
    case Fn::LookupElement: {
      std::string pos = non_negative_integer_text(a[2]);
      if (cause == Cause::BadKey) return {tab, kBadKey, pos};
      if (tab.empty() && pos.empty()) return {"", "", "position is greater than the size of the object"};
      return {tab, "", pos};
    }
    case Fn::UpdateCounter: {
      if (a.size() == 4) {
        if (!tab.empty()) return {tab};
        std::string def = tuple_text(a[3]);
        switch (cause) {
          case Cause::BadKey: return {"", kBadKey, update_op_text(a[2]), def};
          case Cause::KeyPos: return {"", "", kSameAsKeypos, def};
          case Cause::Position: return {"", "", "the position in the update operation is out of range"};
          default: {
            std::string op = update_op_text(a[2]);
            if (op.empty() && def.empty())
              return {"", "", "the value in the given position, in the object, is not an integer"};
            return {"", "", op, def};
          }
        }
      }
      switch (cause) {
        case Cause::BadKey: return {tab, kBadKey, update_op_text(a[2])};
        case Cause::KeyPos: return {tab, "", kSameAsKeypos};
        case Cause::Position: return {tab, "", "the position in the update operation is out of range"};
        case Cause::None:
          return {tab, "", update_op_text(a[2]).empty()
                               ? "the value in the given position, in the object, is not an integer"
                               : kBadUpdateOp};
        default: return {tab, "", update_op_text(a[2])};
      }
    }
    case Fn::UpdateElement: {
      if (cause == Cause::KeyPos) return {tab, "", kSameAsKeypos};
      if (!all_of_top(a[2], is_element_spec)) return {tab, "", "is not a valid element specification"};
      return {tab, "", tab.empty() ? kRange : ""};
    }
    case Fn::GiveAway: {
      if (cause == Cause::Owner) return {tab, "the process is already the owner of the table"};
      if (cause == Cause::NotOwner) return {tab, "the current process is not the owner"};
      if (!a[1].is_pid()) return {tab, "not a pid"};
      return {tab, tab.empty() ? "the pid refers to a terminated process" : ""};
    }
    case Fn::Rename: {
      std::string name = a[1].is_atom() ? "" : "invalid table name (must be an atom)";
      if (tab.empty() && name.empty()) return {"", "table name already exists"};
      return {tab, name};
    }
    case Fn::Info: return tab.empty() ? Texts{"", "not a valid info item"} : Texts{tab};
    case Fn::Next:
    case Fn::Prev: return tab.empty() ? Texts{"", kBadKey} : Texts{tab};
    case Fn::Select: return tab.empty() ? Texts{"", "not a valid match specification"} : Texts{tab};
    case Fn::Setopts: return tab.empty() ? Texts{"", "invalid options"} : Texts{tab};
    case Fn::Whereis: return {"invalid table name (must be an atom)"};
    case Fn::Other: return {tab};
  }
  return {tab};
}

}  // namespace

void fail(Fn fn, Cause cause, std::initializer_list<Term> args) {
  std::vector<Term> a(args);
  Texts texts = format(fn, cause, a);
  std::vector<std::pair<Term, Term>> entries;
  for (std::size_t i = 0; i < texts.size(); ++i)
    if (!texts[i].empty()) entries.emplace_back(Term::integer(static_cast<int64_t>(i + 1)), Term::binary(texts[i]));
  throw ErlangError(Term(atom::badarg), Term::map(std::move(entries)));
}

}  // namespace otp::ets::detail

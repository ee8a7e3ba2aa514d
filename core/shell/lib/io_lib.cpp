// IO (Elixir 1.14): puts, write, inspect, warn and the chardata/iodata
// conversions. Output to :stdio goes through the calling process's group
// leader (io.hpp), so a shell sees it in order; :stderr and IO.warn go to
// the node's log. Each call returns what Elixir returns (:ok, or the
// inspected term for IO.inspect).
#include "shell/lib/chars.hpp"
#include "shell/lib/io.hpp"
#include "shell/lib/kernel_detail.hpp"
#include "runtime/node.hpp"

namespace otp::shell::lib {

namespace {

Process& self() {
  Process* p = Process::current();
  if (!p) raise_argument_error("IO is called from a process");
  return *p;
}

// :stdio (true), :stderr (false); anything else is not a device here.
bool is_stdio(const Term& device) {
  if (device.is_atom(Atom::intern("stdio")) || device.is_atom(Atom::intern("standard_io"))) return true;
  if (device.is_atom(Atom::intern("stderr")) || device.is_atom(Atom::intern("standard_error"))) return false;
  if (device.is_pid()) return true;
  raise_badarg(1, "the device does not exist");
}

void emit(const Term& device, std::string_view text) {
  Process& p = self();
  if (is_stdio(device)) io::put_chars(p, text);
  else p.node().log(text);
}

// IO.chardata_to_string-like text of puts/write's item: strings, atoms,
// numbers (String.Chars) and chardata lists.
std::string item_text(const Term& item) {
  std::string out;
  if (item.is_list()) {
    if (!try_append_chardata(out, item)) raise_badarg(2, "not valid character data (an iodata term)");
    return out;
  }
  append_chars(out, item);
  return out;
}

Term puts(const Term& device, const Term& item, bool newline) {
  std::string text = item_text(item);
  if (newline) text += '\n';
  emit(device, text);
  return Term(atom::ok);
}

Term inspect_io(const Term& device, const Term& item, const Term& opts) {
  if (!opts.is_list()) no_clause("IO", "inspect", {device, item, opts});
  Term label;
  InspectOptions o = inspect_options(opts, true, &label);
  std::string text = label.is_atom(atom::nil) ? "" : to_chars(label) + ": ";
  text += inspect(item, o);
  text += '\n';
  emit(device, text);
  return item;
}

}  // namespace

void add_io(Library& lib) {
  lib.add("IO", "puts", 1, [](Args a) { return puts(Term::atom("stdio"), a[0], true); }, "Writes the item and a newline; returns :ok.");
  lib.add("IO", "puts", 2, [](Args a) { return puts(a[0], a[1], true); }, "Writes the item and a newline to a device.");
  lib.add("IO", "write", 1, [](Args a) { return puts(Term::atom("stdio"), a[0], false); }, "Writes the item; returns :ok.");
  lib.add("IO", "write", 2, [](Args a) { return puts(a[0], a[1], false); }, "Writes the item to a device.");
  lib.add("IO", "inspect", 1, [](Args a) { return inspect_io(Term::atom("stdio"), a[0], Term::empty_list()); }, "Prints inspect(item) and returns item.");
  lib.add("IO", "inspect", 2, [](Args a) { return inspect_io(Term::atom("stdio"), a[0], a[1]); }, "Prints inspect(item, opts) (label: ...) and returns item.");
  lib.add("IO", "inspect", 3, [](Args a) { return inspect_io(a[0], a[1], a[2]); }, "IO.inspect/2 on a device.");
  lib.add("IO", "warn", 1, [](Args a) {
    self().node().log("warning: " + item_text(a[0]) + "\n");
    return Term(atom::ok);
  }, "Writes a warning to stderr (the node's log).");
  lib.add("IO", "warn", 2, [](Args a) {
    self().node().log("warning: " + item_text(a[0]) + "\n");
    return Term(atom::ok);
  }, "Writes a warning to stderr (the node's log).");
  lib.add("IO", "chardata_to_string", 1, [](Args a) {
    if (a[0].is_binary()) return a[0];
    return Term::binary(chardata_to_string(a[0]));
  }, "Chardata as a string.");
  lib.add("IO", "iodata_to_binary", 1, [](Args a) {
    std::string out;
    if (!append_iodata(out, a[0])) raise_badarg(1, "not an iodata term");
    return Term::binary(out);
  }, "iodata as a binary.");
  lib.add("IO", "iodata_length", 1, [](Args a) {
    std::string out;
    if (!append_iodata(out, a[0])) raise_badarg(1, "not an iodata term");
    return Term::integer(static_cast<int64_t>(out.size()));
  }, "The number of bytes of iodata.");
}

}  // namespace otp::shell::lib

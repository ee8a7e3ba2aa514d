// The File module, small: read/1, read!/1, exists?/1, write/2,3 and
// write!/2,3, natively over the C++ standard library. Reasons are POSIX
// atoms as Erlang's file module gives them ({:error, :enoent},
// {:error, :eisdir}); the raising forms raise File.Error with Elixir's text
// ("could not read file \"x\": no such file or directory").
//
// In the WebAssembly build there is no file system: every path is missing,
// so reads and writes answer {:error, :enoent} and exists?/1 is false.
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "shell/lib/chars.hpp"
#include "shell/lib/support.hpp"

namespace otp::shell::lib {

namespace {

// IO.chardata_to_string/1 of a path.
std::string path_of(const Term& p) {
  if (p.is_binary()) return std::string(p.bytes());
  if (p.is_list()) return chardata_to_string(p);
  raise_function_clause("IO", "chardata_to_string", {p},
                        {"def chardata_to_string(string) when is_binary(string)",
                         "def chardata_to_string(list) when is_list(list)"});
}

Term posix(const char* name) { return Term::atom(name); }

[[maybe_unused]] Term errno_reason(int e) {  // unused in wasm (no file system)
  switch (e) {
    case ENOENT: return posix("enoent");
    case EACCES: return posix("eacces");
    case EISDIR: return posix("eisdir");
    case ENOTDIR: return posix("enotdir");
    case ENOSPC: return posix("enospc");
    case EROFS: return posix("erofs");
    case EPERM: return posix("eperm");
    case ENAMETOOLONG: return posix("enametoolong");
    default: return posix("eio");
  }
}

// {:ok, contents} or the POSIX reason.
bool read_file(const std::string& path, std::string* out, Term* reason) {
#ifdef __EMSCRIPTEN__
  (void)path;
  (void)out;
  *reason = posix("enoent");
  return false;
#else
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *reason = posix("eisdir");
    return false;
  }
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *reason = errno_reason(errno ? errno : ENOENT);
    return false;
  }
  std::ostringstream s;
  s << in.rdbuf();
  *out = s.str();
  return true;
#endif
}

bool write_file(const std::string& path, const std::string& bytes, bool append, Term* reason) {
#ifdef __EMSCRIPTEN__
  (void)path;
  (void)bytes;
  (void)append;
  *reason = posix("enoent");
  return false;
#else
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    *reason = posix("eisdir");
    return false;
  }
  errno = 0;
  std::ofstream out(path, std::ios::binary | (append ? std::ios::app : std::ios::trunc));
  if (!out) {
    *reason = errno_reason(errno ? errno : ENOENT);
    return false;
  }
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
#endif
}

[[noreturn]] void file_error(const char* action, const Term& path, const Term& reason) {
  throw ErlangError(make_exception(Atom::intern("Elixir.File.Error"),
                                   {{Atom::intern("reason"), reason},
                                    {Atom::intern("path"), Term::binary(path_of(path))},
                                    {Atom::intern("action"), Term::binary(action)}}));
}

Term write(Args a, const Term& modes, bool bang) {
  std::string path = path_of(a[0]);
  std::string bytes;
  bool append = false;
  for (const Term* c = &modes; c->is_cons(); c = &c->tail())
    if (c->head().is_atom(Atom::intern("append"))) append = true;
  Term reason;
  if (!append_iodata(bytes, a[1])) reason = posix("badarg");
  else if (write_file(path, bytes, append, &reason)) return Term(atom::ok);
  if (bang) file_error("write to file", a[0], reason);
  return tuple2(Term(atom::error), reason);
}

}  // namespace

void add_file(Library& lib) {
  lib.add("File", "read", 1, [](Args a) {
    std::string bytes;
    Term reason;
    if (read_file(path_of(a[0]), &bytes, &reason)) return tuple2(Term(atom::ok), Term::binary(bytes));
    return tuple2(Term(atom::error), reason);
  }, "{:ok, contents} or {:error, posix_reason} (in the browser: always {:error, :enoent}).");
  lib.add("File", "read!", 1, [](Args a) -> Term {
    std::string bytes;
    Term reason;
    if (read_file(path_of(a[0]), &bytes, &reason)) return Term::binary(bytes);
    file_error("read file", a[0], reason);
  }, "The file's contents, or File.Error (in the browser: always File.Error, :enoent).");
  lib.add("File", "exists?", 1, [](Args a) {
#ifdef __EMSCRIPTEN__
    path_of(a[0]);
    return Term(atom::false_);
#else
    std::error_code ec;
    return Term::boolean(std::filesystem::exists(path_of(a[0]), ec));
#endif
  }, "Whether the path exists (in the browser: always false).");
  lib.add("File", "write", 2, [](Args a) { return write(a, Term::empty_list(), false); },
          "Writes iodata to a file: :ok or {:error, posix_reason} (in the browser: {:error, :enoent}).");
  lib.add("File", "write", 3, [](Args a) { return write(a, a[2], false); }, "write/2 with modes ([:append]).");
  lib.add("File", "write!", 2, [](Args a) { return write(a, Term::empty_list(), true); }, "write/2 that raises File.Error.");
  lib.add("File", "write!", 3, [](Args a) { return write(a, a[2], true); }, "write!/2 with modes ([:append]).");
}

}  // namespace otp::shell::lib

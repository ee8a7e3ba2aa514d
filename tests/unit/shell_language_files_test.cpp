// Runs every file of tests/language/ (OTP_LANGUAGE_DIR): small transcripts
// in doctest form, one language behaviour each,
//
//   iex> x = 1 + 1
//   2
//   iex> case x do
//   ...>   2 -> :two
//   ...> end
//   :two
//
// Each file runs in a fresh node, its inputs in order in one process with
// the bindings kept from input to input (as at the IEx prompt). An input's
// output is what IEx prints for it, without stack-trace lines: text
// written by IO, then the inspected result or the error's banner (with
// IEx's blame: ": 1 / 0", "Did you mean:"). Lines starting with `#` before
// the first input describe the file. Trailing whitespace and trailing
// empty lines of each output are not significant. The expected outputs
// were recorded from the real IEx 1.14 (tests/language/README.md).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "node_fixture.hpp"
#include "runtime/exit.hpp"
#include "shell/eval/interp.hpp"
#include "shell/iex_input.hpp"
#include "shell/lib/errors.hpp"
#include "shell/parser.hpp"
#include "shell/session/format.hpp"
#include "term/error.hpp"

using namespace otp;

namespace {

namespace fs = std::filesystem;

std::string language_dir() {
  if (const char* env = std::getenv("OTP_LANGUAGE_DIR")) return env;
#ifdef OTP_LANGUAGE_DIR
  return OTP_LANGUAGE_DIR;
#else
  return "tests/language";
#endif
}

struct Case {
  std::string input;     // the typed lines, joined with newlines
  std::string expected;  // what IEx printed
};

std::string trim_block(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.pop_back();
    lines.push_back(line);
  }
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

// The conformance folder's masking (normalize.py): pids, references and
// the index part of fun names differ from run to run.
std::string mask(std::string s) {
  static const std::regex pid(R"(#PID<\d+\.\d+\.\d+>)"), ref(R"(#Reference<[\d.]+>)"), fun(R"(#Function<\d+\.\d+/)"),
      module(R"(\{:module, ([\w.:"]+),\s*<<70, 79, 82, 49,[^>]*>>,\s*)");
  s = std::regex_replace(s, module, "{:module, $1, <<*>>, ");
  s = std::regex_replace(s, pid, "#PID<*>");
  s = std::regex_replace(s, ref, "#Reference<*>");
  return std::regex_replace(s, fun, "#Function<*/");
}

std::vector<Case> read_cases(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::vector<Case> cases;
  bool header = true;
  for (std::string line; std::getline(in, line);) {
    if (header && (line.empty() || line[0] == '#')) continue;
    header = false;
    if (line.rfind("iex> ", 0) == 0 || line == "iex>") {
      cases.push_back(Case{line.size() > 5 ? line.substr(5) : "", ""});
    } else if ((line.rfind("...> ", 0) == 0 || line == "...>") && !cases.empty() && cases.back().expected.empty()) {
      cases.back().input += "\n" + (line.size() > 5 ? line.substr(5) : "");
    } else if (!cases.empty()) {
      cases.back().expected += line + "\n";
    }
  }
  for (Case& c : cases) c.expected = trim_block(c.expected);
  return cases;
}

// IEx's banner for what escaped an input (the stack trace left out).
std::string error_text(std::exception_ptr e) {
  try {
    std::rethrow_exception(e);
  } catch (const ErlangError& x) {
    if (x.reason.is_atom(atom::badarg) && x.arguments_info.is_map() && x.arguments_info.map_size() > 0)
      return "** (ArgumentError) " + shell::arguments_error_text(x.arguments_info);
    Term ex = shell::blame_exception(x.reason, x.stacktrace.is_list() ? x.stacktrace : Term::empty_list());
    InspectOptions o;
    o.pretty = false;
    std::string banner = "** (" + inspect(*ex.map_get(Term(atom::__struct__)), o) + ") " + shell::exception_message(ex);
    // IEx pads a FunctionClauseError's blame (its arguments and clauses).
    if (banner.rfind("** (FunctionClauseError)", 0) == 0) {
      std::string padded;
      for (char c : banner) {
        padded += c;
        if (c == '\n') padded += "    ";
      }
      banner = padded;
    }
    return banner;
  } catch (const ThrownValue& t) {
    InspectOptions o;
    o.pretty = false;
    return "** (throw) " + inspect(t.value, o);
  } catch (const ExitSignal& x) {
    return "** (exit) " + shell::format_exit(x.reason);
  }
}

// Runs a file's inputs; returns each input's output.
std::vector<std::string> run_file(const std::vector<Case>& cases) {
  ManualClock clock;
  std::vector<std::string> outputs(cases.size());
  std::size_t current = 0;
  NodeOptions options;
  options.clock = &clock;
  options.log = [&](std::string_view s) {
    if (current < outputs.size()) outputs[current] += s;
  };
  Node node(options);
  node.spawn([&](Process& self) {
    shell::Env env;
    std::vector<std::pair<std::string, Atom>> aliases;
    shell::IexReader reader;
    uint32_t counter = 1;  // the prompt number: IEx parses each input from that line
    for (current = 0; current < cases.size(); ++current) {
      std::istringstream lines(cases[current].input);
      shell::IexReader::Result input;
      for (std::string line; std::getline(lines, line);) input = reader.feed(line, counter);
      if (input.status == shell::ParseStatus::Error) {
        outputs[current] += input.error_text + "\n";
        continue;
      }
      if (input.status != shell::ParseStatus::Complete) {
        outputs[current] += "(incomplete input)\n";
        continue;
      }
      const std::size_t mark = env.mark();
      std::string text;
      std::exception_ptr failure;
      try {
        shell::Interp in(env, nullptr, input.parse.arena);
        in.set_aliases(&aliases);
        Term r;
        for (const shell::Node* e : input.parse.exprs) r = in.eval(e);
        text = inspect(r) + "\n";
        ++counter;
      } catch (const KillUnwind&) {
        throw;
      } catch (...) {
        failure = std::current_exception();
      }
      if (failure) {
        env.reset(mark);
        reader.evaluation_failed();
        text = error_text(failure) + "\n";
      }
      self.yield();  // let what the input started run, as the session does
      outputs[current] += text;
    }
  });
  // Timers (receive ... after, Process.sleep) fire on the virtual clock.
  for (int guard = 0; guard < 10000; ++guard) {
    RunResult r = node.run(100000);
    if (r.idle && !r.next_timer) break;
    if (r.idle && r.next_timer) clock.set(*r.next_timer);
  }
  for (std::string& o : outputs) o = trim_block(mask(o));
  return outputs;
}

}  // namespace

TEST_CASE("every tests/language file prints what IEx 1.14 prints", "[shell][language]") {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(language_dir()))
    if (entry.is_regular_file() && entry.path().extension() == ".iex") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  REQUIRE(!files.empty());
  if (!std::getenv("OTP_LANGUAGE_DIR")) CHECK(files.size() >= 30);
  for (const fs::path& file : files) {
    std::vector<Case> cases = read_cases(file);
    INFO("file: " << file.filename().string());
    REQUIRE(!cases.empty());
    std::vector<std::string> got = run_file(cases);
    for (std::size_t i = 0; i < cases.size(); ++i) {
      INFO("input: " << cases[i].input);
      CHECK(got[i] == cases[i].expected);
    }
  }
}

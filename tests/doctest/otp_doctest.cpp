// otp_doctest: runs every runnable block of the documentation pages
// (web/docs/*.html, markup in docs/embedding.md) through a node booted as
// the playground's, and fails on any difference from the output the page
// states. ctest runs it on web/docs (tests/CMakeLists.txt).
//
//   otp_doctest [--show] [--only TEXT] PATH...
//
//   PATH        a page, or a folder whose *.html pages (recursively, in
//               name order) are all read
//   --show      print every block's actual output as a page would state
//               it (for writing pages; the result still counts)
//   --only TEXT run only the pages whose path contains TEXT
//
// A page runs in page order on ONE node and session, as the embedder runs
// it in the browser; a block marked data-node="fresh" runs on a node of its
// own. Outputs are compared after normalize.hpp (pids, refs, fun ids, time
// stamps, prompt numbers, stack frames). A block that cannot be read, or
// whose input never brings the prompt back, fails. The last line is
// "otp_doctest: N passed, M failed"; the exit status is 1 if any failed.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "doc_node.hpp"
#include "normalize.hpp"
#include "page.hpp"

namespace fs = std::filesystem;
using namespace otp::doctest;

namespace {

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::istringstream in(s);
  std::string line;
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

const char* kind_name(BlockKind k) { return k == BlockKind::Session ? "session" : "code"; }

void report_difference(const Page& page, const Block& block, const std::string& want, const std::string& got) {
  std::vector<std::string> w = split_lines(want), g = split_lines(got);
  std::size_t i = 0;
  while (i < w.size() && i < g.size() && w[i] == g[i]) ++i;
  std::cout << "FAIL " << page.path << ": block " << block.index << " (" << kind_name(block.kind) << ", line "
            << block.line << "): output line " << i + 1 << " differs\n"
            << "  expected: " << (i < w.size() ? w[i] : "(no more lines)") << "\n"
            << "  actual:   " << (i < g.size() ? g[i] : "(no more lines)") << "\n"
            << "--- expected (normalised) ---\n" << want << "--- actual (normalised) ---\n" << got << "---\n";
}

std::vector<fs::path> pages_in(const std::vector<std::string>& args) {
  std::vector<fs::path> pages;
  for (const std::string& a : args) {
    fs::path p(a);
    if (fs::is_directory(p)) {
      std::vector<fs::path> found;
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file() && e.path().extension() == ".html") found.push_back(e.path());
      std::sort(found.begin(), found.end());
      pages.insert(pages.end(), found.begin(), found.end());
    } else {
      pages.push_back(p);
    }
  }
  return pages;
}

}  // namespace

int main(int argc, char** argv) {
  bool show = false;
  std::string only;
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--show") show = true;
    else if (a == "--only" && i + 1 < argc) only = argv[++i];
    else if (!a.empty() && a[0] == '-') {
      std::cerr << "usage: otp_doctest [--show] [--only TEXT] PATH...\n";
      return 2;
    } else paths.push_back(a);
  }
  if (paths.empty()) {
    std::cerr << "usage: otp_doctest [--show] [--only TEXT] PATH...\n";
    return 2;
  }
  int passed = 0, failed = 0, page_count = 0;
  for (const fs::path& path : pages_in(paths)) {
    if (!only.empty() && path.string().find(only) == std::string::npos) continue;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::cout << "FAIL " << path.string() << ": cannot read the page\n";
      ++failed;
      continue;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    Page page = read_page(path.string(), buf.str());
    ++page_count;
    for (const std::string& e : page.errors) {
      std::cout << "FAIL " << e << "\n";
      ++failed;
    }
    if (page.blocks.empty()) continue;
    std::cout << "page " << page.path << ": " << page.blocks.size() << " blocks\n";
    DocNode shared;
    for (const Block& block : page.blocks) {
      BlockRun run;
      if (block.fresh) {
        DocNode own;
        run = own.run(block);
      } else {
        run = shared.run(block);
      }
      if (show) {
        std::cout << "=== " << page.path << " block " << block.index << " (" << kind_name(block.kind) << ", line "
                  << block.line << ")\n" << run.output << "===\n";
      }
      const std::string want = normalise(block.expected), got = normalise(run.output);
      bool ok = want == got && run.notes.empty();
      for (const std::string& note : run.notes)
        std::cout << "FAIL " << page.path << ": block " << block.index << " (line " << block.line << "): " << note << "\n";
      if (want != got) report_difference(page, block, want, got);
      if (ok) ++passed;
      else ++failed;
    }
  }
  if (page_count == 0) {
    std::cout << "FAIL no page found in the given paths\n";
    ++failed;
  }
  std::cout << "otp_doctest: " << passed << " passed, " << failed << " failed" << std::endl;
  // exit(), not return: under ASYNCIFY main() has been unwound by the
  // fiber switches and emscripten would report its first, unwound result.
  std::exit(failed ? 1 : 0);
}

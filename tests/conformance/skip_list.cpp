// Loading and validating skip.tsv.
#include "skip_list.h"

#include <fstream>

namespace sfn::conformance {
namespace {

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

}  // namespace

bool SkipList::history_only(const std::string& reason) { return reason.rfind("history:", 0) == 0; }

std::string SkipList::reason_for(const std::string& file, bool history) const {
  auto it = reasons.find(file);
  if (it == reasons.end()) return {};
  if (history_only(it->second) && !history) return {};
  return it->second;
}

SkipList load_skip_list(const std::string& path) {
  SkipList out;
  std::ifstream in(path);
  if (!in) {
    out.problems.push_back("cannot read " + path);
    return out;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty() || line[0] == '#') continue;
    auto tab = line.find('\t');
    std::string where = path + ":" + std::to_string(number) + ": ";
    if (tab == std::string::npos) {
      out.problems.push_back(where + "no tab between case file name and reason");
      continue;
    }
    std::string file = trim(line.substr(0, tab));
    std::string reason = trim(line.substr(tab + 1));
    if (file.empty()) out.problems.push_back(where + "empty case file name");
    if (reason.empty()) out.problems.push_back(where + "entry without a reason: " + file);
    if (file.empty() || reason.empty()) continue;
    if (!out.reasons.emplace(file, reason).second) out.problems.push_back(where + "duplicate entry: " + file);
  }
  return out;
}

}  // namespace sfn::conformance

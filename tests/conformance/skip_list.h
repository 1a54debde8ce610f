// The skip list tests/conformance/skip.tsv: `<case file name>\t<reason>` per line, `#` comments.
// Every entry needs a reason. A reason starting with "history:" names a difference that only the
// history comparison sees, so the entry applies only when histories are compared.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace sfn::conformance {

struct SkipList {
  std::map<std::string, std::string> reasons;  // case file name → reason
  std::vector<std::string> problems;           // malformed lines, entries without a reason, duplicates

  // The reason to skip `file` (empty: run it). History-only entries apply when `history` is on.
  std::string reason_for(const std::string& file, bool history) const;
  static bool history_only(const std::string& reason);
};

SkipList load_skip_list(const std::string& path);

}  // namespace sfn::conformance

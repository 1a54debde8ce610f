// History comparison, a line-by-line port of run_cases.py (same scan, same quirks, same messages).
#include "history_compare.h"

#include <algorithm>
#include <set>

namespace sfn::conformance {
namespace {

const std::set<std::string> kParallelEnd = {"ParallelStateSucceeded", "ParallelStateAborted",
                                            "ParallelStateExited", "ParallelStateFailed"};

std::optional<std::string> type_of(const Json& event) {
  if (event.is_object() && event.contains("type") && event["type"].is_string())
    return event["type"].get<std::string>();
  return std::nullopt;
}

std::string type_text(const std::optional<std::string>& t) { return t ? *t : "None"; }

Json strip(const Json& event) {
  Json out = event;
  if (out.is_object()) out.erase("timestamp");
  return out;
}

bool is_group_member(const Json& event) {
  return event.is_object() && event.contains("id") && event["id"] == Json::array({0});
}

}  // namespace

Json normalise_parallel(Json events) {
  std::vector<Json> list(events.begin(), events.end());
  std::optional<std::size_t> start;
  std::vector<Json> group;
  bool inside = false;
  // Python: the slice assignment changes the list while `i` keeps counting (run_cases.py).
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto t = type_of(list[i]);
    if (!t || kParallelEnd.count(*t) > 0) {
      if (start) {
        std::size_t from = std::min(*start, list.size());
        std::size_t to = std::max(from, std::min(i, list.size()));
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(from), list.begin() + static_cast<std::ptrdiff_t>(to));
        list.insert(list.begin() + static_cast<std::ptrdiff_t>(from), group.begin(), group.end());
      }
      inside = false;
    } else if (*t == "ParallelStateStarted") {
      inside = true;
      group.clear();
      start = i + 1;
    } else if (inside) {
      list[i]["id"] = Json::array({0});
      list[i]["previousEventId"] = 0;
      group.push_back(list[i]);
    }
  }
  Json out = Json::array();
  for (auto& e : list) out.push_back(std::move(e));
  return out;
}

std::optional<std::string> compare_history(const Json& expected, Json actual, const Matcher& matcher,
                                           HistoryMode mode, bool parallel) {
  if (parallel) actual = normalise_parallel(std::move(actual));
  std::vector<std::optional<std::string>> et, at;
  for (const auto& e : expected) et.push_back(type_of(e));
  for (const auto& a : actual) at.push_back(type_of(a));
  if (et.size() != at.size()) {
    std::size_t n = std::min(et.size(), at.size());
    std::size_t i = 0;
    while (i < n && et[i] == at[i]) ++i;
    return "history: expected " + std::to_string(et.size()) + " events, got " + std::to_string(at.size()) +
           " (first difference at #" + std::to_string(i + 1) + ": expected " +
           (i < et.size() ? type_text(et[i]) : "-") + ", got " + (i < at.size() ? type_text(at[i]) : "-") + ")";
  }
  const bool full = mode == HistoryMode::kFull;
  auto view = [full](const Json& ev) { return full ? strip(ev) : Json(ev.value("type", Json())); };
  const std::size_t n = expected.size();
  std::size_t i = 0;
  while (i < n) {
    if (parallel && is_group_member(expected[i])) {
      std::size_t j = i;
      while (j < n && is_group_member(expected[j])) ++j;
      std::vector<std::size_t> pool;
      for (std::size_t k = i; k < j; ++k) pool.push_back(k);
      for (std::size_t k = i; k < j; ++k) {
        auto hit = std::find_if(pool.begin(), pool.end(), [&](std::size_t cand) {
          return !matcher.diff(view(expected[k]), view(actual[cand]));
        });
        if (hit == pool.end())
          return "history: no match for parallel-branch event #" + std::to_string(k + 1) + " (" +
                 type_text(et[k]) + ")";
        pool.erase(hit);
      }
      i = j;
      continue;
    }
    if (et[i] != at[i])
      return "history: event #" + std::to_string(i + 1) + " expected " + type_text(et[i]) + ", got " +
             type_text(at[i]);
    if (full) {
      if (auto d = matcher.diff(strip(expected[i]), strip(actual[i]), "events[" + std::to_string(i) + "]"))
        return "history: " + *d;
    }
    ++i;
  }
  return std::nullopt;
}

}  // namespace sfn::conformance

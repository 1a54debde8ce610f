// Event-by-event comparison of an execution history with the recorded one, as compare_history and
// normalise_parallel in run_cases.py (timestamps ignored; `parallel_branch_order` groups compared
// as multisets).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "matcher.h"
#include "sfn/common/json.h"

namespace sfn::conformance {

enum class HistoryMode {
  kOff,    // do not compare histories
  kTypes,  // only the sequence of event types
  kFull,   // every event field except `timestamp`
};

// The rewrite LocalStack's recorder applied to histories tagged `parallel_branch_order` (README of
// aws-recorded): events inside a Parallel state get id [0] / previousEventId 0 and the group's
// terminators collapse. `events` is a JSON array.
Json normalise_parallel(Json events);

// nullopt when the histories match, else "history: ..." naming the first difference.
std::optional<std::string> compare_history(const Json& expected, Json actual, const Matcher& matcher,
                                           HistoryMode mode, bool parallel);

}  // namespace sfn::conformance

// Applies compiled steps to a document, collecting every selected node in document order.
#pragma once

#include <vector>

#include "sfn/common/json.h"
#include "steps.h"

namespace sfn::jsonpath::detail {

// Indefinite evaluation: appends a copy of every node selected by steps[index..] from `node`.
// `root` is the document '$' refers to inside filters.
void select(const std::vector<Step>& steps, std::size_t index, const Json& node, const Json& root,
            std::vector<Json>& out);

// True when every step selects at most one node. A union of names as the last step
// (['a','b']) counts as definite: Jayway merges it into one object.
bool is_definite(const std::vector<Step>& steps);

// Definite evaluation: the selected node, or nullopt when it does not exist.
std::optional<Json> select_definite(const std::vector<Step>& steps, const Json& doc);

}  // namespace sfn::jsonpath::detail

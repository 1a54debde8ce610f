// Retry and Catch arrays of Task, Parallel and Map states.
#pragma once

#include <vector>

#include "asl/parse/field_reader.h"
#include "sfn/asl/model/fields.h"

namespace sfn::asl::detail {

std::vector<Retrier> read_retry(FieldReader& state, QueryLanguage ql);
std::vector<Catcher> read_catch(FieldReader& state, QueryLanguage ql);

// ErrorEquals: a non-empty array of strings; "States.ALL" only alone. Shared by both.
std::vector<std::string> read_error_equals(FieldReader& r);

}  // namespace sfn::asl::detail

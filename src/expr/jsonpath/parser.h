// Parses path text ("$.a[0]..b", "$$.Execution.Id", "$var.x", and "@.x" inside filters) into
// steps. Throws ParseError (internal); Path::parse turns it into an error value.
#pragma once

#include "expr/jsonpath/cursor.h"
#include "expr/jsonpath/steps.h"

namespace sfn::jsonpath::detail {

// Parses a path starting at the cursor. With `in_filter`, the path ends at the first character
// that cannot continue it (an operator, a space, ')' or ']'), and '@' roots are allowed.
ParsedPath parse_path(Cursor& cursor, bool in_filter);

// Parses the body of a filter "[?( ... )]" from just after "?(" up to (not including) ")".
std::shared_ptr<const FilterExpr> parse_filter(Cursor& cursor);

}  // namespace sfn::jsonpath::detail

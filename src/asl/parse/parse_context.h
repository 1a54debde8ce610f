// What every state parser shares while one definition is parsed: the diagnostics, the names
// seen so far across the whole machine (state names are unique machine-wide, including inside
// Parallel branches and Map processors), and the nesting depth.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "asl/parse/diagnostics.h"
#include "sfn/asl/model/state_machine.h"

namespace sfn::asl::detail {

// Guards deeply nested Parallel/Map definitions (TOO_DEEPLY_NESTED); AWS's own limit is not
// documented, this keeps the recursive parser's stack bounded.
inline constexpr int kMaxNestingDepth = 64;

struct ParseContext {
  Diagnostics& diags;
  std::map<std::string, std::string, std::less<>> state_locations;  // name -> first location
  int depth = 0;
};

class FieldReader;

// Parses {StartAt, States, Comment} read through `r` (the top level, a Parallel branch or a Map
// ItemProcessor/Iterator; the caller consumes any extra fields first), then reports the fields
// nobody read. `ql` is the enclosing query language. Returns the graph even when it has errors
// (diagnostics are collected in ctx).
std::shared_ptr<StateGraph> parse_graph(FieldReader& r, QueryLanguage ql, ParseContext& ctx,
                                        bool top_level);

}  // namespace sfn::asl::detail

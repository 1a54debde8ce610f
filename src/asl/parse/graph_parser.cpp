// "A State Machine MUST have an object field named "States", whose fields represent the states."
// "A State Machine MUST have a string field named "StartAt", whose value MUST exactly match one of
// names of the "States" fields." "State names MUST be unique within the scope of the whole state
// machine." "The state name, whose length MUST BE less than or equal to 80 Unicode characters, is
// the field name." (States Language, "Top-level fields", "States")
#include <set>

#include "asl/parse/field_reader.h"
#include "asl/parse/parse_context.h"
#include "asl/parse/state_parser.h"
#include "asl/validate/graph_checks.h"

namespace sfn::asl::detail {

namespace {

constexpr std::size_t kMaxStateNameLength = 80;

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::shared_ptr<StateGraph> parse_graph(FieldReader& r, QueryLanguage ql, ParseContext& ctx,
                                        bool top_level) {
  auto graph = std::make_shared<StateGraph>();
  graph->query_language = ql;
  r.require({"StartAt", "States"});
  if (auto start = r.string("StartAt")) graph->start_at = *start;
  if (auto comment = r.string("Comment")) graph->comment = *comment;

  if (ctx.depth >= kMaxNestingDepth) {
    ctx.diags.error(kTooDeeplyNested, "The states are too deeply nested", r.location());
    r.get("States");
    r.reject_unconsumed();
    return graph;
  }

  std::set<std::string, std::less<>> declared;
  bool all_parsed = true;
  const Json* states = r.object_field("States");
  if (states && states->empty()) {
    ctx.diags.schema("The field 'States' must contain at least 1 element", r.at("States"));
  }
  if (states) {
    ++ctx.depth;
    for (auto it = states->begin(); it != states->end(); ++it) {
      const std::string& name = it.key();
      const std::string loc = child_location(r.at("States"), name);
      declared.insert(name);
      if (name.empty() || utf8_length(name) > kMaxStateNameLength) {
        ctx.diags.error(kInvalidStateName,
                        "State name '" + name +
                            "' must be between 1 and 80 characters long",
                        loc);
      }
      auto [prev, inserted] = ctx.state_locations.emplace(name, loc);
      if (!inserted) {
        ctx.diags.error(kDuplicateStateName, "Duplicate State name: " + name, loc);
      }
      auto state = parse_state(it.value(), name, loc, ql, ctx);
      if (!state) {
        all_parsed = false;
        continue;
      }
      graph->order.push_back(name);
      graph->states.emplace(name, std::move(state));
    }
    --ctx.depth;
  } else {
    all_parsed = false;
  }
  r.reject_unconsumed();

  check_graph(*graph, r.location(), declared, all_parsed, ctx.diags);
  (void)top_level;
  return graph;
}

}  // namespace sfn::asl::detail

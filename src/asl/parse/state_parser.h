// Parsing one state: the fields all states share (Type, Comment, QueryLanguage), the
// cross-dialect checks (JSONPath-only fields in a JSONata state and the reverse), and one
// parse function per state type (one file each).
#pragma once

#include <memory>
#include <string>

#include "asl/parse/field_reader.h"
#include "asl/parse/parse_context.h"
#include "sfn/asl/model/states.h"

namespace sfn::asl::detail {

struct StateParse {
  FieldReader& r;
  ParseContext& ctx;
  QueryLanguage ql;
  const std::string& name;

  bool jsonata() const { return ql == QueryLanguage::kJsonata; }
  payload::Mode mode() const { return jsonata() ? payload::Mode::kJsonata : payload::Mode::kJsonPath; }
};

std::unique_ptr<State> parse_state(const Json& object, const std::string& name,
                                   const std::string& location, QueryLanguage inherited,
                                   ParseContext& ctx);

std::unique_ptr<State> parse_pass(StateParse& p);
std::unique_ptr<State> parse_task(StateParse& p);
std::unique_ptr<State> parse_choice(StateParse& p);
std::unique_ptr<State> parse_wait(StateParse& p);
std::unique_ptr<State> parse_succeed(StateParse& p);
std::unique_ptr<State> parse_fail(StateParse& p);
std::unique_ptr<State> parse_parallel(StateParse& p);
std::unique_ptr<State> parse_map(StateParse& p);

// Shared pieces a state type opts into.
void read_transition(StateParse& p, State& s);       // Next | End
void read_input_output(StateParse& p, State& s);     // InputPath, OutputPath | Output
void read_result_path(StateParse& p, State& s);      // ResultPath (JSONPath)
void read_parameters(StateParse& p, State& s);       // Parameters | Arguments
void read_result_selector(StateParse& p, State& s);  // ResultSelector (JSONPath)
void read_assign(StateParse& p, State& s);           // Assign
void read_error_handling(StateParse& p, State& s);   // Retry, Catch

}  // namespace sfn::asl::detail

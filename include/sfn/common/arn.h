// Step Functions ARNs and resource names in AWS's formats.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sfn/common/deployment.h"

namespace sfn {

enum class ArnKind { kStateMachine, kExecution, kExpressExecution, kActivity, kMapRun };

struct ParsedArn {
  ArnKind kind;
  std::string region;
  std::string account;
  std::string name;            // state machine / activity name
  std::string execution_name;  // executions only
  std::string qualifier;       // text after '#' or ':' version/alias (kept, unused for now)
};

// The ARNs of this deployment's resources.
struct ArnBuilder {
  Deployment deployment;

  std::string state_machine(std::string_view name) const;
  std::string activity(std::string_view name) const;
  std::string execution(std::string_view state_machine, std::string_view execution) const;
  std::string express_execution(std::string_view state_machine, std::string_view execution) const;
};

// Parses an arn:aws:states ARN of any of the kinds above; nullopt when malformed.
std::optional<ParsedArn> parse_states_arn(std::string_view arn);

// AWS's rule for state machine, execution and activity names: 1–80 characters, none of
// whitespace, brackets < > { } [ ], wildcards ? *, the characters " # % \ ^ | ~ ` $ & , ; : /,
// or control characters.
bool is_valid_resource_name(std::string_view name, std::size_t max_length = 80);

}  // namespace sfn

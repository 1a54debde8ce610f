// A Task state's Resource, parsed once when the definition is: which kind of work it names and
// how Step Functions waits for it ("Discover service integration patterns": Request Response,
// Run a Job `.sync`, Wait for Callback `.waitForTaskToken`).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sfn::asl {

enum class ResourceKind {
  kActivity,        // arn:aws:states:REGION:ACCOUNT:activity:NAME
  kLambdaFunction,  // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER] (legacy form)
  kService,         // arn:aws:states:::SERVICE:ACTION[.PATTERN] (optimized integrations)
  kAwsSdk,          // arn:aws:states:::aws-sdk:SERVICE:ACTION[.waitForTaskToken]
};

enum class IntegrationPattern {
  kRequestResponse,   // no suffix
  kSync,              // .sync
  kSync2,             // .sync:2
  kWaitForTaskToken,  // .waitForTaskToken
};

struct TaskResource {
  ResourceKind kind = ResourceKind::kActivity;
  IntegrationPattern pattern = IntegrationPattern::kRequestResponse;
  std::string arn;        // the Resource as written
  std::string partition;  // aws, aws-cn, aws-us-gov
  std::string region;     // activity and Lambda function ARNs; empty for the others
  std::string account;
  std::string service;    // "lambda", "sqs", "states", "http", ... (aws-sdk: the SDK service)
  std::string action;     // "invoke", "sendMessage", "startExecution", ... (as written)
  std::string name;       // activity name, or Lambda function name
  std::string qualifier;  // Lambda function version or alias, when given

  // "sendMessage.waitForTaskToken", as the events' resource field shows it (the whole ARN for
  // activities and Lambda function ARNs, whose events name the ARN).
  std::string event_resource() const;
  // "sqs", "lambda", "aws-sdk:s3", as the events' resourceType field shows it.
  std::string event_resource_type() const;
};

// Parses a Resource value. nullopt for a value AWS rejects ("Value is not a valid resource ARN"
// or "The resource provided ... is not recognized"); `why` then says which, as AWS words it.
std::optional<TaskResource> parse_task_resource(std::string_view text, std::string* why);

std::string_view pattern_suffix(IntegrationPattern pattern);

}  // namespace sfn::asl

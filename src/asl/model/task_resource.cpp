#include "sfn/asl/model/task_resource.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace sfn::asl {
namespace {

// The optimized integrations and the patterns each supports ("Optimized integrations for Step
// Functions", the table of supported service integrations): R = Request Response, S = Run a
// Job (.sync), W = Wait for Callback (.waitForTaskToken). `states` also has .sync:2.
struct Optimized {
  std::string_view service;
  bool sync;
  bool wait;
};
constexpr std::array kOptimized{
    Optimized{"apigateway", false, true},
    Optimized{"athena", true, false},
    Optimized{"batch", true, false},
    Optimized{"bedrock", true, true},
    Optimized{"codebuild", true, false},
    Optimized{"dynamodb", false, false},
    Optimized{"ecs", true, true},
    Optimized{"eks", true, true},
    Optimized{"elasticmapreduce", true, false},
    Optimized{"emr-containers", true, false},
    Optimized{"emr-serverless", true, false},
    Optimized{"events", false, true},
    Optimized{"glue", true, false},
    Optimized{"databrew", true, false},
    Optimized{"lambda", false, true},
    Optimized{"mediaconvert", true, false},
    Optimized{"sagemaker", true, false},
    Optimized{"sns", false, true},
    Optimized{"sqs", false, true},
    Optimized{"states", true, true},
    Optimized{"http", false, false},
    Optimized{"scheduler", false, false},
};

const Optimized* optimized(std::string_view service) {
  for (const auto& o : kOptimized)
    if (o.service == service) return &o;
  return nullptr;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (;;) {
    auto at = s.find(sep, start);
    parts.push_back(s.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + 1;
  }
}

bool is_partition(std::string_view p) { return p == "aws" || p == "aws-cn" || p == "aws-us-gov"; }

bool is_region(std::string_view r) {
  // us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-5 ...
  if (r.empty() || !std::isdigit(static_cast<unsigned char>(r.back()))) return false;
  return std::all_of(r.begin(), r.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '-';
  });
}

bool is_account(std::string_view a) {
  return a.size() == 12 && std::all_of(a.begin(), a.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c));
         });
}

bool is_identifier(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
  });
}

std::optional<TaskResource> invalid(std::string* why) {
  if (why) *why = "Value is not a valid resource ARN";
  return std::nullopt;
}

std::optional<TaskResource> not_recognized(std::string_view text, std::string* why) {
  if (why)
    *why = "The resource provided " + std::string(text) +
           " is not recognized. The value is not a valid resource ARN, or the resource is not "
           "available in this region.";
  return std::nullopt;
}

// ACTION[.sync|.sync:2|.waitForTaskToken], the part after the service.
bool split_pattern(std::string_view text, TaskResource& r) {
  std::string_view action = text;
  if (auto dot = text.find('.'); dot != std::string_view::npos) {
    action = text.substr(0, dot);
    std::string_view suffix = text.substr(dot);
    if (suffix == ".sync")
      r.pattern = IntegrationPattern::kSync;
    else if (suffix == ".sync:2")
      r.pattern = IntegrationPattern::kSync2;
    else if (suffix == ".waitForTaskToken")
      r.pattern = IntegrationPattern::kWaitForTaskToken;
    else
      return false;
  }
  if (!is_identifier(action)) return false;
  r.action = std::string(action);
  return true;
}

}  // namespace

std::string_view pattern_suffix(IntegrationPattern pattern) {
  switch (pattern) {
    case IntegrationPattern::kRequestResponse:
      return "";
    case IntegrationPattern::kSync:
      return ".sync";
    case IntegrationPattern::kSync2:
      return ".sync:2";
    case IntegrationPattern::kWaitForTaskToken:
      return ".waitForTaskToken";
  }
  return "";
}

std::string TaskResource::event_resource() const {
  if (kind == ResourceKind::kActivity || kind == ResourceKind::kLambdaFunction) return arn;
  return action + std::string(pattern_suffix(pattern));
}

std::string TaskResource::event_resource_type() const {
  if (kind == ResourceKind::kAwsSdk) return "aws-sdk:" + service;
  return service;
}

std::optional<TaskResource> parse_task_resource(std::string_view text, std::string* why) {
  // arn:PARTITION:SERVICE:REGION:ACCOUNT:REST... (REST keeps its own colons)
  auto parts = split(text, ':');
  if (parts.size() < 6 || parts[0] != "arn" || !is_partition(parts[1])) return invalid(why);
  TaskResource r;
  r.arn = std::string(text);
  r.partition = std::string(parts[1]);
  const std::string_view vendor = parts[2];

  if (vendor == "lambda") {
    // arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]
    if (parts.size() < 7 || parts.size() > 8 || parts[5] != "function" || !is_region(parts[3]) ||
        !is_account(parts[4]) || !is_identifier(parts[6]) || parts[6].size() > 64)
      return invalid(why);
    if (parts.size() == 8 && !is_identifier(parts[7]) && parts[7] != "$LATEST") return invalid(why);
    r.kind = ResourceKind::kLambdaFunction;
    r.region = std::string(parts[3]);
    r.account = std::string(parts[4]);
    r.service = "lambda";
    r.name = std::string(parts[6]);
    if (parts.size() == 8) r.qualifier = std::string(parts[7]);
    return r;
  }
  if (vendor != "states") return invalid(why);

  if (parts[5] == "activity") {
    if (parts.size() != 7 || !is_region(parts[3]) || !is_account(parts[4]) || parts[6].empty())
      return invalid(why);
    r.kind = ResourceKind::kActivity;
    r.region = std::string(parts[3]);
    r.account = std::string(parts[4]);
    r.service = "activity";
    r.name = std::string(parts[6]);
    return r;
  }
  // arn:aws:states:::SERVICE:ACTION[.PATTERN] and arn:aws:states:::aws-sdk:SERVICE:ACTION[...]
  if (!parts[3].empty() || !parts[4].empty()) return not_recognized(text, why);
  // Rejoin what follows "arn:aws:states:::" to read ".sync:2" whole.
  const std::string_view rest = text.substr(text.find(":::") + 3);
  if (parts[5] == "aws-sdk") {
    auto colon = rest.find(':', 8);
    if (colon == std::string_view::npos) return not_recognized(text, why);
    r.kind = ResourceKind::kAwsSdk;
    r.service = std::string(rest.substr(8, colon - 8));
    if (!is_identifier(r.service) || !split_pattern(rest.substr(colon + 1), r))
      return not_recognized(text, why);
    // AWS SDK integrations: Request Response and Wait for Callback, never .sync.
    if (r.pattern == IntegrationPattern::kSync || r.pattern == IntegrationPattern::kSync2)
      return not_recognized(text, why);
    return r;
  }
  auto colon = rest.find(':');
  if (colon == std::string_view::npos) return not_recognized(text, why);
  r.kind = ResourceKind::kService;
  r.service = std::string(rest.substr(0, colon));
  const Optimized* o = optimized(r.service);
  if (!o || !split_pattern(rest.substr(colon + 1), r)) return not_recognized(text, why);
  const bool supported = r.pattern == IntegrationPattern::kRequestResponse ||
                         (r.pattern == IntegrationPattern::kSync && o->sync) ||
                         (r.pattern == IntegrationPattern::kSync2 && r.service == "states") ||
                         (r.pattern == IntegrationPattern::kWaitForTaskToken && o->wait);
  if (!supported) return not_recognized(text, why);
  return r;
}

}  // namespace sfn::asl

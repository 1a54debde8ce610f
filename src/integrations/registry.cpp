#include "sfn/integrations/integration.h"

namespace sfn::integrations {

void Registry::add(std::string key, std::shared_ptr<Integration> integration) {
  by_key_[std::move(key)] = std::move(integration);
}

std::string Registry::key_of(const asl::TaskResource& resource) {
  switch (resource.kind) {
    case asl::ResourceKind::kLambdaFunction:
      return "lambda-arn";
    case asl::ResourceKind::kAwsSdk:
      return "aws-sdk:" + resource.service;
    case asl::ResourceKind::kService:
      return resource.service;
    case asl::ResourceKind::kActivity:
      break;
  }
  return "activity";
}

Integration* Registry::find(const asl::TaskResource& resource) const {
  auto it = by_key_.find(key_of(resource));
  return it == by_key_.end() ? nullptr : it->second.get();
}

}  // namespace sfn::integrations

// A Task's Resource parsed into its kind, service, action and pattern, and the resource /
// resourceType pair the history events show for it (as recorded on AWS: TaskScheduled of
// "arn:aws:states:::sqs:sendMessage.waitForTaskToken" has resourceType "sqs" and resource
// "sendMessage.waitForTaskToken"; aws-sdk integrations have resourceType "aws-sdk:SERVICE").
// Which values are refused, with AWS's messages, is in data/task_resources.json.
#include "sfn/asl/model/task_resource.h"

#include <gtest/gtest.h>

namespace sfn::asl {
namespace {

struct ResourceCase {
  const char* text;
  ResourceKind kind;
  IntegrationPattern pattern;
  const char* service;
  const char* action;
  const char* name;
  const char* qualifier;
  const char* event_resource_type;
  const char* event_resource;
};

using K = ResourceKind;
using P = IntegrationPattern;

const ResourceCase kCases[] = {
    {"arn:aws:states:::lambda:invoke", K::kService, P::kRequestResponse, "lambda", "invoke", "", "",
     "lambda", "invoke"},
    {"arn:aws:states:::sqs:sendMessage.waitForTaskToken", K::kService, P::kWaitForTaskToken, "sqs",
     "sendMessage", "", "", "sqs", "sendMessage.waitForTaskToken"},
    {"arn:aws:states:::states:startExecution.sync:2", K::kService, P::kSync2, "states",
     "startExecution", "", "", "states", "startExecution.sync:2"},
    {"arn:aws:states:::batch:submitJob.sync", K::kService, P::kSync, "batch", "submitJob", "", "",
     "batch", "submitJob.sync"},
    {"arn:aws:states:::aws-sdk:s3:getObject", K::kAwsSdk, P::kRequestResponse, "s3", "getObject",
     "", "", "aws-sdk:s3", "getObject"},
    {"arn:aws:states:::aws-sdk:sfn:startExecution.waitForTaskToken", K::kAwsSdk,
     P::kWaitForTaskToken, "sfn", "startExecution", "", "", "aws-sdk:sfn",
     "startExecution.waitForTaskToken"},
    {"arn:aws:lambda:us-east-1:123456789012:function:greet", K::kLambdaFunction,
     P::kRequestResponse, "lambda", "", "greet", "", "lambda",
     "arn:aws:lambda:us-east-1:123456789012:function:greet"},
    {"arn:aws:lambda:eu-west-1:123456789012:function:greet:live", K::kLambdaFunction,
     P::kRequestResponse, "lambda", "", "greet", "live", "lambda",
     "arn:aws:lambda:eu-west-1:123456789012:function:greet:live"},
    {"arn:aws:states:us-east-1:123456789012:activity:approve", K::kActivity, P::kRequestResponse,
     "activity", "", "approve", "", "activity",
     "arn:aws:states:us-east-1:123456789012:activity:approve"},
};

class TaskResourceTest : public ::testing::TestWithParam<ResourceCase> {};

TEST_P(TaskResourceTest, ParsesKindServiceActionPattern) {
  const ResourceCase& c = GetParam();
  std::string why;
  auto r = parse_task_resource(c.text, &why);
  ASSERT_TRUE(r) << why;
  EXPECT_EQ(r->kind, c.kind);
  EXPECT_EQ(r->pattern, c.pattern);
  EXPECT_EQ(r->service, c.service);
  EXPECT_EQ(r->action, c.action);
  EXPECT_EQ(r->name, c.name);
  EXPECT_EQ(r->qualifier, c.qualifier);
  EXPECT_EQ(r->event_resource_type(), c.event_resource_type);
  EXPECT_EQ(r->event_resource(), c.event_resource);
}

INSTANTIATE_TEST_SUITE_P(Resources, TaskResourceTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::to_string(info.index); });

TEST(TaskResource, LambdaAndActivityArnsCarryRegionAndAccount) {
  auto fn = parse_task_resource("arn:aws:lambda:eu-west-1:123456789012:function:greet", nullptr);
  ASSERT_TRUE(fn);
  EXPECT_EQ(fn->region, "eu-west-1");
  EXPECT_EQ(fn->account, "123456789012");
  EXPECT_EQ(fn->partition, "aws");
  auto svc = parse_task_resource("arn:aws-cn:states:::sqs:sendMessage", nullptr);
  ASSERT_TRUE(svc);
  EXPECT_EQ(svc->partition, "aws-cn");
  EXPECT_EQ(svc->region, "");
}

}  // namespace
}  // namespace sfn::asl

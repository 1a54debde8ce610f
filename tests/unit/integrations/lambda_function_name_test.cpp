// FunctionName as Lambda's Invoke accepts it, one GoogleTest per case: names, NAME:QUALIFIER,
// partial and full ARNs, and what Lambda refuses.
#include <gtest/gtest.h>

#include <string>

#include "sfn/integrations/local_lambda.h"

namespace sfn::integrations {
namespace {

struct NameCase {
  const char* text;
  bool valid;
  const char* name = "";
  const char* qualifier = "";
  const char* region = "";
  const char* account = "";
};

const NameCase kNames[] = {
    {"my-function", true, "my-function", "", "", ""},
    {"my_function:v1", true, "my_function", "v1", "", ""},
    {"f:$LATEST", true, "f", "$LATEST", "", ""},
    {"f:7", true, "f", "7", "", ""},
    {"123456789012:function:f", true, "f", "", "", "123456789012"},
    {"123456789012:function:f:prod", true, "f", "prod", "", "123456789012"},
    {"arn:aws:lambda:eu-west-1:123456789012:function:f", true, "f", "", "eu-west-1",
     "123456789012"},
    {"arn:aws-cn:lambda:cn-north-1:123456789012:function:f:2", true, "f", "2", "cn-north-1",
     "123456789012"},
    {"", false, "", "", "", ""},
    {"f.g", false, "", "", "", ""},
    {"f:", false, "", "", "", ""},
    {"f:a:b", false, "", "", "", ""},
    {"f:bad.alias", false, "", "", "", ""},
    {"12345:function:f", false, "", "", "", ""},
    {"123456789012:function:f:1:2", false, "", "", "", ""},
    {"arn:aws:lambda:eu-west-1:123456789012:function:", false, "", "", "", ""},
    {"arn:aws:lambda:eu-west-1:12345:function:f", false, "", "", "", ""},
    {"arn:aws:s3:eu-west-1:123456789012:function:f", false, "", "", "", ""},
    {"arn:aws:lambda:eu-west-1:123456789012:function:f:1:2", false, "", "", "", ""},
};

class FunctionNames : public ::testing::TestWithParam<NameCase> {};

TEST_P(FunctionNames, Resolve) {
  const NameCase& c = GetParam();
  auto ref = resolve_function_name(c.text);
  ASSERT_EQ(ref.has_value(), c.valid) << c.text;
  if (!ref) return;
  EXPECT_EQ(ref->name, c.name);
  EXPECT_EQ(ref->qualifier, c.qualifier);
  EXPECT_EQ(ref->region, c.region);
  EXPECT_EQ(ref->account, c.account);
}

INSTANTIATE_TEST_SUITE_P(LocalLambda, FunctionNames, ::testing::ValuesIn(kNames));

TEST(LocalLambdaNames, FunctionNameRule) {
  EXPECT_TRUE(valid_function_name(std::string(64, 'a')));
  EXPECT_FALSE(valid_function_name(std::string(65, 'a')));
  EXPECT_FALSE(valid_function_name("a b"));
}

}  // namespace
}  // namespace sfn::integrations

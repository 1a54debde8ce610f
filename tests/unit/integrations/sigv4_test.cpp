// SigV4 against AWS's published vectors, one GoogleTest per case of
// data/sigv4/aws_signing_test_suite.json: {"name", "method", "path", "query", "headers": [[name,
// value], ...], "body", "service" (default "service"), "session_token", "content_sha256",
// "signed_headers", "signature", "string_to_sign" (optional)}; credentials AKIDEXAMPLE, region
// us-east-1 and 20150830T123600Z for all.
#include "sfn/integrations/sigv4.h"

#include <gtest/gtest.h>

#include "support/data_cases.h"

namespace sfn::integrations {
namespace {

void run_vector(const Json& tc) {
  SigV4Request r;
  r.method = tc.at("method").get<std::string>();
  r.path = tc.at("path").get<std::string>();
  r.query = tc.value("query", "");
  for (const auto& h : tc.at("headers")) r.headers.emplace_back(h.at(0), h.at(1));
  r.body = tc.value("body", "");
  r.region = "us-east-1";
  r.service = tc.value("service", "service");
  r.amz_date = "20150830T123600Z";
  r.content_sha256_header = tc.value("content_sha256", false);
  const AwsCredentials credentials{"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                                   tc.value("session_token", "")};
  const SigV4Signature s = sign_v4(r, credentials);
  SCOPED_TRACE(s.canonical_request);
  EXPECT_EQ(s.signed_headers, tc.at("signed_headers").get<std::string>());
  EXPECT_EQ(s.signature, tc.at("signature").get<std::string>());
  if (tc.contains("string_to_sign")) {
    EXPECT_EQ(s.string_to_sign, tc.at("string_to_sign").get<std::string>());
  }
  const std::string scope = "AKIDEXAMPLE/20150830/us-east-1/" + r.service + "/aws4_request";
  EXPECT_EQ(s.authorization, "AWS4-HMAC-SHA256 Credential=" + scope + ", SignedHeaders=" +
                                 s.signed_headers + ", Signature=" + s.signature);
  bool token = false;
  for (const auto& [name, value] : s.headers) token = token || name == "X-Amz-Security-Token";
  EXPECT_EQ(token, !credentials.session_token.empty());
}

const bool sigv4_registered = [] {
  const auto file = test_cases::source_dir() / "tests" / "unit" / "integrations" / "data" /
                    "sigv4" / "aws_signing_test_suite.json";
  const Json vectors = test_cases::read_json_file(file);
  for (const auto& tc : vectors.at("cases")) {
    test_cases::register_test("SigV4TestSuite", test_cases::sanitize(tc.at("name")),
                              [tc] { run_vector(tc); });
  }
  return true;
}();

TEST(SigV4, AmzDateIsUtc) {
  EXPECT_EQ(amz_date(std::chrono::system_clock::from_time_t(1440938160)), "20150830T123600Z");
}

TEST(SigV4, CredentialsFromTheEnvironmentWithDummyDefaults) {
  auto none = [](std::string_view) -> std::optional<std::string> { return std::nullopt; };
  const AwsCredentials dummy = credentials_from_env(none);
  EXPECT_FALSE(dummy.access_key_id.empty());
  EXPECT_FALSE(dummy.secret_access_key.empty());
  EXPECT_TRUE(dummy.session_token.empty());
  auto some = [](std::string_view name) -> std::optional<std::string> {
    if (name == "AWS_ACCESS_KEY_ID") return "AKID";
    if (name == "AWS_SECRET_ACCESS_KEY") return "secret";
    if (name == "AWS_SESSION_TOKEN") return "token";
    return std::nullopt;
  };
  const AwsCredentials given = credentials_from_env(some);
  EXPECT_EQ(given.access_key_id, "AKID");
  EXPECT_EQ(given.secret_access_key, "secret");
  EXPECT_EQ(given.session_token, "token");
}

TEST(SigV4, AnEncodedPathIsEncodedOnceMoreAsAwsServicesOtherThanS3Expect) {
  SigV4Request r;
  r.method = "POST";
  r.path =
      "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Af/"
      "invocations";
  r.headers = {{"Host", "lambda.us-east-1.amazonaws.com"}};
  r.region = "us-east-1";
  r.service = "lambda";
  r.amz_date = "20150830T123600Z";
  const SigV4Signature s = sign_v4(r, AwsCredentials{"AKID", "secret", ""});
  EXPECT_NE(s.canonical_request.find("/functions/arn%253Aaws%253Alambda"), std::string::npos)
      << s.canonical_request;
}

}  // namespace
}  // namespace sfn::integrations

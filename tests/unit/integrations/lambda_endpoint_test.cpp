// Lambda through an Invoke endpoint, against an in-test fake of Lambda's Invoke API that checks
// the request's path, headers and SigV4 signature: Invoke's response object and the payload of
// a function ARN, a function error, service errors (404, 429, 500, a proxy's 502), a refused
// connection, the canceller, and a local handler taking precedence over the endpoint.
#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <condition_variable>

#include "sfn/asl/model/task_resource.h"
#include "sfn/integrations/local_lambda.h"
#include "sfn/integrations/sigv4.h"
#include "task_reports.h"
#include "test_http_server.h"

namespace sfn::integrations {
namespace {

using test_http::Received;
using test_http::Reply;

const AwsCredentials kCredentials{"AKIDLOCAL", "local-secret", "local-token"};

// Whether the request carries a valid signature by kCredentials (recomputed from the headers
// its Authorization names); `why` says what is wrong.
bool signed_correctly(const Received& r, std::string* why) {
  const std::string auth = r.header("Authorization");
  const auto credential = auth.find("Credential="), headers = auth.find("SignedHeaders="),
             signature = auth.find("Signature=");
  if (auth.rfind("AWS4-HMAC-SHA256 ", 0) != 0 || credential == std::string::npos ||
      headers == std::string::npos || signature == std::string::npos) {
    *why = "malformed Authorization: " + auth;
    return false;
  }
  const std::string scope =
      auth.substr(credential + 11, auth.find(',', credential) - credential - 11);
  std::vector<std::string> parts;
  for (std::size_t at = 0; at != std::string::npos;) {
    const auto slash = scope.find('/', at);
    parts.push_back(scope.substr(at, slash == std::string::npos ? slash : slash - at));
    at = slash == std::string::npos ? slash : slash + 1;
  }
  SigV4Request s;
  s.method = r.method;
  const auto question = r.target.find('?');
  s.path = r.target.substr(0, question);
  s.query = question == std::string::npos ? "" : r.target.substr(question + 1);
  s.body = r.body;
  s.region = parts.at(2);
  s.service = parts.at(3);
  s.amz_date = r.header("X-Amz-Date");
  const std::string names = auth.substr(headers + 14, auth.find(',', headers) - headers - 14);
  for (std::size_t at = 0; at != std::string::npos;) {
    const auto semi = names.find(';', at);
    const std::string name = names.substr(at, semi == std::string::npos ? semi : semi - at);
    if (name != "x-amz-date" && name != "x-amz-security-token") {
      s.headers.emplace_back(name, r.header(name));
    }
    at = semi == std::string::npos ? semi : semi + 1;
  }
  const SigV4Signature expected =
      sign_v4(s, AwsCredentials{parts.at(0), kCredentials.secret_access_key,
                                r.header("X-Amz-Security-Token")});
  if (expected.authorization != auth) {
    *why = "expected " + expected.authorization + "\ngot      " + auth + "\ncanonical request:\n" +
           expected.canonical_request;
    return false;
  }
  return true;
}

// Every endpoint attempt reports started before its end.
struct EndpointReports : test_support::TaskReports {
  TaskReport final_report() {
    TaskReport r = TaskReports::final_report();
    std::lock_guard lock(mutex);
    EXPECT_EQ(list.front().kind, TaskReport::Kind::kStarted);
    return r;
  }
};

class LambdaEndpointTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
  }
  void TearDown() override {
    lambda_.reset();
    client_.reset();
    work_.reset();
    io_.stop();
    for (auto& t : threads_) t.join();
  }
  void start(const std::string& url,
             std::map<std::string, std::string, std::less<>> handlers = {}) {
    client_ = std::make_shared<HttpClient>(io_, HttpClientOptions{});
    LocalLambdaOptions options;
    options.handlers = std::move(handlers);
    options.endpoint = LocalLambdaOptions::Endpoint{url, client_, kCredentials};
    lambda_ = std::make_unique<LocalLambda>(io_, options);
  }
  TaskReport invoke(Json parameters, TaskCanceller* cancel = nullptr,
                    EndpointReports* reports = nullptr) {
    EndpointReports local;
    EndpointReports& r = reports ? *reports : local;
    TaskRequest request;
    request.resource = &invoke_resource_;
    request.parameters = std::move(parameters);
    request.region = "eu-west-1";
    TaskCanceller c = lambda_->invoke()->run(request, r.listener());
    if (cancel) {
      *cancel = c;
      return {};
    }
    return r.final_report();
  }

  boost::asio::io_context io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type> work_ =
      boost::asio::make_work_guard(io_);
  std::vector<std::thread> threads_;
  std::shared_ptr<HttpClient> client_;
  std::unique_ptr<LocalLambda> lambda_;
  asl::TaskResource invoke_resource_ =
      *asl::parse_task_resource("arn:aws:states:::lambda:invoke", nullptr);
};

Reply invoke_api(const Received& r) {
  std::string why;
  if (!signed_correctly(r, &why))
    return Reply{
        403, {{"X-Amzn-ErrorType", "InvalidSignatureException"}}, R"({"message":"bad signature"})"};
  const std::string fn = r.target.substr(0, r.target.find("/invocations"));
  if (fn.ends_with("/missing")) {
    return Reply{
        404,
        {{"X-Amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/"},
         {"x-amzn-RequestId", "rid-404"}},
        R"({"Type":"User","Message":"Function not found: arn:aws:lambda:eu-west-1:123456789012:function:missing"})"};
  }
  if (fn.ends_with("/busy")) return Reply{429, {}, R"({"Message":"Rate exceeded"})"};
  if (fn.ends_with("/broken")) {
    return Reply{500, {}, R"({"__type":"ServiceException","message":"internal"})"};
  }
  if (fn.ends_with("/proxy")) return Reply{502, {}, "<html>Bad Gateway</html>"};
  if (fn.ends_with("/hang")) return Reply{200, {}, "", {}, false, true};
  if (fn.ends_with("/boom")) {
    return Reply{200,
                 {{"X-Amz-Function-Error", "Unhandled"}},
                 R"({"errorType":"Boom","errorMessage":"no"})"};
  }
  if (r.header("X-Amz-Invocation-Type") == "Event") return Reply{202, {}, ""};
  return Reply{200, {{"X-Amz-Executed-Version", "3"}, {"x-amzn-RequestId", "rid-1"}}, r.body};
}

TEST_F(LambdaEndpointTest, InvokeAnswersInvokesResponseFromASignedRequest) {
  test_http::Server server(invoke_api);
  start(server.url());
  TaskReport r = invoke({{"FunctionName", "echo"}, {"Payload", {{"a", 1}}}});
  ASSERT_EQ(r.kind, TaskReport::Kind::kSucceeded) << r.error << " " << r.cause;
  EXPECT_EQ(r.output["Payload"], (Json{{"a", 1}}));
  EXPECT_EQ(r.output["StatusCode"], 200);
  EXPECT_EQ(r.output["ExecutedVersion"], "3");
  EXPECT_EQ(r.output["SdkResponseMetadata"]["RequestId"], "rid-1");
  EXPECT_EQ(r.output["SdkHttpMetadata"]["HttpHeaders"]["X-Amz-Executed-Version"], "3");
  EXPECT_EQ(r.output["SdkHttpMetadata"]["HttpStatusCode"], 200);
  const Received sent = server.received().at(0);
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.target, "/2015-03-31/functions/echo/invocations");
  EXPECT_EQ(sent.header("X-Amz-Invocation-Type"), "RequestResponse");
  EXPECT_EQ(sent.header("X-Amz-Security-Token"), "local-token");
  EXPECT_NE(sent.header("Authorization").find("Credential=AKIDLOCAL/"), std::string::npos);
  EXPECT_NE(sent.header("Authorization").find("/eu-west-1/lambda/aws4_request"), std::string::npos);
  EXPECT_EQ(sent.body, R"({"a":1})");
}

TEST_F(LambdaEndpointTest, QualifierInvocationTypeAndAnArnAsFunctionName) {
  test_http::Server server(invoke_api);
  start(server.url() + "prefix/");
  TaskReport r = invoke({{"FunctionName", "arn:aws:lambda:us-west-2:123456789012:function:f"},
                         {"Qualifier", "prod"},
                         {"InvocationType", "Event"},
                         {"LogType", "Tail"}});
  ASSERT_EQ(r.kind, TaskReport::Kind::kSucceeded) << r.error << " " << r.cause;
  EXPECT_EQ(r.output["StatusCode"], 202);
  EXPECT_EQ(r.output["Payload"], "");
  const Received sent = server.received().at(0);
  EXPECT_EQ(
      sent.target,
      "/prefix/2015-03-31/functions/"
      "arn%3Aaws%3Alambda%3Aus-west-2%3A123456789012%3Afunction%3Af/invocations?Qualifier=prod");
  EXPECT_EQ(sent.header("X-Amz-Log-Type"), "Tail");
  // Signed for the ARN's region.
  EXPECT_NE(sent.header("Authorization").find("/us-west-2/lambda/"), std::string::npos);
}

TEST_F(LambdaEndpointTest, AFunctionArnResourceAnswersThePayloadItself) {
  test_http::Server server(invoke_api);
  start(server.url());
  auto resource =
      *asl::parse_task_resource("arn:aws:lambda:eu-west-1:123456789012:function:echo", nullptr);
  TaskRequest request;
  request.resource = &resource;
  request.parameters = Json{{"x", 2}};
  request.region = "eu-west-1";
  EndpointReports reports;
  lambda_->function_arn()->run(request, reports.listener());
  TaskReport r = reports.final_report();
  ASSERT_EQ(r.kind, TaskReport::Kind::kSucceeded) << r.error << " " << r.cause;
  EXPECT_EQ(r.output, (Json{{"x", 2}}));
}

TEST_F(LambdaEndpointTest, AFunctionErrorIsNamedByItsErrorType) {
  test_http::Server server(invoke_api);
  start(server.url());
  TaskReport r = invoke({{"FunctionName", "boom"}});
  EXPECT_EQ(r.kind, TaskReport::Kind::kFailed);
  EXPECT_EQ(r.error, "Boom");
  EXPECT_EQ(r.cause, R"({"errorType":"Boom","errorMessage":"no"})");
}

TEST_F(LambdaEndpointTest, ServiceErrorsAreLambdaErrorCodesWithTheSdksCause) {
  test_http::Server server(invoke_api);
  start(server.url());
  TaskReport missing = invoke({{"FunctionName", "missing"}});
  EXPECT_EQ(missing.error, "Lambda.ResourceNotFoundException");
  EXPECT_EQ(missing.cause,
            "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:missing "
            "(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; "
            "Request ID: rid-404; Proxy: null)");
  TaskReport busy = invoke({{"FunctionName", "busy"}});
  EXPECT_EQ(busy.error, "Lambda.TooManyRequestsException");
  EXPECT_EQ(busy.cause.rfind("Rate exceeded (Service: AWSLambda; Status Code: 429; Error Code: "
                             "TooManyRequestsException; Request ID: ",
                             0),
            0u)
      << busy.cause;
  EXPECT_EQ(invoke({{"FunctionName", "broken"}}).error, "Lambda.ServiceException");
  TaskReport proxy = invoke({{"FunctionName", "proxy"}});
  EXPECT_EQ(proxy.error, "Lambda.AWSLambdaException");
  EXPECT_NE(proxy.cause.find("Status Code: 502; Error Code: null"), std::string::npos);
}

TEST_F(LambdaEndpointTest, ARefusedConnectionIsSdkClientException) {
  start("http://127.0.0.1:" + std::to_string(test_http::refused_port()));
  TaskReport r = invoke({{"FunctionName", "f"}});
  EXPECT_EQ(r.kind, TaskReport::Kind::kFailed);
  EXPECT_EQ(r.error, "Lambda.SdkClientException");
  EXPECT_EQ(r.cause.rfind("Unable to execute HTTP request: ", 0), 0u) << r.cause;
}

TEST_F(LambdaEndpointTest, TheCancellerAbortsTheInvocation) {
  test_http::Server server(invoke_api);
  start(server.url());
  EndpointReports reports;
  TaskCanceller cancel;
  invoke({{"FunctionName", "hang"}}, &cancel, &reports);
  ASSERT_TRUE(cancel);
  while (server.received().empty()) {
    ASSERT_EQ(invoke({{"FunctionName", "echo"}}).kind, TaskReport::Kind::kSucceeded);
  }
  cancel();
  ASSERT_EQ(invoke({{"FunctionName", "echo"}}).kind, TaskReport::Kind::kSucceeded);
  std::lock_guard lock(reports.mutex);
  ASSERT_EQ(reports.list.size(), 1u);
  EXPECT_EQ(reports.list[0].kind, TaskReport::Kind::kStarted);
}

TEST_F(LambdaEndpointTest, ALocalHandlerAnswersForItsNameAndTheEndpointForTheOthers) {
  test_http::Server server(invoke_api);
  start(server.url(), {{"here", "echo local"}});
  EXPECT_EQ(invoke({{"FunctionName", "here"}}).output["Payload"], "local");
  EXPECT_TRUE(server.received().empty());
  EXPECT_EQ(invoke({{"FunctionName", "there"}, {"Payload", 5}}).output["Payload"], 5);
  EXPECT_EQ(server.received().size(), 1u);
}

}  // namespace
}  // namespace sfn::integrations

#include "sfn/http/handle_request.h"

#include <gtest/gtest.h>

#include <map>
#include <utility>
#include <vector>

namespace sfn::http {
namespace {

Request make(std::string method, std::string target = "/", std::string amz_target = "",
             std::string body = "") {
  Request request;
  request.method = std::move(method);
  request.target = std::move(target);
  request.amz_target = std::move(amz_target);
  request.body = std::move(body);
  return request;
}

TEST(HandleRequest, PostGoesToTheDispatcherWithTargetAndBody) {
  Routed routed = handle_request(
      make("POST", "/", "AWSStepFunctions.StartExecution", R"({"stateMachineArn":"a"})"), {});
  auto* api = std::get_if<api::ApiRequest>(&routed);
  ASSERT_NE(api, nullptr);
  EXPECT_EQ(api->target, "AWSStepFunctions.StartExecution");
  EXPECT_EQ(api->body, R"({"stateMachineArn":"a"})");
}

TEST(HandleRequest, PostOnAnyPathAndWithoutTargetStillGoesToTheDispatcher) {
  Routed routed = handle_request(make("POST", "/anything?x=1"), {});
  auto* api = std::get_if<api::ApiRequest>(&routed);
  ASSERT_NE(api, nullptr);
  EXPECT_EQ(api->target, "");
}

TEST(HandleRequest, GetWithoutStaticFilesAnswersTheInfoPage) {
  RouterOptions options;
  options.server_info = "sfn-local 9.9.9";
  Routed routed = handle_request(make("GET", "/"), options);
  auto* response = std::get_if<Response>(&routed);
  ASSERT_NE(response, nullptr);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body.rfind("sfn-local 9.9.9\n", 0), 0u);
  EXPECT_EQ(response->content_type, "text/plain; charset=utf-8");
}

TEST(HandleRequest, StaticFilesSeamAnswersFirstAndMayDecline) {
  RouterOptions options;
  options.static_files = [](const Request& request) -> std::optional<Response> {
    if (request.target != "/console/") return std::nullopt;
    Response response;
    response.content_type = "text/html";
    response.body = "<html></html>";
    return response;
  };
  auto console = std::get<Response>(handle_request(make("GET", "/console/"), options));
  EXPECT_EQ(console.content_type, "text/html");
  auto other = std::get<Response>(handle_request(make("HEAD", "/?x=1"), options));
  EXPECT_EQ(other.content_type, "text/plain; charset=utf-8");
}

TEST(HandleRequest, OptionsIsACorsPreflight) {
  auto response = std::get<Response>(handle_request(make("OPTIONS"), {}));
  EXPECT_EQ(response.status, 204);
  EXPECT_TRUE(response.body.empty());
  EXPECT_FALSE(response.headers.empty());
}

TEST(HandleRequest, OtherMethodsAre405WithAllow) {
  auto response = std::get<Response>(handle_request(make("DELETE"), {}));
  EXPECT_EQ(response.status, 405);
  ASSERT_EQ(response.headers.size(), 1u);
  EXPECT_EQ(response.headers[0].first, "Allow");
}

TEST(HandleRequest, DispatcherAnswerBecomesTheResponse) {
  Response response = to_response(api::ApiResponse{400, R"({"__type":"InvalidArn"})"});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.content_type, "application/x-amz-json-1.0");
  EXPECT_EQ(response.body, R"({"__type":"InvalidArn"})");
}

TEST(HandleRequest, ErrorResponses) {
  EXPECT_EQ(payload_too_large(10).status, 413);
  EXPECT_NE(payload_too_large(10).body.find("limit of 10 bytes"), std::string::npos);
  EXPECT_EQ(header_too_large().status, 431);
  EXPECT_EQ(bad_request("bad method").status, 400);
  EXPECT_EQ(internal_error().status, 500);
  EXPECT_EQ(throttled().status, 400);
}

// --- HTTP errors in AWS's JSON shape ---

void expect_aws_error(const Response& response, int status, const std::string& type) {
  EXPECT_EQ(response.status, status);
  EXPECT_EQ(response.content_type, "application/x-amz-json-1.0");
  EXPECT_EQ(response.body.rfind(R"({"__type":")" + type + R"(","message":")", 0), 0u)
      << response.body;
  EXPECT_EQ(response.body.back(), '}') << response.body;
}

TEST(HandleRequest, HttpErrorsUseTheAwsJsonErrorShape) {
  expect_aws_error(bad_request("bad method"), 400, "BadRequestException");
  expect_aws_error(header_too_large(), 431, "RequestHeaderFieldsTooLargeException");
  expect_aws_error(payload_too_large(10), 413, "RequestEntityTooLargeException");
  expect_aws_error(internal_error(), 500, "InternalFailure");
  EXPECT_EQ(internal_error().body,
            R"({"__type":"InternalFailure","message":"The request processing has failed because )"
            R"(of an unknown error, exception or failure."})");
  expect_aws_error(throttled(), 400, "ThrottlingException");
  EXPECT_EQ(throttled().body, R"({"__type":"ThrottlingException","message":"Rate exceeded"})");
  expect_aws_error(std::get<Response>(handle_request(make("DELETE"), {})), 405,
                   "MethodNotAllowedException");
  expect_aws_error(std::get<Response>(handle_request(make("GET", "/no/such/page"), {})), 404,
                   "NotFoundException");
}

TEST(HandleRequest, ErrorMessagesEscapeRequestText) {
  Response response = error_response(400, "X", "a \"quoted\" \\ text\n\x01\xff");
  EXPECT_EQ(response.body, R"({"__type":"X","message":"a \"quoted\" \\ text???"})");
}

// --- Host header (DNS rebinding) ---

Request from(std::string method, std::string host, std::string origin = "") {
  Request request = make(std::move(method), "/", "AWSStepFunctions.ListStateMachines", "{}");
  request.host = std::move(host);
  request.origin = std::move(origin);
  return request;
}

TEST(HandleRequest, ForeignHostIsRefusedWithoutReachingTheDispatcher) {
  for (const char* method : {"POST", "GET", "OPTIONS"}) {
    Routed routed = handle_request(from(method, "evil.example:8083"), {});
    auto* response = std::get_if<Response>(&routed);
    ASSERT_NE(response, nullptr) << method;
    expect_aws_error(*response, 403, "AccessDeniedException");
    EXPECT_NE(response->body.find("--allow-host evil.example"), std::string::npos)
        << response->body;
  }
}

TEST(HandleRequest, LoopbackAndSyncHostsAndNoHostReachTheDispatcher) {
  for (const char* host : {"localhost:8083", "127.0.0.1:8083", "[::1]:8083", "localhost",
                           "sync-localhost:8083", "LOCALHOST:8083", ""}) {
    Routed routed = handle_request(from("POST", host), {});
    EXPECT_NE(std::get_if<api::ApiRequest>(&routed), nullptr) << host;
  }
}

TEST(HandleRequest, AllowedHostReachesTheDispatcher) {
  RouterOptions options;
  options.access = make_access_policy("127.0.0.1", {"sfn-local.test"}, {}, "machine");
  Routed routed = handle_request(from("POST", "sfn-local.test:8083"), options);
  EXPECT_NE(std::get_if<api::ApiRequest>(&routed), nullptr);
}

// --- Origin (CORS) ---

TEST(HandleRequest, ForeignOriginPostIsRefusedWithoutReachingTheDispatcher) {
  Routed routed = handle_request(from("POST", "localhost:8083", "http://evil.example"), {});
  auto* response = std::get_if<Response>(&routed);
  ASSERT_NE(response, nullptr);
  expect_aws_error(*response, 403, "AccessDeniedException");
  EXPECT_NE(response->body.find("--allow-origin http://evil.example"), std::string::npos)
      << response->body;
  EXPECT_TRUE(cors_headers(from("POST", "localhost:8083", "http://evil.example"), {}).empty());
}

TEST(HandleRequest, ForeignOriginPreflightIsRefused) {
  Request request = from("OPTIONS", "localhost:8083", "http://evil.example");
  request.cors_request_headers = "x-amz-target,content-type";
  auto response = std::get<Response>(handle_request(request, {}));
  expect_aws_error(response, 403, "AccessDeniedException");
  EXPECT_TRUE(cors_headers(request, {}).empty());
}

TEST(HandleRequest, ForeignOriginGetIsServedWithoutCorsHeaders) {
  Request request = from("GET", "localhost:8083", "http://evil.example");
  auto response = std::get<Response>(handle_request(request, {}));
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(cors_headers(request, {}).empty());
}

TEST(HandleRequest, SameOriginPostReachesTheDispatcherWithoutCorsHeaders) {
  for (auto [host, origin] :
       std::vector<std::pair<std::string, std::string>>{{"localhost:8083", "http://localhost:8083"},
                                                        {"127.0.0.1:9000", "http://127.0.0.1:9000"},
                                                        {"localhost", "http://localhost:80"},
                                                        {"[::1]:8083", "http://[::1]:8083"}}) {
    Request request = from("POST", host, origin);
    EXPECT_TRUE(cors_headers(request, {}).empty()) << origin;
    Routed routed = handle_request(std::move(request), {});
    EXPECT_NE(std::get_if<api::ApiRequest>(&routed), nullptr) << origin;
  }
  // Another port of the same host is another origin.
  Routed other_port = handle_request(from("POST", "localhost:8083", "http://localhost:3000"), {});
  EXPECT_NE(std::get_if<Response>(&other_port), nullptr);
}

TEST(HandleRequest, AllowedOriginGetsCorsHeadersAndAPreflight) {
  RouterOptions options;
  options.access = make_access_policy("127.0.0.1", {}, {"http://localhost:3000"}, "machine");
  Request post = from("POST", "localhost:8083", "http://localhost:3000");
  Routed routed = handle_request(post, options);
  EXPECT_NE(std::get_if<api::ApiRequest>(&routed), nullptr);
  auto headers = cors_headers(post, options);
  ASSERT_EQ(headers.size(), 3u);
  EXPECT_EQ(headers[0], std::make_pair(std::string("Access-Control-Allow-Origin"),
                                       std::string("http://localhost:3000")));
  EXPECT_EQ(headers[2].first, "Vary");

  Request preflight = from("OPTIONS", "localhost:8083", "http://localhost:3000");
  preflight.cors_request_headers = "authorization,x-amz-target,content-type";
  auto response = std::get<Response>(handle_request(preflight, options));
  EXPECT_EQ(response.status, 204);
  std::map<std::string, std::string> extra(response.headers.begin(), response.headers.end());
  EXPECT_EQ(extra["Access-Control-Allow-Headers"], "authorization,x-amz-target,content-type");
  EXPECT_NE(extra["Access-Control-Allow-Methods"].find("POST"), std::string::npos);
}

TEST(HandleRequest, StarOriginAllowsEveryPageWithAStar) {
  RouterOptions options;
  options.access = make_access_policy("127.0.0.1", {}, {"*"}, "machine");
  Request post = from("POST", "localhost:8083", "http://anything.example");
  auto headers = cors_headers(post, options);
  ASSERT_EQ(headers.size(), 2u);
  EXPECT_EQ(headers[0].second, "*");
  Routed routed = handle_request(post, options);
  EXPECT_NE(std::get_if<api::ApiRequest>(&routed), nullptr);
}

}  // namespace
}  // namespace sfn::http

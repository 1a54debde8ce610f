#include "sfn/http/handle_request.h"

#include <gtest/gtest.h>

namespace sfn::http {
namespace {

Request make(std::string method, std::string target = "/", std::string amz_target = "",
             std::string body = "") {
  return Request{std::move(method), std::move(target), std::move(amz_target), std::move(body)};
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
  auto other = std::get<Response>(handle_request(make("HEAD", "/health"), options));
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
}

}  // namespace
}  // namespace sfn::http

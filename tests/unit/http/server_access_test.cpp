// The server refuses foreign Hosts and web page origins (DNS rebinding, CORS) and answers
// HTTP-level errors in AWS's JSON shape; over real sockets with a fake dispatcher.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "server_fixture.h"
#include "sfn/http/access_policy.h"

namespace sfn::http {
namespace {

using namespace std::chrono_literals;
using testing::post_request;
using testing::TestClient;

class ServerAccessTest : public testing::ServerTest {};

// --- Browser access: CORS off by default, Host checked ---

TEST_F(ServerAccessTest, ResponsesCarryNoCorsHeadersByDefault) {
  start();
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.ListStateMachines", "{}"));
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->header("access-control-allow-origin"), "");
}

TEST_F(ServerAccessTest, ForeignOriginPostIsRefusedAndNothingIsDispatched) {
  start();
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.CreateStateMachine", R"({"name":"x"})",
                           "Origin: http://evil.example\r\n"));
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 403);
  EXPECT_EQ(reply->header("content-type"), "application/x-amz-json-1.0");
  EXPECT_NE(reply->body.find(R"("__type":"AccessDeniedException")"), std::string::npos);
  EXPECT_NE(reply->body.find("--allow-origin"), std::string::npos) << reply->body;
  EXPECT_EQ(reply->header("access-control-allow-origin"), "");
  EXPECT_TRUE(dispatcher_.received().empty());

  // A foreign preflight is refused too, and the connection stays usable for others.
  client.send(
      "OPTIONS / HTTP/1.1\r\nHost: localhost:8083\r\nOrigin: http://evil.example\r\n"
      "Access-Control-Request-Method: POST\r\n\r\n");
  auto preflight = client.read_reply();
  ASSERT_TRUE(preflight);
  EXPECT_EQ(preflight->status, 403);
  EXPECT_EQ(preflight->header("access-control-allow-origin"), "");
}

TEST_F(ServerAccessTest, SameOriginPostIsServed) {
  start();
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.ListStateMachines", "{}",
                           "Origin: http://localhost:8083\r\n"));
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(dispatcher_.received().size(), 1u);
}

TEST_F(ServerAccessTest, AllowedOriginIsServedWithCorsHeaders) {
  ServerOptions options;
  options.router.access = make_access_policy("127.0.0.1", {}, {"http://localhost:3000"}, "");
  start(options);
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.ListStateMachines", "{}",
                           "Origin: http://localhost:3000\r\n"));
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->header("access-control-allow-origin"), "http://localhost:3000");
  EXPECT_EQ(reply->header("access-control-expose-headers"), "x-amzn-RequestId");
}

TEST_F(ServerAccessTest, ForeignHostIsRefusedAndNothingIsDispatched) {
  start();
  TestClient client(port());
  std::string request = post_request("AWSStepFunctions.ListExecutions", "{}");
  request.replace(request.find("Host: localhost:8083"), 20, "Host: evil.example:8083");
  client.send(request);
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 403);
  EXPECT_NE(reply->body.find(R"("__type":"AccessDeniedException")"), std::string::npos);
  EXPECT_NE(reply->body.find("--allow-host evil.example"), std::string::npos) << reply->body;
  EXPECT_TRUE(dispatcher_.received().empty());
}

TEST_F(ServerAccessTest, HttpErrorsAreAwsJsonErrors) {
  ServerOptions options;
  options.header_limit = 1024;
  start(options);
  auto expect_json_error = [this](const std::string& request, int status, const std::string& type) {
    TestClient client(port());
    client.send(request);
    auto reply = client.read_reply();
    ASSERT_TRUE(reply) << type;
    EXPECT_EQ(reply->status, status) << type;
    EXPECT_EQ(reply->header("content-type"), "application/x-amz-json-1.0") << type;
    EXPECT_EQ(reply->body.rfind(R"({"__type":")" + type + R"(","message":")", 0), 0u)
        << reply->body;
  };
  expect_json_error("THIS IS NOT HTTP\r\n\r\n", 400, "BadRequestException");
  expect_json_error("PUT / HTTP/1.1\r\nHost: localhost\r\n\r\n", 405, "MethodNotAllowedException");
  expect_json_error("GET /no/such/page HTTP/1.1\r\nHost: localhost\r\n\r\n", 404,
                    "NotFoundException");
  expect_json_error(
      post_request("AWSStepFunctions.X", "{}", "X-Big: " + std::string(2048, 'h') + "\r\n"), 431,
      "RequestHeaderFieldsTooLargeException");
}

}  // namespace
}  // namespace sfn::http

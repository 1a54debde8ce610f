// The server over real sockets on 127.0.0.1 with an ephemeral port and a fake dispatcher.
#include "sfn/http/server.h"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <memory>
#include <regex>
#include <thread>

#include "server_fixture.h"

namespace sfn::http {
namespace {

using namespace std::chrono_literals;
using testing::FakeDispatcher;
using testing::post_request;
using testing::ServerTest;
using testing::TestClient;

bool looks_like_uuid(const std::string& text) {
  static const std::regex kUuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}");
  return std::regex_match(text, kUuid);
}

TEST_F(ServerTest, ListensOnAnEphemeralPort) {
  start();
  EXPECT_NE(port(), 0);
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  start();
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.ListStateMachines", "{}"));
  auto first = client.read_reply();
  client.send(post_request("AWSStepFunctions.ListActivities", R"({"maxResults":5})"));
  auto second = client.read_reply();

  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(first->header("content-type"), "application/x-amz-json-1.0");
  EXPECT_EQ(first->body, R"({"target":"AWSStepFunctions.ListStateMachines","size":2})");
  EXPECT_EQ(first->header("content-length"), std::to_string(first->body.size()));
  EXPECT_TRUE(looks_like_uuid(first->header("x-amzn-requestid")))
      << first->header("x-amzn-requestid");
  EXPECT_EQ(second->status, 200);
  EXPECT_EQ(second->body, R"({"target":"AWSStepFunctions.ListActivities","size":16})");
  EXPECT_NE(first->header("x-amzn-requestid"), second->header("x-amzn-requestid"));
  EXPECT_NE(second->header("connection"), "close");

  const auto received = dispatcher_.received();
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[1].body, R"({"maxResults":5})");
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  start();
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.A", "{}") + post_request("AWSStepFunctions.B", "{}"));
  auto first = client.read_reply();
  auto second = client.read_reply();
  ASSERT_TRUE(first && second);
  EXPECT_NE(first->body.find(".A"), std::string::npos);
  EXPECT_NE(second->body.find(".B"), std::string::npos);
}

TEST_F(ServerTest, MissingOrForeignTargetIsPassedToTheDispatcher) {
  start();
  TestClient client(port());
  client.send(post_request("", "{}"));
  auto missing = client.read_reply();
  client.send(post_request("DynamoDB_20120810.ListTables", "{}"));
  auto foreign = client.read_reply();
  ASSERT_TRUE(missing && foreign);
  EXPECT_EQ(missing->body, R"({"target":"","size":2})");
  EXPECT_EQ(foreign->body, R"({"target":"DynamoDB_20120810.ListTables","size":2})");
}

TEST_F(ServerTest, AnyPathAndSyncHostAreAccepted) {
  start();
  TestClient client(port());
  std::string request = post_request("AWSStepFunctions.StartSyncExecution", "{}");
  request.replace(0, 6, "POST /some/path");
  request.replace(request.find("Host: localhost"), 15, "Host: sync-localhost");
  client.send(request);
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, R"({"target":"AWSStepFunctions.StartSyncExecution","size":2})");
}

TEST_F(ServerTest, BodyOverTheLimitIsRejectedWith413) {
  ServerOptions options;
  options.body_limit = 1024;
  start(options);
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.CreateStateMachine", std::string(4096, 'x')));
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_NE(reply->body.find("RequestEntityTooLargeException"), std::string::npos);
  EXPECT_EQ(reply->header("connection"), "close");
  EXPECT_TRUE(client.wait_closed(3s));
  EXPECT_TRUE(dispatcher_.received().empty());
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIsRejectedWith413) {
  ServerOptions options;
  options.body_limit = 1024;
  start(options);
  TestClient client(port());
  std::string request =
      "POST / HTTP/1.1\r\nHost: localhost\r\nX-Amz-Target: AWSStepFunctions.X\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 4; ++i) request += "200\r\n" + std::string(512, 'y') + "\r\n";
  request += "0\r\n\r\n";
  client.send(request);
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
}

TEST_F(ServerTest, Expect100ContinueOverTheLimitIsRejectedBeforeTheBody) {
  ServerOptions options;
  options.body_limit = 1024;
  start(options);
  TestClient client(port());
  const std::string body(4096, 'x');
  std::string request = post_request("AWSStepFunctions.X", body, "Expect: 100-continue\r\n");
  client.send(request.substr(0, request.size() - body.size()));
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
}

TEST_F(ServerTest, HeadersOverTheLimitAreRejectedWith431) {
  ServerOptions options;
  options.header_limit = 1024;
  start(options);
  TestClient client(port());
  client.send(
      post_request("AWSStepFunctions.X", "{}", "X-Big: " + std::string(2048, 'h') + "\r\n"));
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 431);
}

TEST_F(ServerTest, OptionsAnswersACorsPreflightForAnAllowedOrigin) {
  ServerOptions options;
  options.router.access = make_access_policy("127.0.0.1", {}, {"http://example.com"}, "");
  start(options);
  TestClient client(port());
  client.send(
      "OPTIONS / HTTP/1.1\r\nHost: localhost\r\nOrigin: http://example.com\r\n"
      "Access-Control-Request-Method: POST\r\n"
      "Access-Control-Request-Headers: x-amz-target,content-type\r\n\r\n");
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 204);
  EXPECT_EQ(reply->header("access-control-allow-origin"), "http://example.com");
  EXPECT_NE(reply->header("access-control-allow-methods").find("POST"), std::string::npos);
  EXPECT_EQ(reply->header("access-control-allow-headers"), "x-amz-target,content-type");
}

TEST_F(ServerTest, BodyAtTheLimitIsAccepted) {
  ServerOptions options;
  options.body_limit = 1024;
  start(options);
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.X", std::string(1024, 'x')));
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, R"({"target":"AWSStepFunctions.X","size":1024})");
}

TEST_F(ServerTest, Expect100ContinueGetsAnInterimResponse) {
  start();
  TestClient client(port());
  const std::string body = R"({"name":"x"})";
  std::string request = post_request("AWSStepFunctions.X", body, "Expect: 100-continue\r\n");
  client.send(request.substr(0, request.size() - body.size()));
  auto interim = client.read_reply();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  client.send(body);
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, R"({"target":"AWSStepFunctions.X","size":12})");
}

TEST_F(ServerTest, DelayedCompletionFromAnotherThread) {
  start();
  TestClient slow(port());
  slow.send(post_request("AWSStepFunctions.Slow", "{}"));
  ASSERT_TRUE(dispatcher_.wait_pending(1));

  // Another connection is served while the first waits.
  TestClient fast(port());
  fast.send(post_request("AWSStepFunctions.Fast", "{}"));
  auto fast_reply = fast.read_reply();
  ASSERT_TRUE(fast_reply);
  EXPECT_EQ(fast_reply->status, 200);

  std::thread completer([this] {
    std::this_thread::sleep_for(100ms);
    dispatcher_.complete_pending(R"({"late":true})");
  });
  auto reply = slow.read_reply();
  completer.join();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, R"({"late":true})");

  // The connection stays usable.
  slow.send(post_request("AWSStepFunctions.Again", "{}"));
  auto again = slow.read_reply();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
}

TEST_F(ServerTest, DispatcherThatThrowsAnswers500) {
  start();
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.Throw", "{}"));
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 500);
  EXPECT_EQ(reply->body,
            R"({"__type":"InternalFailure","message":"The request processing has failed because )"
            R"(of an unknown error, exception or failure."})");
}

TEST_F(ServerTest, SecondCompletionIsIgnored) {
  start();
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.Twice", "{}"));
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  client.send(post_request("AWSStepFunctions.Next", "{}"));
  auto next = client.read_reply();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, R"({"target":"AWSStepFunctions.Next","size":2})");
}

TEST_F(ServerTest, ReadTimeoutClosesIdleConnections) {
  ServerOptions options;
  options.read_timeout = 200ms;
  start(options);
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.X", "{}"));
  ASSERT_TRUE(client.read_reply());
  EXPECT_TRUE(client.wait_closed(3s));
}

TEST_F(ServerTest, GetAnswersWithAnInfoPage) {
  start();
  TestClient client(port());
  client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(reply->body.rfind("sfn-local test\n", 0), 0u) << reply->body;
  EXPECT_TRUE(dispatcher_.received().empty());
}

TEST_F(ServerTest, HeadSendsTheLengthWithoutTheBody) {
  start();
  TestClient client(port());
  client.send("HEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n");
  // Read the head only: the reply has Content-Length but no body follows.
  client.send("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
  auto get_after_head = [&] {
    auto head = client.read_reply(2s);  // consumes the GET body as the HEAD "body"
    return head;
  };
  auto head = get_after_head();
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_NE(head->header("content-length"), "0");
  EXPECT_EQ(head->body.substr(0, 8), "HTTP/1.1");  // the next response starts right away
}

TEST_F(ServerTest, MalformedRequestAnswers400AndCloses) {
  start();
  TestClient client(port());
  client.send("THIS IS NOT HTTP\r\n\r\n");
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  EXPECT_TRUE(client.wait_closed(3s));
}

TEST_F(ServerTest, HttpOneZeroClosesAfterTheResponse) {
  start();
  TestClient client(port());
  std::string request = post_request("AWSStepFunctions.X", "{}");
  request.replace(request.find("HTTP/1.1"), 8, "HTTP/1.0");
  client.send(request);
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_TRUE(client.wait_closed(3s));
}

TEST_F(ServerTest, ShutdownClosesIdleConnectionsAndStopsTheIoContext) {
  start();
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.X", "{}"));
  ASSERT_TRUE(client.read_reply());
  server_->shutdown();
  EXPECT_TRUE(client.wait_closed(3s));
  stop();  // returns only once io_context::run has returned on every thread
  EXPECT_EQ(dispatcher_.shutdowns.load(), 1);
  EXPECT_EQ(server_->session_count(), 0u);
  EXPECT_THROW(TestClient{port()}, std::runtime_error);  // no longer accepting
}

TEST_F(ServerTest, ShutdownLetsARequestInFlightFinish) {
  start();
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.Slow", "{}"));
  ASSERT_TRUE(dispatcher_.wait_pending(1));
  server_->shutdown();  // the fake answers pending requests in Dispatcher::shutdown()
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, R"({"shutdown":true})");
  EXPECT_EQ(reply->header("connection"), "close");
  EXPECT_TRUE(client.wait_closed(3s));
  stop();
}

TEST_F(ServerTest, ShutdownGivesUpOnAStuckRequestAfterTheGrace) {
  dispatcher_.answer_pending_on_shutdown = false;
  ServerOptions options;
  options.shutdown_grace = 300ms;
  start(options);
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.Slow", "{}"));
  ASSERT_TRUE(dispatcher_.wait_pending(1));
  const auto started = std::chrono::steady_clock::now();
  server_->shutdown();
  EXPECT_TRUE(client.wait_closed(3s));
  stop();
  EXPECT_GE(std::chrono::steady_clock::now() - started, 250ms);
  // A late answer after the io_context stopped is harmless.
  dispatcher_.complete_pending("{}");
}

TEST_F(ServerTest, ShutdownIsIdempotent) {
  start();
  server_->shutdown();
  server_->shutdown();
  stop();
  EXPECT_EQ(dispatcher_.shutdowns.load(), 1);
}

TEST(ServerStart, BindFailureIsAReadableError) {
  boost::asio::io_context io;
  FakeDispatcher dispatcher;
  ServerOptions options;
  options.port = 0;
  options.handle_signals = false;
  Server first(io, dispatcher, options);
  first.start();
  options.port = first.port();
  Server second(io, dispatcher, options);
  try {
    second.start();
    FAIL() << "expected the second bind to fail";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(
        std::string(e.what()).find("cannot listen on 127.0.0.1:" + std::to_string(options.port)),
        std::string::npos)
        << e.what();
  }
}

TEST(ServerStart, UnresolvableHostIsAReadableError) {
  boost::asio::io_context io;
  FakeDispatcher dispatcher;
  ServerOptions options;
  options.host = "no-such-host.invalid";
  options.handle_signals = false;
  Server server(io, dispatcher, options);
  EXPECT_THROW(server.start(), std::runtime_error);
}

}  // namespace
}  // namespace sfn::http

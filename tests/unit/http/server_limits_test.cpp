// The connection cap over real sockets: idle connections make room, busy ones lead to
// ThrottlingException for new ones.
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

class ServerLimitsTest : public testing::ServerTest {};

// --- The connection cap ---

TEST(ConnectionCap, TheDefaultLeavesRoomForOtherFiles) {
  EXPECT_EQ(default_max_connections(1024), 960u);
  EXPECT_EQ(default_max_connections(4096), 1000u);
  EXPECT_EQ(default_max_connections(UINT64_MAX), 1000u);
  EXPECT_EQ(default_max_connections(256), 192u);
  EXPECT_EQ(default_max_connections(100), 50u);
  EXPECT_EQ(default_max_connections(1), 1u);
  EXPECT_GT(open_files_limit(), 0u);
}

TEST_F(ServerLimitsTest, TheDefaultCapComesFromTheOpenFilesLimit) {
  start();
  EXPECT_EQ(server_->max_connections(), default_max_connections(open_files_limit()));
}

TEST_F(ServerLimitsTest, AtTheCapTheLongestIdleConnectionMakesRoom) {
  ServerOptions options;
  options.max_connections = 3;
  start(options);
  std::vector<std::unique_ptr<TestClient>> idle;
  for (std::size_t i = 1; i <= 3; ++i) {
    idle.push_back(std::make_unique<TestClient>(port()));
    ASSERT_TRUE(wait_sessions(i));
    std::this_thread::sleep_for(20ms);  // distinct idle times
  }
  TestClient client(port());
  client.send(post_request("AWSStepFunctions.ListStateMachines", "{}"));
  auto reply = client.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_TRUE(idle[0]->wait_closed(3s));      // the longest idle was closed
  EXPECT_FALSE(idle[1]->wait_closed(100ms));  // the others stay
  idle[2]->send(post_request("AWSStepFunctions.Again", "{}"));
  auto again = idle[2]->read_reply();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 200);
}

TEST_F(ServerLimitsTest, AtTheCapWithEveryConnectionBusyNewOnesAreThrottled) {
  ServerOptions options;
  options.max_connections = 2;
  start(options);
  TestClient first(port());
  first.send(post_request("AWSStepFunctions.Slow", "{}"));
  TestClient second(port());
  second.send(post_request("AWSStepFunctions.Slow", "{}"));
  ASSERT_TRUE(dispatcher_.wait_pending(2));

  TestClient third(port());
  third.send(post_request("AWSStepFunctions.ListStateMachines", "{}"));
  auto reply = third.read_reply();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 400);
  EXPECT_EQ(reply->header("content-type"), "application/x-amz-json-1.0");
  EXPECT_EQ(reply->body, R"({"__type":"ThrottlingException","message":"Rate exceeded"})");
  EXPECT_EQ(reply->header("connection"), "close");
  EXPECT_TRUE(third.wait_closed(3s));
  EXPECT_EQ(dispatcher_.received().size(), 2u);

  // Once the busy ones finish, new connections are served again.
  dispatcher_.complete_pending("{}");
  ASSERT_TRUE(first.read_reply());
  ASSERT_TRUE(second.read_reply());
  TestClient fourth(port());
  fourth.send(post_request("AWSStepFunctions.ListStateMachines", "{}"));
  auto served = fourth.read_reply();
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200);
}

}  // namespace
}  // namespace sfn::http

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "sfn/common/arn.h"
#include "sfn/common/clock.h"
#include "sfn/common/ids.h"

namespace sfn {
namespace {

TEST(Arn, BuildsAndParses) {
  ArnBuilder b{Deployment{"aws", "us-east-1", "123456789012"}};
  EXPECT_EQ(b.state_machine("M"), "arn:aws:states:us-east-1:123456789012:stateMachine:M");
  auto e = parse_states_arn(b.execution("M", "e1"));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->kind, ArnKind::kExecution);
  EXPECT_EQ(e->name, "M");
  EXPECT_EQ(e->execution_name, "e1");
  EXPECT_FALSE(parse_states_arn("arn:aws:states:us-east-1:123:foo:x"));
  EXPECT_FALSE(parse_states_arn("not-an-arn"));
}

TEST(Names, FollowAwsRules) {
  EXPECT_TRUE(is_valid_resource_name("Hello-World_1.2"));
  EXPECT_FALSE(is_valid_resource_name(""));
  EXPECT_FALSE(is_valid_resource_name("a b"));
  EXPECT_FALSE(is_valid_resource_name("a:b"));
  EXPECT_FALSE(is_valid_resource_name(std::string(81, 'a')));
}

TEST(Clock, Iso8601RoundTrip) {
  EXPECT_EQ(format_iso8601(0.5), "1970-01-01T00:00:00.500Z");
  EXPECT_EQ(parse_iso8601("2016-03-14T01:59:00Z"), 1457920740.0);
  EXPECT_EQ(parse_iso8601("2016-03-14T02:59:00+01:00"), 1457920740.0);
  EXPECT_FALSE(parse_iso8601("2016-03-14 01:59:00Z"));
  EXPECT_FALSE(parse_iso8601("2016-03-14T01:59:00"));
}

// Version-4 UUIDs (RFC 4122: lowercase hex 8-4-4-4-12, version nibble 4, variant 8-b), none
// repeated, whichever thread draws them (each thread has its own generator).
TEST(Ids, UuidsAreVersion4AndUnique) {
  const std::regex v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::vector<std::vector<std::string>> drawn(4);
  std::vector<std::thread> threads;
  for (auto& uuids : drawn) {
    threads.emplace_back([&uuids] {
      for (int i = 0; i < 5'000; ++i) uuids.push_back(make_uuid());
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> seen;
  for (const auto& uuids : drawn) {
    for (const auto& u : uuids) {
      ASSERT_TRUE(std::regex_match(u, v4)) << u;
      ASSERT_TRUE(seen.insert(u).second) << u << " came twice";
    }
  }
}

}  // namespace
}  // namespace sfn

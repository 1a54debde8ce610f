#include "sfn/http/access_policy.h"

#include <gtest/gtest.h>

namespace sfn::http {
namespace {

AccessPolicy loopback() { return make_access_policy("127.0.0.1", {}, {}, "devbox"); }
AccessPolicy wildcard() { return make_access_policy("0.0.0.0", {}, {}, "devbox.corp.example"); }

TEST(AccessPolicy, LoopbackAcceptsItsNamesWithOrWithoutAPort) {
  const AccessPolicy policy = loopback();
  for (const char* host : {"localhost", "localhost:8083", "LocalHost:1", "localhost.:8083",
                           "127.0.0.1", "127.0.0.1:8083", "[::1]", "[::1]:8083",
                           "[0:0:0:0:0:0:0:1]:8083", "sync-localhost", "sync-localhost:8083", ""}) {
    EXPECT_TRUE(host_allowed(policy, host)) << host;
  }
}

TEST(AccessPolicy, LoopbackRefusesOtherNamesAndMalformedHosts) {
  const AccessPolicy policy = loopback();
  for (const char* host :
       {"evil.example", "evil.example:8083", "localhost.evil.example", "sync-evil.example",
        "127.0.0.2", "10.0.0.1:8083", "devbox", "sfn-local:8083", "sync-",
        "localhost:", "localhost:99999", "localhost:80:80", "[::1", "evil.example@localhost",
        "localhost/x", "*"}) {
    EXPECT_FALSE(host_allowed(policy, host)) << host;
  }
}

TEST(AccessPolicy, TheConfiguredHostIsAccepted) {
  EXPECT_TRUE(host_allowed(make_access_policy("192.168.1.5", {}, {}, ""), "192.168.1.5:8083"));
  EXPECT_TRUE(host_allowed(make_access_policy("::1", {}, {}, ""), "[::1]:8083"));
  EXPECT_TRUE(host_allowed(make_access_policy("devbox.lan", {}, {}, ""), "DEVBOX.lan:8083"));
  EXPECT_FALSE(host_allowed(make_access_policy("192.168.1.5", {}, {}, ""), "192.168.1.6"));
}

TEST(AccessPolicy, WildcardAddressAcceptsIpLiteralsSingleLabelNamesAndTheMachineName) {
  const AccessPolicy policy = wildcard();
  for (const char* host :
       {"localhost:8083", "10.1.2.3:8083", "172.17.0.2", "[fe80::1]:8083", "sfn-local:8083",
        "sync-sfn-local:8083", "devbox.corp.example:8083", "3f4e5a6b7c8d"}) {
    EXPECT_TRUE(host_allowed(policy, host)) << host;
  }
  for (const char* host : {"evil.example:8083", "sfn-local.evil.example", "sync-evil.example"}) {
    EXPECT_FALSE(host_allowed(policy, host)) << host;
  }
  EXPECT_TRUE(make_access_policy("::", {}, {}, "").wildcard_address);
  EXPECT_FALSE(loopback().wildcard_address);
}

TEST(AccessPolicy, AllowHostAddsNamesAndStarAcceptsAny) {
  const AccessPolicy named = make_access_policy("127.0.0.1", {"sfn.test", "10.0.0.7"}, {}, "");
  EXPECT_TRUE(host_allowed(named, "sfn.test:8083"));
  EXPECT_TRUE(host_allowed(named, "sync-sfn.test:8083"));
  EXPECT_TRUE(host_allowed(named, "10.0.0.7"));
  EXPECT_FALSE(host_allowed(named, "other.test"));
  const AccessPolicy any = make_access_policy("127.0.0.1", {"*"}, {}, "");
  EXPECT_TRUE(host_allowed(any, "evil.example:8083"));
  EXPECT_TRUE(host_allowed(any, "not a host"));
}

TEST(AccessPolicy, OriginVerdicts) {
  const AccessPolicy policy = make_access_policy("127.0.0.1", {}, {"http://localhost:3000"}, "");
  EXPECT_EQ(check_origin(policy, "", "localhost:8083"), OriginVerdict::kNone);
  EXPECT_EQ(check_origin(policy, "http://localhost:8083", "localhost:8083"),
            OriginVerdict::kSameOrigin);
  EXPECT_EQ(check_origin(policy, "HTTP://LOCALHOST:8083", "localhost:8083"),
            OriginVerdict::kSameOrigin);
  EXPECT_EQ(check_origin(policy, "https://localhost", "localhost:443"), OriginVerdict::kSameOrigin);
  EXPECT_EQ(check_origin(policy, "http://localhost:3000", "localhost:8083"),
            OriginVerdict::kAllowed);
  EXPECT_EQ(check_origin(policy, "http://localhost:3001", "localhost:8083"),
            OriginVerdict::kForeign);
  EXPECT_EQ(check_origin(policy, "http://127.0.0.1:8083", "localhost:8083"),
            OriginVerdict::kForeign);
  EXPECT_EQ(check_origin(policy, "null", "localhost:8083"), OriginVerdict::kForeign);
  EXPECT_EQ(check_origin(policy, "http://localhost:8083", ""), OriginVerdict::kForeign);
  EXPECT_EQ(check_origin(policy, "http://localhost:8083/", "localhost:8083"),
            OriginVerdict::kForeign);
  EXPECT_EQ(check_origin(policy, "file://localhost:8083", "localhost:8083"),
            OriginVerdict::kForeign);
  const AccessPolicy any = make_access_policy("127.0.0.1", {}, {"*"}, "");
  EXPECT_EQ(check_origin(any, "null", "localhost:8083"), OriginVerdict::kAllowed);
  EXPECT_EQ(check_origin(any, "http://evil.example", "localhost:8083"), OriginVerdict::kAllowed);
}

TEST(AccessPolicy, NormalizeAllowedHost) {
  EXPECT_EQ(normalize_allowed_host("SFN-Local"), "sfn-local");
  EXPECT_EQ(normalize_allowed_host("sfn.test."), "sfn.test");
  EXPECT_EQ(normalize_allowed_host("::1"), "[::1]");
  EXPECT_EQ(normalize_allowed_host("[0::1]"), "[::1]");
  EXPECT_EQ(normalize_allowed_host("10.0.0.7"), "10.0.0.7");
  EXPECT_EQ(normalize_allowed_host("*"), "*");
  for (const char* bad : {"", "sfn:8083", "[::1]:8083", "http://sfn", "a b", "sfn/x", "*.test"}) {
    EXPECT_EQ(normalize_allowed_host(bad), "") << bad;
  }
}

TEST(AccessPolicy, NormalizeAllowedOrigin) {
  EXPECT_EQ(normalize_allowed_origin("http://LocalHost:3000/"), "http://localhost:3000");
  EXPECT_EQ(normalize_allowed_origin("http://localhost:80"), "http://localhost");
  EXPECT_EQ(normalize_allowed_origin("https://app.example:443"), "https://app.example");
  EXPECT_EQ(normalize_allowed_origin("https://app.example:8443"), "https://app.example:8443");
  EXPECT_EQ(normalize_allowed_origin("chrome-extension://abcdef"), "chrome-extension://abcdef");
  EXPECT_EQ(normalize_allowed_origin("*"), "*");
  EXPECT_EQ(normalize_allowed_origin("null"), "null");
  for (const char* bad : {"", "localhost:3000", "http://", "http://a/b", "http://a:x", "://a",
                          "http:/a", "1http://a"}) {
    EXPECT_EQ(normalize_allowed_origin(bad), "") << bad;
  }
}

}  // namespace
}  // namespace sfn::http

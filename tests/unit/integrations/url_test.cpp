// URL parsing for the outbound client and percent-encoding, one GoogleTest per URL case.
#include "sfn/integrations/url.h"

#include <gtest/gtest.h>

namespace sfn::integrations {
namespace {

struct UrlCase {
  const char* text;
  bool valid;
  const char* scheme = "";
  const char* host = "";
  int port = 0;
  const char* path = "";
  const char* query = "";
  const char* host_header = "";
};

const UrlCase kUrls[] = {
    {"http://localhost:3001", true, "http", "localhost", 3001, "/", "", "localhost:3001"},
    {"https://lambda.us-east-1.amazonaws.com/", true, "https", "lambda.us-east-1.amazonaws.com",
     443, "/", "", "lambda.us-east-1.amazonaws.com"},
    {"HTTP://example.com:80/a/b?x=1&y=%20#frag", true, "http", "example.com", 80, "/a/b",
     "x=1&y=%20", "example.com"},
    {"http://example.com?q", true, "http", "example.com", 80, "/", "q", "example.com"},
    {"https://127.0.0.1:8443/p", true, "https", "127.0.0.1", 8443, "/p", "", "127.0.0.1:8443"},
    {"http://[::1]:9000/x", true, "http", "::1", 9000, "/x", "", "[::1]:9000"},
    {"ftp://example.com/", false},
    {"example.com/path", false},
    {"http://", false},
    {"http://:80/", false},
    {"http://user:pw@example.com/", false},
    {"http://example.com:0/", false},
    {"http://example.com:65536/", false},
    {"http://example.com:8x/", false},
    {"http://exa mple.com/", false},
    {"http://example.com/a b", false},
    {"http://[::1/", false},
};

class Urls : public ::testing::TestWithParam<UrlCase> {};

TEST_P(Urls, Parse) {
  const UrlCase& c = GetParam();
  std::string why;
  auto url = parse_url(c.text, &why);
  ASSERT_EQ(url.has_value(), c.valid) << c.text << ": " << why;
  if (!url) {
    EXPECT_FALSE(why.empty());
    return;
  }
  EXPECT_EQ(url->scheme, c.scheme);
  EXPECT_EQ(url->host, c.host);
  EXPECT_EQ(url->port, c.port);
  EXPECT_EQ(url->path, c.path);
  EXPECT_EQ(url->query, c.query);
  EXPECT_EQ(url->host_header(), c.host_header);
}

INSTANTIATE_TEST_SUITE_P(HttpClient, Urls, ::testing::ValuesIn(kUrls));

TEST(PercentEncoding, KeepsUnreservedAndEncodesTheRestInUppercaseHex) {
  EXPECT_EQ(percent_encode("a-b_c.d~e f/g:h"), "a-b_c.d~e%20f%2Fg%3Ah");
  EXPECT_EQ(percent_encode("a/b c", "/"), "a/b%20c");
  EXPECT_EQ(percent_encode("\xe1\x88\xb4"), "%E1%88%B4");
  EXPECT_EQ(percent_decode("%E1%88%B4%2f+%zz%4"), "\xe1\x88\xb4/+%zz%4");
}

}  // namespace
}  // namespace sfn::integrations

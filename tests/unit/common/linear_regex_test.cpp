// LinearRegex: JavaScript syntax in, RE2 (linear time) underneath. The JavaScript semantics are
// covered through JSONata in tests/unit/jsonata/data/regex.json; these are the API's own rules.
#include "sfn/common/linear_regex.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>

namespace sfn {
namespace {

RegexError compile_error(std::string_view pattern) {
  auto re = LinearRegex::compile(pattern);
  EXPECT_FALSE(re.has_value()) << pattern;
  return re ? RegexError{} : re.error();
}

TEST(LinearRegex, ConstructsThatNeedBacktrackingAreRefused) {
  for (const char* p : {"(a)\\1", "(?=a)", "(?!a)", "(?<=a)b", "(?<!a)b", "(?<n>a)\\k<n>",
                        "a{1001}", "(?:a{100}){100}"}) {
    auto e = compile_error(p);
    EXPECT_EQ(e.kind, RegexError::Kind::kUnsupported) << p << ": " << e.message;
  }
  EXPECT_EQ(compile_error("(a)\\1").message, "a backreference (\\1)");
  EXPECT_EQ(compile_error("(?=a)").message, "a lookahead (?=)");
}

TEST(LinearRegex, InvalidPatternsAreSyntaxErrors) {
  for (const char* p : {"(", ")", "[a", "+a", "a**", "(?x)", "[z-a]", "a{2,1}", "\\", "(?<>a)"}) {
    auto e = compile_error(p);
    EXPECT_EQ(e.kind, RegexError::Kind::kSyntax) << p << ": " << e.message;
  }
}

TEST(LinearRegex, SearchStartsAtAnOffsetButSeesTheTextBeforeIt) {
  auto re = LinearRegex::compile("^a|\\bb");
  ASSERT_TRUE(re.has_value());
  LinearRegex::Groups g;
  EXPECT_TRUE(re->search("aab", 0, g));
  EXPECT_EQ(g[0]->begin, 0u);
  EXPECT_FALSE(re->search("aab", 1, g));  // ^ is the start of the text, and "ab" has no \b before b
  EXPECT_TRUE(re->search("a b", 1, g));
  EXPECT_EQ(g[0]->begin, 2u);
}

TEST(LinearRegex, GroupsThatTookNoPartAreEmpty) {
  auto re = LinearRegex::compile("(a)|(b)");
  ASSERT_TRUE(re.has_value());
  EXPECT_EQ(re->group_count(), 2u);
  LinearRegex::Groups g;
  ASSERT_TRUE(re->search("b", 0, g));
  ASSERT_EQ(g.size(), 3u);
  EXPECT_FALSE(g[1].has_value());
  ASSERT_TRUE(g[2].has_value());
  EXPECT_EQ(g[2]->begin, 0u);
  EXPECT_EQ(g[2]->end, 1u);
}

TEST(LinearRegex, FullMatchAndFlags) {
  auto re = LinearRegex::compile("a.c", {.ignore_case = true});
  ASSERT_TRUE(re.has_value());
  EXPECT_TRUE(re->full_match("AbC"));
  EXPECT_FALSE(re->full_match("abcd"));
  EXPECT_FALSE(re->full_match("a\nc"));
  auto m = LinearRegex::compile("^b$", {.multiline = true});
  ASSERT_TRUE(m.has_value());
  LinearRegex::Groups g;
  EXPECT_TRUE(m->search("a\nb\nc", 0, g));
}

TEST(LinearRegex, BacktrackingBombsRunInLinearTime) {
  const auto start = std::chrono::steady_clock::now();
  auto re = LinearRegex::compile("(a+)+$");
  ASSERT_TRUE(re.has_value());
  LinearRegex::Groups g;
  EXPECT_FALSE(re->search(std::string(100'000, 'a') + "!", 0, g));
  auto nested = LinearRegex::compile("(x+x+)+y");
  ASSERT_TRUE(nested.has_value());
  EXPECT_FALSE(nested->full_match(std::string(50'000, 'x')));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
}

}  // namespace
}  // namespace sfn

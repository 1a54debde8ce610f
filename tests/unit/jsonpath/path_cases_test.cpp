// Runs tests/unit/jsonpath/data/*.json. Case fields:
//   expression          path text
//   result              value expected from evaluate() (an array for indefinite paths)
//   nothing: true       evaluate() selects nothing (definite path)
//   error               parse must fail; the message must contain this text
//   definite, reference expected is_definite() / is_reference_path()
//   missing_message     expected missing_message(given)
//   canonical           expected canonical()
//   assign: {value, result | error}   Path::assign on a copy of `given`
#include <gtest/gtest.h>

#include "sfn/expr/jsonpath/path.h"
#include "support/case_files.h"

namespace sfn::jsonpath {
namespace {

void run_case(const Json& given, const Json& tc) {
  const std::string text = tc.at("expression").get<std::string>();
  auto path = Path::parse(text);
  if (tc.contains("error")) {
    ASSERT_FALSE(path.has_value()) << text;
    EXPECT_NE(path.error().find(tc["error"].get<std::string>()), std::string::npos) << path.error();
    return;
  }
  ASSERT_TRUE(path.has_value()) << path.error();
  if (tc.contains("definite")) {
    EXPECT_EQ(path->is_definite(), tc["definite"].get<bool>());
  }
  if (tc.contains("reference")) {
    EXPECT_EQ(path->is_reference_path(), tc["reference"].get<bool>());
  }
  if (tc.contains("canonical")) {
    EXPECT_EQ(path->canonical(), tc["canonical"].get<std::string>());
  }
  if (tc.contains("variable")) {
    EXPECT_EQ(path->variable_name(), tc["variable"].get<std::string>());
  }
  if (tc.contains("root")) {
    const std::string root = tc["root"].get<std::string>();
    EXPECT_EQ(path->root(), root == "context"    ? Root::kContext
                            : root == "variable" ? Root::kVariable
                                                 : Root::kInput);
  }
  auto value = path->evaluate(given);
  if (tc.contains("result")) {
    ASSERT_TRUE(value.has_value()) << text;
    EXPECT_EQ(dump_compact(*value), dump_compact(tc["result"]));
  }
  if (tc.value("nothing", false)) {
    EXPECT_FALSE(value.has_value()) << dump_compact(*value);
  }
  if (tc.contains("missing_message")) {
    EXPECT_EQ(path->missing_message(given), tc["missing_message"].get<std::string>());
  }
  if (tc.contains("assign")) {
    const Json& a = tc["assign"];
    Json doc = given;
    auto done = path->assign(doc, a.at("value"));
    if (a.contains("error")) {
      ASSERT_FALSE(done.has_value());
      EXPECT_NE(done.error().find(a["error"].get<std::string>()), std::string::npos)
          << done.error();
    } else {
      ASSERT_TRUE(done.has_value()) << done.error();
      EXPECT_EQ(dump_compact(doc), dump_compact(a.at("result")));
    }
  }
}

const bool registered = [] {
  test_cases::register_case_files("jsonpath", run_case);
  return true;
}();

}  // namespace
}  // namespace sfn::jsonpath

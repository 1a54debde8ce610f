// What parse_mock_config found wrong in a document, one line per problem, each naming its place
// as a JSON pointer (RFC 6901) and saying what is wrong and what is expected instead.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sfn/common/json.h"
#include "sfn/integrations/mock_config.h"

namespace sfn::integrations::mock {

class Problems {
 public:
  // `pointer` is a JSON pointer ("" for the whole document).
  void add(std::string_view pointer, std::string_view message);
  bool empty() const { return count_ == 0; }
  // Every problem, one per line (the first kMaxListed, then how many more there are).
  std::string text() const;

 private:
  // Enough for a person fixing the file; a fuzzed document can hold thousands of problems.
  static constexpr std::size_t kMaxListed = 20;
  std::vector<std::string> lines_;
  std::size_t count_ = 0;
};

// `pointer` extended by one object key, escaped as RFC 6901 says ("~" → "~0", "/" → "~1").
std::string child_pointer(std::string_view pointer, std::string_view key);

// A name as a JSON string literal ("Lambda\nState" with its escapes), for messages.
std::string json_quoted(std::string_view name);

// "unknown field "Returns": <what_is_known>", with "(did you mean "Return"?)" when the key is one
// of `known` but for case or a final "s".
std::string unknown_field(std::string_view key, std::string_view what_is_known,
                          std::initializer_list<std::string_view> known);

// "an object", "a string", "an array", ... for "must be X, not Y" messages.
std::string kind_of(const Json& value);

// MockedResponses.<name> (at `pointer`) as a response, or nullptr after adding its problems.
std::shared_ptr<const MockedResponse> parse_mocked_response(const Json& value,
                                                            std::string_view pointer,
                                                            Problems& problems);

}  // namespace sfn::integrations::mock

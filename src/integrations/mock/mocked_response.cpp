// MockedResponses.<name>: {"0": {"Return": ...}, "1-2": {"Throw": {"Error", "Cause"}}, ...}.
// "The keys of a mocked response are the invocation numbers (0-based) or inclusive ranges of
// them; the answers are consecutive from 0" (Step Functions Local, mocked service integrations).
#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

#include "integrations/mock/mock_problems.h"

namespace sfn::integrations {

const MockAnswer& MockedResponse::answer(std::uint64_t invocation) const {
  static const MockAnswer kNoAnswer{};  // only for a response built empty, against the contract
  if (ranges_.empty()) return kNoAnswer;
  auto it = std::lower_bound(ranges_.begin(), ranges_.end(), invocation,
                             [](const Range& r, std::uint64_t i) { return r.last < i; });
  return it == ranges_.end() ? ranges_.back().answer : it->answer;
}

namespace mock {

namespace {

// The largest invocation number a key may name (AWS's are Java ints; a billion retries is
// already more than any test runs).
constexpr std::uint64_t kMaxInvocation = 1'000'000'000;

constexpr const char* kKeyShape =
    "the keys of a mocked response are invocation numbers \"N\" or ranges \"A-B\" (decimal "
    "digits only, e.g. \"0\", \"1-2\")";

struct KeyedAnswer {
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  std::string key;
  MockAnswer answer;
};

// One invocation number: digits only, at most kMaxInvocation; nullopt when not.
std::optional<std::uint64_t> invocation_number(std::string_view digits) {
  if (digits.empty()) return std::nullopt;
  std::uint64_t n = 0;
  for (char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
    if (n > kMaxInvocation) return std::nullopt;
  }
  return n;
}

bool all_digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "N" or "A-B" into [first, last], or a problem at `pointer`.
bool parse_key(std::string_view key, std::string_view pointer, Problems& problems,
               KeyedAnswer& out) {
  const std::size_t dash = key.find('-');
  const std::string_view a = key.substr(0, dash);
  const std::string_view b = dash == std::string_view::npos ? a : key.substr(dash + 1);
  if (!all_digits(a) || !all_digits(b)) {
    problems.add(pointer, json_quoted(key) + " is not an invocation number or range: " + kKeyShape);
    return false;
  }
  auto first = invocation_number(a);
  auto last = invocation_number(b);
  if (!first || !last) {
    problems.add(pointer, "invocation numbers go up to " + std::to_string(kMaxInvocation) +
                              ", and " + json_quoted(key) + " is larger");
    return false;
  }
  if (*first > *last) {
    problems.add(pointer, "the range " + json_quoted(key) +
                              " ends before it starts (write \"A-B\" "
                              "with A <= B)");
    return false;
  }
  out.first = *first;
  out.last = *last;
  return true;
}

constexpr const char* kAnswerShape =
    "an answer is {\"Return\": <the task's result>} or {\"Throw\": {\"Error\": \"...\", "
    "\"Cause\": \"...\"}}";

// {"Error": string, "Cause": string (optional)} into `out`.
bool parse_throw(const Json& value, std::string_view pointer, Problems& problems, MockAnswer& out) {
  if (!value.is_object()) {
    problems.add(pointer, "Throw must be an object {\"Error\": \"...\", \"Cause\": \"...\"}, not " +
                              kind_of(value));
    return false;
  }
  bool ok = true;
  for (const auto& [key, field] : value.items()) {
    const std::string where = child_pointer(pointer, key);
    if (key != "Error" && key != "Cause") {
      problems.add(
          where, unknown_field(key, "Throw has only \"Error\" and \"Cause\"", {"Error", "Cause"}));
      ok = false;
    } else if (!field.is_string()) {
      problems.add(where, key + " must be a string, not " + kind_of(field));
      ok = false;
    } else {
      (key == "Error" ? out.error : out.cause) = field.get_ref<const std::string&>();
    }
  }
  if (!value.contains("Error")) {
    problems.add(pointer,
                 "\"Error\" is required: the error name that Retry and Catch match, "
                 "e.g. \"Lambda.TimeoutException\"");
    ok = false;
  }
  return ok;
}

bool parse_answer(const Json& value, std::string_view pointer, Problems& problems,
                  MockAnswer& out) {
  if (!value.is_object()) {
    problems.add(pointer, "must be an object, not " + kind_of(value) + ": " + kAnswerShape);
    return false;
  }
  bool ok = true;
  for (const auto& [key, field] : value.items()) {
    if (key == "Return") {
      out.result = field;
    } else if (key == "Throw") {
      out.throws = true;
      ok = parse_throw(field, child_pointer(pointer, key), problems, out) && ok;
    } else {
      problems.add(child_pointer(pointer, key),
                   unknown_field(key, kAnswerShape, {"Return", "Throw"}));
      ok = false;
    }
  }
  const bool has_return = value.contains("Return");
  if (has_return && out.throws) {
    problems.add(pointer, "has both \"Return\" and \"Throw\": " + std::string(kAnswerShape));
    ok = false;
  } else if (!has_return && !out.throws) {
    problems.add(pointer, "has neither \"Return\" nor \"Throw\": " + std::string(kAnswerShape));
    ok = false;
  }
  return ok;
}

std::string invocations(std::uint64_t first, std::uint64_t last) {
  return first == last ? "invocation " + std::to_string(first)
                       : "invocations " + std::to_string(first) + "-" + std::to_string(last);
}

// The keys sorted by their first invocation must follow each other: 0..a, a+1..b, ...
bool check_coverage(const std::vector<KeyedAnswer>& keyed, std::string_view pointer,
                    Problems& problems) {
  bool ok = true;
  std::uint64_t next = 0;                 // the first invocation no key so far covers
  const KeyedAnswer* reaching = nullptr;  // the key that covers next - 1
  for (const KeyedAnswer& k : keyed) {
    if (k.first > next) {
      const std::string after = reaching ? "after " + json_quoted(reaching->key) + " comes "
                                         : std::string("the first is ");
      problems.add(pointer, invocations(next, k.first - 1) +
                                (next + 1 == k.first ? " is" : " are") +
                                " not defined: the keys must cover every invocation from 0 on, "
                                "without gaps (" +
                                after + json_quoted(k.key) + ")");
      ok = false;
    } else if (k.first < next) {
      const std::uint64_t last = std::min(k.last, next - 1);
      problems.add(child_pointer(pointer, k.key),
                   invocations(k.first, last) + (k.first == last ? " is" : " are") +
                       " defined twice, by " + json_quoted(reaching->key) + " and by " +
                       json_quoted(k.key) + ": the ranges must not overlap");
      ok = false;
    }
    if (k.last + 1 > next) {
      next = k.last + 1;
      reaching = &k;
    }
  }
  return ok;
}

}  // namespace

std::shared_ptr<const MockedResponse> parse_mocked_response(const Json& value,
                                                            std::string_view pointer,
                                                            Problems& problems) {
  if (!value.is_object()) {
    problems.add(pointer,
                 "a mocked response must be an object of answers by invocation "
                 "({\"0\": {...}, \"1-2\": {...}}), not " +
                     kind_of(value));
    return nullptr;
  }
  if (value.empty()) {
    problems.add(pointer,
                 "a mocked response needs at least one answer, e.g. "
                 "{\"0\": {\"Return\": {}}}");
    return nullptr;
  }
  bool ok = true;
  std::vector<KeyedAnswer> keyed;
  for (const auto& [key, field] : value.items()) {
    const std::string where = child_pointer(pointer, key);
    KeyedAnswer k;
    const bool key_ok = parse_key(key, where, problems, k);
    ok = parse_answer(field, where, problems, k.answer) && key_ok && ok;
    if (!key_ok) continue;
    k.key = key;
    keyed.push_back(std::move(k));
  }
  std::stable_sort(keyed.begin(), keyed.end(), [](const KeyedAnswer& x, const KeyedAnswer& y) {
    return x.first != y.first ? x.first < y.first : x.last < y.last;
  });
  ok = check_coverage(keyed, pointer, problems) && ok;
  if (!ok) return nullptr;
  std::vector<MockedResponse::Range> ranges;
  ranges.reserve(keyed.size());
  for (KeyedAnswer& k : keyed) ranges.push_back({k.last, std::move(k.answer)});
  return std::make_shared<const MockedResponse>(std::move(ranges));
}

}  // namespace mock
}  // namespace sfn::integrations

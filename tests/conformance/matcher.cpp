// Matcher.diff of run_cases.py, branch by branch (the order of the checks matters: strings first,
// then JSON text against containers, containers, booleans, numbers, the rest).
#include "matcher.h"

#include "placeholder_pattern.h"

namespace sfn::conformance {
namespace {

bool parse_json_text(const std::string& text, Json& out) {
  out = Json::parse(text, nullptr, false);
  return !out.is_discarded();
}

bool is_container(const Json& v) { return v.is_object() || v.is_array(); }

bool numbers_equal(const Json& a, const Json& b) {
  if (a.is_number_integer() && b.is_number_integer()) {
    if (a.is_number_unsigned() && b.is_number_unsigned())
      return a.get<std::uint64_t>() == b.get<std::uint64_t>();
    if (a.is_number_unsigned())
      return b.get<std::int64_t>() >= 0 && a.get<std::uint64_t>() == b.get<std::uint64_t>();
    if (b.is_number_unsigned())
      return a.get<std::int64_t>() >= 0 && a.get<std::uint64_t>() == b.get<std::uint64_t>();
    return a.get<std::int64_t>() == b.get<std::int64_t>();
  }
  return a.get<long double>() == b.get<long double>();
}

}  // namespace

std::string short_json(const Json& value, std::size_t n) {
  std::string s = value.dump(-1, ' ', false, Json::error_handler_t::replace);
  if (s.size() <= n) return s;
  std::size_t cut = n - 3;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
    --cut;  // whole UTF-8 characters
  return s.substr(0, cut) + "...";
}

Matcher::Matcher(const std::vector<std::string>& literals)
    : literals_(literals.begin(), literals.end()) {}

std::optional<std::string> Matcher::diff(const Json& expected, const Json& actual_in,
                                         const std::string& path) const {
  auto mismatch = [&](const Json& a) {
    return path + ": expected " + short_json(expected) + ", got " + short_json(a);
  };
  if (expected.is_string()) {
    const auto& e = expected.get_ref<const std::string&>();
    if (actual_in.is_string()) {
      const auto& a = actual_in.get_ref<const std::string&>();
      if (e == a || literals_.count(e) > 0) return std::nullopt;
      auto pattern = PlaceholderPattern::compile(e, literals_);
      if (pattern.has_placeholders() && pattern.full_match(a)) return std::nullopt;
      // JSON text on both sides (history details): compare structurally.
      Json e2, a2;
      if (parse_json_text(e, e2) && parse_json_text(a, a2) &&
          (is_container(e2) || is_container(a2)))
        return diff(e2, a2, path);
      return mismatch(actual_in);
    }
    // A placeholder in place of a non-string: only a literal of the case stands for a number
    // (LocalStack's transformers replaced numeric fields by name, e.g. RandomNumberGenerated);
    // a `<...>` token stands for text, and nothing stands for an object, array, boolean or null.
    if (actual_in.is_number() && literals_.count(e) > 0) return std::nullopt;
    return mismatch(actual_in);
  }
  Json parsed;
  const Json* actual = &actual_in;
  if (actual_in.is_string() && is_container(expected)) {
    if (!parse_json_text(actual_in.get_ref<const std::string&>(), parsed))
      return mismatch(actual_in);
    actual = &parsed;
  }
  if (expected.is_object()) {
    if (!actual->is_object()) return path + ": expected object, got " + short_json(*actual);
    std::vector<std::string> missing, extra;
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      if (!actual->contains(it.key())) missing.push_back(it.key());
    }
    for (auto it = actual->begin(); it != actual->end(); ++it) {
      if (!expected.contains(it.key())) extra.push_back(it.key());
    }
    auto list = [](const std::vector<std::string>& keys) {
      std::string s = "[";
      for (std::size_t i = 0; i < keys.size() && i < 5; ++i) s += (i ? ", '" : "'") + keys[i] + "'";
      return s + "]";
    };
    if (!missing.empty()) return path + ": missing key(s) " + list(missing);
    if (!extra.empty()) return path + ": unexpected key(s) " + list(extra);
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      if (auto d = diff(it.value(), actual->at(it.key()), path + "." + it.key())) return d;
    }
    return std::nullopt;
  }
  if (expected.is_array()) {
    if (!actual->is_array()) return path + ": expected array, got " + short_json(*actual);
    if (expected.size() != actual->size())
      return path + ": expected " + std::to_string(expected.size()) + " items, got " +
             std::to_string(actual->size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
      if (auto d = diff(expected[i], (*actual)[i], path + "[" + std::to_string(i) + "]")) return d;
    }
    return std::nullopt;
  }
  if (expected.is_boolean() || actual->is_boolean()) {
    if (expected.is_boolean() && actual->is_boolean() && expected == *actual) return std::nullopt;
    return mismatch(*actual);
  }
  if (expected.is_number() && actual->is_number()) {
    if (numbers_equal(expected, *actual)) return std::nullopt;
    return path + ": expected " + expected.dump() + ", got " + actual->dump();
  }
  if (expected == *actual) return std::nullopt;
  return mismatch(*actual);
}

}  // namespace sfn::conformance

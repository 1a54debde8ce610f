// --lambda NAME=COMMAND and SFN_LAMBDA (';'-separated entries): local Lambda handlers.
#include "app/config_lambda.h"

namespace sfn::app {
namespace {

tl::unexpected<std::string> invalid(std::string_view value, const std::string& source,
                                    std::string_view expected) {
  return tl::unexpected("invalid value '" + std::string(value) + "' for " + source + ": expected " +
                        std::string(expected));
}

std::string_view trimmed(std::string_view item) {
  while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
  while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
  return item;
}

// Lambda's rule for a function name: [A-Za-z0-9-_]{1,64}.
bool valid_function_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
          c == '_')) {
      return false;
    }
  }
  return true;
}

}  // namespace

tl::expected<void, std::string> append_lambda_handlers(
    std::vector<std::pair<std::string, std::string>>& handlers, const std::string& value,
    const std::string& source) {
  constexpr std::string_view kExpected =
      "NAME=COMMAND, NAME a Lambda function name ([A-Za-z0-9-_], at most 64) and COMMAND a "
      "non-empty shell command";
  std::vector<std::string_view> entries;
  std::string_view rest = value;
  if (source == "SFN_LAMBDA") {
    while (!rest.empty()) {
      const auto semi = rest.find(';');
      if (std::string_view e = trimmed(rest.substr(0, semi)); !e.empty()) entries.push_back(e);
      rest = semi == std::string_view::npos ? std::string_view() : rest.substr(semi + 1);
    }
  } else {
    entries.push_back(rest);
  }
  if (entries.empty()) return invalid(value, source, kExpected);
  for (std::string_view entry : entries) {
    const auto equals = entry.find('=');
    const std::string_view name = trimmed(entry.substr(0, equals));
    const std::string_view command =
        equals == std::string_view::npos ? std::string_view() : trimmed(entry.substr(equals + 1));
    if (!valid_function_name(name) || command.empty()) {
      return invalid(entry, source, kExpected);
    }
    for (const auto& [known, unused] : handlers) {
      if (known == name) {
        return tl::unexpected("function '" + known + "' is given twice in " + source);
      }
    }
    handlers.emplace_back(name, command);
  }
  return {};
}

}  // namespace sfn::app

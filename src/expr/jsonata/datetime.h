// Date/time pictures of XPath fn:format-dateTime as jsonata-js implements them (datetime.js).
#pragma once

#include <optional>
#include <string>

namespace sfn::jsonata {

// ISO 8601 "YYYY-MM-DDTHH:MM:SS.sssZ" when picture is null. nullopt when the time (with the
// timezone's offset) is outside JavaScript's Date range of +-8.64e15 ms.
std::optional<std::string> format_datetime(double millis, const std::string* picture,
                                           const std::string* timezone);
// nullopt when the picture does not match; throws D313x for bad pictures.
std::optional<double> parse_datetime(const std::string& timestamp, const std::string& picture,
                                     double now_ms);
std::optional<double> parse_iso8601(const std::string& timestamp);

// Integer pictures (fn:format-integer), used by $formatInteger and date components.
std::string format_integer(double value, const std::string& picture);
std::optional<double> parse_integer(const std::string& value, const std::string& picture);

}  // namespace sfn::jsonata

// Picture strings for $fromMillis/$toMillis/$formatInteger/$parseInteger (stub, see README).
#include <cmath>
#include <cstdio>

#include "expr/jsonata/civil_time.h"
#include "expr/jsonata/datetime.h"
#include "expr/jsonata/error.h"

namespace sfn::jsonata {

std::string format_datetime(double millis, const std::string* picture, const std::string* timezone) {
  if (!picture) {
    auto ms = static_cast<std::int64_t>(std::floor(millis));
    std::int64_t days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
    std::int64_t rem = ms - days * 86400000;
    CivilDate c = civil_from_days(days);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", static_cast<long long>(c.year),
                  c.month, c.day, static_cast<long long>(rem / 3600000), static_cast<long long>(rem / 60000 % 60),
                  static_cast<long long>(rem / 1000 % 60), static_cast<long long>(rem % 1000));
    return buf;
  }
  throw_error("D3132", {}, {}, Value::string(*picture));
}

std::optional<double> parse_datetime(const std::string& timestamp, const std::string& picture) {
  throw_error("D3132", {}, {}, Value::string(picture));
}

std::string format_integer(double value, const std::string& picture) {
  throw_error("D3130", {}, {}, Value::string(picture));
}

std::optional<double> parse_integer(const std::string& value, const std::string& picture) {
  throw_error("D3130", {}, {}, Value::string(picture));
}

}  // namespace sfn::jsonata

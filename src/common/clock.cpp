#include "sfn/common/clock.h"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace sfn {
namespace {

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

namespace {

double system_epoch_seconds() {
  using namespace std::chrono;
  return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count() / 1e6;
}

class SystemClock final : public Clock {
 public:
  double epoch_seconds() const override { return system_epoch_seconds(); }
  SteadyTime steady() const override { return std::chrono::steady_clock::now(); }
};

}  // namespace

std::shared_ptr<const Clock> system_clock() {
  static const auto clock = std::make_shared<const SystemClock>();
  return clock;
}

ManualClock::ManualClock(double epoch_seconds) : epoch_(epoch_seconds) {}
ManualClock::ManualClock() : ManualClock(system_epoch_seconds()) {}

Clock::SteadyTime ManualClock::steady() const {
  return std::chrono::steady_clock::now() + std::chrono::nanoseconds(steady_offset_ns_.load());
}

void ManualClock::advance(double seconds) {
  // A compare-exchange loop: std::atomic<double>::fetch_add is C++20 but not in every library.
  double current = epoch_.load();
  while (!epoch_.compare_exchange_weak(current, current + seconds)) {
  }
  steady_offset_ns_.fetch_add(static_cast<std::int64_t>(seconds * 1e9));
}

std::string format_iso8601(double epoch_seconds) {
  auto total_ms = static_cast<long long>(std::floor(epoch_seconds * 1000.0 + 0.5));
  std::time_t secs = static_cast<std::time_t>(total_ms / 1000);
  int ms = static_cast<int>(total_ms % 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
  return buf;
}

std::optional<double> parse_iso8601(std::string_view s) {
  int year, mon, day, hour, min, sec;
  if (!digits(s, 0, 4, year) || s.size() < 19 || s[4] != '-' || !digits(s, 5, 2, mon) ||
      s[7] != '-' || !digits(s, 8, 2, day) || s[10] != 'T' || !digits(s, 11, 2, hour) ||
      s[13] != ':' || !digits(s, 14, 2, min) || s[16] != ':' || !digits(s, 17, 2, sec))
    return std::nullopt;
  if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 60)
    return std::nullopt;
  size_t pos = 19;
  double frac = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    double scale = 0.1;
    size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      frac += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }
  int offset = 0;
  if (pos < s.size() && s[pos] == 'Z') {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    int sign = s[pos] == '-' ? -1 : 1;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, om))
      return std::nullopt;
    offset = sign * (oh * 3600 + om * 60);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  std::tm tm{};
  tm.tm_year = year - 1900;
  tm.tm_mon = mon - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = min;
  tm.tm_sec = sec;
  std::time_t t = timegm(&tm);
  return static_cast<double>(t) - offset + frac;
}

}  // namespace sfn

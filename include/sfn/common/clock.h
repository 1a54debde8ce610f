// Wall-clock time for timestamps (epoch seconds with fraction) and AWS's ISO-8601 text form.
// Timers use steady time in the engine; this clock is injectable so tests can pin it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace sfn {

// Seconds since the Unix epoch, with sub-second fraction.
double now_epoch_seconds();

// Replaces the clock (tests); pass nullptr to restore the system clock.
void set_clock_for_testing(std::function<double()> clock);

// "2024-01-31T12:34:56.789Z" (milliseconds, UTC) as the context object and Wait use.
std::string format_iso8601(double epoch_seconds);

// Parses an RFC3339 timestamp as ASL allows in Wait.Timestamp ("2016-03-14T01:59:00Z",
// optional fraction, 'Z' or +hh:mm offset; uppercase T and Z). nullopt when invalid.
std::optional<double> parse_iso8601(std::string_view text);

}  // namespace sfn

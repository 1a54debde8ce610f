// The time the service tells, passed in rather than read from the system so that tests can pin
// it or move it: wall time (epoch seconds with fraction) for every timestamp and for deadlines
// given as dates (a Wait's Timestamp, an execution's TimeoutSeconds counted from its start date,
// a page token's age), and steady time for the deadlines timers count down to (retry intervals,
// Wait, task timeouts and heartbeats). Also AWS's ISO-8601 text form of a timestamp.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace sfn {

class Clock {
 public:
  using SteadyTime = std::chrono::steady_clock::time_point;

  virtual ~Clock() = default;
  // Seconds since the Unix epoch, with sub-second fraction.
  virtual double epoch_seconds() const = 0;
  // Monotonic time, for deadlines on the event loop's timers. A timer is armed for the time
  // left until its deadline by this clock (`deadline - steady()`), never for the deadline
  // itself, so that a clock other than the system's keeps timers consistent.
  virtual SteadyTime steady() const = 0;
};

// The system's clocks (std::chrono::system_clock and steady_clock); one shared instance.
std::shared_ptr<const Clock> system_clock();

// A clock for tests. Wall time stands still at what set() gave (or the system's time when the
// clock was made) until advance() moves it, so timestamps are exact; steady time runs with the
// system's steady clock plus every advance(), so timers still fire. Thread-safe.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(double epoch_seconds);
  ManualClock();

  double epoch_seconds() const override { return epoch_.load(); }
  SteadyTime steady() const override;

  void set(double epoch_seconds) { epoch_.store(epoch_seconds); }
  // Moves both clocks forward by `seconds`.
  void advance(double seconds);

 private:
  std::atomic<double> epoch_;
  std::atomic<std::int64_t> steady_offset_ns_{0};
};

// "2024-01-31T12:34:56.789Z" (milliseconds, UTC) as the context object and Wait use.
std::string format_iso8601(double epoch_seconds);

// Parses an RFC3339 timestamp as ASL allows in Wait.Timestamp ("2016-03-14T01:59:00Z",
// optional fraction, 'Z' or +hh:mm offset; uppercase T and Z). nullopt when invalid.
std::optional<double> parse_iso8601(std::string_view text);

}  // namespace sfn

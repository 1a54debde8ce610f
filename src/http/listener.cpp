#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <cerrno>
#include <chrono>
#include <memory>

#include "http/server_state.h"
#include "http/session.h"

namespace sfn::http {
namespace {

using Clock = std::chrono::steady_clock;

// Out of file descriptors (or kernel memory): accept fails at once while the connection waits
// in the backlog, so wait a little, after closing idle connections to free descriptors.
constexpr auto kExhaustedBackoff = std::chrono::milliseconds(50);
constexpr std::size_t kEvictWhenExhausted = 8;
// Any other accept failure.
constexpr auto kErrorBackoff = std::chrono::milliseconds(100);
// A repeated warning is logged at most this often.
constexpr auto kWarnEvery = std::chrono::seconds(10);

bool out_of_descriptors(const error_code& ec) {
  return ec == asio::error::no_descriptors ||  // EMFILE
         (ec.category() == boost::system::system_category() && ec.value() == ENFILE) ||
         ec == asio::error::no_buffer_space || ec == asio::error::no_memory;
}

// Logs the first of a kind of event, then at most once per kWarnEvery with how many happened.
class LogThrottle {
 public:
  // Returns how many events happened since the last log (this one included), or 0 to stay
  // quiet.
  std::size_t note() {
    ++count_;
    const auto now = Clock::now();
    if (logged_ && now - last_ < kWarnEvery) return 0;
    logged_ = true;
    last_ = now;
    const std::size_t n = count_;
    count_ = 0;
    return n;
  }

 private:
  std::size_t count_ = 0;
  bool logged_ = false;
  Clock::time_point last_;
};

}  // namespace

asio::awaitable<void> accept_loop(std::shared_ptr<ServerState> state) {
  LogThrottle accept_failures;
  LogThrottle over_cap;
  for (;;) {
    // Each connection gets its own strand.
    auto [ec, socket] = co_await state->acceptor.async_accept(
        asio::any_io_executor(asio::make_strand(state->io)), kTuple);
    if (state->stopping || ec == asio::error::operation_aborted || !state->acceptor.is_open()) {
      co_return;
    }
    if (ec == asio::error::connection_aborted) continue;  // the client gave up; nothing to fix
    if (ec) {
      const bool exhausted = out_of_descriptors(ec);
      if (exhausted) state->sessions.evict_idle(kEvictWhenExhausted);
      if (std::size_t n = accept_failures.note()) {
        spdlog::warn(
            "http: accept failed ({} time(s) since the last warning): {}; {} open "
            "connection(s){}",
            n, ec.message(), state->sessions.count(),
            exhausted ? ", closing idle ones (see --max-connections)" : "");
      }
      asio::steady_timer backoff(state->strand, exhausted ? kExhaustedBackoff : kErrorBackoff);
      co_await backoff.async_wait(kTuple);
      continue;
    }
    error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    const bool admitted = state->sessions.admit(state->max_connections);
    if (!admitted) {
      if (std::size_t n = over_cap.note()) {
        spdlog::warn(
            "http: {} connection(s) refused with ThrottlingException since the last warning: "
            "all {} allowed connections are busy (--max-connections)",
            n, state->max_connections);
      }
    }
    Session::start(state, std::move(socket), /*throttle=*/!admitted);
  }
}

}  // namespace sfn::http

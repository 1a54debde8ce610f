#include <chrono>
#include <memory>

#include <boost/asio/as_tuple.hpp>
#include <spdlog/spdlog.h>

#include "http/server_state.h"
#include "http/session.h"

namespace sfn::http {

asio::awaitable<void> accept_loop(std::shared_ptr<ServerState> state) {
  constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
  for (;;) {
    // Each connection gets its own strand.
    auto [ec, socket] =
        co_await state->acceptor.async_accept(asio::any_io_executor(asio::make_strand(state->io)), kTuple);
    if (state->stopping || ec == asio::error::operation_aborted || !state->acceptor.is_open()) {
      co_return;
    }
    if (ec) {
      // E.g. too many open files: back off a little instead of spinning.
      spdlog::warn("http: accept failed: {}", ec.message());
      asio::steady_timer backoff(state->strand, std::chrono::milliseconds(100));
      co_await backoff.async_wait(kTuple);
      continue;
    }
    error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    Session::start(state, std::move(socket));
  }
}

}  // namespace sfn::http

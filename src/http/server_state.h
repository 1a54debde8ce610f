// What the listener, the sessions and the Server share. Owned by shared_ptr: every coroutine
// holds it, so it outlives the Server object if a coroutine frame does.
#pragma once

#include <atomic>
#include <memory>
#include <optional>

#include "http/beast.h"
#include "http/session_registry.h"
#include "sfn/api/dispatcher.h"
#include "sfn/http/server.h"

namespace sfn::http {

struct ServerState {
  ServerState(asio::io_context& io_context, api::Dispatcher& api_dispatcher, ServerOptions opts)
      : io(io_context),
        dispatcher(api_dispatcher),
        options(std::move(opts)),
        strand(asio::make_strand(io_context)),
        acceptor(strand),
        drain_timer(strand) {}

  asio::io_context& io;
  api::Dispatcher& dispatcher;
  const ServerOptions options;

  // The acceptor, the signal set and the drain timer live on this strand.
  asio::strand<asio::io_context::executor_type> strand;
  tcp::acceptor acceptor;
  std::optional<asio::signal_set> signals;
  asio::steady_timer drain_timer;

  std::size_t max_connections = 0;    // the cap in effect, set by Server::start()
  std::atomic<bool> stopping{false};  // set once, when shutdown starts
  bool force_closed = false;          // on the strand: every session was force-closed
  SessionRegistry sessions;
};

// The listener coroutine: accepts until the acceptor is closed.
asio::awaitable<void> accept_loop(std::shared_ptr<ServerState> state);

}  // namespace sfn::http

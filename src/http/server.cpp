#include "sfn/http/server.h"

#include <spdlog/spdlog.h>

#include <boost/asio/as_tuple.hpp>
#include <csignal>
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>

#include "http/server_state.h"

namespace sfn::http {
namespace {

// Completion of the server's own coroutines: log, never rethrow into io_context::run.
auto log_failure(const char* what) {
  return [what](std::exception_ptr error) {
    if (!error) return;
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      spdlog::error("http: {} failed: {}", what, e.what());
    } catch (...) {
      spdlog::error("http: {} failed", what);
    }
  };
}

// Runs on the server strand: see Server::shutdown().
asio::awaitable<void> drain(std::shared_ptr<ServerState> state) {
  error_code ignored;
  state->acceptor.close(ignored);
  try {
    state->dispatcher.shutdown();
  } catch (const std::exception& e) {
    spdlog::error("http: dispatcher shutdown failed: {}", e.what());
  }
  state->sessions.close_all(/*force=*/false);
  const auto deadline = std::chrono::steady_clock::now() + state->options.shutdown_grace;
  if (const std::size_t open = state->sessions.count(); open > 0) {
    spdlog::info("waiting up to {} ms for {} open connection(s)",
                 state->options.shutdown_grace.count(), open);
  }
  // The timer is cancelled (on this strand) when the last session goes away.
  while (state->sessions.count() > 0 && std::chrono::steady_clock::now() < deadline) {
    state->drain_timer.expires_at(deadline);
    co_await state->drain_timer.async_wait(kTuple);
  }
  if (const std::size_t open = state->sessions.count(); open > 0) {
    spdlog::warn("closing {} connection(s) with requests still in flight", open);
  }
  // Sessions still waiting for the dispatcher are closed on their strands; wait (briefly) for
  // that to happen before the io_context stops.
  state->sessions.close_all(/*force=*/true, [state] {
    asio::post(state->strand, [state] {
      state->force_closed = true;
      state->drain_timer.cancel();
    });
  });
  const auto close_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while (!state->force_closed && std::chrono::steady_clock::now() < close_deadline) {
    state->drain_timer.expires_at(close_deadline);
    co_await state->drain_timer.async_wait(kTuple);
  }
  if (state->signals) state->signals->cancel(ignored);
  if (state->options.stop_io_on_shutdown) state->io.stop();
}

void start_shutdown(const std::shared_ptr<ServerState>& state) {
  if (state->stopping.exchange(true)) return;
  asio::co_spawn(state->strand, drain(state), log_failure("shutdown"));
}

asio::awaitable<void> watch_signals(std::shared_ptr<ServerState> state) {
  auto [ec, signal] = co_await state->signals->async_wait(kTuple);
  if (ec) co_return;
  spdlog::info("received signal {}, shutting down", signal);
  start_shutdown(state);
  auto [again_ec, again] = co_await state->signals->async_wait(kTuple);
  if (again_ec) co_return;
  spdlog::warn("received signal {} again, stopping now", again);
  state->io.stop();
}

tcp::endpoint resolve(asio::io_context& io, const std::string& host, std::uint16_t port) {
  error_code ec;
  const auto address = asio::ip::make_address(host, ec);
  if (!ec) return {address, port};
  tcp::resolver resolver(io);
  auto results = resolver.resolve(host, std::to_string(port), tcp::resolver::passive, ec);
  if (ec || results.empty()) {
    throw std::runtime_error("cannot resolve host '" + host +
                             "': " + (ec ? ec.message() : std::string("no address")));
  }
  return results.begin()->endpoint();
}

}  // namespace

struct Server::Impl {
  std::shared_ptr<ServerState> state;
  std::uint16_t bound_port = 0;  // set by start(), before any coroutine runs
};

Server::Server(asio::io_context& io, api::Dispatcher& dispatcher, ServerOptions options)
    : impl_(std::make_shared<Impl>()) {
  impl_->state = std::make_shared<ServerState>(io, dispatcher, std::move(options));
  std::weak_ptr<ServerState> weak = impl_->state;
  impl_->state->sessions.set_on_empty([weak] {
    auto state = weak.lock();
    if (!state || !state->stopping) return;
    asio::post(state->strand, [state] { state->drain_timer.cancel(); });
  });
}

Server::~Server() = default;

void Server::start() {
  const auto& state = impl_->state;
  const ServerOptions& options = state->options;
  const tcp::endpoint endpoint = resolve(state->io, options.host, options.port);
  auto fail = [&](const char* step, const error_code& ec) {
    throw std::runtime_error("cannot listen on " + options.host + ":" +
                             std::to_string(options.port) + " (" + step + "): " + ec.message());
  };
  error_code ec;
  state->acceptor.open(endpoint.protocol(), ec);
  if (ec) fail("open", ec);
  state->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (ec) fail("reuse_address", ec);
  state->acceptor.bind(endpoint, ec);
  if (ec) fail("bind", ec);
  state->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) fail("listen", ec);
  impl_->bound_port = state->acceptor.local_endpoint(ec).port();
  if (ec) fail("local_endpoint", ec);
  state->max_connections = options.max_connections != 0
                               ? options.max_connections
                               : default_max_connections(open_files_limit());

  asio::co_spawn(state->strand, accept_loop(state), log_failure("listener"));
  if (options.handle_signals) {
    state->signals.emplace(state->strand, SIGINT, SIGTERM);
    asio::co_spawn(state->strand, watch_signals(state), log_failure("signal handler"));
  }
}

std::uint16_t Server::port() const { return impl_->bound_port; }

void Server::shutdown() { start_shutdown(impl_->state); }

std::size_t Server::max_connections() const { return impl_->state->max_connections; }

std::size_t Server::session_count() const { return impl_->state->sessions.count(); }

}  // namespace sfn::http

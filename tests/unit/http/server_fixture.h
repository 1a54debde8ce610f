// A fixture for the server over real sockets: 127.0.0.1, an ephemeral port, a fake dispatcher
// and an io_context on two threads.
#pragma once

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

#include "fake_dispatcher.h"
#include "sfn/http/server.h"
#include "test_client.h"

namespace sfn::http::testing {

using namespace std::chrono_literals;

class ServerTest : public ::testing::Test {
 protected:
  void start(ServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.handle_signals = false;
    options.shutdown_grace = options.shutdown_grace > 2s ? 2s : options.shutdown_grace;
    options.router.server_info = "sfn-local test";
    server_ = std::make_unique<Server>(io_, dispatcher_, options);
    server_->start();
    for (int i = 0; i < 2; ++i) threads_.emplace_back([this] { io_.run(); });
  }

  // Shuts down and waits until the io_context has stopped.
  void stop() {
    if (server_) server_->shutdown();
    for (auto& thread : threads_) thread.join();
    threads_.clear();
  }

  void TearDown() override { stop(); }

  std::uint16_t port() const { return server_->port(); }

  // Waits until the server has `count` open connections.
  bool wait_sessions(std::size_t count) {
    const auto deadline = std::chrono::steady_clock::now() + 5s;
    while (server_->session_count() != count) {
      if (std::chrono::steady_clock::now() > deadline) return false;
      std::this_thread::sleep_for(5ms);
    }
    return true;
  }

  boost::asio::io_context io_{2};
  FakeDispatcher dispatcher_;
  std::unique_ptr<Server> server_;
  std::vector<std::thread> threads_;
};

}  // namespace sfn::http::testing

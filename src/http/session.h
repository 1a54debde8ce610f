// One HTTP connection: a coroutine on its own strand that reads requests (keep-alive), routes
// them through handle_request, awaits the dispatcher and writes the responses. A connection over
// the cap (`throttle`) only gets a ThrottlingException and is closed.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>

#include "http/beast.h"
#include "http/server_state.h"

namespace sfn::http {

class Session : public std::enable_shared_from_this<Session> {
 public:
  // Registers the session and spawns its coroutine on the socket's executor (a strand).
  static void start(std::shared_ptr<ServerState> state, tcp::socket socket, bool throttle = false);

  Session(std::shared_ptr<ServerState> state, tcp::socket socket, bool throttle);
  ~Session();

  // From any thread: closes the connection if it is idle (waiting for a request), or
  // unconditionally when `force`. Then runs `then` (if any) on the session's strand.
  void close(bool force, std::function<void()> then = {});

  // From any thread, for the connection cap: closes the connection if it is still idle on its
  // strand, else tells the registry it stays (SessionRegistry::cancel_eviction).
  void evict();

 private:
  static asio::awaitable<void> run(std::shared_ptr<Session> self);

  std::shared_ptr<ServerState> state_;
  beast::tcp_stream stream_;
  std::uint64_t id_ = 0;
  bool throttle_ = false;
  bool busy_ = false;  // a request is being handled; touched only on the strand
};

}  // namespace sfn::http

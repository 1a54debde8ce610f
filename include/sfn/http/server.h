// The HTTP/1.1 server: a listener coroutine, one coroutine per connection on its own strand,
// keep-alive, read/write timeouts, a body limit on every request, and graceful shutdown.
// Beast and Asio stay behind the pimpl so that including this header is cheap.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "sfn/http/handle_request.h"

namespace boost::asio {
class io_context;
}

namespace sfn::api {
class Dispatcher;
}

namespace sfn::http {

// The default connection cap for a process that may open `open_files` descriptors: room for the
// database, the event loop and outbound connections (64), at most 1000.
std::size_t default_max_connections(std::uint64_t open_files);

// The soft RLIMIT_NOFILE of this process (UINT64_MAX when unlimited or unknown).
std::uint64_t open_files_limit();

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8083;  // 0 = ephemeral; see Server::port()
  // Largest request body: 1 MiB definitions plus JSON escaping and the other fields.
  std::size_t body_limit = 2 * 1024 * 1024;
  std::size_t header_limit = 16 * 1024;  // SigV4 headers are well below this
  // Before every read (so also the keep-alive idle time) and before every write.
  std::chrono::milliseconds read_timeout = std::chrono::seconds(75);
  std::chrono::milliseconds write_timeout = std::chrono::seconds(30);
  // Open connections served at once (0 = default_max_connections(open_files_limit()), below).
  // Beyond it the longest-idle connection is closed to make room, or, when every connection is
  // busy, the new one gets ThrottlingException and is closed.
  std::size_t max_connections = 0;
  // How long shutdown waits for sessions with a request in flight before closing them.
  std::chrono::milliseconds shutdown_grace = std::chrono::seconds(5);
  bool handle_signals = true;       // SIGINT/SIGTERM start shutdown(); a second one stops now
  bool stop_io_on_shutdown = true;  // shutdown() ends with io_context::stop()
  RouterOptions router;
};

class Server {
 public:
  // `io` and `dispatcher` must outlive the server and every session it started; sessions keep
  // only shared state of their own, so destroying the Server while io is stopped is fine.
  Server(boost::asio::io_context& io, api::Dispatcher& dispatcher, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Opens, binds and listens, then starts accepting on the io_context (and the signal
  // coroutine when handle_signals). Throws std::runtime_error with a readable message, e.g.
  // "cannot listen on 127.0.0.1:8083: Address already in use".
  void start();

  // The bound port (the real one when options.port was 0). Valid after start().
  std::uint16_t port() const;

  // Graceful shutdown, callable from any thread, idempotent: stop accepting, call
  // dispatcher.shutdown(), close idle connections, wait up to shutdown_grace for requests in
  // flight (their responses carry "Connection: close"), close the rest, then stop the
  // io_context when stop_io_on_shutdown.
  void shutdown();

  // The connection cap in effect (options.max_connections or its default). Valid after start().
  std::size_t max_connections() const;

  // Number of open connections (for tests and diagnostics).
  std::size_t session_count() const;

 private:
  struct Impl;
  std::shared_ptr<Impl> impl_;
};

}  // namespace sfn::http

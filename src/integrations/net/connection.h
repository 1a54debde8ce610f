// One outbound connection (TCP, or TLS over TCP) and the pool of idle keep-alive connections,
// keyed by scheme://host:port. A connection belongs to one request at a time; the pool is
// shared by all of them (its own lock).
#pragma once

#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <chrono>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <variant>

namespace sfn::integrations::net {

namespace asio = boost::asio;
namespace beast = boost::beast;

using PlainStream = beast::tcp_stream;
using TlsStream = asio::ssl::stream<beast::tcp_stream>;

struct Connection {
  Connection(std::string k, PlainStream tcp) : key(std::move(k)), stream(std::move(tcp)) {}

  std::string key;  // scheme://host:port
  std::variant<PlainStream, TlsStream> stream;
  beast::flat_buffer buffer;  // bytes read past the last answer (none on a healthy connection)
  std::chrono::steady_clock::time_point idle_since;

  PlainStream& tcp();
  // Closes the socket: pending operations complete with operation_aborted.
  void close();
  // Open, nothing buffered, and the peer has neither closed it nor sent anything since.
  bool reusable();
};

class ConnectionPool {
 public:
  ConnectionPool(std::size_t per_host, std::size_t total, std::chrono::seconds max_idle)
      : per_host_(per_host), total_(total), max_idle_(max_idle) {}

  // The most recently used idle connection for `key` that is still reusable, or null.
  std::shared_ptr<Connection> take(const std::string& key);
  // Keeps `c` idle (closing the oldest beyond the bounds).
  void put(std::shared_ptr<Connection> c);
  std::size_t idle() const;

 private:
  std::size_t per_host_, total_;
  std::chrono::seconds max_idle_;
  mutable std::mutex mutex_;
  std::deque<std::shared_ptr<Connection>> idle_;  // oldest first
};

}  // namespace sfn::integrations::net

// The state an HttpClient shares with its requests (which may outlive it), and one request's
// exchange: resolve → connect → TLS → write → read, on the request's own strand.
#pragma once

#include <atomic>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <memory>

#include "integrations/net/connection.h"
#include "sfn/integrations/http_client.h"
#include "sfn/integrations/url.h"

namespace sfn::integrations {

struct HttpClient::Impl {
  Impl(boost::asio::io_context& io, HttpClientOptions opts);

  boost::asio::io_context& io;
  HttpClientOptions options;
  boost::asio::ssl::context tls;
  net::ConnectionPool pool;
  std::atomic<std::size_t> opened{0};
};

namespace net {

using Strand = asio::strand<asio::io_context::executor_type>;

// One request from send() to its callback. The fields below `state` are strand-confined.
struct Exchange {
  explicit Exchange(asio::io_context& io)
      : strand(asio::make_strand(io)), resolver(strand), watchdog(strand) {}

  // Runs the callback unless the request was cancelled (or answered) first.
  void deliver(HttpResult result);
  // Stops whatever is in flight: the resolve, the connect, the TLS handshake, the write, the read.
  void abort();

  Strand strand;
  asio::ip::tcp::resolver resolver;
  asio::steady_timer watchdog;  // the total timeout
  HttpCallback callback;
  enum : int { kPending, kDelivered, kCancelled };
  std::atomic<int> state{kPending};

  std::shared_ptr<Connection> connection;
  bool aborted = false;
  bool timed_out = false;
};

// Starts the exchange on its strand; the callback gets its result.
void start_exchange(std::shared_ptr<HttpClient::Impl> client, std::shared_ptr<Exchange> exchange,
                    Url url, HttpRequest request);

}  // namespace net
}  // namespace sfn::integrations

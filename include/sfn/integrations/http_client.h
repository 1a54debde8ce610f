// The one outbound HTTP client of sfn-local (DESIGN.md, "Task integrations"), shared by Lambda
// through an Invoke endpoint and the HTTP Task: HTTP/1.1 over TCP or TLS on the app's
// io_context, never blocking an I/O thread. Each request resolves, connects (bounded by a
// connect timeout), optionally handshakes TLS (the peer verified against the system CA store
// and an optional extra bundle, SNI set), writes, and reads the answer with a body limit, all
// bounded by a total timeout; keep-alive connections are reused per scheme, host and port from
// a bounded idle pool. Failures come back as values. No Asio in this header (pimpl).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <tl/expected.hpp>
#include <utility>
#include <vector>

namespace boost::asio {
class io_context;
}

namespace sfn::integrations {

using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
  std::string method = "GET";
  std::string url;      // http://... or https://...
  HttpHeaders headers;  // Host and Content-Length are set by the client
  std::string body;     // sent with a Content-Length unless the method is GET/HEAD and it is empty
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{60'000};  // resolve to the last byte of the answer
  std::size_t body_limit = 8 * 1024 * 1024;         // of the answer's body
};

struct HttpResponse {
  int status = 0;
  std::string reason;   // "OK", "Not Found", ... as the server wrote it
  HttpHeaders headers;  // in order, names as the server wrote them
  std::string body;
  bool reused_connection = false;  // whether it came over a pooled keep-alive connection

  // The first header of that name (case-insensitive), or "".
  std::string header(std::string_view name) const;
};

struct HttpError {
  enum class Kind {
    kInvalidUrl,      // the URL is not http(s)://host[:port]...
    kDns,             // the host name does not resolve
    kConnect,         // refused, unreachable, reset while connecting
    kConnectTimeout,  // no connection within connect_timeout
    kTimeout,         // no complete answer within total_timeout
    kTls,             // handshake failed (certificate not trusted, wrong host, protocol)
    kBodyTooLarge,    // the answer's body is over body_limit
    kProtocol,        // the connection broke or the answer is not HTTP/1.x
  };
  Kind kind = Kind::kProtocol;
  std::string message;  // for a cause: what failed and where
};

using HttpResult = tl::expected<HttpResponse, HttpError>;
// Called once per request, on an I/O thread, unless the request was cancelled first.
using HttpCallback = std::function<void(HttpResult)>;
// Aborts the request; once it has returned the callback is not called (if it had not started).
// Safe to call from any thread, more than once, and after the answer.
using HttpCanceller = std::function<void()>;

struct HttpClientOptions {
  std::string ca_file;      // a PEM bundle trusted besides the system store (AWS_CA_BUNDLE)
  bool verify_peer = true;  // false only in tests
  std::size_t max_idle_per_host = 8;
  std::size_t max_idle_total = 64;
  std::chrono::seconds max_idle_time{30};  // an idle connection older than this is closed
  std::string user_agent = "sfn-local";    // unless the request sets one
};

class HttpClient {
 public:
  // `io` must outlive the client. Throws std::runtime_error when `ca_file` cannot be loaded.
  HttpClient(boost::asio::io_context& io, HttpClientOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpCanceller send(HttpRequest request, HttpCallback callback);

  // For tests and logs: connections opened so far, and idle ones in the pool now.
  std::size_t connections_opened() const;
  std::size_t idle_connections() const;

  struct Impl;

 private:
  std::shared_ptr<Impl> impl_;
};

// "connection refused", "timed out", ... for messages.
const char* describe(HttpError::Kind kind);

}  // namespace sfn::integrations

// One request as a coroutine on its strand (the shape of Beast's awaitable and coro-ssl client
// examples): a pooled connection or resolve → connect → TLS handshake, then write and read.
// Expected failures are values (as_tuple); a broken keep-alive connection is retried once on a
// fresh one when the peer had closed it before reading the request.
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ssl/host_name_verification.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include "integrations/net/client_impl.h"

namespace sfn::integrations::net {
namespace {

namespace http = beast::http;
using Clock = std::chrono::steady_clock;
using Kind = HttpError::Kind;
constexpr auto kTuple = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t kHeaderLimit = 64 * 1024;

tl::unexpected<HttpError> failure(Kind kind, std::string message) {
  return tl::unexpected(HttpError{kind, std::move(message)});
}

// The error to report for `ec`, knowing why the exchange was stopped.
HttpError stopped_or(const Exchange& ex, Kind kind, std::string message) {
  if (ex.timed_out) return HttpError{Kind::kTimeout, "no complete answer in time"};
  return HttpError{kind, std::move(message)};
}

bool peer_closed(const boost::system::error_code& ec) {
  return ec == http::error::end_of_stream || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
         ec == asio::ssl::error::stream_truncated;
}

std::string tls_failure(TlsStream& stream, const boost::system::error_code& ec) {
  const long verify = SSL_get_verify_result(stream.native_handle());
  if (verify != X509_V_OK) {
    return std::string("certificate verify failed: ") + X509_verify_cert_error_string(verify);
  }
  return ec.message();
}

// A new connection to `url`, stored in ex->connection as soon as it exists (so that abort()
// reaches the connect and the handshake).
asio::awaitable<tl::expected<void, HttpError>> open(HttpClient::Impl& client, Exchange& ex,
                                                    const Url& url, const HttpRequest& request,
                                                    Clock::time_point deadline) {
  const std::string where = url.authority();
  auto [rec, endpoints] =
      co_await ex.resolver.async_resolve(url.host, std::to_string(url.port), kTuple);
  if (rec || ex.aborted) {
    co_return tl::unexpected(
        stopped_or(ex, Kind::kDns, "cannot resolve " + url.host + ": " + rec.message()));
  }
  ex.connection = std::make_shared<Connection>(url.scheme + "://" + where,
                                               PlainStream(client.io.get_executor()));
  ++client.opened;
  PlainStream& tcp = ex.connection->tcp();
  tcp.expires_at(std::min(deadline, Clock::now() + request.connect_timeout));
  auto [cec, endpoint] = co_await tcp.async_connect(endpoints, kTuple);
  tcp.expires_never();
  if (cec == beast::error::timeout && !ex.timed_out) {
    co_return failure(Kind::kConnectTimeout, "connect to " + where + " timed out");
  }
  if (cec || ex.aborted) {
    co_return tl::unexpected(
        stopped_or(ex, Kind::kConnect, "connect to " + where + " failed: " + cec.message()));
  }
  if (!url.https()) co_return tl::expected<void, HttpError>();

  PlainStream connected(std::move(tcp));  // out of the variant before it changes alternative
  ex.connection->stream.emplace<TlsStream>(std::move(connected), client.tls);
  TlsStream& tls = std::get<TlsStream>(ex.connection->stream);
  boost::system::error_code ignored;
  asio::ip::make_address(url.host, ignored);
  const bool ip = !ignored;  // SNI names hosts, never addresses
  if (!ip) SSL_set_tlsext_host_name(tls.native_handle(), url.host.c_str());
  if (client.options.verify_peer)
    tls.set_verify_callback(asio::ssl::host_name_verification(url.host));
  auto [hec] = co_await tls.async_handshake(asio::ssl::stream_base::client, kTuple);
  if (hec || ex.aborted) {
    co_return tl::unexpected(
        stopped_or(ex, Kind::kTls, "TLS with " + where + ": " + tls_failure(tls, hec)));
  }
  co_return tl::expected<void, HttpError>();
}

http::request<http::string_body> message(const Url& url, const HttpRequest& r,
                                         const std::string& user_agent) {
  http::request<http::string_body> m;
  m.method_string(r.method);
  m.target(url.target());
  m.version(11);
  bool agent = false;
  for (const auto& [name, value] : r.headers) {
    m.insert(name, value);
    agent = agent || beast::iequals(name, "user-agent");
  }
  m.set(http::field::host, url.host_header());
  if (!agent) m.set(http::field::user_agent, user_agent);
  m.body() = r.body;
  if (!(r.body.empty() && (r.method == "GET" || r.method == "HEAD"))) m.prepare_payload();
  m.keep_alive(true);
  return m;
}

struct Attempt {
  HttpResult result;
  bool retry = false;  // a reused connection the peer had closed: nothing was answered
};

asio::awaitable<Attempt> exchange_once(HttpClient::Impl& client, Exchange& ex, const Url& url,
                                       const HttpRequest& request, bool reused) {
  Connection& c = *ex.connection;
  auto m = message(url, request, client.options.user_agent);
  auto [wec, written] =
      co_await std::visit([&](auto& s) { return http::async_write(s, m, kTuple); }, c.stream);
  if (wec || ex.aborted) {
    co_return Attempt{
        tl::unexpected(stopped_or(ex, Kind::kProtocol,
                                  "sending to " + url.authority() + " failed: " + wec.message())),
        reused && peer_closed(wec) && !ex.aborted};
  }
  http::response_parser<http::string_body> parser;
  parser.header_limit(kHeaderLimit);
  parser.body_limit(request.body_limit);
  if (request.method == "HEAD") parser.skip(true);
  auto [rec, read] = co_await std::visit(
      [&](auto& s) { return http::async_read(s, c.buffer, parser, kTuple); }, c.stream);
  if (rec == http::error::body_limit) {
    co_return Attempt{
        failure(Kind::kBodyTooLarge, "the answer of " + url.authority() + " is larger than " +
                                         std::to_string(request.body_limit) + " bytes"),
        false};
  }
  if (rec || ex.aborted) {
    co_return Attempt{tl::unexpected(stopped_or(ex, Kind::kProtocol,
                                                "reading the answer of " + url.authority() +
                                                    " failed: " + rec.message())),
                      reused && peer_closed(rec) && !parser.got_some() && !ex.aborted};
  }
  auto& res = parser.get();
  HttpResponse out;
  out.status = static_cast<int>(res.result_int());
  out.reason = std::string(res.reason());
  for (const auto& field : res) out.headers.emplace_back(field.name_string(), field.value());
  out.body = std::move(res.body());
  out.reused_connection = reused;
  if (res.keep_alive() && parser.is_done()) {
    c.idle_since = Clock::now();
    client.pool.put(std::move(ex.connection));
  }
  ex.connection.reset();
  co_return Attempt{std::move(out), false};
}

asio::awaitable<HttpResult> run(std::shared_ptr<HttpClient::Impl> client,
                                std::shared_ptr<Exchange> ex, Url url, HttpRequest request) {
  const auto deadline = Clock::now() + request.total_timeout;
  ex->watchdog.expires_at(deadline);
  ex->watchdog.async_wait([ex](const boost::system::error_code& ec) {
    if (ec) return;
    ex->timed_out = true;
    ex->abort();
  });
  const std::string key = url.scheme + "://" + url.authority();
  for (int attempt = 0;; ++attempt) {
    if (ex->aborted) co_return tl::unexpected(stopped_or(*ex, Kind::kProtocol, "cancelled"));
    ex->connection = attempt == 0 ? client->pool.take(key) : nullptr;
    const bool reused = ex->connection != nullptr;
    if (!reused) {
      auto opened = co_await open(*client, *ex, url, request, deadline);
      if (!opened) co_return tl::unexpected(std::move(opened.error()));
    }
    Attempt a = co_await exchange_once(*client, *ex, url, request, reused);
    if (a.retry && attempt == 0) continue;
    co_return std::move(a.result);
  }
}

}  // namespace

void Exchange::deliver(HttpResult result) {
  int pending = kPending;
  if (!state.compare_exchange_strong(pending, kDelivered)) return;
  HttpCallback done = std::move(callback);
  if (done) done(std::move(result));
}

void Exchange::abort() {
  aborted = true;
  resolver.cancel();
  watchdog.cancel();
  if (connection) connection->close();
}

void start_exchange(std::shared_ptr<HttpClient::Impl> client, std::shared_ptr<Exchange> exchange,
                    Url url, HttpRequest request) {
  asio::co_spawn(exchange->strand,
                 run(std::move(client), exchange, std::move(url), std::move(request)),
                 [exchange](std::exception_ptr e, HttpResult result) {
                   exchange->watchdog.cancel();
                   if (exchange->connection) exchange->connection->close();
                   exchange->connection.reset();
                   if (e) {
                     try {
                       std::rethrow_exception(e);
                     } catch (const std::exception& x) {
                       result = tl::unexpected(HttpError{Kind::kProtocol, x.what()});
                     } catch (...) {
                       result = tl::unexpected(HttpError{Kind::kProtocol, "unknown failure"});
                     }
                   }
                   exchange->deliver(std::move(result));
                 });
}

}  // namespace sfn::integrations::net

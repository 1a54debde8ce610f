// HttpClient: the TLS context (system CA store plus an optional bundle), the pool, and send()
// handing each request to its exchange with a canceller.
#include "sfn/integrations/http_client.h"

#include <strings.h>

#include <boost/asio/post.hpp>
#include <stdexcept>

#include "integrations/net/client_impl.h"

namespace sfn::integrations {

namespace asio = boost::asio;

HttpClient::Impl::Impl(asio::io_context& context, HttpClientOptions opts)
    : io(context),
      options(std::move(opts)),
      tls(asio::ssl::context::tls_client),
      pool(options.max_idle_per_host, options.max_idle_total, options.max_idle_time) {
  tls.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                  asio::ssl::context::no_sslv3);
  boost::system::error_code ec;
  tls.set_default_verify_paths(ec);  // a missing system store leaves only the bundle
  if (!options.ca_file.empty()) {
    tls.load_verify_file(options.ca_file, ec);
    if (ec) {
      throw std::runtime_error("cannot load the CA bundle " + options.ca_file + ": " +
                               ec.message());
    }
  }
  tls.set_verify_mode(options.verify_peer ? asio::ssl::verify_peer : asio::ssl::verify_none);
}

HttpClient::HttpClient(asio::io_context& io, HttpClientOptions options)
    : impl_(std::make_shared<Impl>(io, std::move(options))) {}

HttpClient::~HttpClient() = default;

HttpCanceller HttpClient::send(HttpRequest request, HttpCallback callback) {
  auto exchange = std::make_shared<net::Exchange>(impl_->io);
  exchange->callback = std::move(callback);
  std::string why;
  auto url = parse_url(request.url, &why);
  if (!url) {
    // Answered on the exchange's strand like any other result, never inside send().
    asio::post(exchange->strand, [exchange, why, text = request.url] {
      exchange->deliver(tl::unexpected(
          HttpError{HttpError::Kind::kInvalidUrl, "invalid URL '" + text + "': " + why}));
    });
  } else {
    net::start_exchange(impl_, exchange, std::move(*url), std::move(request));
  }
  return [exchange] {
    int pending = net::Exchange::kPending;
    exchange->state.compare_exchange_strong(pending, net::Exchange::kCancelled);
    asio::post(exchange->strand, [exchange] { exchange->abort(); });
  };
}

std::size_t HttpClient::connections_opened() const { return impl_->opened.load(); }
std::size_t HttpClient::idle_connections() const { return impl_->pool.idle(); }

std::string HttpResponse::header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (n.size() == name.size() && ::strncasecmp(n.data(), name.data(), n.size()) == 0) return v;
  }
  return {};
}

const char* describe(HttpError::Kind kind) {
  switch (kind) {
    case HttpError::Kind::kInvalidUrl:
      return "invalid URL";
    case HttpError::Kind::kDns:
      return "host name not resolved";
    case HttpError::Kind::kConnect:
      return "connection failed";
    case HttpError::Kind::kConnectTimeout:
      return "connect timed out";
    case HttpError::Kind::kTimeout:
      return "timed out";
    case HttpError::Kind::kTls:
      return "TLS handshake failed";
    case HttpError::Kind::kBodyTooLarge:
      return "response body too large";
    case HttpError::Kind::kProtocol:
      return "connection broken";
  }
  return "failed";
}

}  // namespace sfn::integrations
